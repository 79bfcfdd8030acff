-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChangeRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT NOT NULL DEFAULT '',
    "customerEmail" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "payload" TEXT NOT NULL,
    "evaluation" TEXT NOT NULL DEFAULT '[]',
    "settingsVersion" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "openKey" TEXT,
    "appliedKey" TEXT,
    "singleChange" BOOLEAN NOT NULL DEFAULT true,
    "decisionNote" TEXT,
    "failureMessage" TEXT,
    "deadlineAt" DATETIME,
    "holdApplied" BOOLEAN NOT NULL DEFAULT false,
    "applyLeaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "appliedAt" DATETIME
);
INSERT INTO "new_ChangeRequest" ("appliedAt", "appliedKey", "applyLeaseUntil", "createdAt", "customerEmail", "customerId", "customerName", "deadlineAt", "decidedAt", "decisionNote", "evaluation", "failureMessage", "holdApplied", "id", "idempotencyKey", "kind", "locale", "openKey", "orderId", "orderName", "payload", "settingsVersion", "shop", "status", "updatedAt") SELECT "appliedAt", "appliedKey", "applyLeaseUntil", "createdAt", "customerEmail", "customerId", "customerName", "deadlineAt", "decidedAt", "decisionNote", "evaluation", "failureMessage", "holdApplied", "id", "idempotencyKey", "kind", "locale", "openKey", "orderId", "orderName", "payload", "settingsVersion", "shop", "status", "updatedAt" FROM "ChangeRequest";
DROP TABLE "ChangeRequest";
ALTER TABLE "new_ChangeRequest" RENAME TO "ChangeRequest";
CREATE UNIQUE INDEX "ChangeRequest_openKey_key" ON "ChangeRequest"("openKey");
CREATE UNIQUE INDEX "ChangeRequest_appliedKey_key" ON "ChangeRequest"("appliedKey");
CREATE INDEX "ChangeRequest_shop_status_createdAt_idx" ON "ChangeRequest"("shop", "status", "createdAt");
CREATE INDEX "ChangeRequest_shop_createdAt_idx" ON "ChangeRequest"("shop", "createdAt");
CREATE INDEX "ChangeRequest_shop_orderId_idx" ON "ChangeRequest"("shop", "orderId");
CREATE INDEX "ChangeRequest_shop_orderName_idx" ON "ChangeRequest"("shop", "orderName");
CREATE INDEX "ChangeRequest_shop_customerId_idx" ON "ChangeRequest"("shop", "customerId");
CREATE INDEX "ChangeRequest_status_deadlineAt_idx" ON "ChangeRequest"("status", "deadlineAt");
CREATE INDEX "ChangeRequest_shop_createdAt_id_idx" ON "ChangeRequest"("shop", "createdAt", "id");
CREATE INDEX "ChangeRequest_shop_status_createdAt_id_idx" ON "ChangeRequest"("shop", "status", "createdAt", "id");
CREATE INDEX "ChangeRequest_shop_kind_createdAt_id_idx" ON "ChangeRequest"("shop", "kind", "createdAt", "id");
CREATE INDEX "ChangeRequest_shop_updatedAt_id_idx" ON "ChangeRequest"("shop", "updatedAt", "id");
CREATE INDEX "ChangeRequest_shop_status_updatedAt_id_idx" ON "ChangeRequest"("shop", "status", "updatedAt", "id");
CREATE INDEX "ChangeRequest_shop_customerEmail_idx" ON "ChangeRequest"("shop", "customerEmail");
CREATE INDEX "ChangeRequest_shop_customerName_idx" ON "ChangeRequest"("shop", "customerName");
CREATE UNIQUE INDEX "ChangeRequest_shop_idempotencyKey_key" ON "ChangeRequest"("shop", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
