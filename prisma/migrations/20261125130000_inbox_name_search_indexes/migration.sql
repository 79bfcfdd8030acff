-- DropIndex
DROP INDEX "ChangeRequest_shop_customerName_idx";

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_customerName_createdAt_id_idx" ON "ChangeRequest"("shop", "customerName", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_customerName_updatedAt_id_idx" ON "ChangeRequest"("shop", "customerName", "updatedAt", "id");
