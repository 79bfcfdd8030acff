import { Prisma } from "@prisma/client";
import { databaseProvider } from "~/db.server";
import type { DbTx } from "~/db.server";
import { FINAL_STATUSES } from "~/domain/state-machine";

/**
 * Claims: work rows (outbox messages, webhook deliveries, requests past their deadline) taken by exactly one
 * worker when several processes run. A claim is a lease — the row is marked with a time until which it is
 * this worker's; a worker that dies holds it no longer than that.
 *
 * Each claim is one `UPDATE … WHERE id IN (SELECT … due … LIMIT n)` on both providers, in plain SQL (which also
 * leaves `updatedAt` alone). PostgreSQL adds `FOR UPDATE SKIP LOCKED`: workers never wait for each other and
 * never take the same row. SQLite runs one writer at a time, so the statement is atomic as it is.
 */
const skipLocked = () => (databaseProvider() === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty);

/** Outbox: PENDING whose time has come, or SENDING whose worker's lease ran out. Returns how many were claimed. */
export function claimOutbox(
  db: DbTx,
  input: { token: string; now: Date; leaseUntil: Date; take: number },
): Promise<number> {
  const { token, now, leaseUntil, take } = input;
  return db.$executeRaw`
    UPDATE "OutboxMessage"
       SET "status" = 'SENDING', "leaseOwner" = ${token}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT "id" FROM "OutboxMessage"
        WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= ${now}) OR ("status" = 'SENDING' AND "leaseUntil" < ${now})
        ORDER BY "nextAttemptAt"
        LIMIT ${take}
        ${skipLocked()})`;
}

/**
 * Webhook deliveries to process: RECEIVED before `receivedBefore` (a delivery whose processing failed, back for
 * another try), or PROCESSING by a process whose lease ran out. Returns the claimed event ids.
 */
export async function claimWebhookDeliveries(
  db: DbTx,
  input: { now: Date; receivedBefore: Date; leaseUntil: Date; take: number },
): Promise<string[]> {
  const { now, receivedBefore, leaseUntil, take } = input;
  const rows = await db.$queryRaw<{ eventId: string }[]>`
    UPDATE "WebhookDelivery"
       SET "status" = 'PROCESSING', "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
     WHERE "eventId" IN (
       SELECT "eventId" FROM "WebhookDelivery"
        WHERE ("status" = 'RECEIVED' AND "receivedAt" < ${receivedBefore})
           OR ("status" = 'PROCESSING' AND "leaseUntil" < ${now})
        ORDER BY "receivedAt"
        LIMIT ${take}
        ${skipLocked()})
    RETURNING "eventId"`;
  return rows.map((r) => r.eventId);
}

/** Open requests past their decision deadline, not being handled by another worker. Returns their ids. */
export function claimDueRequests(db: DbTx, input: { now: Date; leaseUntil: Date; take: number }): Promise<string[]> {
  const due = Prisma.sql`"status" IN ('PENDING', 'NEEDS_INFO') AND "deadlineAt" <= ${input.now}`;
  return claimRequests(db, due, Prisma.sql`"deadlineAt"`, input);
}

/**
 * Final requests (rejected, withdrawn, expired…) whose hold on the order is still recorded as placed — its release
 * failed or never ran — not being handled by another worker or by the decision that just ended them.
 */
export function claimHeldFinalRequests(
  db: DbTx,
  input: { now: Date; leaseUntil: Date; take: number },
): Promise<string[]> {
  const held = Prisma.sql`"holdApplied" = TRUE AND "status" IN (${Prisma.join([...FINAL_STATUSES])})`;
  return claimRequests(db, held, Prisma.sql`"updatedAt"`, input);
}

/** Requests matching `where` whose job lease is free or ran out, oldest by `orderBy` first. Returns their ids. */
async function claimRequests(
  db: DbTx,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  input: { now: Date; leaseUntil: Date; take: number },
): Promise<string[]> {
  const { now, leaseUntil, take } = input;
  // (Prisma's updateMany would bump updatedAt: a request whose deadline action keeps failing would climb the
  // inbox's "recently updated" order every minute.)
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ChangeRequest" SET "jobLeaseUntil" = ${leaseUntil}
     WHERE "id" IN (
       SELECT "id" FROM "ChangeRequest"
        WHERE ${where}
          AND ("jobLeaseUntil" IS NULL OR "jobLeaseUntil" < ${now})
        ORDER BY ${orderBy}
        LIMIT ${take}
        ${skipLocked()})
    RETURNING "id"`;
  return rows.map((r) => r.id);
}
