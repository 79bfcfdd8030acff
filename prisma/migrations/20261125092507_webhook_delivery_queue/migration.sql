/*
  Warnings:

  - Added the required column `payload` to the `WebhookDelivery` table without a default value. This is not possible if the table is not empty.
  - Added the required column `status` to the `WebhookDelivery` table without a default value. This is not possible if the table is not empty.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookDelivery" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);
INSERT INTO "new_WebhookDelivery" ("eventId", "receivedAt", "shop", "topic") SELECT "eventId", "receivedAt", "shop", "topic" FROM "WebhookDelivery";
DROP TABLE "WebhookDelivery";
ALTER TABLE "new_WebhookDelivery" RENAME TO "WebhookDelivery";
CREATE INDEX "WebhookDelivery_status_receivedAt_idx" ON "WebhookDelivery"("status", "receivedAt");
CREATE INDEX "WebhookDelivery_shop_idx" ON "WebhookDelivery"("shop");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
