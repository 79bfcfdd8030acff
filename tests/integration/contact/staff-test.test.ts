import "../../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../../../demo/smtp-sink/server";
import { prisma } from "~/db.server";
import { createOutboxWorker } from "~/notifications/worker.server";
import { action, loader } from "~/routes/app.notifications._index";
import { SHOP_A, SHOP_B, adminFetch, adminGet, body, run } from "../../support/admin";
import { installShop } from "../../support/shopify-session";
import { smtpTo } from "../notifications/helpers";

let smtp: SmtpSink;
beforeAll(async () => {
  await installShop(SHOP_A);
  await installShop(SHOP_B);
  smtp = await startSmtpSink();
  smtp.rejectRecipients(["gone@lumiere.example"]);
});
afterAll(() => smtp.close());
beforeEach(async () => {
  await prisma.outboxMessage.deleteMany();
  await prisma.shopBranding.deleteMany();
  smtp.messages.length = 0;
  await prisma.shopBranding.create({
    data: {
      shop: SHOP_A,
      shopName: "Maison Lumière",
      shopEmail: "owner@lumiere.example",
      staffRecipients: JSON.stringify({
        CANCELLATION_REQUESTED: { emails: ["orders@lumiere.example", "gone@lumiere.example"], phones: [] },
      }),
    },
  });
});

async function deliver() {
  const email = smtpTo(smtp);
  await createOutboxWorker({ db: prisma, transports: { email }, concurrency: 1 }).runOnce();
  await email.close?.();
}

const page = async () => body(await run(loader as never, await adminGet("amend-demo", "/app/notifications")));

describe("Settings: a test message to each staff address", () => {
  it("GIVEN saved staff addresses THEN the page lists them with the owner's, and a test goes through the outbox and SMTP; its outcome shows", async () => {
    expect((await page()).staffAddresses.map((a: { address: string }) => a.address)).toEqual([
      "owner@lumiere.example",
      "orders@lumiere.example",
      "gone@lumiere.example",
    ]);
    const ok = await body(
      await run(
        action as never,
        await adminFetch("amend-demo", "/app/notifications", {
          form: { intent: "staffTest", address: "orders@lumiere.example", nonce: "n1" },
        }),
      ),
    );
    expect(ok).toMatchObject({ ok: true, intent: "staffTest" });
    const refused = await body(
      await run(
        action as never,
        await adminFetch("amend-demo", "/app/notifications", {
          form: { intent: "staffTest", address: "gone@lumiere.example", nonce: "n2" },
        }),
      ),
    );
    expect(refused.ok).toBe(true);
    expect((await page()).staffTests.map((m: { status: string }) => m.status)).toEqual(["PENDING", "PENDING"]);

    await deliver();
    expect(smtp.messages.map((m) => m.to)).toEqual([["orders@lumiere.example"]]);
    expect(smtp.messages[0].subject).toBe("Test message from Amend for Maison Lumière");
    const tests = (await page()).staffTests as { address: string; status: string; answer: string }[];
    expect(tests.find((m) => m.address === "orders@lumiere.example")).toMatchObject({ status: "SENT" });
    expect(tests.find((m) => m.address === "gone@lumiere.example")).toMatchObject({
      status: "FAILED",
      answer: expect.stringContaining("550"),
    });
  });

  it("GIVEN the same form submitted twice THEN one message", async () => {
    for (let i = 0; i < 2; i++)
      await run(
        action as never,
        await adminFetch("amend-demo", "/app/notifications", {
          form: { intent: "staffTest", address: "orders@lumiere.example", nonce: "same" },
        }),
      );
    expect(await prisma.outboxMessage.count({ where: { event: "STAFF_TEST" } })).toBe(1);
  });

  it("GIVEN an address that is not a saved staff address, or another shop's THEN 400 INVALID_INPUT and nothing is queued", async () => {
    const stranger = await run(
      action as never,
      await adminFetch("amend-demo", "/app/notifications", {
        form: { intent: "staffTest", address: "anyone@example.com", nonce: "n" },
      }),
    );
    expect((stranger as unknown as Response).status).toBe(400);
    expect((await body(stranger)).error.code).toBe("INVALID_INPUT");
    const otherShop = await run(
      action as never,
      await adminFetch("other-shop", "/app/notifications", {
        form: { intent: "staffTest", address: "orders@lumiere.example", nonce: "n" },
      }),
    );
    expect((otherShop as unknown as Response).status).toBe(400);
    expect(await prisma.outboxMessage.count()).toBe(0);
  });
});
