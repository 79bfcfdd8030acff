import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { createOutboxWorker } from "~/notifications/worker.server";
import { startSmtpSink, type SmtpSink } from "../../../demo/smtp-sink/server";
import { countByMessageId, manualClock, queueEmails, seedBranding, smtpTo } from "./helpers";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  await seedBranding(prisma);
});
afterAll(() => sink.close());
beforeEach(async () => {
  sink.messages.length = 0;
  await prisma.outboxMessage.deleteMany({});
});

/** Runs the worker, moving the clock past each backoff, until nothing is due. */
async function drain(
  worker: ReturnType<typeof createOutboxWorker>,
  clock: ReturnType<typeof manualClock>,
  rounds = 10,
) {
  for (let i = 0; i < rounds; i++) {
    await worker.runOnce();
    clock.advance(60_000);
  }
}

describe("SMTP server refusing and dropping connections", () => {
  it.each([
    ["451 (try later)", 451],
    ["554 at DATA (refused)", 554],
  ])(
    "GIVEN the server answers %s twice THEN each email is delivered after recovery, exactly once, with the answers logged",
    async (_label, code) => {
      const ids = await queueEmails(prisma, 3);
      sink.refuse(2, code);
      const clock = manualClock();
      const email = smtpTo(sink);
      const worker = createOutboxWorker({
        db: prisma,
        transports: { email },
        clock: clock.now,
        concurrency: 1,
        backoff: { baseMs: 1_000, maxMs: 10_000 },
      });
      await drain(worker, clock);
      await email.close?.();

      const rows = await prisma.outboxMessage.findMany({
        where: { id: { in: ids } },
        include: { attemptsLog: { orderBy: { at: "asc" } } },
      });
      expect(rows.every((r) => r.status === "SENT")).toBe(true);
      const counts = countByMessageId(sink.messages);
      expect([...counts.values()]).toEqual([1, 1, 1]);
      expect(rows.map((r) => r.messageId).sort()).toEqual([...counts.keys()].sort());
      const failures = rows.flatMap((r) => r.attemptsLog.filter((a) => !a.ok));
      expect(failures).toHaveLength(2);
      expect(failures[0].response).toMatch(new RegExp(`DATA: ${code} `));
    },
  );

  it("GIVEN the server drops the connection after DATA twice THEN every email is delivered once after recovery", async () => {
    const ids = await queueEmails(prisma, 4);
    sink.drop(2);
    const clock = manualClock();
    const email = smtpTo(sink);
    const worker = createOutboxWorker({
      db: prisma,
      transports: { email },
      clock: clock.now,
      concurrency: 2,
      backoff: { baseMs: 1_000, maxMs: 10_000 },
    });
    await drain(worker, clock);
    await email.close?.();

    const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } }, include: { attemptsLog: true } });
    expect(rows.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT", "SENT"]);
    expect([...countByMessageId(sink.messages).values()]).toEqual([1, 1, 1, 1]);
    const failures = rows.flatMap((r) => r.attemptsLog.filter((a) => !a.ok));
    expect(failures).toHaveLength(2);
    expect(failures[0].response).toMatch(/ECONNECTION|ESOCKET|closed/i);
  });

  it("GIVEN the server is down WHEN it comes back THEN the email goes out; the backoff grows between attempts", async () => {
    const [id] = await queueEmails(prisma, 1);
    const port = sink.port;
    await sink.close();
    const clock = manualClock();
    const email = smtpTo(sink);
    const worker = createOutboxWorker({
      db: prisma,
      transports: { email },
      clock: clock.now,
      random: () => 1,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
      waits.push(row.nextAttemptAt.getTime() - clock.now().getTime());
      clock.advance(waits[i]);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    sink = await startSmtpSink({ port });
    await worker.runOnce();
    await email.close?.();
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id }, include: { attemptsLog: true } });
    expect(row).toMatchObject({ status: "SENT", attempts: 4 });
    expect(row.attemptsLog.filter((a) => !a.ok).map((a) => a.response)).toEqual(
      Array(3).fill(expect.stringMatching(/ECONNREFUSED|ECONNECTION/)),
    );
    expect(sink.messages).toHaveLength(1);
  });

  it("GIVEN the server keeps refusing THEN the message is FAILED after maxAttempts, with every answer in the log", async () => {
    const [id] = await queueEmails(prisma, 1);
    sink.refuse(100, 451);
    const clock = manualClock();
    const email = smtpTo(sink);
    const worker = createOutboxWorker({
      db: prisma,
      transports: { email },
      clock: clock.now,
      backoff: { baseMs: 1_000, maxMs: 5_000, maxAttempts: 3 },
    });
    await drain(worker, clock, 6);
    await email.close?.();
    sink.refuse(0);
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id }, include: { attemptsLog: true } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, lastError: expect.stringMatching(/^DATA: 451 /) });
    expect(row.attemptsLog).toHaveLength(3);
    expect(sink.messages).toHaveLength(0);
  });
});
