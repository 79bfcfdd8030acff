import { isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "./schema";
import {
  CANCEL_REASONS,
  CONDITION_FIELDS,
  CONDITION_OPERATORS,
  DELIVERY_METHOD_TYPES,
  FULFILLMENT_SERVICE_TYPES,
  MERCHANT_REQUEST_KINDS,
  REQUEST_STATUSES,
  WEIGHT_UNITS,
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
    const zoned = store.shippingZones.flatMap((z) =>
      z.countries.map((c: string | { code: string; provinces: string[] }) =>
        typeof c === "string" ? c : `${c.code}:${c.provinces.join("+")}`,
      ),
    );
    expect(zoned.sort()).toEqual(["BE", "CA", "CH", "ES:GC+TF", "ES:M+B", "FR", "US"]);
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

  it("refuses a province in two zones, a location that does not exist, and a request status away from a fulfillment service", () => {
    const bad = demo();
    bad.shippingZones.push({
      countries: [{ code: "ES", provinces: ["B", "V"] }],
      rates: [{ title: "x", price: "1.00" }],
    });
    bad.shippingZones.push({ countries: ["ES"], rates: [{ title: "y", price: "1.00" }] });
    const o = bad.orders.find((x: { name: string }) => x.name === "#1016");
    o.fulfillmentOrders.nodes[0].assignedLocation.location.id = "gid://shopify/Location/99";
    const p = bad.orders.find((x: { name: string }) => x.name === "#1001");
    p.fulfillmentOrders = {
      nodes: [{ id: "gid://shopify/FulfillmentOrder/5001", status: "OPEN", requestStatus: "ACCEPTED" }],
    };
    const message = messageOf(() => new Store(bad, { source: "bad.json" }));
    expect(message).toContain("shippingZones[6].countries[0]: ES-B is already in shippingZones[4]");
    expect(message).toContain("shippingZones[7].countries[0]: ES-M is already in shippingZones[4]");
    expect(message).toMatch(/assignedLocation\.location\.id: no location gid:\/\/shopify\/Location\/99/);
    expect(message).toMatch(
      /orders\[0\]\.fulfillmentOrders\.nodes\[0\]\.requestStatus: ACCEPTED needs an assignedLocation/,
    );
  });

  it("materializes the new shapes: locations, delivery methods, merchant requests, B2B, weights", () => {
    const store = Store.fromFile(DEFAULT_STORE_FILE);
    const fo = (n: number) => store.order(`gid://shopify/Order/${n}`)!.fulfillmentOrders.nodes;
    expect(fo(5013)[0]).toMatchObject({ deliveryMethod: { methodType: "PICK_UP" }, destination: null });
    expect(fo(5014)[0].deliveryMethod.methodType).toBe("NONE");
    expect(fo(5001)[0]).toMatchObject({
      deliveryMethod: { methodType: "SHIPPING", presentedName: "Colissimo" },
      assignedLocation: { name: "Maison Lumière", location: { id: "gid://shopify/Location/1" } },
    });
    expect(fo(5016)[0].merchantRequests.nodes.map((r: { kind: string }) => r.kind)).toEqual(["FULFILLMENT_REQUEST"]);
    expect(store.location("gid://shopify/Location/3")).toMatchObject({ isFulfillmentService: true, isPrimary: false });
    expect(store.order("gid://shopify/Order/5022")!.purchasingEntity).toMatchObject({
      __typename: "PurchasingCompany",
      location: {
        name: "Hôtel Belvédère — Annecy",
        shippingAddress: { city: "Annecy", companyName: "Hôtel Belvédère SAS" },
      },
    });
    // several fulfillment orders: what is left to ship per line comes from their remaining quantities
    expect(fo(5018).map((f: { status: string }) => f.status)).toEqual(["IN_PROGRESS", "OPEN"]);
    expect(store.zoneFor("ES", "M")!.name).toMatch(/Madrid/);
    expect(store.zoneFor("ES", "GC")!.name).toMatch(/Canaries/);
    expect(store.zoneFor("ES", "V")).toBeUndefined();
    expect(store.zoneFor("ES")).toBeUndefined();
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
    expect([...DELIVERY_METHOD_TYPES].sort()).toEqual(values("DeliveryMethodType"));
    expect([...REQUEST_STATUSES].sort()).toEqual(values("FulfillmentOrderRequestStatus"));
    expect([...MERCHANT_REQUEST_KINDS].sort()).toEqual(values("FulfillmentOrderMerchantRequestKind"));
    expect([...WEIGHT_UNITS].sort()).toEqual(values("WeightUnit"));
    expect([...CONDITION_FIELDS].sort()).toEqual(values("DeliveryConditionField"));
    expect([...CONDITION_OPERATORS].sort()).toEqual(values("DeliveryConditionOperator"));
    expect([...FULFILLMENT_SERVICE_TYPES].sort()).toEqual(values("FulfillmentServiceType"));
  });
});
