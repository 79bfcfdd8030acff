-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "fromName" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "replyTo" TEXT;
