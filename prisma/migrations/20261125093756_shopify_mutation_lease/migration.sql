-- AlterTable
ALTER TABLE "ShopifyMutation" ADD COLUMN "inFlightUntil" DATETIME;
