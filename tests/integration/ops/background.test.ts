import "../../support/app-env";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { startBackgroundWork, type BackgroundLog } from "~/background.server";
import { prisma } from "~/db.server";
import type { DeliveryResult, Transport } from "~/notifications/transports/types";
import { queueEmails, seedBranding } from "../notifications/helpers";

const quiet: BackgroundLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** An SMTP server that takes its time: sends wait until released. */
function gatedTransport() {
  const waiting: (() => void)[] = [];
  let started = 0;
  const transport: Transport & { close: ReturnType<typeof vi.fn<() => void>> } = {
    async send(message): Promise<DeliveryResult> {
      started++;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { ok: true, response: "250 OK", providerMessageId: message.messageId };
    },
    close: vi.fn<() => void>(),
  };
  return { transport, started: () => started, release: () => waiting.splice(0).forEach((r) => r()) };
}

beforeEach(async () => {
  await prisma.outboxMessage.deleteMany({});
  await seedBranding(prisma);
});

describe("background work", () => {
  it("GIVEN sends in flight and claimed rows not yet sent WHEN stop() THEN the sends finish, the rest is handed back unclaimed, and the SMTP pool is closed", async () => {
    const ids = await queueEmails(prisma, 30);
    const email = gatedTransport();
    // one batch of 20 claimed, 10 sent at once (the worker's concurrency): 10 wait claimed, 10 stay PENDING
    const work = await startBackgroundWork({
      transports: { email: email.transport },
      workerId: "test-worker",
      pollIntervalMs: 20,
      jobsIntervalMs: 60_000,
      log: quiet,
    });
    await until(() => email.started() === 10, "10 sends in flight");
    expect(
      await prisma.outboxMessage.count({ where: { status: "SENDING", leaseOwner: { startsWith: "test-worker#" } } }),
    ).toBe(20);

    const stopped = work.stop();
    await new Promise((r) => setTimeout(r, 50));
    email.release();
    await stopped;

    const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
    const byStatus = (s: string) => rows.filter((r) => r.status === s);
    expect([byStatus("SENT").length, byStatus("PENDING").length, byStatus("SENDING").length]).toEqual([10, 20, 0]);
    // handed back as they were: no lease, and the attempt they never had not counted
    expect(byStatus("PENDING").every((r) => r.leaseOwner === null && r.leaseUntil === null && r.attempts === 0)).toBe(
      true,
    );
    expect(email.started()).toBe(10);
    expect(email.transport.close).toHaveBeenCalledTimes(1);
    // stop() twice is one stop
    await work.stop();
    expect(email.transport.close).toHaveBeenCalledTimes(1);
  });

  it("GIVEN the periodic jobs ticking WHEN stop() THEN a running job is awaited and no job runs after", async () => {
    const work = await startBackgroundWork({ transports: {}, jobsIntervalMs: 5, pollIntervalMs: 20, log: quiet });
    const spy = vi.spyOn(prisma.changeRequest, "findMany");
    await until(() => spy.mock.calls.length > 0, "a job run");
    await work.stop();
    const calls = spy.mock.calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(spy.mock.calls.length).toBe(calls);
    spy.mockRestore();
  });
});
