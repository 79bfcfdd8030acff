import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./server";

// Shipments with their delivery dates, product tags and returnRequest, over HTTP as the app's client talks.
let sim: Simulator;
const NOW = new Date("2026-12-04T12:00:00.000Z");

beforeAll(async () => {
  sim = await startSimulator({ accessToken: "shpat_test", now: () => NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await fetch(sim.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "shpat_test" },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const SHIPMENTS = `query S($id: ID!) {
  order(id: $id) {
    fulfillments(first: 5) {
      id status createdAt deliveredAt displayStatus
      fulfillmentLineItems(first: 20) { nodes { id quantity lineItem { id } } }
    }
    lineItems(first: 10) { nodes { id unfulfilledQuantity product { tags } } }
    returns(first: 5) { nodes { id name status returnLineItems(first: 5) { nodes { quantity ... on ReturnLineItem { customerNote fulfillmentLineItem { id } } } } } }
  }
}`;

const REQUEST = `mutation R($input: ReturnRequestInput!) {
  returnRequest(input: $input) { return { id name status } userErrors { field message code } }
}`;

describe("shipments and returns", () => {
  it("serves a delivered shipment relative to the clock, its lines, and the products' tags", async () => {
    const { data } = await gql(SHIPMENTS, { id: "gid://shopify/Order/5026" });
    const [shipment] = data.order.fulfillments;
    expect(shipment).toMatchObject({
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      deliveredAt: "2026-11-24T12:00:00.000Z",
      createdAt: "2026-11-22T12:00:00.000Z",
    });
    expect(shipment.fulfillmentLineItems.nodes.map((n: Json) => [n.lineItem.id, n.quantity])).toEqual([
      ["gid://shopify/LineItem/62601", 1],
      ["gid://shopify/LineItem/62602", 3],
    ]);
    expect(data.order.lineItems.nodes.map((n: Json) => [n.unfulfilledQuantity, n.product.tags])).toEqual([
      [0, ["luminaire"]],
      [0, ["bougie"]],
    ]);
    expect(data.order.returns.nodes).toEqual([]);
  });

  it("requests a return (REQUESTED), visible on the order and in /demo/state; the units it holds cannot be returned twice", async () => {
    const { data } = await gql(SHIPMENTS, { id: "gid://shopify/Order/5026" });
    const candles = data.order.fulfillments[0].fulfillmentLineItems.nodes[1].id;
    const input = {
      orderId: "gid://shopify/Order/5026",
      returnLineItems: [{ fulfillmentLineItemId: candles, quantity: 2, customerNote: "withdrawal" }],
    };
    const first = await gql(REQUEST, { input });
    expect(first.data.returnRequest).toMatchObject({
      return: { name: "#1026-R1", status: "REQUESTED" },
      userErrors: [],
    });
    const after = await gql(SHIPMENTS, { id: "gid://shopify/Order/5026" });
    expect(after.data.order.returns.nodes[0].returnLineItems.nodes).toEqual([
      { quantity: 2, customerNote: "withdrawal", fulfillmentLineItem: { id: candles } },
    ]);
    const state = (await (await fetch(`${sim.url}/demo/state`)).json()) as Json;
    expect(state.orders.find((o: Json) => o.name === "#1026").returns[0]).toMatchObject({ status: "REQUESTED" });

    // 3 shipped, 2 held by the first return: 2 more is refused, 1 is accepted
    const again = await gql(REQUEST, {
      input: { ...input, returnLineItems: [{ fulfillmentLineItemId: candles, quantity: 2 }] },
    });
    expect(again.data.returnRequest).toEqual({
      return: null,
      userErrors: [
        {
          field: ["input", "returnLineItems", "0", "quantity"],
          message: "Quantity is greater than the returnable quantity (1)",
          code: "INVALID",
        },
      ],
    });
    const last = await gql(REQUEST, {
      input: { ...input, returnLineItems: [{ fulfillmentLineItemId: candles, quantity: 1 }] },
    });
    expect(last.data.returnRequest.return.name).toBe("#1026-R2");
  });

  it("refuses an unknown order, a line that did not ship, no lines, a zero quantity and a long note", async () => {
    const cases: [Json, string[], string][] = [
      [{ orderId: "gid://shopify/Order/1", returnLineItems: [] }, ["input", "orderId"], "NOT_FOUND"],
      [{ orderId: "gid://shopify/Order/5026", returnLineItems: [] }, ["input", "returnLineItems"], "BLANK"],
      [
        {
          orderId: "gid://shopify/Order/5025",
          returnLineItems: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1 }],
        },
        ["input", "returnLineItems", "0", "fulfillmentLineItemId"],
        "NOT_FOUND",
      ],
    ];
    const { data } = await gql(SHIPMENTS, { id: "gid://shopify/Order/5026" });
    const lamp = data.order.fulfillments[0].fulfillmentLineItems.nodes[0].id;
    cases.push(
      [
        { orderId: "gid://shopify/Order/5026", returnLineItems: [{ fulfillmentLineItemId: lamp, quantity: 0 }] },
        ["input", "returnLineItems", "0", "quantity"],
        "GREATER_THAN",
      ],
      [
        {
          orderId: "gid://shopify/Order/5026",
          returnLineItems: [{ fulfillmentLineItemId: lamp, quantity: 1, customerNote: "x".repeat(301) }],
        },
        ["input", "returnLineItems", "0", "customerNote"],
        "TOO_LONG",
      ],
    );
    for (const [input, field, code] of cases) {
      const r = await gql(REQUEST, { input });
      expect(r.data.returnRequest.return).toBeNull();
      expect(r.data.returnRequest.userErrors[0]).toMatchObject({ field, code });
    }
    const state = (await (await fetch(`${sim.url}/demo/state`)).json()) as Json;
    expect(state.orders.find((o: Json) => o.name === "#1026").returns).toEqual([]);
  });
});
