-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
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
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT
);

-- CreateTable
CREATE TABLE "ChangeRequest" (
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
    "decisionNote" TEXT,
    "failureMessage" TEXT,
    "deadlineAt" DATETIME,
    "holdApplied" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "appliedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "message" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShopifyMutation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotificationTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShopBranding" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "shopName" TEXT NOT NULL DEFAULT '',
    "shopEmail" TEXT,
    "shopUrl" TEXT,
    "logoUrl" TEXT,
    "logoWidth" INTEGER NOT NULL DEFAULT 120,
    "accentColor" TEXT NOT NULL DEFAULT '#1a73e8',
    "staffRecipients" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT,
    "event" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipientRole" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT,
    "html" TEXT,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "messageId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "resendOfId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outboxId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "response" TEXT NOT NULL,
    "providerMessageId" TEXT,
    CONSTRAINT "DeliveryAttempt_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderBlock" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "orderId")
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
CREATE UNIQUE INDEX "ChangeRequest_shop_idempotencyKey_key" ON "ChangeRequest"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "RequestMessage_requestId_at_idx" ON "RequestMessage"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ShopifyMutation_key_key" ON "ShopifyMutation"("key");

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
CREATE INDEX "OutboxMessage_shop_createdAt_idx" ON "OutboxMessage"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_requestId_idx" ON "OutboxMessage"("requestId");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_outboxId_at_idx" ON "DeliveryAttempt"("outboxId", "at");
