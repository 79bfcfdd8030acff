import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, databaseProvider, prisma } from "~/db.server";
import type { Transport } from "~/notifications/transports/types";
import { createOutboxWorker, type OutboxWorker } from "~/notifications/worker.server";
import { startSmtpSink, type SmtpSink } from "../../../demo/smtp-sink/server";
import { countByMessageId, queueEmails, seedBranding, smtpTo } from "./helpers";

// On PostgreSQL the second worker has its own client (its own connection pool), as another instance would:
// claims then really race under FOR UPDATE SKIP LOCKED. One SQLite instance has one connection
// (better-sqlite3 waits for locks synchronously, so two connections in one process deadlock); workers share
// it, as they do in one app instance. Separate processes on one SQLite database are exercised by
// bench/email-throughput.bench.ts's kill test and the fault suite.
let sink: SmtpSink;
const other = databaseProvider() === "postgresql" ? createPrismaClient(process.env.DATABASE_URL) : prisma;

beforeAll(async () => {
  sink = await startSmtpSink();
  await seedBranding(prisma);
});
afterAll(async () => {
  await sink.close();
  if (other !== prisma) await other.$disconnect();
});
beforeEach(async () => {
  sink.messages.length = 0;
  await prisma.outboxMessage.deleteMany({});
});

/** Runs a worker until no message is left to send (another worker may hold some meanwhile). */
async function drain(worker: OutboxWorker) {
  let total = 0;
  const deadline = Date.now() + 20_000;
  while ((await prisma.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) > 0) {
    if (Date.now() > deadline) {
      const left = await prisma.outboxMessage.groupBy({ by: ["status", "leaseOwner"], _count: true });
      throw new Error(
        `the outbox did not drain within 20 s: ${JSON.stringify(left)}; sink has ${sink.messages.length}`,
      );
    }
    const { claimed } = await worker.runOnce();
    total += claimed;
    // better-sqlite3 answers synchronously: without a pause this loop would starve the sockets.
    if (claimed === 0) await new Promise((r) => setTimeout(r, 5));
  }
  return total;
}

/** A transport that delivers the first `sends` messages, then freezes as a killed process would. */
function freezingAfter(real: Transport, sends: number, sendThenFreeze = false) {
  let left = sends;
  let dead = false;
  const frozen: (() => void)[] = [];
  const transport: Transport = {
    async send(message) {
      if (left-- > 0) return real.send(message);
      if (dead) return { ok: false, response: "the process woke up after its lease had ended", retryable: true };
      if (sendThenFreeze) await real.send(message);
      await new Promise<void>((resolve) => frozen.push(resolve));
      return { ok: false, response: "the process woke up after its lease had ended", retryable: true };
    },
  };
  return {
    transport,
    thaw: () => {
      dead = true;
      frozen.splice(0).forEach((f) => f());
    },
  };
}

async function expectEveryRowSentOnce(ids: string[]) {
  const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } }, include: { attemptsLog: true } });
  expect(rows.filter((r) => r.status !== "SENT")).toEqual([]);
  expect(rows.every((r) => r.attemptsLog.filter((a) => a.ok).length === 1)).toBe(true);
  const counts = countByMessageId(sink.messages);
  expect(counts.size).toBe(ids.length);
  expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
  expect(rows.map((r) => r.messageId).sort()).toEqual([...counts.keys()].sort());
}

describe("outbox workers", () => {
  it("GIVEN two workers whose claims interleave (both SELECT the same rows, then both UPDATE) THEN each row goes to one", async () => {
    const ids = await queueEmails(prisma, 10);
    const email = smtpTo(sink);
    const a = createOutboxWorker({ db: prisma, transports: { email }, workerId: "A", batchSize: 10 });
    const b = createOutboxWorker({ db: prisma, transports: { email }, workerId: "B", batchSize: 10 });
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    await email.close?.();
    expect([ra.claimed, rb.claimed].sort()).toEqual([0, 10]);
    await expectEveryRowSentOnce(ids);
  });

  it("GIVEN two workers racing batch after batch over the same rows THEN no message is claimed or sent twice", async () => {
    const ids = await queueEmails(prisma, 30);
    const [emailA, emailB] = [smtpTo(sink), smtpTo(sink)];
    const a = createOutboxWorker({ db: prisma, transports: { email: emailA }, workerId: "A", batchSize: 7 });
    const b = createOutboxWorker({ db: other, transports: { email: emailB }, workerId: "B", batchSize: 7 });
    const [byA, byB] = await Promise.all([drain(a), drain(b)]);
    await Promise.all([emailA.close?.(), emailB.close?.()]);
    expect(byA + byB).toBe(30);
    await expectEveryRowSentOnce(ids);
  });

  it("GIVEN a worker frozen mid-batch WHEN its lease ends THEN another worker delivers the rest, and the late worker cannot overwrite the outcome", async () => {
    const ids = await queueEmails(prisma, 10);
    const real = smtpTo(sink);
    const { transport, thaw } = freezingAfter(real, 4);
    const dying = createOutboxWorker({
      db: prisma,
      transports: { email: transport },
      workerId: "dying",
      batchSize: 10,
      concurrency: 1,
      leaseMs: 30_000,
    });
    const dyingRun = dying.runOnce();
    await expect.poll(() => sink.messages.length, { timeout: 10_000 }).toBe(4);
    // …and recorded (on PostgreSQL the rescuer has its own connection and could look before the 4th is written)
    await expect.poll(() => prisma.outboxMessage.count({ where: { status: "SENT" } }), { timeout: 10_000 }).toBe(4);

    const later = () => new Date(Date.now() + 31_000);
    const rescuer = createOutboxWorker({ db: other, transports: { email: real }, workerId: "rescuer", clock: later });
    expect((await rescuer.runOnce()).claimed).toBe(6);
    thaw();
    expect(await dyingRun).toMatchObject({ sent: 4, leaseLost: 6 });
    await real.close?.();
    await expectEveryRowSentOnce(ids);
  });

  it("GIVEN stop() mid-batch THEN in-flight sends finish, unsent rows are handed back untouched, and another worker sends them once", async () => {
    const ids = await queueEmails(prisma, 12);
    const real = smtpTo(sink);
    const slow: Transport = { send: async (m) => (await new Promise((r) => setTimeout(r, 40)), real.send(m)) };
    const worker = createOutboxWorker({ db: prisma, transports: { email: slow }, batchSize: 12, concurrency: 2 });
    worker.start();
    await expect.poll(() => sink.messages.length, { interval: 5, timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await worker.stop();
    const handedBack = await prisma.outboxMessage.findMany({ where: { id: { in: ids }, status: "PENDING" } });
    expect(handedBack.length).toBeGreaterThan(0);
    expect(handedBack.every((r) => r.attempts === 0 && r.leaseOwner === null)).toBe(true);
    expect(await prisma.outboxMessage.count({ where: { status: "SENDING" } })).toBe(0);

    await drain(createOutboxWorker({ db: other, transports: { email: real } }));
    await real.close?.();
    await expectEveryRowSentOnce(ids);
  });

  it("GIVEN a worker killed after the server accepted an email but before recording it THEN the resend carries the same Message-ID", async () => {
    // The one window SMTP cannot close (the server has no idempotency key): the duplicate is recognisable.
    const [id] = await queueEmails(prisma, 1);
    const real = smtpTo(sink);
    const { transport } = freezingAfter(real, 0, true);
    void createOutboxWorker({ db: prisma, transports: { email: transport }, leaseMs: 10_000 }).runOnce();
    await expect.poll(() => sink.messages.length, { timeout: 10_000 }).toBe(1);
    await createOutboxWorker({
      db: other,
      transports: { email: real },
      clock: () => new Date(Date.now() + 11_000),
    }).runOnce();
    await real.close?.();
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(sink.messages.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
  });
});
