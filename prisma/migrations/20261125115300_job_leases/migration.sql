-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN "jobLeaseUntil" DATETIME;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "leaseUntil" DATETIME;
