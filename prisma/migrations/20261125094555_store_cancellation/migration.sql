-- CreateTable
CREATE TABLE "StoreCancellation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "lines" TEXT NOT NULL DEFAULT '[]',
    "note" TEXT,
    "staff" TEXT,
    "requestId" TEXT,
    "actionKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "StoreCancellation_shop_orderId_idx" ON "StoreCancellation"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreCancellation_shop_actionKey_key" ON "StoreCancellation"("shop", "actionKey");
