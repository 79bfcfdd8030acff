import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";

// Every test goes over real HTTP with fetch, as the app's Admin client does.
let sim: Simulator;
const TOKEN = "shpat_test";

beforeAll(async () => {
  sim = await startSimulator({ accessToken: TOKEN, jobMaxMs: 60_000 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function gql(query: string, variables: Record<string, unknown> = {}, token: string | null = TOKEN) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== null) headers["X-Shopify-Access-Token"] = token;
  const res = await fetch(sim.graphqlUrl, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

const ORDER = (n: number) => `gid://shopify/Order/${n}`;
const FO = (n: number) => `gid://shopify/FulfillmentOrder/${n}`;

const FACTS = /* GraphQL */ `
  query OrderFacts($id: ID!) {
    order(id: $id) {
      id
      legacyResourceId
      name
      createdAt
      customer {
        id
        locale
      }
      currencyCode
      displayFinancialStatus
      displayFulfillmentStatus
      cancelledAt
      closed
      fulfillments(first: 5) {
        id
      }
      fulfillmentOrders(first: 10) {
        nodes {
          id
          status
          fulfillmentHolds {
            id
            reason
            reasonNotes
            handle
            heldByRequestingApp
          }
          destination {
            address1
            city
            zip
            countryCode
            province
            firstName
            lastName
          }
        }
      }
      shippingAddress {
        address1
        city
        zip
        countryCodeV2
        provinceCode
      }
      shippingLines(first: 5) {
        nodes {
          title
          code
          originalPriceSet {
            shopMoney {
              amount
              currencyCode
            }
          }
          discountedPriceSet {
            shopMoney {
              amount
              currencyCode
            }
          }
        }
      }
      discountApplications(first: 10) {
        nodes {
          __typename
          targetType
          value {
            ... on PricingPercentageValue {
              percentage
            }
            ... on MoneyV2 {
              amount
            }
          }
          ... on DiscountCodeApplication {
            code
          }
        }
      }
      lineItems(first: 50) {
        nodes {
          id
          title
          quantity
          currentQuantity
          variant {
            id
          }
          requiresShipping
        }
      }
    }
  }
`;

async function facts(n: number): Promise<Json> {
  const r = await gql(FACTS, { id: ORDER(n) });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.order;
}

describe("schema enforcement", () => {
  it("answers a valid operation with data and Shopify's cost extension", async () => {
    const r = await gql(FACTS, { id: ORDER(5001) });
    expect(r.status).toBe(200);
    expect(r.body.data.order.name).toBe("#1001");
    expect(r.body.data.order.customer.locale).toBe("fr");
    expect(r.body.data.order.fulfillmentOrders.nodes[0].status).toBe("OPEN");
    const cost = r.body.extensions.cost;
    expect(cost.requestedQueryCost).toBeGreaterThan(cost.actualQueryCost);
    expect(cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    // the bucket refills in real time here; exact accounting is tested with a fake clock under "throttling"
    expect(cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(2000 - cost.requestedQueryCost);
    expect(cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(2000);
  });

  it("refuses a field that does not exist in 2026-10 (FulfillmentOrder.holds) like Shopify", async () => {
    const r = await gql(`query { fulfillmentOrder(id: "${FO(5001)}") { holds { id } } }`);
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0].message).toMatch(/Cannot query field "holds" on type "FulfillmentOrder"/);
    expect(r.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(r.body.errors[0].locations).toBeDefined();
  });

  it("refuses a wrong enum value, inline or in variables", async () => {
    const inline = await gql(
      `mutation { orderCancel(orderId: "${ORDER(5001)}", reason: CHANGED_MIND, restock: true) { job { id } } }`,
    );
    expect(inline.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const viaVariables = await gql(
      `mutation C($reason: OrderCancelReason!) { orderCancel(orderId: "${ORDER(5001)}", reason: $reason, restock: true) { job { id } } }`,
      { reason: "CHANGED_MIND" },
    );
    expect(viaVariables.body.errors[0].extensions.code).toBe("INVALID_VARIABLE");
    expect((await facts(5001)).cancelledAt).toBeNull();
  });

  it("requires first or last on connections", async () => {
    const r = await gql(`{ order(id: "${ORDER(5001)}") { lineItems { nodes { id } } } }`);
    expect(r.body.errors[0].message).toMatch(/you must provide one of first or last/);
  });

  it("refuses a query above the single-query cost limit", async () => {
    const r = await gql(`{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id variant { id } } } } } }`);
    expect(r.body.errors[0].extensions.code).toBe("MAX_COST_EXCEEDED");
  });

  it("answers 401 without an access token or with the wrong one", async () => {
    for (const token of [null, "", "wrong"]) {
      const r = await gql(`{ shop { name } }`, {}, token);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      });
    }
  });

  it("answers 404 for another API version", async () => {
    const res = await fetch(`${sim.url}/admin/api/2025-01/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": TOKEN, "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(res.status).toBe(404);
  });

  it("flags deprecated fields with Shopify's header", async () => {
    const r = await gql(`{ order(id: "${ORDER(5001)}") { totalPrice } }`);
    expect(r.headers.get("x-shopify-api-deprecated-reason")).toContain("shopify.dev");
    expect(sim.calls.at(-1)!.deprecations[0]).toMatch(/totalPrice/);
  });
});

describe("queries", () => {
  it("serves shop, customer, node, fulfillmentOrder and orders(query)", async () => {
    const r = await gql(`{
      shop { name email myshopifyDomain currencyCode url contactEmail }
      customer(id: "gid://shopify/Customer/7002") { firstName lastName email phone locale }
      node(id: "${FO(5010)}") { id ... on FulfillmentOrder { status orderName } }
      fulfillmentOrder(id: "${FO(5003)}") { status order { name } }
      orders(first: 5, query: "customer_id:7002") { nodes { name } }
    }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.shop).toMatchObject({
      name: "Maison Lumière",
      currencyCode: "EUR",
      myshopifyDomain: "amend-demo.myshopify.com",
    });
    expect(r.body.data.customer.locale).toBe("en");
    expect(r.body.data.node).toEqual({ id: FO(5010), status: "ON_HOLD", orderName: "#1010" });
    expect(r.body.data.fulfillmentOrder).toEqual({ status: "IN_PROGRESS", order: { name: "#1003" } });
    expect(r.body.data.orders.nodes.map((o: Json) => o.name)).toEqual(["#1011", "#1012", "#1026"]);
  });

  it("paginates with cursors", async () => {
    const first = await gql(`{ orders(first: 5) { nodes { name } pageInfo { hasNextPage endCursor } } }`);
    expect(first.body.data.orders.pageInfo.hasNextPage).toBe(true);
    const next = await gql(`query N($after: String) { orders(first: 5, after: $after) { nodes { name } } }`, {
      after: first.body.data.orders.pageInfo.endCursor,
    });
    expect(next.body.data.orders.nodes[0].name).toBe("#1006");
  });

  it("exposes the store's discounts and shipping as Shopify does", async () => {
    const free = await facts(5006);
    expect(free.discountApplications.nodes[0]).toMatchObject({
      __typename: "DiscountCodeApplication",
      code: "LIVRAISONOFFERTE",
      targetType: "SHIPPING_LINE",
    });
    expect(free.shippingLines.nodes[0].discountedPriceSet.shopMoney.amount).toBe("0.0");
    const item = await facts(5007);
    expect(item.discountApplications.nodes[0]).toMatchObject({ targetType: "LINE_ITEM", value: { percentage: 15 } });
  });
});

const UPDATE = /* GraphQL */ `
  mutation UpdateAddress($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
        shippingAddress {
          address1
          city
          countryCodeV2
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;
const BRUSSELS = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "Rue Neuve 1",
  city: "Bruxelles",
  zip: "1000",
  countryCode: "BE",
};

describe("orderUpdate", () => {
  it("changes the shipping address and the open fulfillment orders' destination", async () => {
    const r = await gql(UPDATE, { input: { id: ORDER(5001), shippingAddress: BRUSSELS } });
    expect(r.body.data.orderUpdate.userErrors).toEqual([]);
    expect(r.body.data.orderUpdate.order.shippingAddress).toEqual({
      address1: "Rue Neuve 1",
      city: "Bruxelles",
      countryCodeV2: "BE",
    });
    const after = await facts(5001);
    expect(after.fulfillmentOrders.nodes[0].destination).toMatchObject({
      address1: "Rue Neuve 1",
      city: "Bruxelles",
      countryCode: "BE",
    });
    expect(sim.store.log.at(-1)!.mutation).toBe("orderUpdate");
  });

  it("refuses to change the address of a cancelled order", async () => {
    const r = await gql(UPDATE, { input: { id: ORDER(5005), shippingAddress: BRUSSELS } });
    expect(r.body.data.orderUpdate.order).toBeNull();
    expect(r.body.data.orderUpdate.userErrors[0].field).toEqual(["shippingAddress"]);
    expect((await facts(5005)).shippingAddress.city).toBe("Paris");
  });

  it("answers a userError for an unknown order", async () => {
    const r = await gql(UPDATE, { input: { id: ORDER(1), shippingAddress: BRUSSELS } });
    expect(r.body.data.orderUpdate.userErrors[0]).toEqual({ field: ["id"], message: "Order does not exist" });
  });

  it("STALE_FO_DESTINATION: the order changes, the fulfillment order keeps the old address", async () => {
    sim.faults.inject({ kind: "STALE_FO_DESTINATION" });
    await gql(UPDATE, { input: { id: ORDER(5001), shippingAddress: BRUSSELS } });
    const after = await facts(5001);
    expect(after.shippingAddress.city).toBe("Bruxelles");
    expect(after.fulfillmentOrders.nodes[0].destination.city).toBe("Paris");
    // one-shot: the next update goes through
    await gql(UPDATE, { input: { id: ORDER(5001), shippingAddress: BRUSSELS } });
    expect((await facts(5001)).fulfillmentOrders.nodes[0].destination.city).toBe("Bruxelles");
  });
});

describe("draftOrderCalculate", () => {
  const QUOTE = /* GraphQL */ `
    mutation Quote($input: DraftOrderInput!) {
      draftOrderCalculate(input: $input) {
        calculatedDraftOrder {
          availableShippingRates {
            handle
            title
            price {
              amount
              currencyCode
            }
          }
          lineItems {
            title
            quantity
            originalUnitPriceSet {
              shopMoney {
                amount
              }
            }
          }
          subtotalPriceSet {
            shopMoney {
              amount
            }
          }
        }
        userErrors {
          field
          message
        }
      }
    }
  `;
  const quote = async (countryCode: string) => {
    const r = await gql(QUOTE, {
      input: {
        lineItems: [{ variantId: "gid://shopify/ProductVariant/40013", quantity: 2 }],
        shippingAddress: { address1: "x", city: "y", zip: "1000", countryCode },
      },
    });
    expect(r.body.errors).toBeUndefined();
    return r.body.data.draftOrderCalculate;
  };

  it("quotes the zone's rates for the destination country", async () => {
    const fr = await quote("FR");
    expect(fr.calculatedDraftOrder.availableShippingRates.map((r: Json) => [r.title, r.price.amount])).toEqual([
      ["Colissimo", "4.9"],
      ["Chronopost", "9.9"],
    ]);
    expect(fr.calculatedDraftOrder.subtotalPriceSet.shopMoney.amount).toBe("78.0");
    expect((await quote("BE")).calculatedDraftOrder.availableShippingRates[0].price.amount).toBe("7.9");
    expect((await quote("CH")).calculatedDraftOrder.availableShippingRates[0].price.amount).toBe("14.9");
    expect((await quote("US")).calculatedDraftOrder.availableShippingRates[0].price.amount).toBe("19.9");
    expect((await quote("CA")).calculatedDraftOrder.availableShippingRates[0].title).toBe("DHL Express");
  });

  it("offers no rate where the store does not ship", async () => {
    expect((await quote("DE")).calculatedDraftOrder.availableShippingRates).toEqual([]);
  });

  it("refuses an unknown variant", async () => {
    const r = await gql(QUOTE, {
      input: { lineItems: [{ variantId: "gid://shopify/ProductVariant/1", quantity: 1 }] },
    });
    expect(r.body.data.draftOrderCalculate.calculatedDraftOrder).toBeNull();
    expect(r.body.data.draftOrderCalculate.userErrors[0].field).toEqual(["lineItems", "0", "variantId"]);
  });
});

const HOLD = /* GraphQL */ `
  mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold {
        id
        reason
        handle
        heldByRequestingApp
      }
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
const RELEASE = /* GraphQL */ `
  mutation Release($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
const AMEND_HOLD = { reason: "OTHER", reasonNotes: "Cancellation requested", handle: "amend-cancellation" };

describe("fulfillment holds", () => {
  it("holds an OPEN fulfillment order, then releases it", async () => {
    const held = await gql(HOLD, { id: FO(5001), hold: AMEND_HOLD });
    const payload = held.body.data.fulfillmentOrderHold;
    expect(payload.userErrors).toEqual([]);
    expect(payload.fulfillmentOrder.status).toBe("ON_HOLD");
    expect(payload.fulfillmentHold).toMatchObject({
      reason: "OTHER",
      handle: "amend-cancellation",
      heldByRequestingApp: true,
    });
    expect((await facts(5001)).displayFulfillmentStatus).toBe("ON_HOLD");

    const released = await gql(RELEASE, { id: FO(5001), holdIds: [payload.fulfillmentHold.id] });
    expect(released.body.data.fulfillmentOrderReleaseHold).toEqual({
      fulfillmentOrder: { id: FO(5001), status: "OPEN" },
      userErrors: [],
    });
    expect((await facts(5001)).displayFulfillmentStatus).toBe("UNFULFILLED");
  });

  it("refuses to hold a CLOSED or IN_PROGRESS fulfillment order", async () => {
    for (const n of [5004, 5003]) {
      const r = await gql(HOLD, { id: FO(n), hold: AMEND_HOLD });
      expect(r.body.data.fulfillmentOrderHold.fulfillmentOrder).toBeNull();
      expect(r.body.data.fulfillmentOrderHold.userErrors[0].message).toMatch(/only an OPEN, SCHEDULED or ON_HOLD/);
    }
  });

  it("refuses a second hold with the same handle, and an unknown fulfillment order", async () => {
    await gql(HOLD, { id: FO(5001), hold: AMEND_HOLD });
    const again = await gql(HOLD, { id: FO(5001), hold: AMEND_HOLD });
    expect(again.body.data.fulfillmentOrderHold.userErrors[0].code).toBe("DUPLICATE_FULFILLMENT_HOLD_HANDLE");
    const missing = await gql(HOLD, { id: FO(1), hold: AMEND_HOLD });
    expect(missing.body.data.fulfillmentOrderHold.userErrors[0].code).toBe("FULFILLMENT_ORDER_NOT_FOUND");
  });

  it("refuses to release a fulfillment order that is not on hold", async () => {
    const r = await gql(RELEASE, { id: FO(5001) });
    expect(r.body.data.fulfillmentOrderReleaseHold.userErrors[0].message).toMatch(/only an ON_HOLD/);
  });

  it("releases the demo's pending-cancellation hold from the store file", async () => {
    const r = await gql(RELEASE, { id: FO(5010), holdIds: ["gid://shopify/FulfillmentHold/5010"] });
    expect(r.body.data.fulfillmentOrderReleaseHold.fulfillmentOrder.status).toBe("OPEN");
    expect((await facts(5010)).displayFulfillmentStatus).toBe("UNFULFILLED");
  });
});

const CANCEL = /* GraphQL */ `
  mutation Cancel($orderId: ID!, $refundMethod: OrderCancelRefundMethodInput) {
    orderCancel(
      orderId: $orderId
      reason: CUSTOMER
      refundMethod: $refundMethod
      restock: true
      notifyCustomer: false
      staffNote: "Requested through Amend"
    ) {
      job {
        id
        done
      }
      orderCancelUserErrors {
        field
        message
        code
      }
    }
  }
`;
const JOB = `query Job($id: ID!) { job(id: $id) { id done } }`;

describe("orderCancel", () => {
  it("cancels asynchronously: the job is not done on the first poll, then the order is cancelled", async () => {
    await gql(HOLD, { id: FO(5001), hold: AMEND_HOLD });
    const r = await gql(CANCEL, { orderId: ORDER(5001), refundMethod: { originalPaymentMethodsRefund: true } });
    const { job, orderCancelUserErrors } = r.body.data.orderCancel;
    expect(orderCancelUserErrors).toEqual([]);
    expect(job.done).toBe(false);
    expect((await gql(JOB, { id: job.id })).body.data.job.done).toBe(false);
    expect((await facts(5001)).cancelledAt).toBeNull();
    expect((await gql(JOB, { id: job.id })).body.data.job.done).toBe(true);
    const after = await facts(5001);
    expect(after.cancelledAt).not.toBeNull();
    expect(after.closed).toBe(true);
    expect(after.displayFinancialStatus).toBe("VOIDED"); // an authorization is voided, never captured
    expect(after.fulfillmentOrders.nodes.map((fo: Json) => fo.status)).toEqual(["CLOSED"]);
    expect(after.fulfillmentOrders.nodes[0].fulfillmentHolds).toEqual([]);
  });

  it("refunds a paid order", async () => {
    const r = await gql(CANCEL, { orderId: ORDER(5002), refundMethod: { originalPaymentMethodsRefund: true } });
    const id = r.body.data.orderCancel.job.id;
    await gql(JOB, { id });
    await gql(JOB, { id });
    expect((await facts(5002)).displayFinancialStatus).toBe("REFUNDED");
  });

  it("refuses to cancel a cancelled order, or one already being cancelled", async () => {
    const cancelled = await gql(CANCEL, { orderId: ORDER(5005) });
    expect(cancelled.body.data.orderCancel).toEqual({
      job: null,
      orderCancelUserErrors: [{ field: ["orderId"], message: "Order has already been cancelled", code: "INVALID" }],
    });
    await gql(CANCEL, { orderId: ORDER(5001) });
    const twice = await gql(CANCEL, { orderId: ORDER(5001) });
    expect(twice.body.data.orderCancel.orderCancelUserErrors[0].message).toMatch(/already in progress/);
  });

  it("refuses an order with fulfillments and an unknown order", async () => {
    const fulfilled = await gql(CANCEL, { orderId: ORDER(5004) });
    expect(fulfilled.body.data.orderCancel.orderCancelUserErrors[0].code).toBe("INVALID");
    const missing = await gql(CANCEL, { orderId: ORDER(1) });
    expect(missing.body.data.orderCancel.orderCancelUserErrors[0].code).toBe("NOT_FOUND");
  });

  it("enforces @oneOf on refundMethod (schema)", async () => {
    const r = await gql(CANCEL, {
      orderId: ORDER(5001),
      refundMethod: { originalPaymentMethodsRefund: true, storeCreditRefund: {} },
    });
    expect(r.body.errors[0].extensions.code).toBe("INVALID_VARIABLE");
  });
});

describe("order edits", () => {
  const BEGIN = `mutation B($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 50) { nodes { id title quantity } } } userErrors { field message } } }`;
  const SET = `mutation S($id: ID!, $lineItemId: ID!, $quantity: Int!) { orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: true) { calculatedLineItem { id quantity } userErrors { field message } } }`;
  const COMMIT = `mutation C($id: ID!) { orderEditCommit(id: $id, notifyCustomer: false, staffNote: "Out of stock") { order { id currentTotalPriceSet { shopMoney { amount } } lineItems(first: 50) { nodes { title quantity currentQuantity } } } userErrors { field message } } }`;

  it("removes one item: begin → set quantity 0 → commit", async () => {
    const begin = (await gql(BEGIN, { id: ORDER(5001) })).body.data.orderEditBegin;
    const calc = begin.calculatedOrder;
    const meches = calc.lineItems.nodes.find((l: Json) => l.title.startsWith("Mèches"));
    const set = await gql(SET, { id: calc.id, lineItemId: meches.id, quantity: 0 });
    expect(set.body.data.orderEditSetQuantity.userErrors).toEqual([]);
    const commit = (await gql(COMMIT, { id: calc.id })).body.data.orderEditCommit;
    expect(commit.userErrors).toEqual([]);
    const lines = commit.order.lineItems.nodes;
    expect(lines.find((l: Json) => l.title.startsWith("Mèches"))).toMatchObject({ quantity: 1, currentQuantity: 0 });
    expect(commit.order.currentTotalPriceSet.shopMoney.amount).toBe("60.9"); // 2 × 28.00 + 4.90
    const again = (await gql(COMMIT, { id: calc.id })).body.data.orderEditCommit;
    expect(again.userErrors[0].message).toMatch(/already been committed/);
  });

  it("refuses a LineItem id (Shopify wants the CalculatedLineItem id) and removing every item", async () => {
    const calc = (await gql(BEGIN, { id: ORDER(5002) })).body.data.orderEditBegin.calculatedOrder;
    const wrong = await gql(SET, { id: calc.id, lineItemId: "gid://shopify/LineItem/60003", quantity: 0 });
    expect(wrong.body.data.orderEditSetQuantity.userErrors[0].field).toEqual(["lineItemId"]);
    await gql(SET, { id: calc.id, lineItemId: calc.lineItems.nodes[0].id, quantity: 0 });
    const commit = (await gql(COMMIT, { id: calc.id })).body.data.orderEditCommit;
    expect(commit.userErrors[0].message).toMatch(/Cancel the order instead/);
  });

  it("refuses to edit a cancelled order", async () => {
    const r = (await gql(BEGIN, { id: ORDER(5005) })).body.data.orderEditBegin;
    expect(r.calculatedOrder).toBeNull();
    expect(r.userErrors[0].field).toEqual(["id"]);
  });
});

describe("flowTriggerReceive", () => {
  it("records the trigger", async () => {
    const r = await gql(
      `mutation F($payload: JSON) { flowTriggerReceive(handle: "amend-request-created", payload: $payload) { userErrors { field message } } }`,
      {
        payload: { order_id: 5001 },
      },
    );
    expect(r.body.data.flowTriggerReceive.userErrors).toEqual([]);
    expect(sim.store.flowTriggers).toEqual([
      expect.objectContaining({ handle: "amend-request-created", payload: { order_id: 5001 } }),
    ]);
  });
});

describe("calls record", () => {
  it("records operation name, root fields, variables and cost per call", async () => {
    await gql(FACTS, { id: ORDER(5001) });
    await gql(UPDATE, { input: { id: ORDER(5001), note: "hi" } });
    expect(sim.calls.map((c) => [c.operationName, c.rootFields, c.outcome])).toEqual([
      ["OrderFacts", ["order"], "ok"],
      ["UpdateAddress", ["orderUpdate"], "ok"],
    ]);
    expect(sim.calls[1].cost).toBe(10);
    expect(sim.calls[0].variables).toEqual({ id: ORDER(5001) });
  });
});

describe("throttling", () => {
  it("throttles when the bucket cannot pay, and refills at the restore rate", async () => {
    let clock = Date.parse("2026-11-26T10:00:00Z");
    const tiny = await startSimulator({ bucket: { maximumAvailable: 15, restoreRate: 5 }, now: () => new Date(clock) });
    try {
      const ask = async () => {
        const res = await fetch(tiny.graphqlUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "x" },
          body: JSON.stringify({
            query: `mutation { orderUpdate(input: {id: "${ORDER(5001)}", note: "n"}) { userErrors { message } } }`,
          }),
        });
        return (await res.json()) as Json;
      };
      const ok = await ask();
      expect(ok.extensions.cost).toMatchObject({
        requestedQueryCost: 10,
        actualQueryCost: 10,
        throttleStatus: { currentlyAvailable: 5 },
      });
      const throttled = await ask();
      expect(throttled.errors).toEqual([
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ]);
      expect(throttled.extensions.cost.throttleStatus.currentlyAvailable).toBe(5);
      clock += 1000; // +5 points
      expect((await ask()).data.orderUpdate.userErrors).toEqual([]);
      expect(tiny.calls.map((c) => c.outcome)).toEqual(["ok", "throttled", "ok"]);
    } finally {
      await tiny.close();
    }
  });
});

describe("faults", () => {
  const SHOP = `query ShopName { shop { name } }`;

  it("THROTTLED", async () => {
    sim.faults.inject({ kind: "THROTTLED" });
    expect((await gql(SHOP)).body.errors[0].extensions.code).toBe("THROTTLED");
    expect((await gql(SHOP)).body.data.shop.name).toBe("Maison Lumière");
  });

  it("HTTP_500 and HTTP_503 (with Retry-After), for a given operation only", async () => {
    sim.faults
      .inject({ kind: "HTTP_500", operation: "orderUpdate" })
      .inject({ kind: "HTTP_503", operation: "ShopName" });
    expect((await gql(FACTS, { id: ORDER(5001) })).status).toBe(200);
    const down = await gql(SHOP);
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("1");
    const failed = await gql(UPDATE, { input: { id: ORDER(5001), shippingAddress: BRUSSELS } });
    expect(failed.status).toBe(500);
    expect((await facts(5001)).shippingAddress.city).toBe("Paris"); // nothing applied
  });

  it("LATENCY", async () => {
    sim.faults.inject({ kind: "LATENCY", ms: 300 });
    const t0 = performance.now();
    await gql(SHOP);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it("DROP_AFTER_APPLY: the mutation is applied but the client gets a network error", async () => {
    sim.faults.inject({ kind: "DROP_AFTER_APPLY" });
    expect((await gql(SHOP)).status).toBe(200); // queries do not consume it
    await expect(gql(UPDATE, { input: { id: ORDER(5001), shippingAddress: BRUSSELS } })).rejects.toThrow();
    expect((await facts(5001)).shippingAddress.city).toBe("Bruxelles");
    expect(sim.calls.find((c) => c.rootFields[0] === "orderUpdate")!.outcome).toBe("DROP_AFTER_APPLY");
  });

  it("times and clear()", async () => {
    sim.faults.inject({ kind: "HTTP_503", times: 2 });
    expect((await gql(SHOP)).status).toBe(503);
    expect((await gql(SHOP)).status).toBe(503);
    expect((await gql(SHOP)).status).toBe(200);
    sim.faults.inject({ kind: "HTTP_503", times: -1 });
    expect((await gql(SHOP)).status).toBe(503);
    sim.faults.clear();
    expect((await gql(SHOP)).status).toBe(200);
  });

  it("failRate is random but reproducible with a seed", async () => {
    const run = async () => {
      sim.reset();
      sim.faults.failRate(0.5, ["HTTP_503", "THROTTLED"], { seed: 7 });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await gql(SHOP);
        outcomes.push(r.status === 503 ? "503" : r.body.errors ? "THROTTLED" : "ok");
      }
      return outcomes;
    };
    const a = await run();
    expect(a).toContain("ok");
    expect(a.some((o) => o !== "ok")).toBe(true);
    expect(await run()).toEqual(a);
  });
});

describe("control API over HTTP", () => {
  it("injects faults, lists calls, shows state and resets", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    await post("/_sim/faults", { kind: "HTTP_503", operation: "ShopName" });
    expect((await gql(`query ShopName { shop { name } }`)).status).toBe(503);
    await gql(UPDATE, { input: { id: ORDER(5001), shippingAddress: BRUSSELS } });
    const calls = (await (await fetch(`${sim.url}/_sim/calls`)).json()) as Json[];
    expect(calls.map((c) => c.rootFields[0])).toEqual(["shop", "orderUpdate"]);
    const state = (await (await fetch(`${sim.url}/demo/state`)).json()) as Json;
    expect(state.orders.find((o: Json) => o.name === "#1001").shippingAddress.city).toBe("Bruxelles");
    await post("/_sim/reset", {});
    const reset = (await (await fetch(`${sim.url}/demo/state`)).json()) as Json;
    expect(reset.orders.find((o: Json) => o.name === "#1001").shippingAddress.city).toBe("Paris");
    expect(((await (await fetch(`${sim.url}/_sim/calls`)).json()) as Json[]).length).toBe(0);
  });
});
