import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import type { MailingAddress } from "~/domain/types";
import {
  AddressNotAppliedError,
  AdminApiError,
  customerCancelOptions,
  ShopifyUnavailableError,
  ShopifyUserError,
} from "~/shopify";
import { startAdminHarness } from "./harness";

// Orders of demo/store.json: 5001 eligible (authorized, unfulfilled, one OPEN fulfillment order to Paris).
const ORDER = "gid://shopify/Order/5001";
const FO = "gid://shopify/FulfillmentOrder/5001";
const BORDEAUX: MailingAddress = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "3 quai des Chartrons",
  city: "Bordeaux",
  zip: "33000",
  countryCode: "FR",
  phone: "+33612345678",
};

let h: Awaited<ReturnType<typeof startAdminHarness>>;
let n = 0;
/** A fresh request id per test: ledger keys never collide across tests. */
const requestId = () => `it-${Date.now().toString(36)}-${++n}`;

beforeAll(async () => {
  h = await startAdminHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.simulator.reset();
});

describe("Admin API gateway against the simulator, through the library's own Admin client", () => {
  it("options: the order's facts in ONE call, mapped", async () => {
    const { g, calls } = h.gateway();
    const facts = await g.getOrderFacts("5001");
    expect(facts).toMatchObject({
      id: ORDER,
      legacyId: "5001",
      name: "#1001",
      customerId: "gid://shopify/Customer/7001",
      displayFinancialStatus: "AUTHORIZED",
      displayFulfillmentStatus: "UNFULFILLED",
      fulfillmentsCount: 0,
      fulfillmentOrders: [{ id: FO, status: "OPEN", holds: [] }],
      shippingAddress: { address1: "18 rue des Martyrs", city: "Paris", zip: "75009", countryCode: "FR" },
      shippingLines: [{ title: "Colissimo", originalPrice: { amount: "4.9", currencyCode: "EUR" } }],
    });
    expect(facts!.lineItems.map((l) => [l.id, l.quantity, l.requiresShipping])).toEqual([
      ["gid://shopify/LineItem/60001", 2, true],
      ["gid://shopify/LineItem/60002", 1, true],
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0].requestedQueryCost).toBeGreaterThan(0);
    expect(calls[0].requestedQueryCost).toBeLessThanOrEqual(250);
    await expect(g.getOrderFacts("999999")).resolves.toBeNull();
  });

  it("address change: facts + quote + update with read-back = 3 calls; Shopify holds the new address everywhere", async () => {
    const { g, calls, cost } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    const quote = await g.quoteShipping(facts, BORDEAUX);
    expect(quote.rates.map((r) => [r.title, r.price.amount])).toEqual([
      ["Colissimo", expect.stringMatching(/^4\.90?$/)],
      ["Chronopost", expect.stringMatching(/^9\.90?$/)],
    ]);
    const result = await g.applyShippingAddress({ requestId: requestId(), facts, address: BORDEAUX });
    expect(result).toMatchObject({ orderId: ORDER, shippingAddress: { city: "Bordeaux" }, fulfillmentOrderIds: [FO] });
    expect(calls.map((c) => c.operation)).toEqual([
      "AmendOrderFacts",
      "AmendShippingQuote",
      "AmendApplyShippingAddress",
    ]);
    const order = h.order(ORDER);
    expect(order.shippingAddress).toMatchObject({ address1: "3 quai des Chartrons", city: "Bordeaux" });
    expect(order.fulfillmentOrders.nodes[0].destination).toMatchObject({
      address1: "3 quai des Chartrons",
      city: "Bordeaux",
    });
    expect(h.applied("orderUpdate")).toHaveLength(1);
    expect(cost()).toBeGreaterThan(0);
  });

  it("a destination the store does not ship to: no rates", async () => {
    const { g } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    await expect(
      g.quoteShipping(facts, { ...BORDEAUX, city: "Berlin", zip: "10115", countryCode: "DE" }),
    ).resolves.toEqual({ rates: [] });
  });

  it("STALE_FO_DESTINATION: Shopify keeps the old address on the fulfillment order → AddressNotAppliedError, not success", async () => {
    const { g } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    h.simulator.faults.inject({ kind: "STALE_FO_DESTINATION" });
    const id = requestId();
    const error = (await g
      .applyShippingAddress({ requestId: id, facts, address: BORDEAUX })
      .catch((e: unknown) => e)) as AddressNotAppliedError;
    expect(error).toBeInstanceOf(AddressNotAppliedError);
    expect(error.mismatches).toEqual([{ where: FO, found: expect.objectContaining({ city: "Paris" }) }]);
    expect(h.simulator.faults.fired.map((f) => f.kind)).toEqual(["STALE_FO_DESTINATION"]);
    // the ledger keeps it SENT: a retry reads Shopify's state first
    expect(await prisma.shopifyMutation.findUnique({ where: { key: `${id}:orderUpdate` } })).toMatchObject({
      status: "SENT",
      sends: 1,
    });
  });

  it("DROP_AFTER_APPLY on orderUpdate: the answer is lost, Shopify's state shows it applied, nothing is sent twice", async () => {
    const { g, calls } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    h.simulator.faults.inject({ kind: "DROP_AFTER_APPLY", operation: "orderUpdate" });
    const id = requestId();
    await expect(g.applyShippingAddress({ requestId: id, facts, address: BORDEAUX })).resolves.toMatchObject({
      shippingAddress: { city: "Bordeaux" },
    });
    expect(h.simulator.faults.fired.map((f) => f.kind)).toEqual(["DROP_AFTER_APPLY"]);
    expect(h.applied("orderUpdate")).toHaveLength(1);
    expect(calls.map((c) => c.operation)).toEqual([
      "AmendOrderFacts",
      "AmendApplyShippingAddress",
      "AmendShippingAddressReadBack",
    ]);
    expect(await prisma.shopifyMutation.findUnique({ where: { key: `${id}:orderUpdate` } })).toMatchObject({
      status: "CONFIRMED",
      sends: 1,
    });
    // the same request again: the stored result, no call at all
    const before = calls.length;
    await g.applyShippingAddress({ requestId: id, facts, address: BORDEAUX });
    expect(calls.length).toBe(before);
  });

  it("HTTP_500 on orderUpdate: not applied by Shopify, read back, sent again once → applied exactly once", async () => {
    const { g } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    h.simulator.faults.inject({ kind: "HTTP_500", operation: "orderUpdate" });
    const id = requestId();
    await expect(g.applyShippingAddress({ requestId: id, facts, address: BORDEAUX })).resolves.toMatchObject({
      shippingAddress: { city: "Bordeaux" },
    });
    expect(h.simulator.faults.fired.map((f) => f.kind)).toEqual(["HTTP_500"]);
    expect(h.applied("orderUpdate")).toHaveLength(1);
    expect(await prisma.shopifyMutation.findUnique({ where: { key: `${id}:orderUpdate` } })).toMatchObject({
      status: "CONFIRMED",
      sends: 2,
    });
  });

  it("HTTP_503 twice on the facts query: retried with backoff, then answered", async () => {
    const { g, calls, waits } = h.gateway();
    h.simulator.faults.inject({ kind: "HTTP_503", times: 2, operation: "AmendOrderFacts" });
    await expect(g.getOrderFacts("5001")).resolves.toMatchObject({ name: "#1001" });
    expect(calls.map((c) => c.outcome)).toEqual(["retryable", "retryable", "ok"]);
    expect(waits.length).toBe(2);
    expect(waits.every((w) => w >= 1000)).toBe(true); // the simulator's Retry-After: 1
  });

  it("HTTP_503 on every try: ShopifyUnavailableError with a Retry-After for the customer API", async () => {
    const { g, calls } = h.gateway();
    h.simulator.faults.inject({ kind: "HTTP_503", times: -1 });
    const error = (await g.getOrderFacts("5001").catch((e: unknown) => e)) as ShopifyUnavailableError;
    expect(error).toBeInstanceOf(ShopifyUnavailableError);
    expect(error.retryAfterSeconds).toBe(1);
    expect(calls).toHaveLength(4);
  }, 20_000);

  it("THROTTLED answer: waits as Shopify's cost information says, then succeeds", async () => {
    const { g, calls, waits } = h.gateway();
    h.simulator.faults.inject({ kind: "THROTTLED", operation: "AmendOrderFacts" });
    await expect(g.getOrderFacts("5001")).resolves.toMatchObject({ name: "#1001" });
    expect(calls.map((c) => c.outcome)).toEqual(["throttled", "ok"]);
    expect(waits).toHaveLength(1);
  });

  it("a drained bucket: the wait is (requested − available) / restoreRate, and the query then passes", async () => {
    const { g, calls, waits } = h.gateway();
    h.simulator.bucket.drain();
    const started = Date.now();
    await expect(g.getOrderFacts("5001")).resolves.toMatchObject({ name: "#1001" });
    expect(calls[0].outcome).toBe("throttled");
    expect(calls.at(-1)!.outcome).toBe("ok");
    const requested = calls[0].requestedQueryCost!;
    expect(waits[0]).toBeGreaterThanOrEqual(Math.floor((requested / 100) * 1000) - 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(waits[0]);
  }, 20_000);

  it("LATENCY: a slow answer is still an answer", async () => {
    const { g } = h.gateway();
    h.simulator.faults.inject({ kind: "LATENCY", ms: 300, operation: "AmendShippingQuote" });
    const facts = (await g.getOrderFacts("5001"))!;
    const started = Date.now();
    await expect(g.quoteShipping(facts, BORDEAUX)).resolves.toMatchObject({ rates: expect.any(Array) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("cancellation request: facts + one hold per open fulfillment order; a retry adds no second hold", async () => {
    const { g, calls } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    const id = requestId();
    const holds = await g.holdForCancellation({ requestId: id, facts });
    expect(holds).toEqual([
      { fulfillmentOrderId: FO, holdId: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentHold\//) },
    ]);
    expect(calls.map((c) => c.operation)).toEqual(["AmendOrderFacts", "AmendHoldFulfillmentOrder"]);
    const fo = h.order(ORDER).fulfillmentOrders.nodes[0];
    expect(fo.status).toBe("ON_HOLD");
    expect(fo.fulfillmentHolds).toEqual([
      expect.objectContaining({
        reason: "OTHER",
        handle: `amend-${id}`,
        reasonNotes: "Cancellation requested by the customer (Amend)",
      }),
    ]);
    await g.holdForCancellation({ requestId: id, facts });
    expect(h.applied("fulfillmentOrderHold")).toHaveLength(1);
    expect(h.order(ORDER).fulfillmentOrders.nodes[0].fulfillmentHolds).toHaveLength(1);
  });

  it("DROP_AFTER_APPLY on fulfillmentOrderHold: the hold exists once", async () => {
    const { g } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    h.simulator.faults.inject({ kind: "DROP_AFTER_APPLY", operation: "fulfillmentOrderHold" });
    const id = requestId();
    await expect(g.holdForCancellation({ requestId: id, facts })).resolves.toHaveLength(1);
    expect(h.simulator.faults.fired.map((f) => f.kind)).toEqual(["DROP_AFTER_APPLY"]);
    expect(h.order(ORDER).fulfillmentOrders.nodes[0].fulfillmentHolds).toHaveLength(1);
  });

  it("rejection: our hold is released, the order proceeds", async () => {
    const { g } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    const id = requestId();
    await g.holdForCancellation({ requestId: id, facts });
    await expect(g.releaseHold({ requestId: id, orderGid: ORDER })).resolves.toEqual([FO]);
    const fo = h.order(ORDER).fulfillmentOrders.nodes[0];
    expect(fo.status).toBe("OPEN");
    expect(fo.fulfillmentHolds).toEqual([]);
    // released already: one read, nothing sent
    await expect(g.releaseHold({ requestId: id, orderGid: ORDER })).resolves.toEqual([]);
    expect(h.applied("fulfillmentOrderReleaseHold")).toHaveLength(1);
  });

  it("approval: orderCancel follows its job to the end and reads back cancelledAt", async () => {
    const { g, calls } = h.gateway();
    const id = requestId();
    const result = await g.cancelOrder({
      requestId: id,
      orderGid: ORDER,
      options: customerCancelOptions(DEFAULT_POLICY.cancellation),
    });
    expect(result).toMatchObject({
      orderId: ORDER,
      cancelledAt: expect.any(String),
      jobId: expect.stringMatching(/^gid:\/\/shopify\/Job\//),
    });
    expect(h.order(ORDER).cancelledAt).toBeTruthy();
    expect(calls[0].operation).toBe("AmendCancelOrder");
    expect(calls.slice(1).every((c) => c.operation === "AmendCancelJob")).toBe(true);
    expect(h.applied("orderCancel")).toHaveLength(1);
    expect(h.applied("orderCancel")[0].args).toMatchObject({
      reason: "CUSTOMER",
      restock: true,
      refundMethod: { originalPaymentMethodsRefund: true },
    });
  });

  it("approval of a held order: the order is cancelled with our hold still on (no release needed first)", async () => {
    const { g } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    const id = requestId();
    await g.holdForCancellation({ requestId: id, facts });
    await expect(
      g.cancelOrder({ requestId: id, orderGid: ORDER, options: customerCancelOptions(DEFAULT_POLICY.cancellation) }),
    ).resolves.toMatchObject({ cancelledAt: expect.any(String) });
    expect(h.order(ORDER).cancelledAt).toBeTruthy();
  });

  it("DROP_AFTER_APPLY on orderCancel, then a retry: cancelled once", async () => {
    const { g } = h.gateway();
    h.simulator.faults.inject({ kind: "DROP_AFTER_APPLY", operation: "orderCancel" });
    const id = requestId();
    const options = customerCancelOptions(DEFAULT_POLICY.cancellation);
    const first = await g.cancelOrder({ requestId: id, orderGid: ORDER, options }).catch((e: unknown) => e);
    // either the read-back saw it cancelled, or the job was still running and the request stays retryable
    if (first instanceof Error) expect(first).toBeInstanceOf(ShopifyUnavailableError);
    const retried = await g.cancelOrder({ requestId: id, orderGid: ORDER, options });
    expect(retried.cancelledAt).toBeTruthy();
    expect(h.simulator.faults.fired.map((f) => f.kind)).toEqual(["DROP_AFTER_APPLY"]);
    expect(h.applied("orderCancel")).toHaveLength(1);
    expect(h.simulator.calls.filter((c) => c.rootFields.includes("orderCancel") && c.outcome === "ok")).toHaveLength(0);
  });

  it("cancelling a cancelled order that we never sent: Shopify's refusal is a ShopifyUserError", async () => {
    const { g } = h.gateway();
    const error = (await g
      .cancelOrder({
        requestId: requestId(),
        orderGid: "gid://shopify/Order/5005",
        options: customerCancelOptions(DEFAULT_POLICY.cancellation),
      })
      .catch((e: unknown) => e)) as ShopifyUserError;
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect(error.message).toContain("already been cancelled");
  });

  it("part-cancellation: begin → set quantity 0 (restock) → commit; the line is gone once", async () => {
    const { g, calls } = h.gateway();
    const id = requestId();
    const result = await g.cancelLineItems({
      requestId: id,
      orderGid: ORDER,
      lines: [{ lineItemId: "gid://shopify/LineItem/60002" }],
      restock: true,
      notifyCustomer: false,
      staffNote: "Out of stock",
    });
    expect(result).toEqual({ orderId: ORDER, lines: [{ lineItemId: "gid://shopify/LineItem/60002", quantity: 0 }] });
    expect(calls.map((c) => c.operation)).toEqual([
      "AmendOrderEditBegin",
      "AmendOrderEditSetQuantity",
      "AmendOrderEditCommit",
    ]);
    expect(h.applied("orderEditCommit")).toHaveLength(1);
    const facts = (await g.getOrderFacts(ORDER))!;
    expect(facts.lineItems.find((l) => l.id === "gid://shopify/LineItem/60002")?.quantity).toBe(0);
  });

  it("shop info for notifications", async () => {
    const { g } = h.gateway();
    await expect(g.getShopInfo()).resolves.toMatchObject({
      name: "Maison Lumière",
      email: "boutique@maison-lumiere.example",
      contactEmail: "bonjour@maison-lumiere.example",
      myshopifyDomain: "amend-demo.myshopify.com",
      currencyCode: "EUR",
    });
  });

  it("an operation Shopify would refuse: AdminApiError with its message, not retried", async () => {
    const { g, calls } = h.gateway();
    const error = (await g.client
      .request("query AmendBroken { shop { nope } }")
      .catch((e: unknown) => e)) as AdminApiError;
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error.message).toContain("nope");
    expect(calls).toHaveLength(1);
  });
});
