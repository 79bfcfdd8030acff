import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { MutationInFlightError, ShopifyUnavailableError, ShopifyUserError } from "~/shopify";
import { runOnce } from "~/shopify/ledger.server";

const SHOP = "amend-test.myshopify.com";
let n = 0;
const entry = () => {
  const requestId = `ledger-${Date.now().toString(36)}-${++n}`;
  return { shop: SHOP, requestId, key: `${requestId}:orderUpdate`, operation: "orderUpdate" };
};
const row = (key: string) => prisma.shopifyMutation.findUnique({ where: { key } });
const noSleep = { sleep: async () => {} };

describe("runOnce on the app's database: a mutation is recorded before it is sent", () => {
  afterAll(() => prisma.$disconnect());

  it("GIVEN a new key WHEN run THEN the row is SENT while sending, CONFIRMED with the result after", async () => {
    const e = entry();
    let statusWhileSending: string | undefined;
    const result = await runOnce(
      prisma,
      e,
      async () => {
        statusWhileSending = (await row(e.key))?.status;
        return { applied: true };
      },
      async () => null,
      noSleep,
    );
    expect(result).toEqual({ applied: true });
    expect(statusWhileSending).toBe("SENT");
    expect(await row(e.key)).toMatchObject({
      status: "CONFIRMED",
      sends: 1,
      result: '{"applied":true}',
      requestId: e.requestId,
      shop: SHOP,
    });
  });

  it("GIVEN a CONFIRMED key WHEN run again THEN the stored result, nothing sent, nothing read", async () => {
    const e = entry();
    await runOnce(
      prisma,
      e,
      async () => ({ n: 1 }),
      async () => null,
      noSleep,
    );
    let sent = false;
    let read = false;
    await expect(
      runOnce(
        prisma,
        e,
        async () => ((sent = true), { n: 2 }),
        async () => ((read = true), null),
        noSleep,
      ),
    ).resolves.toEqual({ n: 1 });
    expect([sent, read]).toEqual([false, false]);
  });

  it("GIVEN a SENT row (crash after sending) WHEN Shopify's state shows it applied THEN confirmed without sending", async () => {
    const e = entry();
    await prisma.shopifyMutation.create({ data: { ...e, status: "SENT", sends: 1 } });
    let sent = false;
    await expect(
      runOnce(
        prisma,
        e,
        async () => ((sent = true), "sent"),
        async () => "already there",
        noSleep,
      ),
    ).resolves.toBe("already there");
    expect(sent).toBe(false);
    expect(await row(e.key)).toMatchObject({ status: "CONFIRMED", sends: 1 });
  });

  it("GIVEN a SENT row WHEN Shopify's state shows it NOT applied THEN it is sent (again)", async () => {
    const e = entry();
    await prisma.shopifyMutation.create({ data: { ...e, status: "SENT", sends: 1 } });
    const contexts: boolean[] = [];
    await runOnce(
      prisma,
      e,
      async ({ resend }) => (contexts.push(resend), "sent"),
      async () => null,
      noSleep,
    );
    expect(contexts).toEqual([true]);
    expect(await row(e.key)).toMatchObject({ status: "CONFIRMED", sends: 2 });
  });

  it("GIVEN Shopify refuses WHEN run THEN FAILED with the message; a later retry sends again", async () => {
    const e = entry();
    const refusal = new ShopifyUserError("orderUpdate", [{ field: ["zip"], message: "Zip is invalid", code: null }]);
    await expect(
      runOnce(
        prisma,
        e,
        async () => {
          throw refusal;
        },
        async () => null,
        noSleep,
      ),
    ).rejects.toBe(refusal);
    expect(await row(e.key)).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("Zip is invalid") });
    await expect(
      runOnce(
        prisma,
        e,
        async () => "ok",
        async () => null,
        noSleep,
      ),
    ).resolves.toBe("ok");
    expect(await row(e.key)).toMatchObject({ status: "CONFIRMED", sends: 2, lastError: null });
  });

  it("GIVEN a lost answer WHEN Shopify's state shows it applied THEN one send, confirmed", async () => {
    const e = entry();
    let sends = 0;
    const lost = new ShopifyUnavailableError({
      operation: "orderUpdate",
      message: "socket hang up",
      mayHaveApplied: true,
    });
    await expect(
      runOnce(
        prisma,
        e,
        async () => {
          sends++;
          throw lost;
        },
        async () => "applied",
        noSleep,
      ),
    ).resolves.toBe("applied");
    expect(sends).toBe(1);
  });

  it("GIVEN Shopify unavailable (not applied) WHEN run THEN the error, the row stays SENT so the retry reads first", async () => {
    const e = entry();
    const down = new ShopifyUnavailableError({ operation: "orderUpdate", message: "HTTP 503", retryAfterSeconds: 5 });
    await expect(
      runOnce(
        prisma,
        e,
        async () => {
          throw down;
        },
        async () => null,
        noSleep,
      ),
    ).rejects.toBe(down);
    expect(await row(e.key)).toMatchObject({ status: "SENT", lastError: expect.stringContaining("HTTP 503") });
  });

  it("GIVEN two attempts race on one key WHEN both run THEN one sends, the other is told it is in flight", async () => {
    const e = entry();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let sends = 0;
    const first = runOnce(
      prisma,
      e,
      async () => {
        sends++;
        await gate;
        return "first";
      },
      async () => null,
      noSleep,
    );
    await new Promise((r) => setTimeout(r, 50));
    await expect(
      runOnce(
        prisma,
        { ...e },
        async () => {
          sends++;
          return "second";
        },
        async () => null,
        noSleep,
      ),
    ).rejects.toBeInstanceOf(MutationInFlightError);
    release();
    await expect(first).resolves.toBe("first");
    expect(sends).toBe(1);
  });

  it("GIVEN an attempt crashed mid-send (lease over) WHEN retried THEN Shopify's state is read first", async () => {
    const e = entry();
    await prisma.shopifyMutation.create({
      data: { ...e, status: "SENT", sends: 1, inFlightUntil: new Date(Date.now() - 1000) },
    });
    await expect(
      runOnce(
        prisma,
        e,
        async () => "sent",
        async () => "found applied",
        noSleep,
      ),
    ).resolves.toBe("found applied");
    expect(await row(e.key)).toMatchObject({ status: "CONFIRMED", sends: 1, inFlightUntil: null });
  });
});
