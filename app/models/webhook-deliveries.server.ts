import type { WebhookDelivery } from "@prisma/client";
import type { DbTx } from "~/db.server";

// The webhook acknowledgement's writes, in plain SQL that both providers read alike: on this path Prisma's
// query planning cost more than the write itself (bench/webhooks.bench.ts).

/**
 * Stores a delivery already claimed by this process (PROCESSING until `leaseUntil`, first attempt). Null when
 * its event id was stored before: Shopify delivered it twice.
 */
export async function insertClaimedDelivery(
  db: DbTx,
  input: { eventId: string; shop: string; topic: string; payload: string; receivedAt: Date; leaseUntil: Date },
): Promise<WebhookDelivery | null> {
  const { eventId, shop, topic, payload, receivedAt, leaseUntil } = input;
  const inserted = await db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("eventId", "shop", "topic", "payload", "status", "leaseUntil", "attempts", "receivedAt")
    VALUES (${eventId}, ${shop}, ${topic}, ${payload}, 'PROCESSING', ${leaseUntil}, 1, ${receivedAt})
    ON CONFLICT ("eventId") DO NOTHING`;
  if (inserted !== 1) return null;
  return {
    eventId,
    shop,
    topic,
    payload,
    status: "PROCESSING",
    leaseUntil,
    attempts: 1,
    lastError: null,
    result: null,
    receivedAt,
    processedAt: null,
  };
}

/** A delivery's work is done: what it produced, if anything, kept for the merchant. */
export async function markDeliveryProcessed(
  db: DbTx,
  input: { eventId: string; processedAt: Date; result: string | null },
): Promise<void> {
  await db.$executeRaw`
    UPDATE "WebhookDelivery"
       SET "status" = 'PROCESSED', "processedAt" = ${input.processedAt}, "leaseUntil" = NULL, "result" = ${input.result}
     WHERE "eventId" = ${input.eventId}`;
}
