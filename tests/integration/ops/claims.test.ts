import type { Prisma } from "@prisma/client";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, databaseProvider, prisma } from "~/db.server";
import { claimDueRequests, claimOutbox, claimWebhookDeliveries } from "~/models/claims.server";

// Four workers claim the same backlog at once. On PostgreSQL each has its own client (its own pool), as
// separate instances do, so the claims really race (FOR UPDATE SKIP LOCKED); one SQLite process has one
// connection, shared. Either way: every due row is claimed, and by exactly one worker.
const WORKERS = 4;
const clients =
  databaseProvider() === "postgresql"
    ? Array.from({ length: WORKERS }, () => createPrismaClient(process.env.DATABASE_URL))
    : Array.from({ length: WORKERS }, () => prisma);
afterAll(() => Promise.all(clients.filter((c) => c !== prisma).map((c) => c.$disconnect())));

const SHOP = "claims.myshopify.com";
const now = new Date();
const lease = new Date(now.getTime() + 60_000);

/** Each worker claims batch after batch until it gets nothing; returns what each one got. */
async function race(claim: (db: (typeof clients)[number], worker: number) => Promise<string[]>) {
  return Promise.all(
    clients.map(async (db, worker) => {
      const mine: string[] = [];
      for (;;) {
        const got = await claim(db, worker);
        if (got.length === 0) return mine;
        mine.push(...got);
      }
    }),
  );
}

function expectPartition(perWorker: string[][], expected: string[]) {
  const all = perWorker.flat();
  expect(new Set(all).size).toBe(all.length); // nobody claimed a row twice, no two workers shared one
  expect([...all].sort()).toEqual([...expected].sort()); // every due row claimed, nothing else
}

describe(`claims with ${WORKERS} workers at once (${databaseProvider()})`, () => {
  it("GIVEN 120 due outbox messages and 10 not yet due THEN each due one is claimed by exactly one worker", async () => {
    const rows = Array.from({ length: 130 }, (_, i) => ({
      shop: SHOP,
      event: "CANCELLATION_REQUESTED",
      channel: "EMAIL",
      recipientRole: "CUSTOMER",
      recipient: `c${i}@example.com`,
      locale: "en",
      text: "…",
      messageId: `<claim-${i}@amend>`,
      status: "PENDING",
      idempotencyKey: `claim-${i}`,
      nextAttemptAt: i < 120 ? new Date(now.getTime() - 1_000) : new Date(now.getTime() + 3_600_000),
    }));
    await prisma.outboxMessage.createMany({ data: rows });
    const due = (await prisma.outboxMessage.findMany({ where: { nextAttemptAt: { lte: now } } })).map((r) => r.id);

    const perWorker = await race(async (db, worker) => {
      const token = `w${worker}#${Math.random()}`;
      const n = await claimOutbox(db, { token, now, leaseUntil: lease, take: 7 });
      if (n === 0) return [];
      return (await db.outboxMessage.findMany({ where: { leaseOwner: token }, select: { id: true } })).map((r) => r.id);
    });
    expectPartition(perWorker, due);
    expect(await prisma.outboxMessage.count({ where: { status: "SENDING", attempts: 1 } })).toBe(120);
  });

  it("GIVEN a SENDING message whose worker's lease ran out THEN one other worker takes it over", async () => {
    const stale = await prisma.outboxMessage.create({
      data: {
        shop: SHOP,
        event: "CANCELLATION_REQUESTED",
        channel: "EMAIL",
        recipientRole: "CUSTOMER",
        recipient: "late@example.com",
        locale: "en",
        text: "…",
        messageId: "<stale@amend>",
        idempotencyKey: "stale",
        status: "SENDING",
        leaseOwner: "dead#1",
        leaseUntil: new Date(now.getTime() - 1),
        attempts: 1,
      },
    });
    const perWorker = await race(async (db, worker) => {
      const token = `again${worker}#${Math.random()}`;
      const n = await claimOutbox(db, { token, now, leaseUntil: lease, take: 5 });
      return n === 0 ? [] : (await db.outboxMessage.findMany({ where: { leaseOwner: token } })).map((r) => r.id);
    });
    expectPartition(perWorker, [stale.id]);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ attempts: 2 });
  });

  it("GIVEN 60 webhook deliveries received earlier, one held by a dead worker and one just received THEN each old one is processed by one worker", async () => {
    const old = new Date(now.getTime() - 60_000);
    await prisma.webhookDelivery.createMany({
      data: [
        ...Array.from({ length: 60 }, (_, i) => ({
          eventId: `ev-${i}`,
          shop: SHOP,
          topic: "ORDERS_UPDATED",
          payload: "{}",
          status: "RECEIVED",
          receivedAt: old,
        })),
        {
          eventId: "ev-dead",
          shop: SHOP,
          topic: "ORDERS_UPDATED",
          payload: "{}",
          status: "PROCESSING",
          leaseUntil: old,
          receivedAt: old,
        },
        {
          eventId: "ev-held",
          shop: SHOP,
          topic: "ORDERS_UPDATED",
          payload: "{}",
          status: "PROCESSING",
          leaseUntil: lease,
          receivedAt: old,
        },
        { eventId: "ev-new", shop: SHOP, topic: "ORDERS_UPDATED", payload: "{}", status: "RECEIVED", receivedAt: now },
      ],
    });
    const perWorker = await race((db) =>
      claimWebhookDeliveries(db, { now, receivedBefore: new Date(now.getTime() - 30_000), leaseUntil: lease, take: 9 }),
    );
    expectPartition(perWorker, [...Array.from({ length: 60 }, (_, i) => `ev-${i}`), "ev-dead"]);
  });

  it("GIVEN 50 requests past their deadline and others not THEN each overdue one is handled by exactly one worker", async () => {
    const base = { shop: SHOP, orderName: "#1", customerId: "1", payload: "{}", settingsVersion: 1 };
    const past = new Date(now.getTime() - 1_000);
    await prisma.changeRequest.createMany({
      data: [
        ...Array.from({ length: 50 }, (_, i): Prisma.ChangeRequestCreateManyInput => ({
          ...base,
          kind: "CANCELLATION",
          status: i % 2 ? "PENDING" : "NEEDS_INFO",
          orderId: String(1000 + i),
          idempotencyKey: `due-${i}`,
          deadlineAt: past,
        })),
        {
          ...base,
          kind: "CANCELLATION",
          status: "PENDING",
          orderId: "2000",
          idempotencyKey: "later",
          deadlineAt: lease,
        },
        { ...base, kind: "CANCELLATION", status: "APPLIED", orderId: "2001", idempotencyKey: "done", deadlineAt: past },
        {
          ...base,
          kind: "CANCELLATION",
          status: "PENDING",
          orderId: "2002",
          idempotencyKey: "held",
          deadlineAt: past,
          jobLeaseUntil: lease,
        },
      ],
    });
    const due = (await prisma.changeRequest.findMany({ where: { idempotencyKey: { startsWith: "due-" } } })).map(
      (r) => r.id,
    );
    const before = await prisma.changeRequest.findMany({
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
    });
    const perWorker = await race((db) => claimDueRequests(db, { now, leaseUntil: lease, take: 6 }));
    expectPartition(perWorker, due);
    // a claim is not an update the merchant sees: the inbox's "recently updated" order stays as it was
    expect(
      await prisma.changeRequest.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
    ).toEqual(before);
    const claimed = await prisma.changeRequest.findMany({
      where: { id: { in: due } },
      select: { jobLeaseUntil: true },
    });
    expect(claimed.every((r) => r.jobLeaseUntil?.getTime() === lease.getTime())).toBe(true);
  });
});
