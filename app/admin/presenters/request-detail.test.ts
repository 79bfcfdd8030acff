import { describe, expect, it } from "vitest";
import { decodePayload } from "~/models/request-payload";
import { presentRequestDetail, type RequestDetail } from "./request-detail";

const at = new Date("2026-11-01T09:30:00Z");

/** A request as the service reads it: the row with its history, the decoded payload and the order facts. */
function detail(overrides: Partial<RequestDetail> = {}, row: Record<string, unknown> = {}): RequestDetail {
  return {
    request: {
      id: "r1",
      shop: "amend-demo.myshopify.com",
      kind: "CANCELLATION",
      status: "PENDING",
      orderId: "5001",
      orderName: "#1001",
      customerName: "Camille Martin",
      customerEmail: "camille@example.fr",
      decisionNote: null,
      failureMessage: null,
      deadlineAt: null,
      createdAt: at,
      events: [
        { id: "e1", requestId: "r1", actor: "CUSTOMER", fromStatus: null, toStatus: "PENDING", message: null, at },
      ],
      messages: [{ id: "m1", requestId: "r1", author: "STAFF", body: "Which size?", at }],
      ...row,
    } as unknown as RequestDetail["request"],
    payload: {
      kind: "CANCELLATION",
      reason: "CHANGED_MIND",
      note: "Mauvaise taille",
      contact: null,
      shippingAddress: null,
    },
    evaluation: [{ code: "FULFILLMENT_STARTED", passed: true }],
    order: {
      displayFinancialStatus: "PAID",
      displayFulfillmentStatus: "UNFULFILLED",
      cancelledAt: null,
      lineItems: [{ id: "gid://shopify/LineItem/1", title: "Candle", quantity: 2, price: "12.00" }],
    } as unknown as RequestDetail["order"],
    storeCancellations: [],
    undelivered: [],
    actions: ["approve", "reject", "requestInfo", "withdraw"] as RequestDetail["actions"],
    withdrawal: null,
    ...overrides,
  };
}

describe("presentRequestDetail", () => {
  it("names the customer's reason in the merchant's language and formats every date in it", () => {
    const fr = presentRequestDetail(detail(), { locale: "fr", shop: "amend-demo.myshopify.com", demo: false, now: at });
    expect(fr.request).toMatchObject({ reason: "J'ai changé d'avis", note: "Mauvaise taille", address: null });
    expect(fr.request.created).toBe("1 nov. 2026, 09:30");
    expect(fr.events).toEqual([
      { id: "e1", actor: "CUSTOMER", from: null, to: "PENDING", message: null, at: fr.request.created },
    ]);
    expect(fr.messages).toEqual([{ id: "m1", author: "STAFF", body: "Which size?", at: fr.request.created }]);
    const en = presentRequestDetail(detail(), { locale: "en", shop: "amend-demo.myshopify.com", demo: false, now: at });
    expect(en.request.reason).toBe("I changed my mind");
    expect(en.request.created).toBe("Nov 1, 2026, 9:30 AM");
  });

  it("shows each customer message that did not arrive with the server's answer", () => {
    const view = presentRequestDetail(
      detail({
        undelivered: [
          {
            id: "o1",
            requestId: "r1",
            event: "CANCELLATION_REQUESTED",
            channel: "EMAIL",
            recipient: "camille@example.fr",
            status: "FAILED",
            lastError: "RCPT TO: 550 5.1.1 mailbox unavailable",
            createdAt: at,
            retrying: false,
          },
        ],
      }),
      { locale: "en", shop: "s", demo: false, now: at },
    );
    expect(view.undelivered).toEqual([
      {
        id: "o1",
        event: "CANCELLATION_REQUESTED",
        channel: "EMAIL",
        address: "camille@example.fr",
        retrying: false,
        answer: "RCPT TO: 550 5.1.1 mailbox unavailable",
        at: "Nov 1, 2026, 9:30 AM",
      },
    ]);
  });

  it("links the order in Shopify admin, or the simulator's state page in the offline demo", () => {
    const ctx = { locale: "en" as const, shop: "amend-demo.myshopify.com" };
    expect(presentRequestDetail(detail(), { ...ctx, demo: false, now: at }).orderUrl).toBe("shopify:admin/orders/5001");
    expect(presentRequestDetail(detail(), { ...ctx, demo: true, now: at }).orderUrl).toBe("/demo/state");
  });

  it("keeps only the actions staff can take from the admin, and the order's summary", () => {
    const view = presentRequestDetail(detail(), { locale: "en", shop: "s", demo: false, now: at });
    expect(view.actions).toEqual(["approve", "reject", "requestInfo"]);
    expect(view.order).toEqual({
      financial: "PAID",
      fulfillment: "UNFULFILLED",
      cancelled: false,
      customerDataWithheld: [],
      lineItems: [{ id: "gid://shopify/LineItem/1", title: "Candle", quantity: 2 }],
    });
  });

  it("shows an address change's old and new address, and no order when Shopify could not say", () => {
    const address = { address1: "4 place Bellecour", city: "Lyon", zip: "69002", countryCode: "FR" };
    const previousAddress = { address1: "18 rue du Sentier", city: "Paris", zip: "75002", countryCode: "FR" };
    const view = presentRequestDetail(
      detail(
        { payload: { kind: "ADDRESS_CHANGE", address, previousAddress, contact: null }, order: null },
        { kind: "ADDRESS_CHANGE" },
      ),
      { locale: "en", shop: "s", demo: false, now: at },
    );
    expect(view.request).toMatchObject({ kind: "ADDRESS_CHANGE", address, previousAddress, reason: null, note: null });
    expect(view.order).toBeNull();
  });

  it("an unknown reason code is shown as it is, and a non-text reason or note not at all", () => {
    const payload = decodePayload({
      kind: "CANCELLATION",
      payload: JSON.stringify({ reason: "SOMETHING_NEW", note: 42 }),
    });
    const view = presentRequestDetail(detail({ payload }), {
      locale: "en",
      shop: "s",
      demo: false,
      now: at,
    });
    expect(view.request.reason).toBe("SOMETHING_NEW");
    expect(view.request.note).toBeNull();
  });
});
