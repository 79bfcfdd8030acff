import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { address, NOW, orderFacts } from "~/domain/test-fixtures";
import type { NotificationEvent } from "~/notifications/events";
import { savePolicy } from "~/models/settings.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import {
  customerReply,
  getOptions,
  requestAddressChange,
  requestCancellation,
  withdrawRequest,
} from "~/services/customer-requests.server";
import { ServiceError } from "~/services/errors";
import type { NotifyPort, ServiceDeps } from "~/services/ports";
import { approveRequest, requestInfo, rejectRequest, retryRequest } from "~/services/staff-decisions.server";
import { expireDueRequests, resumeStalledRequests, supersedeForOrder } from "~/services/system-jobs.server";
import { MemoryShopify } from "../../support/memory-shopify";

const SHOP = "amend-test.myshopify.com";
const CUSTOMER = { customerId: "7012345678901", locale: "fr" };
const ORDER = "5012345678901";

let shopify: MemoryShopify;
let notified: { event: NotificationEvent; requestId: string; inTransaction: boolean }[];
let deps: ServiceDeps;
let clock: Date;

const notify: NotifyPort = async (tx, { request, event }) => {
  // a transaction client has no $transaction of its own: proves the notification shares the event's transaction
  notified.push({ event, requestId: request.id, inTransaction: !("$transaction" in tx) });
};

async function rejected(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

beforeEach(async () => {
  await prisma.changeRequest.deleteMany();
  await prisma.shopSettings.deleteMany();
  shopify = new MemoryShopify([
    orderFacts(),
    orderFacts({ id: "gid://shopify/Order/2", legacyId: "2", name: "#1043", displayFinancialStatus: "PAID" }),
  ]);
  shopify.rates = {
    FR: [{ title: "Colissimo", code: "colissimo-domicile", amount: "4.90" }],
    BE: [{ title: "Colissimo", code: "colissimo-domicile", amount: "7.90" }],
  };
  notified = [];
  clock = NOW;
  deps = { db: prisma, shop: SHOP, shopify, notify, clock: () => clock };
});

const lyon = address({ address1: "4 place Bellecour", city: "Lyon", zip: "69002" });

describe("address change", () => {
  it("GIVEN an eligible order WHEN the customer changes the address THEN it is applied at once and told", async () => {
    const request = await requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon });
    expect(request.status).toBe("APPLIED");
    expect(shopify.orders.get(ORDER)!.shippingAddress!.city).toBe("Lyon");
    expect(notified).toEqual([{ event: "ADDRESS_CHANGE_APPLIED", requestId: request.id, inTransaction: true }]);
    const events = await prisma.requestEvent.findMany({ where: { requestId: request.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
      [null, "APPLYING", "CUSTOMER"],
      ["APPLYING", "APPLIED", "SYSTEM"],
    ]);
    // facts, quote, apply: the gateway's read-back is inside apply
    expect(shopify.calls.map((c) => c.op)).toEqual(["getOrderFacts", "quoteShipping", "applyShippingAddress"]);
  });

  it("GIVEN a second change on the same order THEN it is refused with ADDRESS_ALREADY_CHANGED (409)", async () => {
    await requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon });
    const error = await rejected(
      requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: address({ city: "Nantes", zip: "44000" }) }),
    );
    expect([error.status, error.code]).toEqual([409, "ADDRESS_ALREADY_CHANGED"]);
  });

  it("GIVEN the store switched off one-change-per-order THEN a second change is applied too", async () => {
    const rules = { ...DEFAULT_POLICY.addressChange.rules, ADDRESS_ALREADY_CHANGED: false };
    await savePolicy(prisma, SHOP, { ...DEFAULT_POLICY, addressChange: { ...DEFAULT_POLICY.addressChange, rules } });
    await requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon });
    const second = await requestAddressChange(deps, {
      ...CUSTOMER,
      orderId: ORDER,
      address: address({ city: "Nantes", zip: "44000" }),
    });
    expect(second.status).toBe("APPLIED");
    expect(shopify.orders.get(ORDER)!.shippingAddress!.city).toBe("Nantes");
  });

  it("GIVEN a paid order and a dearer destination THEN 422 lists every failing rule", async () => {
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      addressChange: { ...DEFAULT_POLICY.addressChange, allowCountryChange: true },
    });
    const error = await rejected(
      requestAddressChange(deps, {
        ...CUSTOMER,
        orderId: "2",
        address: address({ countryCode: "BE", zip: "1000", city: "Bruxelles" }),
      }),
    );
    expect(error.status).toBe(422);
    expect(error.details.reasons!.map((r) => r.code)).toEqual(["PAYMENT_CONFIRMED"]);
    // rules that fail without a quote save the quote call
    expect(shopify.count("quoteShipping")).toBe(0);
  });

  it("GIVEN a destination that costs more THEN SHIPPING_COST_INCREASE with both prices", async () => {
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      addressChange: { ...DEFAULT_POLICY.addressChange, allowCountryChange: true },
    });
    const error = await rejected(
      requestAddressChange(deps, {
        ...CUSTOMER,
        orderId: ORDER,
        address: address({ countryCode: "BE", zip: "1000", city: "Bruxelles" }),
      }),
    );
    expect(error.status).toBe(422);
    expect(error.details.reasons).toEqual([expect.objectContaining({ code: "SHIPPING_COST_INCREASE" })]);
    expect(shopify.orders.get(ORDER)!.shippingAddress!.city).toBe("Paris");
  });

  it("GIVEN an address without a postal code THEN 400 ADDRESS_INVALID naming the field, and no Shopify call", async () => {
    const error = await rejected(
      requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: { ...lyon, zip: "" } }),
    );
    expect([error.status, error.code, error.details.field]).toEqual([400, "ADDRESS_INVALID", "zip"]);
    expect(shopify.calls).toEqual([]);
  });

  it("GIVEN another customer's order THEN 403 NOT_ORDER_OWNER; an unknown order THEN 404", async () => {
    expect(
      (await rejected(requestAddressChange(deps, { customerId: "999", locale: "en", orderId: ORDER, address: lyon })))
        .status,
    ).toBe(403);
    expect((await rejected(requestAddressChange(deps, { ...CUSTOMER, orderId: "404", address: lyon }))).code).toBe(
      "ORDER_NOT_FOUND",
    );
  });

  it("GIVEN 20 parallel submissions on one order THEN exactly one wins and the others get 409", async () => {
    const cities = Array.from({ length: 20 }, (_, i) =>
      address({ city: `Ville ${i}`, zip: `750${String(i).padStart(2, "0")}` }),
    );
    const results = await Promise.allSettled(
      cities.map((a) => requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: a })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as ServiceError).status)).toEqual(Array(19).fill(409));
    expect(await prisma.changeRequest.count({ where: { status: "APPLIED" } })).toBe(1);
    expect(shopify.count("applyShippingAddress")).toBe(1);
  });

  it("GIVEN a double submit of the same address THEN one request, applied once", async () => {
    const [a, b] = await Promise.all([
      requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon }),
      requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon }).catch((e: ServiceError) => e),
    ]);
    if (!(b instanceof ServiceError) && b instanceof Error) throw b;
    const ids = [a, b].filter((r): r is Awaited<typeof a> => !(r instanceof ServiceError)).map((r) => r.id);
    expect(await prisma.changeRequest.count()).toBe(1);
    expect(new Set(ids).size).toBe(1);
    expect(shopify.count("applyShippingAddress")).toBe(1);
    // once the first is done, the same address again is a new submission: refused, not applied again
    const again = await rejected(requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon }));
    expect(again.code).toBe("ADDRESS_ALREADY_CHANGED");
  });

  it("GIVEN Shopify down while applying THEN 503, the request stays APPLYING, and the retry applies it once", async () => {
    shopify.failNext.applyShippingAddress = "unavailable";
    const error = await rejected(
      requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon, idempotencyKey: "k1" }),
    );
    expect([error.status, error.details.retryAfterSeconds]).toEqual([503, 2]);
    expect((await prisma.changeRequest.findFirstOrThrow()).status).toBe("APPLYING");
    const retried = await requestAddressChange(deps, {
      ...CUSTOMER,
      orderId: ORDER,
      address: lyon,
      idempotencyKey: "k1",
    });
    expect(retried.status).toBe("APPLIED");
    expect(await prisma.changeRequest.count()).toBe(1);
  });

  it("GIVEN a request left APPLYING (Shopify down, customer gone) THEN the job resumes it once", async () => {
    shopify.failNext.applyShippingAddress = "unavailable";
    await rejected(requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon }));
    const system = { db: prisma, notify, clock: () => clock, shopifyFor: async () => shopify };
    expect(await resumeStalledRequests(system)).toBe(0); // too recent: maybe still in flight
    clock = new Date(Date.now() + 5 * 60_000);
    expect(await resumeStalledRequests(system)).toBe(1);
    expect((await prisma.changeRequest.findFirstOrThrow()).status).toBe("APPLIED");
    expect(await resumeStalledRequests(system)).toBe(0);
    expect(shopify.count("applyShippingAddress")).toBe(2); // the failed try and the resumed one
  });

  it("GIVEN the mutation still in flight from an earlier attempt (a killed process) THEN 503, still APPLYING, no FAILED, and the job applies it once", async () => {
    shopify.failNext.applyShippingAddress = "in-flight";
    const error = await rejected(requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon }));
    expect([error.status, error.code]).toEqual([503, "IN_PROGRESS"]);
    const stuck = await prisma.changeRequest.findFirstOrThrow();
    expect([stuck.status, stuck.failureMessage]).toEqual(["APPLYING", null]);
    expect(notified.map((n) => n.event)).not.toContain("REQUEST_FAILED");
    clock = new Date(Date.now() + 5 * 60_000);
    const system = { db: prisma, notify, clock: () => clock, shopifyFor: async () => shopify };
    expect(await resumeStalledRequests(system)).toBe(1);
    expect((await prisma.changeRequest.findFirstOrThrow()).status).toBe("APPLIED");
  });

  it("GIVEN Shopify refuses THEN FAILED, staff told; retry applies it", async () => {
    shopify.failNext.applyShippingAddress = "refused";
    const failed = await requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon });
    expect(failed.status).toBe("FAILED");
    expect(failed.failureMessage).toContain("Shopify refused it");
    expect(notified.map((n) => n.event)).toEqual(["REQUEST_FAILED"]);
    const retried = await retryRequest(deps, { requestId: failed.id });
    expect(retried.status).toBe("APPLIED");
  });

  it("GIVEN approval mode THEN the change waits PENDING and approval applies it", async () => {
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      addressChange: { ...DEFAULT_POLICY.addressChange, requireApproval: true },
    });
    const pending = await requestAddressChange(deps, { ...CUSTOMER, orderId: ORDER, address: lyon });
    expect([pending.status, pending.settingsVersion]).toEqual(["PENDING", 1]);
    expect(shopify.count("applyShippingAddress")).toBe(0);
    const applied = await approveRequest(deps, { requestId: pending.id });
    expect(applied.status).toBe("APPLIED");
    expect(shopify.orders.get(ORDER)!.shippingAddress!.city).toBe("Lyon");
  });
});

describe("cancellation", () => {
  it("GIVEN a request THEN PENDING, order on hold, customer and staff told; approval cancels the order", async () => {
    const request = await requestCancellation(deps, {
      ...CUSTOMER,
      orderId: ORDER,
      reason: "CHANGED_MIND",
      note: "Plus besoin",
    });
    expect([request.status, request.holdApplied]).toEqual(["PENDING", true]);
    expect(shopify.orders.get(ORDER)!.fulfillmentOrders[0].status).toBe("ON_HOLD");
    expect(notified.map((n) => n.event)).toEqual(["CANCELLATION_REQUESTED"]);

    const options = await getOptions(deps, { ...CUSTOMER, orderId: ORDER });
    if ("pending" in options) throw new Error("options pending: the test double has no budget");
    expect(options.cancellation.reasons.map((r) => r.code)).toEqual(["REQUEST_ALREADY_PENDING"]);
    // our own hold does not count as "shipping arranged"
    expect(options.addressChange.reasons.map((r) => r.code)).not.toContain("FULFILLMENT_STARTED");

    const applied = await approveRequest(deps, { requestId: request.id, note: "OK" });
    expect(applied.status).toBe("APPLIED");
    expect(shopify.orders.get(ORDER)!.cancelledAt).not.toBeNull();
    expect(notified.map((n) => n.event)).toEqual(["CANCELLATION_REQUESTED", "CANCELLATION_APPROVED"]);
  });

  it("GIVEN a rejection THEN the hold is released and the customer told with the note", async () => {
    const request = await requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "CHANGED_MIND" });
    const rejectedRequest = await rejectRequest(deps, { requestId: request.id, note: "Déjà en préparation" });
    expect([rejectedRequest.status, rejectedRequest.decisionNote, rejectedRequest.holdApplied]).toEqual([
      "REJECTED",
      "Déjà en préparation",
      false,
    ]);
    expect(shopify.orders.get(ORDER)!.fulfillmentOrders[0].status).toBe("OPEN");
    expect(notified.map((n) => n.event)).toEqual(["CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"]);
  });

  it("GIVEN an unknown reason THEN 400 naming the field", async () => {
    const error = await rejected(requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "BORED" }));
    expect([error.status, error.details.field]).toEqual([400, "reason"]);
  });

  it("GIVEN a question THEN NEEDS_INFO; the customer's answer puts it back to PENDING", async () => {
    const request = await requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "OTHER" });
    expect((await requestInfo(deps, { requestId: request.id, note: "Pourquoi ?" })).status).toBe("NEEDS_INFO");
    const replied = await customerReply(deps, { ...CUSTOMER, requestId: request.id, body: "Doublon" });
    expect(replied.status).toBe("PENDING");
    const thread = await prisma.requestMessage.findMany({ where: { requestId: request.id }, orderBy: { at: "asc" } });
    expect(thread.map((m) => [m.author, m.body])).toEqual([
      ["STAFF", "Pourquoi ?"],
      ["CUSTOMER", "Doublon"],
    ]);
    expect(notified.map((n) => n.event)).toEqual(["CANCELLATION_REQUESTED", "INFO_REQUESTED", "CUSTOMER_REPLIED"]);
    // another customer cannot answer
    expect(
      (await rejected(customerReply(deps, { customerId: "1", locale: "en", requestId: request.id, body: "x" }))).status,
    ).toBe(403);
  });

  it("GIVEN a withdrawal THEN WITHDRAWN and the hold released; withdrawing again is an error naming the states", async () => {
    const request = await requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "CHANGED_MIND" });
    expect((await withdrawRequest(deps, { ...CUSTOMER, requestId: request.id })).status).toBe("WITHDRAWN");
    expect(shopify.orders.get(ORDER)!.fulfillmentOrders[0].holds).toEqual([]);
    await expect(withdrawRequest(deps, { ...CUSTOMER, requestId: request.id })).rejects.toThrow(/WITHDRAWN/);
  });

  it("GIVEN auto-approval THEN the order is cancelled at once (201 APPLIED)", async () => {
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      cancellation: { ...DEFAULT_POLICY.cancellation, requireApproval: false },
    });
    const request = await requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "ORDERED_BY_MISTAKE" });
    expect(request.status).toBe("APPLIED");
    expect(shopify.count("holdForCancellation")).toBe(0);
  });

  it("GIVEN a decision deadline THEN a due request is expired (auto-rejected) and its hold released", async () => {
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      cancellation: { ...DEFAULT_POLICY.cancellation, decisionDeadlineHours: 24 },
    });
    const request = await requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "CHANGED_MIND" });
    expect(request.deadlineAt?.toISOString()).toBe(new Date(NOW.getTime() + 24 * 3600_000).toISOString());
    const system = { db: prisma, notify, clock: () => clock, shopifyFor: async () => shopify };
    expect(await expireDueRequests(system)).toEqual({ approved: 0, expired: 0, failed: [] });
    clock = new Date(NOW.getTime() + 24 * 3600_000);
    expect(await expireDueRequests(system)).toEqual({ approved: 0, expired: 1, failed: [] });
    const after = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect([after.status, after.holdApplied]).toEqual(["EXPIRED", false]);
  });

  it("GIVEN the order cancelled elsewhere THEN the open request is SUPERSEDED", async () => {
    const request = await requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "CHANGED_MIND" });
    const superseded = await supersedeForOrder(deps, { orderId: ORDER, cause: "cancelled" });
    expect(superseded.map((r) => [r.id, r.status, r.openKey])).toEqual([[request.id, "SUPERSEDED", null]]);
  });
});
