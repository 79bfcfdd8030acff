-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShopifyMutation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" TEXT,
    "sends" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME
);
INSERT INTO "new_ShopifyMutation" ("confirmedAt", "createdAt", "id", "key", "operation", "requestId", "result", "shop", "status") SELECT "confirmedAt", "createdAt", "id", "key", "operation", "requestId", "result", "shop", "status" FROM "ShopifyMutation";
DROP TABLE "ShopifyMutation";
ALTER TABLE "new_ShopifyMutation" RENAME TO "ShopifyMutation";
CREATE UNIQUE INDEX "ShopifyMutation_key_key" ON "ShopifyMutation"("key");
CREATE INDEX "ShopifyMutation_shop_requestId_idx" ON "ShopifyMutation"("shop", "requestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
