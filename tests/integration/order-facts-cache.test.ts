import "../support/app-env";
import { API_SECRET_KEY, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { budgetFor } from "~/shopify/budget.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { loader as contact } from "~/routes/api.customer.orders.$orderId.contact";
import { action as ordersUpdated } from "~/routes/webhooks.orders.updated";
import { action as placedOnHold } from "~/routes/webhooks.fulfillment_orders.placed_on_hold";
import { action as ordersCreate } from "~/routes/webhooks.orders.create";
import { action as routingComplete } from "~/routes/webhooks.fulfillment_orders.order_routing_complete";
import { restOrder } from "../../demo/simulator/webhooks";
import { callCustomerApi, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001"; // orders 5001–5010
let sim: Awaited<ReturnType<typeof startSimulator>>;
let camille: string;

const read = (orderId: string) =>
  callCustomerApi(options as Route, `/api/customer/orders/${orderId}/options`, { token: camille, lang: "en" });
const factsReads = () => sim.calls.filter((c) => c.operationName === "AmendOrderFacts").length;

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

/** Shopify's order changes with no webhook (yet): what a cached answer cannot know. */
function cancelInSimulator(orderId: string) {
  const order = sim.store.orders.find((o) => (o as { id: string }).id === `gid://shopify/Order/${orderId}`);
  Object.assign(order as object, { cancelledAt: "2026-11-25T10:00:00Z", cancelReason: "CUSTOMER", closed: true });
}

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
  camille = await customerToken("amend-demo", CAMILLE);
});
beforeEach(async () => {
  sim.reset();
  await prisma.orderFactsCache.deleteMany();
  await prisma.changeRequest.deleteMany();
});
afterEach(() => {
  delete process.env.ORDER_FACTS_MAX_AGE_SECONDS;
  delete process.env.ORDER_FACTS_CACHE;
});
afterAll(async () => {
  await sim.close();
});

describe("the order facts cache", () => {
  it("GIVEN an order's options read once THEN the next reads are answered from the cache, with no Admin API call", async () => {
    const first = await read("5001");
    expect(first.status).toBe(200);
    expect(first.body.stale).toBe(false);
    expect(factsReads()).toBe(1);
    const again = await Promise.all([read("5001"), read("5001"), read("5001")]);
    expect(again.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(again[0].body.asOf).toBe(first.body.asOf);
    expect(factsReads()).toBe(1);
  });

  it("GIVEN the cache switched off THEN every read asks Shopify", async () => {
    process.env.ORDER_FACTS_CACHE = "off";
    await read("5001");
    await read("5001");
    expect(factsReads()).toBe(2);
    expect(await prisma.orderFactsCache.count()).toBe(0);
  });

  it("GIVEN two cached orders changed in Shopify and orders/updated for one THEN only that order is read again", async () => {
    await read("5001");
    await read("5002");
    cancelInSimulator("5001");
    cancelInSimulator("5002");
    const delivered = await webhook(ordersUpdated as Route, "orders/updated", { id: 5001, cancelled_at: null }, "c-1");
    expect(delivered.status).toBe(200);

    const one = await read("5001");
    expect(one.body.cancellation.allowed).toBe(false);
    expect(factsReads()).toBe(3);
    // the other order's entry is untouched: still the cached (now outdated) facts, no Admin API call
    const two = await read("5002");
    expect(two.body.cancellation.allowed).toBe(true);
    expect(factsReads()).toBe(3);
  });

  it("GIVEN orders/updated answered THEN a read that starts right after is not served the old facts, whether or not the row is written yet, and the row lands", async () => {
    const { cachedOrderFacts, promisesInvalidations } = await import("~/models/order-facts-cache.server");
    await read("5001");
    cancelInSimulator("5001");
    const delivered = await webhook(ordersUpdated as Route, "orders/updated", { id: 5001, cancelled_at: null }, "p-1");
    expect(delivered.status).toBe(200);
    // this process's view at once after the answer: invalidated (the row itself may follow on SQLite)
    expect((await cachedOrderFacts(prisma, SHOP, "5001"))?.invalidated).toBe(true);
    const after = await read("5001");
    expect(after.body.cancellation.allowed).toBe(false);
    expect(factsReads()).toBe(2);
    // the database has it too (what another instance, or this one after a restart, reads)
    const row = await prisma.orderFactsCache.findUniqueOrThrow({
      where: { shop_orderId: { shop: SHOP, orderId: "5001" } },
    });
    expect(row.invalidatedAt.getTime()).toBeGreaterThan(0);
    expect(promisesInvalidations()).toBe(!process.env.DATABASE_URL?.startsWith("postgres"));
  });

  it("GIVEN an entry read before this process started THEN on SQLite it is not fresh (an invalidation promised by a process that died may be missing); on PostgreSQL it is", async () => {
    const { cachedOrderFacts, promisesInvalidations, ORDER_FACTS_VERSION } =
      await import("~/models/order-facts-cache.server");
    await read("5001");
    const row = await prisma.orderFactsCache.findUniqueOrThrow({
      where: { shop_orderId: { shop: SHOP, orderId: "5001" } },
    });
    expect(row.version).toBe(ORDER_FACTS_VERSION);
    await prisma.orderFactsCache.update({
      where: { shop_orderId: { shop: SHOP, orderId: "5001" } },
      data: { fetchedAt: new Date(Date.now() - 3_600_000), invalidatedAt: new Date(0) },
    });
    expect((await cachedOrderFacts(prisma, SHOP, "5001"))?.invalidated).toBe(promisesInvalidations());
  });

  it("GIVEN a fulfillment order placed on hold THEN the order that lists it is read again, and no other", async () => {
    await read("5003");
    await read("5001");
    const row = await prisma.orderFactsCache.findUniqueOrThrow({
      where: { shop_orderId: { shop: SHOP, orderId: "5003" } },
    });
    expect(row.fulfillmentOrderIds).toContain(" gid://shopify/FulfillmentOrder/5003 ");
    const delivered = await webhook(
      placedOnHold as Route,
      "fulfillment_orders/placed_on_hold",
      { fulfillment_order: { id: "gid://shopify/FulfillmentOrder/5003", status: "on_hold" } },
      "h-1",
    );
    expect(delivered.status).toBe(200);
    // answered, not stored: the invalidation was its only work
    expect(await prisma.webhookDelivery.count({ where: { eventId: "h-1" } })).toBe(0);
    await read("5001");
    expect(factsReads()).toBe(2);
    await read("5003");
    expect(factsReads()).toBe(3);
  });

  it("GIVEN cached options that allow a cancellation and the order cancelled in Shopify with no webhook THEN the submission reads fresh facts and is refused", async () => {
    const before = await read("5001");
    expect(before.body.cancellation.allowed).toBe(true);
    cancelInSimulator("5001");
    // the question is still answered from the cache...
    expect((await read("5001")).body.cancellation.allowed).toBe(true);
    const reads = factsReads();
    // ...but the change is decided on Shopify's facts of now
    const submitted = await callCustomerApi(cancellation as Route, "/api/customer/orders/5001/cancellation", {
      token: camille,
      body: { reason: "CHANGED_MIND" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(422);
    expect(factsReads()).toBe(reads + 1);
    expect(await prisma.changeRequest.count()).toBe(0);
    expect(sim.calls.filter((c) => c.operationName === "AmendHoldFulfillmentOrder")).toEqual([]);
    // the fresh read refreshed the cache: the next question sees the cancellation
    expect((await read("5001")).body.cancellation.allowed).toBe(false);
  });

  it("GIVEN an entry past its age while the shop's budget is low THEN it is served marked stale, with no Admin API call and no error", async () => {
    const first = await read("5002");
    process.env.ORDER_FACTS_MAX_AGE_SECONDS = "0.001";
    await new Promise((r) => setTimeout(r, 5));
    sim.bucket.drain();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 });
    const stale = await read("5002");
    expect(stale.status).toBe(200);
    expect(stale.body).toMatchObject({ stale: true, asOf: first.body.asOf });
    expect(factsReads()).toBe(1);
    expect(sim.calls.filter((c) => c.outcome === "throttled")).toEqual([]);
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
  });

  it("GIVEN nothing cached and the shop's budget low past the wait THEN a checking answer (200, pending, retryAfterSeconds), nothing offered, nothing about the order, no THROTTLED", async () => {
    sim.bucket.drain();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 });
    const pending = await read("5003");
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({
      order: { id: "5003", name: null },
      pending: true,
      addressChange: { allowed: false, reasons: [], currentAddress: null },
      cancellation: { allowed: false, reasons: [] },
      requests: [],
    });
    expect(pending.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(factsReads()).toBe(0);
    expect(sim.calls.filter((c) => c.outcome === "throttled")).toEqual([]);
    // once the budget is back, the same read is the order's options
    sim.bucket.reset();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    const after = await read("5003");
    expect(after.body).toMatchObject({ order: { id: "5003", name: "#1003" } });
    expect(after.body.pending).toBeUndefined();
  });

  it("GIVEN nothing cached and the shop's budget low THEN the order contact block's question is a checking answer too, not an error", async () => {
    sim.bucket.drain();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 });
    const pending = await callCustomerApi(contact as Route, "/api/customer/orders/5003/contact", { token: camille });
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual({ pending: true, retryAfterSeconds: expect.any(Number) });
    expect(factsReads()).toBe(0);
    sim.bucket.reset();
    budgetFor(SHOP).observe({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    const after = await callCustomerApi(contact as Route, "/api/customer/orders/5003/contact", { token: camille });
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body.contact.email.address).toBe("camille.martin@example.fr");
  });

  it("GIVEN a merchant's settings change THEN the next cached answer follows it at once", async () => {
    expect((await read("5002")).body.cancellation.requiresApproval).toBe(true);
    const { DEFAULT_POLICY } = await import("~/domain/policy");
    const { savePolicy } = await import("~/models/settings.server");
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      cancellation: { ...DEFAULT_POLICY.cancellation, requireApproval: false },
    });
    const after = await read("5002");
    expect(after.body.cancellation.requiresApproval).toBe(false);
    expect(factsReads()).toBe(1);
  });

  it("GIVEN a store that allows a change of country THEN the form's countries are the shop's, read once per shop, not per order", async () => {
    const { DEFAULT_POLICY } = await import("~/domain/policy");
    const { savePolicy } = await import("~/models/settings.server");
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      addressChange: { ...DEFAULT_POLICY.addressChange, allowCountryChange: true },
    });
    const shipsToReads = () => sim.calls.filter((c) => c.operationName === "AmendShopShipsTo").length;
    const before = shipsToReads();
    const [a, b] = [await read("5001"), await read("5002")];
    const codes = (r: typeof a) => (r.body.addressChange.countries as { code: string }[]).map((c) => c.code);
    expect(codes(a)).toEqual(sim.store.shop.shipsToCountries);
    expect(codes(b)).toEqual(codes(a));
    expect(codes(a).length).toBeGreaterThan(1);
    expect(shipsToReads() - before).toBeLessThanOrEqual(1);
    await savePolicy(prisma, SHOP, DEFAULT_POLICY);
  });
});

describe("a new order's facts from its orders/create payload", () => {
  let sequence = 0;
  /** Places a new order for Camille like #1001 (eligible) in the simulator; its orders/create payload. */
  function placeOrder() {
    const k = 880_000 + ++sequence;
    const template = sim.store.orders.find((o) => (o as { name: string }).name === "#1001") as object;
    const order = JSON.parse(
      JSON.stringify(template).replace(
        /gid:\/\/shopify\/(LineItem|FulfillmentOrder|ShippingLine|MailingAddress|DeliveryMethod|FulfillmentOrderDestination|FulfillmentOrderLineItem)\/(\d+)/g,
        (_, type: string, n: string) => `gid://shopify/${type}/${k}${n}`,
      ),
    );
    const [added] = sim.store.addOrders([
      { ...order, id: `gid://shopify/Order/${k}`, name: `#${k}`, createdAt: new Date().toISOString() },
    ]);
    return { orderId: String(k), payload: restOrder(added, sim.store) };
  }
  async function deliverCreate(payload: object, eventId: string) {
    const delivered = await webhook(ordersCreate as Route, "orders/create", payload, eventId);
    expect(delivered.status).toBe(200);
    // stored right after the answer
    for (let i = 0; i < 50; i++) {
      const row = await prisma.orderFactsCache.findFirst({
        where: { shop: SHOP, orderId: String((payload as { id: number }).id) },
      });
      if (row?.facts) return row;
      await new Promise((r) => setTimeout(r, 10));
    }
    return null;
  }

  it("GIVEN orders/create delivered THEN the order's first look costs no Admin API call, from facts marked origin webhook", async () => {
    const { orderId, payload } = placeOrder();
    const row = await deliverCreate(payload, "oc-1");
    expect(JSON.parse(row!.facts!).order.origin).toBe("webhook");
    // answered, not stored as a delivery: caching was its only work
    expect(await prisma.webhookDelivery.count({ where: { eventId: "oc-1" } })).toBe(0);
    const first = await read(orderId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      stale: false,
      addressChange: { allowed: true },
      cancellation: { allowed: true },
    });
    expect(factsReads()).toBe(0);
  });

  it("GIVEN two orders cached from orders/create and orders/updated for one THEN only that one is read from Shopify", async () => {
    const a = placeOrder();
    const b = placeOrder();
    await deliverCreate(a.payload, "oc-a");
    await deliverCreate(b.payload, "oc-b");
    cancelInSimulator(a.orderId);
    await webhook(ordersUpdated as Route, "orders/updated", { id: Number(a.orderId), cancelled_at: null }, "ou-a");
    expect((await read(a.orderId)).body.cancellation.allowed).toBe(false);
    expect(factsReads()).toBe(1);
    expect((await read(b.orderId)).status).toBe(200);
    expect(factsReads()).toBe(1);
    // the read's facts replaced the payload's: fulfillment orders known from now on
    const row = await prisma.orderFactsCache.findFirstOrThrow({ where: { shop: SHOP, orderId: a.orderId } });
    expect(JSON.parse(row.facts!).order.origin).toBeUndefined();
    expect(row.fulfillmentOrderIds).toContain("FulfillmentOrder");
  });

  it("GIVEN facts from orders/create that allow a cancellation and the order cancelled in Shopify with no webhook THEN the submission reads fresh facts and is refused", async () => {
    const { orderId, payload } = placeOrder();
    await deliverCreate(payload, "oc-stale");
    expect((await read(orderId)).body.cancellation.allowed).toBe(true);
    cancelInSimulator(orderId);
    const submitted = await callCustomerApi(cancellation as Route, `/api/customer/orders/${orderId}/cancellation`, {
      token: camille,
      body: { reason: "CHANGED_MIND" },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(422);
    expect(factsReads()).toBe(1);
    expect(await prisma.changeRequest.count()).toBe(0);
  });

  it("GIVEN orders/create arriving after orders/updated about the order THEN the payload is not stored over what Shopify said since", async () => {
    const { orderId, payload } = placeOrder();
    await webhook(ordersUpdated as Route, "orders/updated", { id: Number(orderId), cancelled_at: null }, "ou-first");
    await webhook(ordersCreate as Route, "orders/create", payload, "oc-late");
    await new Promise((r) => setTimeout(r, 50));
    const row = await prisma.orderFactsCache.findFirst({ where: { shop: SHOP, orderId } });
    expect(row?.facts ?? null).toBeNull();
    await read(orderId);
    expect(factsReads()).toBe(1);
  });

  it("GIVEN a fulfillment order no entry lists placed on hold THEN facts from orders/create (they list none) are read again; an order routed OPEN keeps them", async () => {
    const { orderId, payload } = placeOrder();
    await deliverCreate(payload, "oc-h");
    const foId = (
      sim.store.orders.find((o) => (o as { id: string }).id === `gid://shopify/Order/${orderId}`) as {
        fulfillmentOrders: { nodes: { id: string }[] };
      }
    ).fulfillmentOrders.nodes[0].id;
    await webhook(
      routingComplete as Route,
      "fulfillment_orders/order_routing_complete",
      { fulfillment_order: { id: foId, status: "open" } },
      "rc-1",
    );
    await read(orderId);
    expect(factsReads()).toBe(0);
    await webhook(
      placedOnHold as Route,
      "fulfillment_orders/placed_on_hold",
      { fulfillment_order: { id: foId, status: "on_hold" } },
      "h-w",
    );
    await read(orderId);
    expect(factsReads()).toBe(1);
  });
});
