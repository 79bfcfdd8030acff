-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN "origin" TEXT;

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_origin_appliedAt_idx" ON "ChangeRequest"("shop", "origin", "appliedAt");

-- CreateTable
CREATE TABLE "CustomerContact" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "emailOn" BOOLEAN NOT NULL DEFAULT true,
    "smsOn" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerContact_pkey" PRIMARY KEY ("shop","orderId","customerId")
);

-- CreateTable
CREATE TABLE "ContactVerification" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "requestKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactVerification_shop_orderId_customerId_createdAt_idx" ON "ContactVerification"("shop", "orderId", "customerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContactVerification_shop_requestKey_key" ON "ContactVerification"("shop", "requestKey");
