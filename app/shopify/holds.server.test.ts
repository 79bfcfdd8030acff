import { describe, expect, it } from "vitest";
import { fakeGraphql, memoryLedger, ok } from "./__fixtures__/fake-admin";
import { orderAnswer } from "./__fixtures__/orders";
import { ShopifyUserError } from "./errors";
import { createAdminClient } from "./graphql-client.server";
import { HOLD_REASON_NOTES, holdForCancellation, holdHandle, releaseHold } from "./holds.server";
import { mapOrderFacts } from "./order-facts.server";

const SHOP = "amend-test.myshopify.com";
const FO1 = "gid://shopify/FulfillmentOrder/9001";
const facts = mapOrderFacts(orderAnswer())!;

function setup(handler: Parameters<typeof fakeGraphql>[0]) {
  const fake = fakeGraphql(handler);
  const ledger = memoryLedger();
  return { fake, ledger, client: createAdminClient(fake.graphql, { sleep: async () => {} }) };
}

const holds = (list: { id: string; handle: string; heldByRequestingApp: boolean }[]) =>
  ok({
    order: {
      id: facts.id,
      fulfillmentOrders: { nodes: [{ id: FO1, status: list.length ? "ON_HOLD" : "OPEN", fulfillmentHolds: list }] },
    },
  });

describe("holdForCancellation", () => {
  it("GIVEN an OPEN and an ON_HOLD fulfillment order WHEN held THEN only the OPEN one gets our hold: reason OTHER, our notes, a stable handle", async () => {
    const { fake, ledger, client } = setup(() =>
      ok({
        fulfillmentOrderHold: {
          fulfillmentHold: { id: "gid://shopify/FulfillmentHold/77", handle: "amend-req1" },
          fulfillmentOrder: { id: FO1, status: "ON_HOLD" },
          userErrors: [],
        },
      }),
    );
    const placed = await holdForCancellation(client, ledger.db, { shop: SHOP, requestId: "req1", facts });
    expect(placed).toEqual([{ fulfillmentOrderId: FO1, holdId: "gid://shopify/FulfillmentHold/77" }]);
    expect(fake.calls).toEqual([
      {
        operation: "AmendHoldFulfillmentOrder",
        variables: {
          id: FO1,
          hold: { reason: "OTHER", reasonNotes: HOLD_REASON_NOTES, handle: "amend-req1", notifyMerchant: false },
        },
      },
    ]);
    expect(ledger.rows.get(`req1:fulfillmentOrderHold:${FO1}`)).toMatchObject({ status: "CONFIRMED" });
  });

  it("GIVEN our handle is already on the fulfillment order WHEN held again THEN the existing hold, not a failure", async () => {
    const { client, ledger } = setup((call) =>
      call.operation === "AmendHoldFulfillmentOrder"
        ? ok({
            fulfillmentOrderHold: {
              fulfillmentHold: null,
              fulfillmentOrder: null,
              userErrors: [
                {
                  field: ["fulfillmentHold", "handle"],
                  message: "Handle already used",
                  code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
                },
              ],
            },
          })
        : holds([{ id: "gid://shopify/FulfillmentHold/77", handle: "amend-req1", heldByRequestingApp: true }]),
    );
    await expect(holdForCancellation(client, ledger.db, { shop: SHOP, requestId: "req1", facts })).resolves.toEqual([
      { fulfillmentOrderId: FO1, holdId: "gid://shopify/FulfillmentHold/77" },
    ]);
  });

  it("GIVEN Shopify refuses WHEN held THEN ShopifyUserError with the code", async () => {
    const { client, ledger } = setup(() =>
      ok({
        fulfillmentOrderHold: {
          fulfillmentHold: null,
          fulfillmentOrder: null,
          userErrors: [{ field: ["id"], message: "Fulfillment order not found.", code: "FULFILLMENT_ORDER_NOT_FOUND" }],
        },
      }),
    );
    const error = (await holdForCancellation(client, ledger.db, { shop: SHOP, requestId: "req1", facts }).catch(
      (e: unknown) => e,
    )) as ShopifyUserError;
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect(error.hasCode("FULFILLMENT_ORDER_NOT_FOUND")).toBe(true);
  });

  it("handles are at most 64 characters (Shopify's limit)", () => {
    expect(holdHandle("x".repeat(100))).toHaveLength(64);
  });
});

describe("releaseHold", () => {
  it("GIVEN our hold and another app's hold WHEN released THEN only ours is released", async () => {
    const { fake, client, ledger } = setup((call) =>
      call.operation === "AmendFulfillmentHolds"
        ? holds([
            { id: "gid://shopify/FulfillmentHold/77", handle: "amend-req1", heldByRequestingApp: true },
            { id: "gid://shopify/FulfillmentHold/78", handle: "fraud-check", heldByRequestingApp: false },
          ])
        : ok({ fulfillmentOrderReleaseHold: { fulfillmentOrder: { id: FO1, status: "ON_HOLD" }, userErrors: [] } }),
    );
    await expect(releaseHold(client, ledger.db, { shop: SHOP, requestId: "req1", orderId: facts.id })).resolves.toEqual(
      [FO1],
    );
    expect(fake.calls[1]).toEqual({
      operation: "AmendReleaseFulfillmentHold",
      variables: { id: FO1, holdIds: ["gid://shopify/FulfillmentHold/77"] },
    });
  });

  it("GIVEN none of our holds WHEN released THEN one read, nothing sent", async () => {
    const { fake, client, ledger } = setup(() => holds([]));
    await expect(releaseHold(client, ledger.db, { shop: SHOP, requestId: "req1", orderId: facts.id })).resolves.toEqual(
      [],
    );
    expect(fake.calls).toHaveLength(1);
  });
});
