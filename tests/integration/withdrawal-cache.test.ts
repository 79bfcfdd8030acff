import "../support/app-env";
import { API_SECRET_KEY, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import { savePolicy } from "~/models/settings.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as withdrawal } from "~/routes/api.customer.orders.$orderId.withdrawal";
import { action as ordersUpdated } from "~/routes/webhooks.orders.updated";
import { action as ordersFulfilled } from "~/routes/webhooks.orders.fulfilled";
import { action as ordersCancelled } from "~/routes/webhooks.orders.cancelled";
import { action as placedOnHold } from "~/routes/webhooks.fulfillment_orders.placed_on_hold";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { budgetFor } from "~/shopify/budget.server";
import { callCustomerApi, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

// The withdrawal facts of a question come from the order facts cache, with the order facts' freshness rules;
// a submission reads them from Shopify. demo/store.json: #1026 (5026) delivered 10 days ago in Belgium
// (Oliver, 7002), #1027 (5027) delivered 20 days ago (Camille, 7001); dates relative to the simulator's clock.
const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001";
const OLIVER = "7002";
const DAY = 86_400_000;
let sim: Awaited<ReturnType<typeof startSimulator>>;

const view = async (orderId: string, customer: string) =>
  callCustomerApi(options as Route, `/api/customer/orders/${orderId}/options`, {
    token: await customerToken("amend-demo", customer),
    lang: "en",
  });
/** The Admin API operations called since the last `sim.calls.length = 0`. */
const operations = () => sim.calls.map((c) => c.operationName);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const simOrder = (id: string) => sim.store.order(`gid://shopify/Order/${id}`) as any;
/** The order's shipment delivered `days` ago, in Shopify only (no webhook). */
const deliveredDaysAgo = (orderId: string, days: number) => {
  simOrder(orderId).fulfillments[0].deliveredAt = new Date(Date.now() - days * DAY).toISOString();
};

async function webhook(route: Route, topic: string, body: object, eventId: string) {
  const request = await setUpValidRequest(
    {
      type: RequestType.Extension,
      store: "amend-demo",
      apiSecretKey: API_SECRET_KEY,
      body,
      headers: {
        "X-Shopify-Topic": topic,
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": `wh-${eventId}`,
        "X-Shopify-Event-Id": eventId,
        "X-Shopify-Triggered-At": new Date().toISOString(),
      },
    },
    new Request("https://amend.example.com/webhooks", { method: "POST" }),
  );
  return route({ request, params: {}, context: {} } as never);
}

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0, jobMaxMs: 1_000, jobPollsBeforeDone: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await prisma.orderFactsCache.deleteMany();
  await prisma.changeRequest.deleteMany();
  await prisma.shopifyMutation.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.shopSettings.deleteMany({ where: { shop: SHOP } });
  await savePolicy(prisma, SHOP, {
    ...DEFAULT_POLICY,
    withdrawal: {
      ...DEFAULT_POLICY.withdrawal,
      enabled: true,
      exemptions: [{ tag: "sur-mesure", reason: "PERSONALISED" }],
    },
  });
  sim.calls.length = 0;
});
afterEach(() => {
  delete process.env.ORDER_FACTS_MAX_AGE_SECONDS;
  delete process.env.ORDER_FACTS_CACHE;
  budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
});

describe("the withdrawal facts of the options, cached with the order facts", () => {
  it("a shipped EU order: the first view reads the order and its withdrawal facts, the next views make no Admin API call", async () => {
    const first = await view("5026", OLIVER);
    expect(first.status).toBe(200);
    expect(first.body.withdrawal).toMatchObject({ offered: true, allowed: true, stage: "DELIVERED" });
    expect(operations()).toEqual(["AmendOrderFacts", "AmendWithdrawalFacts"]);
    sim.calls.length = 0;
    const again = [await view("5026", OLIVER), await view("5026", OLIVER), await view("5026", OLIVER)];
    expect(operations()).toEqual([]);
    for (const res of again) {
      expect(res.status).toBe(200);
      expect(res.body.stale).toBe(false);
      expect(res.body.withdrawal).toEqual(first.body.withdrawal);
    }
  });

  it("three views at once on a cold cache (thank-you, order status, order page): one Admin API read of each kind", async () => {
    const views = await Promise.all([view("5026", OLIVER), view("5026", OLIVER), view("5026", OLIVER)]);
    expect(views.map((v) => v.status)).toEqual([200, 200, 200]);
    expect(operations()).toEqual(["AmendOrderFacts", "AmendWithdrawalFacts"]);
  });

  it("orders/updated for one order: its next view reads its withdrawal facts again (the new delivery date), the other order's does not", async () => {
    await view("5026", OLIVER);
    const other = await view("5027", CAMILLE);
    expect(other.body.withdrawal.reasons).toMatchObject([{ code: "WITHDRAWAL_PERIOD_ENDED" }]);
    deliveredDaysAgo("5026", 20);
    deliveredDaysAgo("5027", 2);
    const delivered = await webhook(ordersUpdated as Route, "orders/updated", { id: 5026 }, "wc-1");
    expect(delivered.status).toBe(200);
    sim.calls.length = 0;

    const one = await view("5026", OLIVER);
    expect(operations()).toEqual(["AmendOrderFacts", "AmendWithdrawalFacts"]);
    expect(one.body.withdrawal).toMatchObject({ allowed: false, reasons: [{ code: "WITHDRAWAL_PERIOD_ENDED" }] });
    sim.calls.length = 0;
    // no webhook for the other order: still its cached (now outdated) answer, no Admin API call
    const two = await view("5027", CAMILLE);
    expect(operations()).toEqual([]);
    expect(two.body.withdrawal).toEqual(other.body.withdrawal);
  });

  it("orders/fulfilled, orders/cancelled and a fulfillment-order topic each make the next view read the withdrawal facts again", async () => {
    await view("5026", OLIVER);
    const row = await prisma.orderFactsCache.findUniqueOrThrow({
      where: { shop_orderId: { shop: SHOP, orderId: "5026" } },
    });
    const fulfillmentOrderId = row.fulfillmentOrderIds.trim().split(" ")[0];
    expect(fulfillmentOrderId).toMatch(/^gid:\/\/shopify\/FulfillmentOrder\//);
    const deliveries: [Route, string, object][] = [
      [ordersFulfilled as Route, "orders/fulfilled", { id: 5026 }],
      [ordersCancelled as Route, "orders/cancelled", { id: 5026 }],
      [placedOnHold as Route, "fulfillment_orders/placed_on_hold", { fulfillment_order: { id: fulfillmentOrderId } }],
    ];
    for (const [i, [route, topic, body]] of deliveries.entries()) {
      expect((await webhook(route, topic, body, `wt-${i}`)).status).toBe(200);
      sim.calls.length = 0;
      await view("5026", OLIVER);
      expect(operations(), topic).toEqual(["AmendOrderFacts", "AmendWithdrawalFacts"]);
      sim.calls.length = 0;
      await view("5026", OLIVER);
      expect(operations(), topic).toEqual([]);
    }
  });

  it("the order changed in Shopify without a webhook: the view still answers from the cache, the submission reads Shopify and is refused", async () => {
    expect((await view("5026", OLIVER)).body.withdrawal.allowed).toBe(true);
    deliveredDaysAgo("5026", 20);
    sim.calls.length = 0;
    expect((await view("5026", OLIVER)).body.withdrawal.allowed).toBe(true);
    expect(operations()).toEqual([]);

    const submitted = await callCustomerApi(withdrawal as Route, "/api/customer/orders/5026/withdrawal", {
      token: await customerToken("amend-demo", OLIVER),
      body: { name: "Oliver Bennett", items: null, acknowledgeBy: { email: true, sms: false } },
      lang: "en",
    });
    expect([submitted.status, submitted.body.error?.reasons?.[0]?.code]).toEqual([422, "WITHDRAWAL_PERIOD_ENDED"]);
    expect(operations()).toEqual(["AmendOrderFacts", "AmendWithdrawalFacts"]);
    expect(await prisma.changeRequest.count()).toBe(0);
  });

  it("Amend's own change (a withdrawal's return) invalidates the entry: the next view reads again and shows the units on their way back", async () => {
    await view("5026", OLIVER);
    const submitted = await callCustomerApi(withdrawal as Route, "/api/customer/orders/5026/withdrawal", {
      token: await customerToken("amend-demo", OLIVER),
      body: {
        name: "Oliver Bennett",
        items: [{ lineItemId: "62602", quantity: 2 }],
        acknowledgeBy: { email: true, sms: false },
      },
      lang: "en",
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    sim.calls.length = 0;
    const after = await view("5026", OLIVER);
    expect(operations()).toEqual(["AmendOrderFacts", "AmendWithdrawalFacts"]);
    const candle = after.body.withdrawal.items.find((i: { lineItemId: string }) => i.lineItemId === "62602");
    expect(candle).toMatchObject({ quantity: 3, withdrawableQuantity: 1 });
  });

  it("past the bounded age while the shop's budget is low: served from the cache marked stale, no Admin API call, no error", async () => {
    const first = await view("5026", OLIVER);
    process.env.ORDER_FACTS_MAX_AGE_SECONDS = "0.001";
    await new Promise((r) => setTimeout(r, 5));
    sim.bucket.drain();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 });
    sim.calls.length = 0;
    const stale = await view("5026", OLIVER);
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ stale: true, asOf: first.body.asOf });
    expect(stale.body.withdrawal).toEqual(first.body.withdrawal);
    expect(operations()).toEqual([]);
  });

  it("withdrawal turned on after the order facts were cached, the budget low and no withdrawal facts cached: a checking answer, no THROTTLED; then the options", async () => {
    await savePolicy(prisma, SHOP, DEFAULT_POLICY);
    expect((await view("5026", OLIVER)).body.withdrawal.offered).toBe(false);
    await savePolicy(prisma, SHOP, { ...DEFAULT_POLICY, withdrawal: { ...DEFAULT_POLICY.withdrawal, enabled: true } });
    sim.bucket.drain();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 });
    sim.calls.length = 0;
    const pending = await view("5026", OLIVER);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ pending: true });
    expect(pending.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(sim.calls.filter((c) => c.outcome === "throttled")).toEqual([]);
    sim.reset();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    const answered = await view("5026", OLIVER);
    expect(answered.body.withdrawal).toMatchObject({ offered: true, allowed: true });
    expect(operations()).toEqual(["AmendWithdrawalFacts"]);
  });

  it("past the bounded age with budget: both reads are made again", async () => {
    await view("5026", OLIVER);
    process.env.ORDER_FACTS_MAX_AGE_SECONDS = "0.001";
    await new Promise((r) => setTimeout(r, 5));
    sim.calls.length = 0;
    await view("5026", OLIVER);
    expect(operations()).toEqual(["AmendOrderFacts", "AmendWithdrawalFacts"]);
  });

  it("the cache switched off: every view reads both", async () => {
    process.env.ORDER_FACTS_CACHE = "off";
    await view("5026", OLIVER);
    await view("5026", OLIVER);
    expect(operations()).toEqual([
      "AmendOrderFacts",
      "AmendWithdrawalFacts",
      "AmendOrderFacts",
      "AmendWithdrawalFacts",
    ]);
    expect(await prisma.orderFactsCache.count()).toBe(0);
  });

  it("4 options views of a shipped EU order: the Admin API points (printed), no more than the first view's", async () => {
    const points: { requested: number; actual: number; operations: string }[] = [];
    for (let i = 0; i < 4; i++) {
      sim.calls.length = 0;
      expect((await view("5026", OLIVER)).status).toBe(200);
      points.push({
        requested: sim.calls.reduce((s, c) => s + c.cost, 0),
        actual: sim.calls.reduce((s, c) => s + (c.actualCost ?? 0), 0),
        operations: operations().join(" + ") || "none",
      });
    }
    const total = (k: "requested" | "actual") => points.reduce((s, p) => s + p[k], 0);
    process.stdout.write(
      `\n4 options views of #1026 (shipped, EU, withdrawal on): requested ${total("requested")}, actual ${total("actual")}\n` +
        points
          .map((p, i) => `  view ${i + 1}: requested ${p.requested}, actual ${p.actual} — ${p.operations}`)
          .join("\n") +
        "\n",
    );
    expect(total("requested")).toBe(points[0].requested);
  });
});
