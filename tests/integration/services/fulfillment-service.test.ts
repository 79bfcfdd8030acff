import "../../support/app-env";
import { RequestType, setUpValidRequest, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as serviceAccepted } from "~/routes/webhooks.fulfillment_orders.cancellation_request_accepted";
import { action as serviceRejected } from "~/routes/webhooks.fulfillment_orders.cancellation_request_rejected";
import { appNotifier, shopifyPort } from "~/services/context.server";
import type { ServiceDeps } from "~/services/ports";
import { approveRequest, retryRequest } from "~/services/staff-decisions.server";
import { resumeStalledRequests, type SystemDeps } from "~/services/system-jobs.server";
import { processPendingWebhooks } from "~/services/webhooks.server";
import { createShopifyGateway } from "~/shopify";
import { installShop } from "../../support/shopify-session";
import { startAdminHarness, TEST_SHOP } from "../shopify/harness";

// demo/store.json: #1017 (5017) is ACCEPTED by the LogiPlus fulfillment service and IN_PROGRESS; #1016 (5016) is
// SUBMITTED to it, not accepted yet; #1001 (5001) is at the store's own location.
const ACCEPTED_ORDER = "5017";
const SUBMITTED_ORDER = "5016";
const FO = "gid://shopify/FulfillmentOrder/5017";

let h: Awaited<ReturnType<typeof startAdminHarness>>;
let deps: ServiceDeps;
let system: SystemDeps;
let clock: Date;

beforeAll(async () => {
  h = await startAdminHarness();
  await installShop(TEST_SHOP);
  const gateway = createShopifyGateway({ graphql: h.graphql, db: prisma, shop: TEST_SHOP, sleep: async () => {} });
  const shopify = shopifyPort(gateway);
  // the app's own notifier: the outbox rows are what staff and the customer would receive
  deps = { db: prisma, shop: TEST_SHOP, shopify, notify: appNotifier(), clock: () => clock };
  system = { db: prisma, notify: appNotifier(), clock: () => clock, shopifyFor: async () => shopify };
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.simulator.reset();
  await prisma.changeRequest.deleteMany();
  await prisma.shopifyMutation.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.webhookDelivery.deleteMany();
  // staff alerts go to the store's address when no staff list is set
  await prisma.shopBranding.upsert({
    where: { shop: TEST_SHOP },
    create: { shop: TEST_SHOP, shopName: "Maison Lumière", shopEmail: "bonjour@maison-lumiere.example" },
    update: {},
  });
  clock = new Date();
});

async function pendingCancellation(orderId: string, locale = "en") {
  return prisma.changeRequest.create({
    data: {
      shop: TEST_SHOP,
      kind: "CANCELLATION",
      status: "PENDING",
      orderId,
      orderName: `#${Number(orderId) - 4000}`,
      customerId: "7001",
      customerName: "Camille Martin",
      customerEmail: "camille.martin@example.fr",
      locale,
      payload: JSON.stringify({ reason: "CHANGED_MIND", note: null, contact: null }),
      settingsVersion: 0,
      idempotencyKey: `k-${orderId}-${Math.random()}`,
      openKey: `${TEST_SHOP}|${orderId}|CANCELLATION`,
    },
  });
}

const sent = (mutation: string) => h.applied(mutation).length;
const order = (id: string) => h.order(`gid://shopify/Order/${id}`);
const fulfillmentOrder = () => h.simulator.store.fulfillmentOrder(FO) as { requestStatus: string; status: string };
const load = (id: string) => prisma.changeRequest.findUniqueOrThrow({ where: { id }, include: { events: true } });
const outbox = (requestId: string) =>
  prisma.outboxMessage.findMany({ where: { requestId, channel: "EMAIL" }, orderBy: { createdAt: "asc" } });

/** The control API: the fulfillment service answers the pending cancellation requests. */
async function serviceAnswers(answer: "accept" | "reject", message?: string) {
  const res = await fetch(`${h.simulator.url}/_sim/cancellation-requests`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ answer, message }),
  });
  expect(res.status).toBe(200);
}

async function signed(topic: string, body: object, eventId: string) {
  const headers = {
    "X-Shopify-Topic": topic,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": `wh-${eventId}`,
    "X-Shopify-Event-Id": eventId,
    "X-Shopify-Triggered-At": new Date().toISOString(),
  };
  return setUpValidRequest(
    { type: RequestType.Extension, store: "test-shop", apiSecretKey: API_SECRET_KEY, body, headers },
    new Request("https://my-test-app.myshopify.io/webhooks", { method: "POST" }),
  );
}

const deliver = async (route: typeof serviceAccepted, request: Request) =>
  route({ request, params: {}, context: {} } as never);

async function settled(eventId: string) {
  for (let i = 0; i < 300; i++) {
    const row = await prisma.webhookDelivery.findUnique({ where: { eventId } });
    if (row && row.status !== "RECEIVED" && row.status !== "PROCESSING") return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`delivery ${eventId} was not processed`);
}

const answerPayload = (requestStatus: string, message: string | null = null) => ({
  fulfillment_order: { id: FO, status: "in_progress", request_status: requestStatus },
  message,
});

describe("approving the cancellation of an order a fulfillment service has accepted", () => {
  it("asks the service, waits APPLYING; the service accepts, its webhook carries it on: the order is cancelled, APPLIED", async () => {
    const request = await pendingCancellation(ACCEPTED_ORDER);
    const approved = await approveRequest(deps, { requestId: request.id });

    expect(approved.status).toBe("APPLYING");
    expect([sent("fulfillmentOrderSubmitCancellationRequest"), sent("orderCancel")]).toEqual([1, 0]);
    expect(fulfillmentOrder().requestStatus).toBe("CANCELLATION_REQUESTED");
    const waiting = await load(request.id);
    expect(waiting.events.map((e) => e.message)).toContain(
      "Waiting for LogiPlus Fulfillment to accept the cancellation request (the fulfillment service is preparing the order).",
    );
    expect(await outbox(request.id)).toEqual([]); // nothing to tell anyone yet

    // the job runs while the service has not answered: nothing is sent again, no second waiting note
    clock = new Date(Date.now() + 120_000);
    await resumeStalledRequests(system, 0);
    expect([sent("fulfillmentOrderSubmitCancellationRequest"), sent("orderCancel")]).toEqual([1, 0]);
    expect((await load(request.id)).events.filter((e) => e.message?.startsWith("Waiting"))).toHaveLength(1);

    await serviceAnswers("accept");
    const delivery = await deliver(
      serviceAccepted,
      await signed("fulfillment_orders/cancellation_request_accepted", answerPayload("cancellation_accepted"), "fs-1"),
    );
    expect(delivery.status).toBe(200);
    const row = await settled("fs-1");
    expect(row.status).toBe("PROCESSED");

    const done = await load(request.id);
    expect(done.status).toBe("APPLIED");
    expect(order(ACCEPTED_ORDER).cancelledAt).not.toBeNull();
    expect([sent("fulfillmentOrderSubmitCancellationRequest"), sent("orderCancel")]).toEqual([1, 1]);
    expect((await outbox(request.id)).map((m) => [m.event, m.recipientRole])).toEqual([
      ["CANCELLATION_APPROVED", "CUSTOMER"],
    ]);

    // the same delivery again, and the job: nothing sent twice
    await deliver(
      serviceAccepted,
      await signed("fulfillment_orders/cancellation_request_accepted", answerPayload("cancellation_accepted"), "fs-1"),
    );
    await resumeStalledRequests(system, 0);
    expect([sent("fulfillmentOrderSubmitCancellationRequest"), sent("orderCancel")]).toEqual([1, 1]);
    expect(await outbox(request.id)).toHaveLength(1);
  });

  it("a missed webhook: the periodic job reads the service's answer from Shopify and finishes the cancellation", async () => {
    const request = await pendingCancellation(ACCEPTED_ORDER);
    await approveRequest(deps, { requestId: request.id });
    await serviceAnswers("accept");
    // no webhook arrives
    clock = new Date(Date.now() + 120_000);
    expect(await resumeStalledRequests(system)).toBe(1);
    expect((await load(request.id)).status).toBe("APPLIED");
    expect(order(ACCEPTED_ORDER).cancelledAt).not.toBeNull();
    expect([sent("fulfillmentOrderSubmitCancellationRequest"), sent("orderCancel")]).toEqual([1, 1]);
  });

  it("the service refuses: FAILED with its answer, staff told (REQUEST_FAILED), the customer told the truth in their language", async () => {
    const request = await pendingCancellation(ACCEPTED_ORDER, "fr");
    await approveRequest(deps, { requestId: request.id });
    await serviceAnswers("reject", "Colis déjà remis au transporteur");
    await deliver(
      serviceRejected,
      await signed(
        "fulfillment_orders/cancellation_request_rejected",
        answerPayload("cancellation_rejected", "Colis déjà remis au transporteur"),
        "fs-2",
      ),
    );
    expect((await settled("fs-2")).status).toBe("PROCESSED");

    const failed = await load(request.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.failureMessage).toBe(
      'LogiPlus Fulfillment refused to cancel: the order is already being prepared. The service said: "Colis déjà remis au transporteur".',
    );
    expect(failed.decisionNote).toBe(
      "Votre commande est déjà en préparation chez notre entrepôt (LogiPlus Fulfillment), qui n'a pas pu l'arrêter (Colis déjà remis au transporteur). Elle n'a pas été annulée.",
    );
    expect(order(ACCEPTED_ORDER).cancelledAt).toBeNull();
    expect(sent("orderCancel")).toBe(0);
    const mails = await outbox(request.id);
    expect(mails.map((m) => [m.event, m.recipientRole]).sort()).toEqual([
      ["CANCELLATION_REJECTED", "CUSTOMER"],
      ["REQUEST_FAILED", "STAFF"],
    ]);
    const customerMail = mails.find((m) => m.recipientRole === "CUSTOMER")!;
    expect(customerMail.recipient).toBe("camille.martin@example.fr");
    expect(customerMail.text).toContain("Colis déjà remis au transporteur");
    expect(mails.find((m) => m.event === "REQUEST_FAILED")!.text).toContain("LogiPlus Fulfillment refused to cancel");

    // the job and a repeated delivery change nothing and tell no one twice
    clock = new Date(Date.now() + 120_000);
    await resumeStalledRequests(system, 0);
    await processPendingWebhooks(system, 0);
    expect((await outbox(request.id)).length).toBe(2);

    // staff retry: a new round asks the service again; this time it accepts
    const retried = await retryRequest(deps, { requestId: request.id });
    expect(retried.status).toBe("APPLYING");
    expect(sent("fulfillmentOrderSubmitCancellationRequest")).toBe(2);
    await serviceAnswers("accept");
    await resumeStalledRequests(system, 0);
    expect((await load(request.id)).status).toBe("APPLIED");
    expect(sent("orderCancel")).toBe(1);
  });

  it("an order only SUBMITTED to the service (not accepted) is cancelled at once: orderCancel withdraws the request", async () => {
    const request = await pendingCancellation(SUBMITTED_ORDER);
    const approved = await approveRequest(deps, { requestId: request.id });
    expect(approved.status).toBe("APPLIED");
    expect([sent("fulfillmentOrderSubmitCancellationRequest"), sent("orderCancel")]).toEqual([0, 1]);
    expect(order(SUBMITTED_ORDER).cancelledAt).not.toBeNull();
  });

  it("orderCancel refused while the service holds the work (a merchant's own pending request) is handled: the request waits, no 500", async () => {
    // the merchant asked the service from Shopify's admin before approving in Amend
    await h.graphql(
      `mutation { fulfillmentOrderSubmitCancellationRequest(id: "${FO}", message: "from the admin") { userErrors { message } } }`,
    );
    const request = await pendingCancellation(ACCEPTED_ORDER);
    const approved = await approveRequest(deps, { requestId: request.id });
    expect(approved.status).toBe("APPLYING");
    expect([sent("fulfillmentOrderSubmitCancellationRequest"), sent("orderCancel")]).toEqual([1, 0]);
    await serviceAnswers("accept");
    clock = new Date(Date.now() + 120_000);
    await resumeStalledRequests(system, 0);
    expect((await load(request.id)).status).toBe("APPLIED");
  });
});
