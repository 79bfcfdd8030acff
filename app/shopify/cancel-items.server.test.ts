import { describe, expect, it } from "vitest";
import { fakeGraphql, memoryLedger, ok } from "./__fixtures__/fake-admin";
import { cancelLineItems, mapCalculatedLines } from "./cancel-items.server";
import { ShopifyUserError } from "./errors";
import { createAdminClient } from "./graphql-client.server";

const ORDER = "gid://shopify/Order/5001";
const CALC = "gid://shopify/CalculatedOrder/42";

function setup(handler: Parameters<typeof fakeGraphql>[0]) {
  const fake = fakeGraphql(handler);
  const ledger = memoryLedger();
  const client = createAdminClient(fake.graphql, { sleep: async () => {} });
  const cancel = (
    lines = [{ lineItemId: "gid://shopify/LineItem/1" }, { lineItemId: "gid://shopify/LineItem/2", keep: 1 }],
  ) =>
    cancelLineItems(client, ledger.db, {
      shop: "s",
      requestId: "req1",
      orderId: ORDER,
      lines,
      restock: true,
      notifyCustomer: true,
      staffNote: "Out of stock",
    });
  return { fake, ledger, cancel };
}

const begin = ok({
  orderEditBegin: {
    calculatedOrder: {
      id: CALC,
      lineItems: {
        nodes: [
          { id: "gid://shopify/CalculatedLineItem/1", quantity: 2, variant: null },
          { id: "gid://shopify/CalculatedLineItem/2", quantity: 3, variant: null },
        ],
      },
    },
    userErrors: [],
  },
});

describe("mapCalculatedLines", () => {
  it("maps a line item to the calculated line item with the same numeric id", () => {
    const map = mapCalculatedLines(
      [{ id: "gid://shopify/CalculatedLineItem/2" }],
      ["gid://shopify/LineItem/2", "gid://shopify/LineItem/9"],
    );
    expect([...map]).toEqual([["gid://shopify/LineItem/2", "gid://shopify/CalculatedLineItem/2"]]);
  });
});

describe("cancelLineItems", () => {
  it("GIVEN two lines WHEN cancelled THEN begin → set quantity (restock) per line → commit with the note", async () => {
    const { fake, ledger, cancel } = setup((call) => {
      if (call.operation === "AmendOrderEditBegin") return begin;
      if (call.operation === "AmendOrderEditSetQuantity")
        return ok({
          orderEditSetQuantity: {
            calculatedLineItem: { id: call.variables.lineItemId, quantity: call.variables.quantity },
            userErrors: [],
          },
        });
      return ok({
        orderEditCommit: {
          order: {
            id: ORDER,
            lineItems: {
              nodes: [
                { id: "gid://shopify/LineItem/1", currentQuantity: 0 },
                { id: "gid://shopify/LineItem/2", currentQuantity: 1 },
              ],
            },
          },
          userErrors: [],
        },
      });
    });
    await expect(cancel()).resolves.toEqual({
      orderId: ORDER,
      lines: [
        { lineItemId: "gid://shopify/LineItem/1", quantity: 0 },
        { lineItemId: "gid://shopify/LineItem/2", quantity: 1 },
      ],
    });
    expect(fake.calls).toEqual([
      { operation: "AmendOrderEditBegin", variables: { id: ORDER } },
      {
        operation: "AmendOrderEditSetQuantity",
        variables: { id: CALC, lineItemId: "gid://shopify/CalculatedLineItem/1", quantity: 0, restock: true },
      },
      {
        operation: "AmendOrderEditSetQuantity",
        variables: { id: CALC, lineItemId: "gid://shopify/CalculatedLineItem/2", quantity: 1, restock: true },
      },
      { operation: "AmendOrderEditCommit", variables: { id: CALC, notifyCustomer: true, staffNote: "Out of stock" } },
    ]);
    expect(ledger.rows.get("req1:orderEditCommit")).toMatchObject({ status: "CONFIRMED" });
  });

  it("GIVEN a line not on the order WHEN cancelled THEN ShopifyUserError, nothing committed", async () => {
    const { fake, cancel } = setup(() => begin);
    await expect(cancel([{ lineItemId: "gid://shopify/LineItem/99" }])).rejects.toBeInstanceOf(ShopifyUserError);
    expect(fake.calls.map((c) => c.operation)).toEqual(["AmendOrderEditBegin"]);
  });

  it("GIVEN Shopify refuses the edit WHEN cancelled THEN ShopifyUserError with its message", async () => {
    const { cancel } = setup(() =>
      ok({
        orderEditBegin: {
          calculatedOrder: null,
          userErrors: [{ field: ["id"], message: "The order cannot be edited." }],
        },
      }),
    );
    await expect(cancel()).rejects.toThrow("The order cannot be edited.");
  });
});
