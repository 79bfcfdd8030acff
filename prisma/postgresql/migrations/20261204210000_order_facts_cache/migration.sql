-- CreateTable
CREATE TABLE "OrderFactsCache" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "facts" TEXT,
    "customerId" TEXT,
    "fulfillmentOrderIds" TEXT NOT NULL DEFAULT '',
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "invalidatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderFactsCache_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateIndex
CREATE INDEX "OrderFactsCache_shop_customerId_idx" ON "OrderFactsCache"("shop", "customerId");

-- CreateIndex
CREATE INDEX "OrderFactsCache_fetchedAt_idx" ON "OrderFactsCache"("fetchedAt");

