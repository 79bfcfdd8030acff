-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "jobLeaseUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "leaseUntil" TIMESTAMP(3);

