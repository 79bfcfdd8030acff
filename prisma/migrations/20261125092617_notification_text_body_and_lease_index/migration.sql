-- AlterTable
ALTER TABLE "NotificationTemplate" ADD COLUMN "textBody" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_status_leaseUntil_idx" ON "OutboxMessage"("status", "leaseUntil");
