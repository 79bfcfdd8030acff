-- Amend on PostgreSQL: the same models as prisma/schema.prisma (SQLite), as one initial migration.
-- The searchable columns of ChangeRequest compare byte-wise (COLLATE "C"), like SQLite, so the inbox's
-- prefix ranges use their indexes whatever the database's default collation.

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT COLLATE "C" NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "customerEmail" TEXT COLLATE "C",
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
    "deadlineAt" TIMESTAMP(3),
    "holdApplied" BOOLEAN NOT NULL DEFAULT false,
    "applyLeaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "message" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestMessage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopifyMutation" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "requestId" TEXT,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" TEXT,
    "sends" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "inFlightUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "ShopifyMutation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "eventId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "result" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationTemplate" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "textBody" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopBranding" (
    "shop" TEXT NOT NULL,
    "shopName" TEXT NOT NULL DEFAULT '',
    "shopEmail" TEXT,
    "shopUrl" TEXT,
    "logoUrl" TEXT,
    "logoWidth" INTEGER NOT NULL DEFAULT 120,
    "accentColor" TEXT NOT NULL DEFAULT '#1a73e8',
    "staffRecipients" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopBranding_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "requestId" TEXT,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipientRole" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "fromName" TEXT,
    "replyTo" TEXT,
    "subject" TEXT,
    "html" TEXT,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "messageId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "resendOfId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "response" TEXT NOT NULL,
    "providerMessageId" TEXT,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderBlock" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderBlock_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "StoreCancellation" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreCancellation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowTriggerSubscription" (
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "definitionId" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowTriggerSubscription_pkey" PRIMARY KEY ("shop","handle")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "ShopSettings_shop_version_key" ON "ShopSettings"("shop", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeRequest_openKey_key" ON "ChangeRequest"("openKey");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeRequest_appliedKey_key" ON "ChangeRequest"("appliedKey");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_status_createdAt_idx" ON "ChangeRequest"("shop", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_createdAt_idx" ON "ChangeRequest"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_orderId_idx" ON "ChangeRequest"("shop", "orderId");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_orderName_idx" ON "ChangeRequest"("shop", "orderName");

-- CreateIndex
CREATE INDEX "ChangeRequest_shop_customerId_idx" ON "ChangeRequest"("shop", "customerId");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_deadlineAt_idx" ON "ChangeRequest"("status", "deadlineAt");

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

-- CreateIndex
CREATE UNIQUE INDEX "ChangeRequest_shop_idempotencyKey_key" ON "ChangeRequest"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "RequestMessage_requestId_at_idx" ON "RequestMessage"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ShopifyMutation_key_key" ON "ShopifyMutation"("key");

-- CreateIndex
CREATE INDEX "ShopifyMutation_shop_requestId_idx" ON "ShopifyMutation"("shop", "requestId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_receivedAt_idx" ON "WebhookDelivery"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_idx" ON "WebhookDelivery"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSetting_shop_event_channel_recipient_key" ON "NotificationSetting"("shop", "event", "channel", "recipient");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationTemplate_shop_event_channel_recipient_locale_key" ON "NotificationTemplate"("shop", "event", "channel", "recipient", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageId_key" ON "OutboxMessage"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_leaseUntil_idx" ON "OutboxMessage"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "OutboxMessage_shop_createdAt_idx" ON "OutboxMessage"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_requestId_idx" ON "OutboxMessage"("requestId");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_outboxId_at_idx" ON "DeliveryAttempt"("outboxId", "at");

-- CreateIndex
CREATE INDEX "StoreCancellation_shop_orderId_idx" ON "StoreCancellation"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreCancellation_shop_actionKey_key" ON "StoreCancellation"("shop", "actionKey");

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestMessage" ADD CONSTRAINT "RequestMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

