-- CreateIndex
CREATE INDEX "ChangeRequest_shop_createdAt_id_idx" ON "ChangeRequest"("shop", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_status_createdAt_id_idx" ON "ChangeRequest"("shop", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_kind_createdAt_id_idx" ON "ChangeRequest"("shop", "kind", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_updatedAt_id_idx" ON "ChangeRequest"("shop", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_status_updatedAt_id_idx" ON "ChangeRequest"("shop", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_customerEmail_idx" ON "ChangeRequest"("shop", "customerEmail");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_customerName_idx" ON "ChangeRequest"("shop", "customerName");
