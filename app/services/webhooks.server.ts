import { claimWebhookDeliveries } from "~/models/claims.server";
import { z } from "zod";
import type { WebhookDelivery } from "@prisma/client";
import type { Db } from "~/db.server";
import { insertClaimedDelivery, markDeliveryProcessed } from "~/models/webhook-deliveries.server";
import { openRequestsForOrder } from "~/models/change-request.server";
import { requestsAskingService } from "~/shopify/fulfillment-service.server";
import { applyRequest } from "./apply.server";
import type { NotifyPort, ShopifyPort } from "./ports";
import {
  forgetCustomerOrderFacts,
  invalidateByFulfillmentOrder,
  invalidateOrderFacts,
  invalidateUnlistedFulfillmentOrders,
  markInvalidated,
  storeWebhookFacts,
} from "~/models/order-facts-cache.server";
import { orderFactsFromWebhook } from "~/shopify/webhook-order-facts.server";
import { factsCacheSettings } from "./order-facts-cache.server";
import { supersedeForOrder } from "./system-jobs.server";
import { requestIdentity } from "~/models/request-identity";

/** What processing a delivery needs: the database and clock; a fulfillment service's answer also the shop's Shopify and notifications. */
export interface WebhookDeps {
  db: Db;
  clock: () => Date;
  notify?: NotifyPort;
  shopifyFor?: (shop: string) => Promise<ShopifyPort>;
}

const ServiceAnswerPayload = z.object({
  fulfillment_order: z.object({ id: z.union([z.number(), z.string()]).transform(String) }),
});

/**
 * A fulfillment service answered a cancellation request: the requests that asked it are carried on. The answer itself
 * is read again from Shopify (applyRequest), so a late, repeated or out-of-order delivery decides nothing on its own.
 */
async function carryOnAfterServiceAnswer(deps: WebhookDeps, shop: string, payload: unknown) {
  const { fulfillment_order } = ServiceAnswerPayload.parse(payload);
  const ids = await requestsAskingService(deps.db, { shop, fulfillmentOrderId: fulfillment_order.id });
  const waiting = await deps.db.changeRequest.findMany({ where: { id: { in: ids }, shop, status: "APPLYING" } });
  if (waiting.length === 0) return { carriedOn: [] };
  if (!deps.shopifyFor || !deps.notify) throw new Error("a fulfillment service's answer needs the shop's Shopify");
  const shopDeps = { db: deps.db, clock: deps.clock, notify: deps.notify, shop, shopify: await deps.shopifyFor(shop) };
  const carried = [];
  for (const request of waiting) carried.push(await applyRequest(shopDeps, request));
  return { carriedOn: carried.map((r) => ({ id: r.id, status: r.status })) };
}

/** The topics Amend subscribes to (shopify.app.toml), as authenticate.webhook names them. */
export type WebhookTopic =
  | "APP_UNINSTALLED"
  | "APP_SCOPES_UPDATE"
  | "ORDERS_CREATE"
  | "ORDERS_UPDATED"
  | "ORDERS_FULFILLED"
  | "ORDERS_CANCELLED"
  | FulfillmentOrderTopic
  | "CUSTOMERS_DATA_REQUEST"
  | "CUSTOMERS_REDACT"
  | "SHOP_REDACT";

/** The fulfillment-order topics Amend subscribes to: a fulfillment order's status, holds or location changed. */
export const FULFILLMENT_ORDER_TOPICS = [
  "FULFILLMENT_ORDERS_PLACED_ON_HOLD",
  "FULFILLMENT_ORDERS_HOLD_RELEASED",
  "FULFILLMENT_ORDERS_MOVED",
  "FULFILLMENT_ORDERS_SPLIT",
  "FULFILLMENT_ORDERS_MERGED",
  "FULFILLMENT_ORDERS_CANCELLED",
  "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED",
  "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_ACCEPTED",
  "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_REJECTED",
  "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED",
  "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_ACCEPTED",
  "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_REJECTED",
  "FULFILLMENT_ORDERS_SCHEDULED_FULFILLMENT_ORDER_READY",
  "FULFILLMENT_ORDERS_RESCHEDULED",
  "FULFILLMENT_ORDERS_PROGRESS_REPORTED",
  "FULFILLMENT_ORDERS_MANUALLY_REPORTED_PROGRESS_STOPPED",
  "FULFILLMENT_ORDERS_FULFILLMENT_SERVICE_FAILED_TO_COMPLETE",
  "FULFILLMENT_ORDERS_ORDER_ROUTING_COMPLETE",
] as const;
export type FulfillmentOrderTopic = (typeof FULFILLMENT_ORDER_TOPICS)[number];

/** The fulfillment-order topics that are stored and processed: a service's answer to Amend's cancellation request. */
const SERVICE_ANSWER_TOPICS = [
  "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_ACCEPTED",
  "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_REJECTED",
] as const satisfies readonly FulfillmentOrderTopic[];

/** A process holds a delivery this long; if it dies, a worker takes the delivery over after it. */
const WEBHOOK_LEASE_MS = 60_000;

/**
 * Stores a verified delivery, keyed on Shopify's event id, already claimed by this process (PROCESSING, with a
 * lease): the process that answered Shopify does the work right after, and if it dies first, a worker's sweep
 * takes the delivery over when the lease ends. Returns null for a delivery already received (Shopify retries
 * and may deliver twice): it must not be processed again.
 */
export function receiveWebhook(
  db: Db,
  input: { eventId: string; shop: string; topic: string; payload: unknown; now: Date },
): Promise<WebhookDelivery | null> {
  return insertClaimedDelivery(db, {
    eventId: input.eventId,
    shop: input.shop,
    topic: input.topic,
    payload: JSON.stringify(input.payload),
    receivedAt: input.now,
    leaseUntil: new Date(input.now.getTime() + WEBHOOK_LEASE_MS),
  });
}

const OrderPayload = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  cancelled_at: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
});

const CustomerPayload = z.object({
  customer: z.object({ id: z.union([z.number(), z.string()]).transform(String), email: z.string().nullish() }),
  orders_requested: z.array(z.union([z.number(), z.string()]).transform(String)).optional(),
  orders_to_redact: z.array(z.union([z.number(), z.string()]).transform(String)).optional(),
});

/** What an order webhook means for open requests: the order left Amend's hands, or nothing. */
export function orderOutcome(
  topic: string,
  payload: unknown,
): { orderId: string; cause: "fulfilled" | "cancelled" } | null {
  const order = OrderPayload.parse(payload);
  if (topic === "ORDERS_CANCELLED" || order.cancelled_at) return { orderId: order.id, cause: "cancelled" };
  if (
    topic === "ORDERS_FULFILLED" ||
    order.fulfillment_status === "fulfilled" ||
    order.fulfillment_status === "partial"
  ) {
    return { orderId: order.id, cause: "fulfilled" };
  }
  return null;
}

const isFulfillmentOrderTopic = (topic: string): topic is FulfillmentOrderTopic =>
  (FULFILLMENT_ORDER_TOPICS as readonly string[]).includes(topic);

/** Every id of `type` the payload names, at any depth (`gid://shopify/<type>/<n>`). */
function gidsIn(payload: unknown, type: string): string[] {
  const pattern = new RegExp(`^gid://shopify/${type}/\\d+$`);
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 6) return;
    if (typeof value === "string" && pattern.test(value)) found.add(value);
    else if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (value && typeof value === "object") for (const item of Object.values(value)) visit(item, depth + 1);
  };
  visit(payload, 0);
  return [...found];
}

const RoutedPayload = z.object({ fulfillment_order: z.object({ status: z.string() }) });

/**
 * A fulfillment order routed and OPEN (`fulfillment_orders/order_routing_complete`, sent for every new order): what
 * facts built from an `orders/create` payload already assume, so it invalidates none of them.
 */
function routedOpen(topic: string, payload: unknown): boolean {
  if (topic !== "FULFILLMENT_ORDERS_ORDER_ROUTING_COMPLETE") return false;
  const parsed = RoutedPayload.safeParse(payload);
  return parsed.success && parsed.data.fulfillment_order.status.toLowerCase() === "open";
}

/**
 * `orders/create`: the order's first entry in the facts cache, built from the payload (`orderFactsFromWebhook`),
 * so its first look (the thank-you block) costs no Admin API call. Nothing stored when the payload cannot stand
 * for the facts, or when Shopify already said more about the order (any entry). Returns whether it was stored.
 */
export async function cacheFactsFromOrderCreate(db: Db, shop: string, payload: unknown, at: Date): Promise<boolean> {
  if (!factsCacheSettings().enabled) return false;
  const facts = orderFactsFromWebhook(payload);
  if (!facts) return false;
  return storeWebhookFacts(db, shop, facts.legacyId, facts, at);
}

/**
 * The order facts cache's part of a verified delivery, done before it is answered: an order topic invalidates
 * that order's entry; a fulfillment-order topic (it names fulfillment orders, not their order) invalidates the
 * entries that list one of them, and any order it names. With `promiseFirst` (one process serves the database),
 * an order topic's invalidation is promised at once in this process (`markInvalidated`: every read and store here
 * checks it) and `written` may land after the answer; otherwise the answer waits for `written`.
 */
export function invalidateCachedFacts(
  db: Db,
  shop: string,
  topic: string,
  payload: unknown,
  now: Date,
  options: { promiseFirst?: boolean } = {},
): { promised: boolean; written: Promise<void> } {
  if (topic === "ORDERS_UPDATED" || topic === "ORDERS_FULFILLED" || topic === "ORDERS_CANCELLED") {
    const order = OrderPayload.safeParse(payload);
    if (!order.success) return { promised: true, written: Promise.resolve() };
    if (options.promiseFirst) markInvalidated(shop, order.data.id, now);
    return { promised: options.promiseFirst === true, written: invalidateOrderFacts(db, shop, order.data.id, now) };
  }
  if (isFulfillmentOrderTopic(topic)) {
    const written = (async () => {
      const named = gidsIn(payload, "FulfillmentOrder");
      const listed = await invalidateByFulfillmentOrder(db, shop, named, now);
      if (named.length > 0 && listed === 0 && !routedOpen(topic, payload))
        await invalidateUnlistedFulfillmentOrders(db, shop, now);
      for (const order of gidsIn(payload, "Order"))
        await invalidateOrderFacts(db, shop, order.split("/").pop() ?? order, now);
    })();
    return { promised: false, written };
  }
  return { promised: true, written: Promise.resolve() };
}

/**
 * Whether a verified delivery has work for Amend. An order webhook has work only when the order left Amend's
 * hands (fulfilled or cancelled elsewhere) and one of its requests is still open — most deliveries are edits, and
 * most fulfilled orders never had a request. Other topics always have work. A malformed order payload is stored:
 * processing then fails visibly instead of dropping it.
 */
export async function needsProcessing(db: Db, shop: string, topic: string, payload: unknown): Promise<boolean> {
  // a fulfillment-order delivery's work is the cache's invalidation, done before the answer — but a service's
  // answer to a cancellation request also carries a waiting request on, after the answer
  if (isFulfillmentOrderTopic(topic)) return (SERVICE_ANSWER_TOPICS as readonly string[]).includes(topic);
  // a new order's only work is its first cache entry, done after the answer
  if (topic === "ORDERS_CREATE") return false;
  if (topic !== "ORDERS_UPDATED" && topic !== "ORDERS_FULFILLED" && topic !== "ORDERS_CANCELLED") return true;
  if (!OrderPayload.safeParse(payload).success) return true;
  const outcome = orderOutcome(topic, payload);
  return outcome !== null && (await openRequestsForOrder(db, shop, outcome.orderId)).length > 0;
}

/** Everything Amend holds about one customer of one shop (customers/data_request). */
export async function customerDataExport(db: Db, shop: string, customerId: string) {
  const requests = await db.changeRequest.findMany({
    where: { shop, customerId },
    include: { events: true, messages: true },
    orderBy: { createdAt: "asc" },
  });
  const outbox = await db.outboxMessage.findMany({
    where: { shop, requestId: { in: requests.map((r) => r.id) } },
    select: { channel: true, recipient: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
  });
  // the addresses the customer gave for their orders, and where codes were sent (never the codes)
  const [contacts, codes] = await Promise.all([
    db.customerContact.findMany({
      where: { shop, customerId },
      select: { orderId: true, email: true, phone: true, emailOn: true, smsOn: true, updatedAt: true },
    }),
    db.contactVerification.findMany({
      where: { shop, customerId },
      select: { orderId: true, channel: true, address: true, createdAt: true, confirmedAt: true },
    }),
  ]);
  return {
    shop,
    customerId,
    requests: requests.map((r) => ({
      ...requestIdentity(r),
      payload: JSON.parse(r.payload) as unknown,
      createdAt: r.createdAt,
      events: r.events.map((e) => ({
        actor: e.actor,
        from: e.fromStatus,
        to: e.toStatus,
        message: e.message,
        at: e.at,
      })),
      messages: r.messages.map((m) => ({ author: m.author, body: m.body, at: m.at })),
    })),
    notifications: outbox,
    contacts,
    contactCodes: codes,
  };
}

/**
 * Erases one customer's data (customers/redact): their requests, history, thread and messages sent, and the
 * addresses they gave for their orders (CustomerContact, ContactVerification and the codes' messages).
 */
export async function redactCustomer(db: Db, shop: string, customerId: string, orderIds: string[] = []) {
  await db.$transaction(async (tx) => {
    const requests = await tx.changeRequest.findMany({
      where: { shop, OR: [{ customerId }, ...(orderIds.length ? [{ orderId: { in: orderIds } }] : [])] },
      select: { id: true },
    });
    const ids = requests.map((r) => r.id);
    await tx.outboxMessage.deleteMany({ where: { shop, requestId: { in: ids } } });
    await tx.changeRequest.deleteMany({ where: { id: { in: ids } } });
    await forgetCustomerOrderFacts(tx, shop, customerId, orderIds);
    const mine = { shop, OR: [{ customerId }, ...(orderIds.length ? [{ orderId: { in: orderIds } }] : [])] };
    const codes = await tx.contactVerification.findMany({ where: mine, select: { id: true } });
    await tx.outboxMessage.deleteMany({
      where: { shop, idempotencyKey: { in: codes.map((c) => `contact_${c.id}`) } },
    });
    await tx.contactVerification.deleteMany({ where: mine });
    await tx.customerContact.deleteMany({ where: mine });
  });
}

/** Erases everything Amend holds for a shop (shop/redact, 48 hours after uninstall). */
export async function redactShop(db: Db, shop: string) {
  await db.$transaction([
    db.outboxMessage.deleteMany({ where: { shop } }),
    db.changeRequest.deleteMany({ where: { shop } }),
    db.shopSettings.deleteMany({ where: { shop } }),
    db.notificationSetting.deleteMany({ where: { shop } }),
    db.notificationTemplate.deleteMany({ where: { shop } }),
    db.shopBranding.deleteMany({ where: { shop } }),
    db.orderBlock.deleteMany({ where: { shop } }),
    db.orderFactsCache.deleteMany({ where: { shop } }),
    db.customerContact.deleteMany({ where: { shop } }),
    db.contactVerification.deleteMany({ where: { shop } }),
    db.shopifyMutation.deleteMany({ where: { shop } }),
    db.session.deleteMany({ where: { shop } }),
    db.webhookDelivery.deleteMany({ where: { shop, NOT: { topic: "SHOP_REDACT" } } }),
  ]);
}

/**
 * Does the work of a delivery this process has claimed (status PROCESSING, lease held): the one it stored a
 * moment ago (receiveWebhook), after the 200 was sent, or one a sweep claimed. Runs once either way.
 */
export async function processClaimedDelivery(deps: WebhookDeps, delivery: WebhookDelivery): Promise<void> {
  const { eventId } = delivery;
  const payload = JSON.parse(delivery.payload) as unknown;
  try {
    let result: unknown = null;
    switch (delivery.topic) {
      case "ORDERS_UPDATED":
      case "ORDERS_FULFILLED":
      case "ORDERS_CANCELLED": {
        const outcome = orderOutcome(delivery.topic, payload);
        if (outcome) {
          const superseded = await supersedeForOrder({ db: deps.db, clock: deps.clock, shop: delivery.shop }, outcome);
          result = { superseded: superseded.map((r) => r.id) };
        }
        break;
      }
      case "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_ACCEPTED":
      case "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_REJECTED":
        result = await carryOnAfterServiceAnswer(deps, delivery.shop, payload);
        break;
      case "CUSTOMERS_DATA_REQUEST": {
        const { customer } = CustomerPayload.parse(payload);
        result = await customerDataExport(deps.db, delivery.shop, customer.id);
        break;
      }
      case "CUSTOMERS_REDACT": {
        const { customer, orders_to_redact } = CustomerPayload.parse(payload);
        await redactCustomer(deps.db, delivery.shop, customer.id, orders_to_redact);
        break;
      }
      case "SHOP_REDACT":
        await redactShop(deps.db, delivery.shop);
        break;
    }
    await markDeliveryProcessed(deps.db, {
      eventId,
      processedAt: deps.clock(),
      result: result === null ? null : JSON.stringify(result),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // back to RECEIVED so the sweeper retries it; FAILED after 5 attempts for a person to look at
    await deps.db.webhookDelivery.update({
      where: { eventId },
      data: { status: delivery.attempts >= 5 ? "FAILED" : "RECEIVED", leaseUntil: null, lastError: message },
    });
    throw error;
  }
}

/**
 * Deliveries received but not processed (the process stopped after answering, or a worker died holding one):
 * claimed by this worker — each by exactly one worker when several run — and processed now.
 */
export async function processPendingWebhooks(deps: WebhookDeps, olderThanMs = 30_000): Promise<number> {
  const now = deps.clock();
  const claimed = await claimWebhookDeliveries(deps.db, {
    now,
    receivedBefore: new Date(now.getTime() - olderThanMs),
    leaseUntil: new Date(now.getTime() + WEBHOOK_LEASE_MS),
    take: 100,
  });
  if (claimed.length === 0) return 0;
  const deliveries = await deps.db.webhookDelivery.findMany({
    where: { eventId: { in: claimed } },
    orderBy: { receivedAt: "asc" },
  });
  let done = 0;
  for (const delivery of deliveries) {
    await processClaimedDelivery(deps, delivery).then(
      () => done++,
      () => undefined,
    );
  }
  return done;
}
