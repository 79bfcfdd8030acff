-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN "applyLeaseUntil" DATETIME;
