import { Prisma } from "@prisma/client";
import { databaseProvider } from "~/db.server";
import type { DbTx } from "~/db.server";

/**
 * Claims: work rows (outbox messages, webhook deliveries, requests past their deadline) taken by exactly one
 * worker when several processes run. A claim is a lease — the row is marked with a time until which it is
 * this worker's; a worker that dies holds it no longer than that.
 *
 * PostgreSQL: one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)` — workers never wait for each
 * other and never take the same row; the due check runs again under the row lock.
 * SQLite: one writer at a time, so a conditional UPDATE whose WHERE repeats the due check is the same
 * guarantee (a row another worker took since the SELECT is no longer due).
 */
const postgres = () => databaseProvider() === "postgresql";

/** Outbox: PENDING whose time has come, or SENDING whose worker's lease ran out. Returns how many were claimed. */
export async function claimOutbox(
  db: DbTx,
  input: { token: string; now: Date; leaseUntil: Date; take: number },
): Promise<number> {
  const { token, now, leaseUntil, take } = input;
  if (postgres()) {
    return db.$executeRaw`
      UPDATE "OutboxMessage"
         SET "status" = 'SENDING', "leaseOwner" = ${token}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "OutboxMessage"
          WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= ${now}) OR ("status" = 'SENDING' AND "leaseUntil" < ${now})
          ORDER BY "nextAttemptAt"
          LIMIT ${take}
          FOR UPDATE SKIP LOCKED)`;
  }
  const due = {
    OR: [
      { status: "PENDING", nextAttemptAt: { lte: now } },
      { status: "SENDING", leaseUntil: { lt: now } },
    ],
  };
  const candidates = await db.outboxMessage.findMany({
    where: due,
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take,
  });
  if (candidates.length === 0) return 0;
  const { count } = await db.outboxMessage.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, ...due },
    data: { status: "SENDING", leaseOwner: token, leaseUntil, attempts: { increment: 1 } },
  });
  return count;
}

const webhookDue = (now: Date, receivedBefore: Date): Prisma.WebhookDeliveryWhereInput => ({
  OR: [
    { status: "RECEIVED", receivedAt: { lt: receivedBefore } },
    { status: "PROCESSING", leaseUntil: { lt: now } },
  ],
});

/**
 * Webhook deliveries to process: RECEIVED before `receivedBefore` (the web process answered and a worker picks
 * it up), or PROCESSING by a worker whose lease ran out. Returns the claimed event ids.
 */
export async function claimWebhookDeliveries(
  db: DbTx,
  input: { now: Date; receivedBefore: Date; leaseUntil: Date; take: number },
): Promise<string[]> {
  const { now, receivedBefore, leaseUntil, take } = input;
  if (postgres()) {
    const rows = await db.$queryRaw<{ eventId: string }[]>`
      UPDATE "WebhookDelivery"
         SET "status" = 'PROCESSING', "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
       WHERE "eventId" IN (
         SELECT "eventId" FROM "WebhookDelivery"
          WHERE ("status" = 'RECEIVED' AND "receivedAt" < ${receivedBefore})
             OR ("status" = 'PROCESSING' AND "leaseUntil" < ${now})
          ORDER BY "receivedAt"
          LIMIT ${take}
          FOR UPDATE SKIP LOCKED)
      RETURNING "eventId"`;
    return rows.map((r) => r.eventId);
  }
  const candidates = await db.webhookDelivery.findMany({
    where: webhookDue(now, receivedBefore),
    select: { eventId: true },
    orderBy: { receivedAt: "asc" },
    take,
  });
  const claimed: string[] = [];
  for (const { eventId } of candidates)
    if (await claimWebhookDelivery(db, { eventId, now, leaseUntil })) claimed.push(eventId);
  return claimed;
}

/** One delivery, right after it was stored (or again by a sweeper): true when this process now holds it. */
export async function claimWebhookDelivery(
  db: DbTx,
  input: { eventId: string; now: Date; leaseUntil: Date },
): Promise<boolean> {
  const claimed = await db.webhookDelivery.updateMany({
    where: {
      eventId: input.eventId,
      OR: [{ status: "RECEIVED" }, { status: "PROCESSING", leaseUntil: { lt: input.now } }],
    },
    data: { status: "PROCESSING", leaseUntil: input.leaseUntil, attempts: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** Open requests past their decision deadline, not being handled by another worker. Returns their ids. */
export async function claimDueRequests(
  db: DbTx,
  input: { now: Date; leaseUntil: Date; take: number },
): Promise<string[]> {
  const { now, leaseUntil, take } = input;
  // One statement on both providers: SQLite runs one writer at a time, PostgreSQL skips rows another worker
  // is claiming. Plain SQL also leaves updatedAt alone (Prisma's updateMany would bump it, and a request whose
  // deadline action keeps failing would climb the inbox's "recently updated" order every minute).
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ChangeRequest" SET "jobLeaseUntil" = ${leaseUntil}
     WHERE "id" IN (
       SELECT "id" FROM "ChangeRequest"
        WHERE "status" IN ('PENDING', 'NEEDS_INFO') AND "deadlineAt" <= ${now}
          AND ("jobLeaseUntil" IS NULL OR "jobLeaseUntil" < ${now})
        ORDER BY "deadlineAt"
        LIMIT ${take}
        ${postgres() ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty})
    RETURNING "id"`;
  return rows.map((r) => r.id);
}
