import { isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "./schema";
import {
  CANCEL_REASONS,
  DISPLAY_FULFILLMENT_STATUSES,
  FINANCIAL_STATUSES,
  FULFILLMENT_ORDER_STATUSES,
  HOLD_REASONS,
  Store,
  StoreFileError,
  readStoreFile,
} from "./store";
import { DEFAULT_STORE_FILE } from "./server";

const demo = () => structuredClone(readStoreFile(DEFAULT_STORE_FILE)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("store file", () => {
  it("loads the demo store with every state the demo needs", () => {
    const store = Store.fromFile(DEFAULT_STORE_FILE);
    expect(store.shop.myshopifyDomain).toBe("amend-demo.myshopify.com");
    expect(store.customers.map((c) => c.locale).sort()).toEqual(["en", "fr"]);
    const states = new Set(store.orders.map((o) => `${o.displayFinancialStatus}/${o.displayFulfillmentStatus}`));
    for (const s of [
      "AUTHORIZED/UNFULFILLED",
      "PAID/UNFULFILLED",
      "AUTHORIZED/IN_PROGRESS",
      "PAID/FULFILLED",
      "AUTHORIZED/ON_HOLD",
    ]) {
      expect(states).toContain(s);
    }
    expect(store.orders.some((o) => o.cancelledAt)).toBe(true);
    expect(store.shippingZones.flatMap((z) => z.countries).sort()).toEqual(["BE", "CA", "CH", "FR", "US"]);
    // FR → BE costs more, as the demo's SHIPPING_COST_INCREASE order needs
    expect(store.zoneFor("BE")!.rates[0].price > store.zoneFor("FR")!.rates[0].price).toBe(true);
  });

  it("materializes what Shopify computes: totals, fulfillment orders, destinations", () => {
    const store = Store.fromFile(DEFAULT_STORE_FILE);
    const o = store.order("gid://shopify/Order/5007")!; // 149 + 2 × 28 − 15 % + 4.90
    expect(o.totalPriceSet.shopMoney.amount).toBe("179.15");
    expect(o.totalDiscountsSet.shopMoney.amount).toBe("30.75");
    expect(o.fulfillmentOrders.nodes[0]).toMatchObject({
      status: "OPEN",
      destination: { city: "Lyon", countryCode: "FR" },
    });
    expect(store.order("gid://shopify/Order/5004")!.fulfillmentOrders.nodes[0].status).toBe("CLOSED");
    expect(store.order("gid://shopify/Order/5005")!.fulfillmentOrders.nodes[0].status).toBe("CLOSED");
  });

  it("names the path of every invalid value", () => {
    const bad = demo();
    bad.orders[2].lineItems.nodes[0].originalUnitPriceSet.shopMoney.amount = "12,50";
    bad.orders[0].displayFinancialStatus = "CAPTURED";
    expect(() => new Store(bad, { source: "bad.json" })).toThrow(StoreFileError);
    const message = messageOf(() => new Store(bad, { source: "bad.json" }));
    expect(message).toContain("Store file bad.json is invalid");
    expect(message).toContain("orders[2].lineItems.nodes[0].originalUnitPriceSet.shopMoney.amount");
    expect(message).toContain("orders[0].displayFinancialStatus");
  });

  it("checks references between records once the shapes are valid", () => {
    const bad = demo();
    bad.orders[1].customer.id = "gid://shopify/Customer/999";
    bad.shippingZones[1].countries.push("FR");
    bad.orders[3].lineItems.nodes[0].id = bad.orders[0].lineItems.nodes[0].id;
    const message = messageOf(() => new Store(bad, { source: "bad.json" }));
    expect(message).toContain("orders[1].customer.id: no customer gid://shopify/Customer/999");
    expect(message).toContain("shippingZones[1].countries[1]: FR is already in shippingZones[0]");
    expect(message).toContain("orders[3].lineItems.nodes[0].id: duplicate id");
  });

  it("keeps its enum lists equal to the 2026-10 schema", () => {
    const schema = loadAdminSchema("2026-10");
    const values = (name: string) => {
      const t = schema.getType(name);
      if (!isEnumType(t)) throw new Error(name);
      return t
        .getValues()
        .map((v) => v.name)
        .sort();
    };
    expect([...FINANCIAL_STATUSES].sort()).toEqual(values("OrderDisplayFinancialStatus"));
    expect([...DISPLAY_FULFILLMENT_STATUSES].sort()).toEqual(values("OrderDisplayFulfillmentStatus"));
    expect([...FULFILLMENT_ORDER_STATUSES].sort()).toEqual(values("FulfillmentOrderStatus"));
    expect([...HOLD_REASONS].sort()).toEqual(values("FulfillmentHoldReason"));
    expect([...CANCEL_REASONS].sort()).toEqual(values("OrderCancelReason"));
  });
});
