import "../../support/app-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "~/domain/policy";
import { customerCancelOptions, type AdminCall } from "~/shopify";
import { prisma } from "~/db.server";
import { shopifyPort } from "~/services/context.server";
import { withFactsCache } from "~/services/order-facts-cache.server";
import { ShopBudget } from "~/shopify/budget.server";
import { withdrawalFactsRequestedCost, withdrawalReadFor } from "~/shopify/withdrawal.server";
import { startAdminHarness } from "./harness";

// Admin API calls and requested query cost per customer action, measured on the simulator (docs/shopify-operations.md).
const ORDER = "gid://shopify/Order/5001";
let h: Awaited<ReturnType<typeof startAdminHarness>>;
const rows: { action: string; calls: number; cost: number; actual: number; operations: string }[] = [];
const record = (action: string, calls: AdminCall[]) =>
  rows.push({
    action,
    calls: calls.length,
    cost: calls.reduce((s, c) => s + (c.requestedQueryCost ?? 0), 0),
    actual: calls.reduce((s, c) => s + (c.actualQueryCost ?? 0), 0),
    operations: calls.map((c) => `${c.operation}(${c.requestedQueryCost})`).join(" + "),
  });

beforeAll(async () => {
  h = await startAdminHarness();
});
afterAll(async () => {
  await h.close();
  process.stdout.write(
    `\nAdmin API cost per customer action\n${rows.map((r) => `${r.action}: ${r.calls} calls, requested cost ${r.cost}, actual ${r.actual} — ${r.operations}`).join("\n")}\n`,
  );
});

describe("calls and requested query cost per customer action", () => {
  it("options: 1 call", async () => {
    const { g, calls } = h.gateway();
    await g.getOrderFacts("5001");
    record("options", calls);
    expect(calls).toHaveLength(1);
  });

  it("options answered from the order facts cache: no call", async () => {
    h.simulator.reset();
    const { g, calls } = h.gateway();
    const port = withFactsCache(shopifyPort(g), { db: prisma, shop: "costs.myshopify.com", budget: new ShopBudget() });
    await port.readOrderFacts!("5001");
    expect(calls).toHaveLength(1);
    calls.length = 0;
    const again = await port.readOrderFacts!("5001");
    record("options, cache hit", calls);
    expect(again).toMatchObject({ source: "cache", stale: false });
    expect(calls).toHaveLength(0);
  });

  it("address change: ≤ 4 calls (facts, quote, update with read-back)", async () => {
    h.simulator.reset();
    const { g, calls } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    const address = { address1: "3 quai des Chartrons", city: "Bordeaux", zip: "33000", countryCode: "FR" };
    await g.quoteShipping(facts, address);
    await g.applyShippingAddress({ requestId: `cost-${Date.now()}-a`, facts, address });
    record("address change", calls);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it("cancellation request: facts + one hold per open fulfillment order", async () => {
    h.simulator.reset();
    const { g, calls } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    await g.holdForCancellation({ requestId: `cost-${Date.now()}-c`, facts });
    record("cancellation request", calls);
    expect(calls).toHaveLength(2);
  });

  it("approval: cancel + job polls", async () => {
    h.simulator.reset();
    const { g, calls } = h.gateway();
    await g.cancelOrder({
      requestId: `cost-${Date.now()}-p`,
      orderGid: ORDER,
      options: customerCancelOptions(DEFAULT_POLICY.cancellation),
    });
    record("approval (cancel)", calls);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it("rejection: release", async () => {
    h.simulator.reset();
    const { g, calls } = h.gateway();
    const facts = (await g.getOrderFacts("5001"))!;
    const id = `cost-${Date.now()}-r`;
    await g.holdForCancellation({ requestId: id, facts });
    calls.length = 0;
    await g.releaseHold({ requestId: id, orderGid: ORDER });
    record("rejection (release hold)", calls);
    expect(calls).toHaveLength(2);
  });

  it("withdrawal: the extra facts read (only for stores offering it), the storefront lookup, a return request", async () => {
    h.simulator.reset();
    const { g, calls } = h.gateway();
    const order = (await g.getOrderFacts("5026"))!;
    calls.length = 0;
    const read = withdrawalReadFor(order);
    const facts = await g.getWithdrawalFacts("5026", read);
    record("withdrawal facts (options, submission), sized to the order", calls);
    expect(calls).toHaveLength(1);
    // the budget checks afford what Shopify charges up front for it
    expect(calls[0].requestedQueryCost).toBe(withdrawalFactsRequestedCost(read.size));
    calls.length = 0;
    await g.getWithdrawalFacts("5026");
    record("withdrawal facts, unsized (the ceilings)", calls);
    expect(calls[0].requestedQueryCost).toBe(withdrawalFactsRequestedCost());
    calls.length = 0;
    const unshipped = (await g.getOrderFacts("5028"))!;
    calls.length = 0;
    await g.getWithdrawalFacts("5028", withdrawalReadFor(unshipped));
    record("withdrawal facts of an order with no shipment (lines only)", calls);
    expect(calls.map((c) => c.operation)).toEqual(["AmendWithdrawalLineItems"]);
    expect(calls[0].requestedQueryCost).toBe(withdrawalFactsRequestedCost(withdrawalReadFor(unshipped).size, true));

    calls.length = 0;
    expect(await g.findOrderByName("#1026")).toMatchObject({ orderId: "5026" });
    record("storefront lookup", calls);
    expect(calls).toHaveLength(1);

    calls.length = 0;
    const candles = facts!.shipments[0].lines[1].fulfillmentLineItemId;
    await g.requestReturn({
      requestId: `cost-${Date.now()}-w`,
      orderGid: "gid://shopify/Order/5026",
      lines: [{ fulfillmentLineItemId: candles, quantity: 1 }],
    });
    record("withdrawal of shipped goods (return request)", calls);
    expect(calls).toHaveLength(1);
  });
});
