-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "result" TEXT;
