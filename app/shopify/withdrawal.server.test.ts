import { describe, expect, it } from "vitest";
import { fakeGraphql, ok } from "./__fixtures__/fake-admin";
import { createAdminClient } from "./graphql-client.server";
import { findOrderByName, getWithdrawalFacts } from "./withdrawal.server";

const line = (n: number, tags: string[] = []) => ({
  id: `gid://shopify/LineItem/${n}`,
  variantTitle: null,
  unfulfilledQuantity: 1,
  product: { tags },
});

describe("getWithdrawalFacts", () => {
  it("maps shipments, returns and lines, and reads every line of a large order (no exemption tag may be missed)", async () => {
    const fake = fakeGraphql((call) =>
      call.operation === "AmendWithdrawalFacts"
        ? ok({
            order: {
              id: "gid://shopify/Order/1",
              fulfillments: [
                {
                  id: "gid://shopify/Fulfillment/1",
                  status: "SUCCESS",
                  createdAt: "2026-11-20T10:00:00Z",
                  deliveredAt: "2026-11-22T10:00:00Z",
                  fulfillmentLineItems: {
                    nodes: [{ id: "gid://shopify/FulfillmentLineItem/1", quantity: 1, lineItem: { id: line(1).id } }],
                  },
                },
              ],
              lineItems: { nodes: [line(1)], pageInfo: { hasNextPage: true, endCursor: "c1" } },
              returns: {
                nodes: [
                  {
                    id: "gid://shopify/Return/1",
                    status: "DECLINED",
                    returnLineItems: {
                      nodes: [{ quantity: 1, fulfillmentLineItem: { id: "gid://shopify/FulfillmentLineItem/1" } }],
                    },
                  },
                ],
              },
            },
          })
        : ok({
            order: {
              lineItems: { nodes: [line(26, ["sur-mesure"])], pageInfo: { hasNextPage: false, endCursor: null } },
            },
          }),
    );
    const facts = await getWithdrawalFacts(createAdminClient(fake.graphql), "1", {
      size: { fulfillments: 1, lineItems: 26 },
    });
    expect(facts).toEqual({
      shipments: [
        {
          id: "gid://shopify/Fulfillment/1",
          status: "SUCCESS",
          createdAt: "2026-11-20T10:00:00Z",
          deliveredAt: "2026-11-22T10:00:00Z",
          lines: [
            { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", lineItemId: line(1).id, quantity: 1 },
          ],
        },
      ],
      returns: [
        {
          id: "gid://shopify/Return/1",
          status: "DECLINED",
          lines: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1", quantity: 1 }],
        },
      ],
      lines: [
        { id: line(1).id, variantTitle: null, unfulfilledQuantity: 1, productTags: [] },
        { id: line(26).id, variantTitle: null, unfulfilledQuantity: 1, productTags: ["sur-mesure"] },
      ],
    });
    // sized from the order facts: one shipment, the first 25 lines (the rest paged), up to 10 lines a shipment
    expect(fake.calls[0].variables).toEqual({
      id: "gid://shopify/Order/1",
      fulfillments: 1,
      lines: 25,
      shipmentLines: 10,
    });
    expect(fake.calls[1]).toEqual({
      operation: "AmendWithdrawalLineItems",
      variables: { id: "gid://shopify/Order/1", first: 50, after: "c1" },
    });
  });
});

describe("getWithdrawalFacts, linesOnly", () => {
  it("an order with no shipment: only its lines are read (the lighter query), no shipments, no returns", async () => {
    const fake = fakeGraphql(() =>
      ok({ order: { lineItems: { nodes: [line(1, ["frais"])], pageInfo: { hasNextPage: false, endCursor: null } } } }),
    );
    const facts = await getWithdrawalFacts(createAdminClient(fake.graphql), "1", {
      linesOnly: true,
      size: { fulfillments: 0, lineItems: 1 },
    });
    expect(facts).toEqual({
      shipments: [],
      returns: [],
      lines: [{ id: line(1).id, variantTitle: null, unfulfilledQuantity: 1, productTags: ["frais"] }],
    });
    expect(fake.calls).toEqual([
      { operation: "AmendWithdrawalLineItems", variables: { id: "gid://shopify/Order/1", first: 1, after: null } },
    ]);
  });
});

describe("findOrderByName", () => {
  it("searches the exact name, quoted, and answers null for another order or none", async () => {
    const order = {
      id: "gid://shopify/Order/1",
      legacyResourceId: "1",
      name: "#1001",
      email: "c@example.fr",
      customer: { firstName: "Camille", lastName: "Martin" },
      shippingAddress: { firstName: "Camille", lastName: "Durand" },
      billingAddress: null,
    };
    const fake = fakeGraphql(() => ok({ orders: { nodes: [order] } }));
    const client = createAdminClient(fake.graphql);
    expect(await findOrderByName(client, '#1001" OR x')).toBeNull();
    expect(fake.calls[0].variables).toEqual({ query: 'name:"#1001 OR x"' });
    expect(await findOrderByName(client, "#1001")).toEqual({
      orderId: "1",
      name: "#1001",
      email: "c@example.fr",
      names: ["Camille Martin", "Camille Durand"],
    });
  });
});
