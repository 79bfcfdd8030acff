/**
 * Webhooks the simulator delivers, as Shopify does: a POST of the topic's REST-shaped payload to the app's
 * `<url>/webhooks/<topic>`, signed with the app's secret (`X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw
 * body), with Shopify's headers (topic, shop domain, API version, webhook and event ids, triggered at). Delivered
 * after the change is answered, never before; one attempt (the outcome is kept for the control API).
 */
import crypto from "node:crypto";
import type { Rec } from "./store";

export interface WebhookTarget {
  /** The app's origin: a topic `orders/create` goes to `${url}/webhooks/orders/create`. */
  url: string;
  /** The app's API secret (SHOPIFY_API_SECRET): the HMAC key. */
  secret: string;
}

export interface WebhookDelivery {
  topic: string;
  /** The resource's numeric id (the payload's `id`). */
  id: string;
  status: number | "network";
  at: string;
}

const numeric = (gid: string | null | undefined) => (gid ? Number(String(gid).split("/").pop()) : null);
const restMoney = (set: Rec | null | undefined) =>
  set
    ? {
        shop_money: { amount: String(set.shopMoney.amount), currency_code: set.shopMoney.currencyCode },
        presentment_money: {
          amount: String((set.presentmentMoney ?? set.shopMoney).amount),
          currency_code: (set.presentmentMoney ?? set.shopMoney).currencyCode,
        },
      }
    : null;
const restAddress = (a: Rec | null | undefined) =>
  a
    ? {
        first_name: a.firstName ?? null,
        last_name: a.lastName ?? null,
        company: a.company ?? null,
        address1: a.address1 ?? null,
        address2: a.address2 ?? null,
        city: a.city ?? null,
        province: a.province ?? null,
        province_code: a.provinceCode ?? null,
        zip: a.zip ?? null,
        country: a.country ?? null,
        country_code: a.countryCodeV2 ?? null,
        phone: a.phone ?? null,
      }
    : null;
const DISCOUNT_TYPES: Record<string, string> = {
  DiscountCodeApplication: "discount_code",
  AutomaticDiscountApplication: "automatic",
  ManualDiscountApplication: "manual",
  ScriptDiscountApplication: "script",
};

/**
 * The REST Order resource (the `orders/*` payload) of a simulator order: the fields Shopify documents for it that
 * the simulator holds. Fulfillment orders are not part of it (Shopify leaves them out of the order payload).
 */
export function restOrder(order: Rec, store: { customers: Rec[]; locations: Rec[]; shop: Rec }): Rec {
  const { shop } = store;
  const customer = store.customers.find((c) => c.id === order.customer?.id) ?? null;
  const lines: Rec[] = order.lineItems?.nodes ?? [];
  // a line's fulfillment service: the handle of the service managing its fulfillment order's location, or "manual"
  const serviceOf = (lineId: string): string => {
    const fo = (order.fulfillmentOrders?.nodes ?? []).find((f: Rec) =>
      (f.lineItems?.nodes ?? []).some((l: Rec) => l.lineItem?.id === lineId),
    );
    const location = store.locations.find((l) => l.id === fo?.assignedLocation?.location?.id);
    return location?.fulfillmentService?.handle ?? "manual";
  };
  return {
    id: numeric(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    email: order.email ?? null,
    phone: order.phone ?? null,
    created_at: order.createdAt,
    updated_at: order.updatedAt ?? order.createdAt,
    processed_at: order.processedAt ?? order.createdAt,
    cancelled_at: order.cancelledAt ?? null,
    cancel_reason: order.cancelReason ? String(order.cancelReason).toLowerCase() : null,
    closed_at: order.closedAt ?? null,
    confirmed: order.confirmed ?? true,
    test: order.test ?? false,
    currency: order.currencyCode,
    presentment_currency: order.presentmentCurrencyCode ?? order.currencyCode,
    customer_locale: order.customerLocale ?? customer?.locale ?? null,
    order_status_url: `${String(shop.url ?? "").replace(/\/$/, "")}/orders/${numeric(order.id)}/authenticate`,
    financial_status: order.displayFinancialStatus ? String(order.displayFinancialStatus).toLowerCase() : null,
    fulfillment_status:
      { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial", RESTOCKED: "restocked" }[
        String(order.displayFulfillmentStatus)
      ] ?? null,
    tags: (order.tags ?? []).join(", "),
    total_price_set: restMoney(order.totalPriceSet),
    subtotal_price_set: restMoney(order.subtotalPriceSet),
    customer: customer
      ? {
          id: numeric(customer.id),
          admin_graphql_api_id: customer.id,
          email: customer.email ?? null,
          first_name: customer.firstName ?? null,
          last_name: customer.lastName ?? null,
          phone: customer.phone ?? null,
        }
      : null,
    shipping_address: restAddress(order.shippingAddress),
    billing_address: restAddress(order.billingAddress),
    company: order.purchasingEntity?.location
      ? { id: numeric(order.purchasingEntity.company?.id), location_id: numeric(order.purchasingEntity.location.id) }
      : null,
    shipping_lines: (order.shippingLines?.nodes ?? []).map((line: Rec) => ({
      id: numeric(line.id),
      title: line.title,
      code: line.code ?? null,
      source: line.source ?? null,
      carrier_identifier: line.carrierIdentifier ?? null,
      price: String(line.originalPriceSet?.shopMoney?.amount ?? "0"),
      price_set: restMoney(line.originalPriceSet),
      discounted_price: String((line.discountedPriceSet ?? line.originalPriceSet)?.shopMoney?.amount ?? "0"),
      discounted_price_set: restMoney(line.discountedPriceSet ?? line.originalPriceSet),
    })),
    discount_applications: (order.discountApplications?.nodes ?? []).map((d: Rec) => ({
      type: DISCOUNT_TYPES[d.__typename] ?? "manual",
      target_type: d.targetType === "SHIPPING_LINE" ? "shipping_line" : "line_item",
      target_selection: String(d.targetSelection ?? "ALL").toLowerCase(),
      allocation_method: String(d.allocationMethod ?? "ACROSS").toLowerCase(),
      value_type: d.value?.percentage !== undefined ? "percentage" : "fixed_amount",
      value: String(d.value?.percentage ?? d.value?.amount ?? "0"),
      ...(d.code ? { code: d.code } : {}),
      ...(d.title ? { title: d.title, description: d.title } : {}),
    })),
    line_items: lines.map((line) => ({
      id: numeric(line.id),
      admin_graphql_api_id: line.id,
      variant_id: numeric(line.variant?.id),
      title: line.title,
      name: line.name ?? line.title,
      sku: line.sku ?? null,
      quantity: line.quantity,
      current_quantity: line.currentQuantity ?? line.quantity,
      fulfillable_quantity: line.unfulfilledQuantity ?? line.quantity,
      requires_shipping: line.requiresShipping !== false,
      gift_card: line.isGiftCard ?? false,
      fulfillment_service: serviceOf(line.id),
      price_set: restMoney(line.originalUnitPriceSet),
    })),
    fulfillments: (order.fulfillments ?? []).map((f: Rec) => ({ id: numeric(f.id), status: "success" })),
  };
}

/** Delivers one webhook to the app; the answer's status (or "network"). */
export async function deliverWebhook(
  target: WebhookTarget,
  delivery: { shop: string; topic: string; apiVersion: string; payload: Rec },
): Promise<number | "network"> {
  const body = JSON.stringify(delivery.payload);
  const eventId = crypto.randomUUID();
  const res = await fetch(`${target.url.replace(/\/$/, "")}/webhooks/${delivery.topic}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": crypto.createHmac("sha256", target.secret).update(body, "utf8").digest("base64"),
      "X-Shopify-Shop-Domain": delivery.shop,
      "X-Shopify-Topic": delivery.topic,
      "X-Shopify-API-Version": delivery.apiVersion,
      "X-Shopify-Webhook-Id": crypto.randomUUID(),
      "X-Shopify-Event-Id": eventId,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  }).catch(() => null);
  if (!res) return "network";
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
}
