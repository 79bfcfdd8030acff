import "../../support/app-env";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { getPolicy } from "~/models/settings.server";
import { loader as home } from "~/routes/app._index";
import { action, loader } from "~/routes/app.settings";
import { SHOP_A, SHOP_B, adminFetch, adminGet, body, run, seedRequest } from "../../support/admin";
import { installShop } from "../../support/shopify-session";

beforeAll(async () => {
  await installShop(SHOP_A);
  await installShop(SHOP_B);
});
beforeEach(async () => {
  await prisma.shopSettings.deleteMany();
  await prisma.changeRequest.deleteMany();
});

describe("settings", () => {
  it("GIVEN a shop that never saved THEN the form shows the store's FAQ defaults (version 0)", async () => {
    const data = await body(await run(loader as never, await adminGet("amend-demo", "/app/settings")));
    expect(data.version).toBe(0);
    expect(data.form.addressChange.window).toEqual({ limited: false, amount: "2", unit: "hours" });
    expect(data.form.cancellation.requireApproval).toBe(true);
  });

  it("WHEN invalid values are sent THEN 422 with an error per field, and nothing is saved", async () => {
    const { form } = await body(await run(loader as never, await adminGet("amend-demo", "/app/settings")));
    form.addressChange.window = { limited: true, amount: "0", unit: "minutes" };
    form.cancellation.customerReasons = [];
    form.cancellation.deadline = { enabled: true, hours: "abc", action: "APPROVE" };
    const res = await run(action as never, await adminFetch("amend-demo", "/app/settings", { json: form }));
    expect((res as unknown as Response).status).toBe(422);
    expect((await body(res)).fieldErrors).toEqual({
      "addressChange.window.amount": "windowAmount",
      "cancellation.customerReasons": "reasons",
      "cancellation.deadline.hours": "deadlineHours",
    });
    expect(await prisma.shopSettings.count()).toBe(0);
  });

  it("WHEN valid settings are saved twice THEN versions 1 and 2, read back by the rules as minutes and hours", async () => {
    const { form } = await body(await run(loader as never, await adminGet("amend-demo", "/app/settings")));
    form.addressChange.window = { limited: true, amount: "2", unit: "hours" };
    form.cancellation.deadline = { enabled: true, hours: "48", action: "APPROVE" };
    form.cancellation.customerReasons = ["WRONG_ADDRESS", "CHANGED_MIND"];
    const first = await body(
      await run(action as never, await adminFetch("amend-demo", "/app/settings", { json: form })),
    );
    expect(first).toMatchObject({ ok: true, version: 1 });
    const second = await body(
      await run(action as never, await adminFetch("amend-demo", "/app/settings", { json: form })),
    );
    expect(second.version).toBe(2);
    const policy = await getPolicy(prisma, SHOP_A);
    expect(policy.addressChange.windowMinutes).toBe(120);
    expect(policy.cancellation).toMatchObject({
      decisionDeadlineHours: 48,
      deadlineAction: "APPROVE",
      customerReasons: ["CHANGED_MIND", "WRONG_ADDRESS"],
    });
    // another shop's settings are its own
    expect((await getPolicy(prisma, SHOP_B)).version).toBe(0);
  });
});

describe("home", () => {
  it("GIVEN requests of the last 30 days THEN counts to act on, the oldest waiting, outcomes by kind and the median time to decide", async () => {
    const now = Date.now();
    const a = await seedRequest({ orderName: "#1", createdAt: new Date(now - 3 * 3_600_000) });
    await seedRequest({ orderName: "#2", createdAt: new Date(now - 3_600_000) });
    const decided = await seedRequest({
      kind: "ADDRESS_CHANGE",
      orderName: "#3",
      createdAt: new Date(now - 5 * 3_600_000),
    });
    await prisma.changeRequest.update({
      where: { id: decided.id },
      data: { status: "APPLIED", openKey: null, decidedAt: new Date(now - 4 * 3_600_000) },
    });
    const data = await body(await run(home as never, await adminGet("amend-demo", "/app")));
    expect(data.needsAction).toEqual({ PENDING: 2, NEEDS_INFO: 0, FAILED: 0 });
    expect(data.oldest).toMatchObject({ id: a.id, orderName: "#1" });
    expect(data.byKindAndStatus).toEqual({
      ADDRESS_CHANGE: { APPLIED: 1 },
      CANCELLATION: { PENDING: 2 },
      WITHDRAWAL: {},
    });
    expect(data.addressChangesApplied).toBe(1);
    expect(data.median).toBe("1 h 0 min");
    const other = await body(await run(home as never, await adminGet("other-shop", "/app")));
    expect(other.needsAction).toEqual({ PENDING: 0, NEEDS_INFO: 0, FAILED: 0 });
  });
});
