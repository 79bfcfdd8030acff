import { HttpRequestError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "~/domain/policy";
import { fakeGraphql, memoryLedger, ok } from "./__fixtures__/fake-admin";
import { cancelOrder, customerCancelOptions, STORE_REASON_TO_SHOPIFY } from "./cancel-order.server";
import { ShopifyUnavailableError, ShopifyUserError } from "./errors";
import { createAdminClient } from "./graphql-client.server";

const SHOP = "amend-test.myshopify.com";
const ORDER = "gid://shopify/Order/5001";
const JOB = "gid://shopify/Job/abc";
const CANCELLED_AT = "2026-11-25T10:00:00Z";
const options = customerCancelOptions(DEFAULT_POLICY.cancellation);

function setup(handler: Parameters<typeof fakeGraphql>[0], maxPolls = 8) {
  const fake = fakeGraphql(handler);
  const ledger = memoryLedger();
  const client = createAdminClient(fake.graphql, { sleep: async () => {} });
  const cancel = () =>
    cancelOrder(
      client,
      ledger.db,
      { shop: SHOP, requestId: "req1", orderId: ORDER, options },
      { sleep: async () => {}, maxPolls },
    );
  return { fake, ledger, cancel };
}

const accepted = ok({ orderCancel: { job: { id: JOB, done: false }, orderCancelUserErrors: [] } });
const poll = (done: boolean) =>
  ok({ job: { id: JOB, done }, order: { id: ORDER, cancelledAt: done ? CANCELLED_AT : null } });

describe("cancelOrder", () => {
  it("GIVEN the store's default settings WHEN cancelled THEN reason CUSTOMER, refund to the original payment method, restock, staff note, no Shopify email", async () => {
    let polls = 0;
    const { fake, ledger, cancel } = setup((call) =>
      call.operation === "AmendCancelOrder" ? accepted : poll(++polls >= 2),
    );
    await expect(cancel()).resolves.toEqual({ orderId: ORDER, cancelledAt: CANCELLED_AT, jobId: JOB });
    expect(fake.calls[0].variables).toEqual({
      orderId: ORDER,
      reason: "CUSTOMER",
      refundMethod: { originalPaymentMethodsRefund: true },
      restock: true,
      notifyCustomer: false,
      staffNote: "Cancelled at the customer's request (Amend)",
    });
    expect(fake.calls.map((c) => c.operation)).toEqual(["AmendCancelOrder", "AmendCancelJob", "AmendCancelJob"]);
    expect(ledger.rows.get("req1:orderCancel")).toMatchObject({ status: "CONFIRMED", sends: 1 });
  });

  it("GIVEN store credit is the setting WHEN cancelled THEN refundMethod is a store credit refund", async () => {
    const fake = fakeGraphql((call) => (call.operation === "AmendCancelOrder" ? accepted : poll(true)));
    const storeCredit = { ...options, refundMethod: "STORE_CREDIT" as const };
    await cancelOrder(
      createAdminClient(fake.graphql),
      memoryLedger().db,
      { shop: SHOP, requestId: "r", orderId: ORDER, options: storeCredit },
      { sleep: async () => {} },
    );
    expect(fake.calls[0].variables.refundMethod).toEqual({ storeCreditRefund: {} });
  });

  it("GIVEN a job that never finishes WHEN cancelled THEN ShopifyUnavailableError after the bounded polls; the retry reads the order before sending", async () => {
    let cancelled = false;
    const { fake, cancel } = setup((call) => {
      if (call.operation === "AmendCancelOrder") return accepted;
      if (call.operation === "AmendOrderCancelled")
        return ok({ order: { id: ORDER, cancelledAt: cancelled ? CANCELLED_AT : null } });
      return poll(false);
    }, 3);
    await expect(cancel()).rejects.toBeInstanceOf(ShopifyUnavailableError);
    cancelled = true;
    await expect(cancel()).resolves.toMatchObject({ cancelledAt: CANCELLED_AT });
    expect(fake.calls.filter((c) => c.operation === "AmendCancelOrder")).toHaveLength(1);
  });

  it("GIVEN the answer is lost and the order is already cancelled WHEN cancelled THEN it is not sent again", async () => {
    const { fake, cancel } = setup((call) =>
      call.operation === "AmendCancelOrder"
        ? { throws: new HttpRequestError("Http request error, no response available: GraphQL Client: fetch failed") }
        : ok({ order: { id: ORDER, cancelledAt: CANCELLED_AT } }),
    );
    await expect(cancel()).resolves.toMatchObject({ cancelledAt: CANCELLED_AT });
    expect(fake.calls.map((c) => c.operation)).toEqual(["AmendCancelOrder", "AmendOrderCancelled"]);
  });

  it("GIVEN the answer is lost while the job still runs WHEN resent THEN Shopify's refusal is followed by the order's cancellation, a success", async () => {
    let reads = 0;
    let sends = 0;
    const { fake, cancel } = setup((call) => {
      if (call.operation === "AmendCancelOrder") {
        sends++;
        return sends === 1
          ? { throws: new HttpRequestError("Http request error, no response available: GraphQL Client: fetch failed") }
          : ok({
              orderCancel: {
                job: null,
                orderCancelUserErrors: [
                  { field: ["orderId"], message: "Order is already being cancelled", code: "INVALID" },
                ],
              },
            });
      }
      reads++;
      return ok({ order: { id: ORDER, cancelledAt: reads >= 3 ? CANCELLED_AT : null } });
    });
    await expect(cancel()).resolves.toMatchObject({ cancelledAt: CANCELLED_AT });
    expect(fake.calls.filter((c) => c.operation === "AmendCancelOrder")).toHaveLength(2);
  });

  it("GIVEN Shopify refuses a first send WHEN cancelled THEN ShopifyUserError with the code", async () => {
    const { cancel } = setup(() =>
      ok({
        orderCancel: {
          job: null,
          orderCancelUserErrors: [
            { field: ["refundMethod"], message: "You do not have permission to refund", code: "NO_REFUND_PERMISSION" },
          ],
        },
      }),
    );
    const error = (await cancel().catch((e: unknown) => e)) as ShopifyUserError;
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect(error.hasCode("NO_REFUND_PERMISSION")).toBe(true);
  });

  it("maps the store's own reasons to Shopify's", () => {
    expect(STORE_REASON_TO_SHOPIFY.OUT_OF_STOCK).toBe("INVENTORY");
    expect(STORE_REASON_TO_SHOPIFY.FRAUD_REVIEW_INFO_NEEDED).toBe("FRAUD");
    expect(STORE_REASON_TO_SHOPIFY.PRICING_ERROR).toBe("STAFF");
  });
});
