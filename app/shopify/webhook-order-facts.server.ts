import { z } from "zod";
import type { DiscountApplicationFact, OrderFacts } from "~/domain/types";
import { withWithheldCustomerData } from "./protected-data";

// The REST Order resource as `orders/create` delivers it: the fields the rules need. Anything else is ignored;
// a payload without one of these (another API version, protected data left out) builds no facts.
const id = z.union([z.number(), z.string()]).transform(String);
const money = z.object({ shop_money: z.object({ amount: z.union([z.string(), z.number()]).transform(String) }) });
const RestAddress = z.object({
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  province_code: z.string().nullish(),
  zip: z.string().nullish(),
  country_code: z.string().nullish(),
  phone: z.string().nullish(),
});
const OrderCreatePayload = z.object({
  id,
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"),
  name: z.string(),
  created_at: z.string(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  customer_locale: z.string().nullish(),
  order_status_url: z.string().nullish(),
  currency: z.string(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  closed_at: z.string().nullish(),
  // null for an order with nothing to ship; absent when withheld (protected customer data): no facts
  shipping_address: RestAddress.nullable(),
  customer: z
    .object({
      id,
      admin_graphql_api_id: z.string().optional(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
      email: z.string().nullish(),
      phone: z.string().nullish(),
    })
    .nullable(),
  company: z.object({ id, location_id: id }).nullish(),
  fulfillments: z.array(z.unknown()).default([]),
  shipping_lines: z.array(
    z.object({
      title: z.string(),
      code: z.string().nullish(),
      price_set: money,
      discounted_price_set: money.nullish(),
    }),
  ),
  discount_applications: z.array(
    z.object({
      type: z.string(),
      target_type: z.string(),
      value_type: z.string(),
      value: z.union([z.string(), z.number()]).transform(String),
      code: z.string().nullish(),
      title: z.string().nullish(),
    }),
  ),
  line_items: z.array(
    z.object({
      id,
      admin_graphql_api_id: z.string().optional(),
      variant_id: id.nullish(),
      title: z.string(),
      quantity: z.number(),
      current_quantity: z.number().optional(),
      requires_shipping: z.boolean(),
      fulfillment_service: z.string().nullish(),
    }),
  ),
});

const DISCOUNT_KINDS: Record<string, DiscountApplicationFact["kind"]> = {
  discount_code: "DISCOUNT_CODE",
  automatic: "AUTOMATIC",
  manual: "MANUAL",
  script: "SCRIPT",
};

/**
 * An order's facts built from its `orders/create` payload (`origin: "webhook"`), so its first look costs no Admin
 * API call; null when the payload cannot stand for them, and the first look reads Shopify. The payload has no
 * fulfillment orders (Shopify creates and routes them after the order, and `fulfillment_orders/order_routing_complete`
 * names only a fulfillment order's id and status), so the facts are built only for an order whose fulfillment
 * orders can be told without them, and list none:
 * - nothing fulfilled, not cancelled or closed (`fulfillment_status`, `fulfillments`, `cancelled_at`, `closed_at`):
 *   the rules then see an UNFULFILLED order, as Shopify displays it;
 * - every line fulfilled by the merchant (`line_items[].fulfillment_service` "manual"): a line at a fulfillment
 *   service is sent to it (a request whose status the payload cannot tell);
 * - the customer and shipping address present (an app not approved for protected customer data gets neither).
 * With no fulfillment order, the rules read the delivery from the address and the lines (`requires_shipping`), and
 * holds from the order's display status: a pickup or local-delivery order, or one held after it was placed, may be
 * offered an action the fresh read of the submission then refuses. A cached answer only shapes what is offered;
 * every change reads Shopify first. Pure.
 */
export function orderFactsFromWebhook(payload: unknown): OrderFacts | null {
  const parsed = OrderCreatePayload.safeParse(payload);
  if (!parsed.success) return null;
  const order = parsed.data;
  if (order.fulfillment_status || order.fulfillments.length > 0 || order.cancelled_at || order.closed_at) return null;
  if (order.line_items.some((line) => (line.fulfillment_service ?? "manual") !== "manual")) return null;
  const address = order.shipping_address;
  if (address && !address.address1) return null; // redacted: the address is not readable
  const amount = (set: z.infer<typeof money>) => ({ amount: set.shop_money.amount, currencyCode: order.currency });
  const facts: OrderFacts = {
    id: order.admin_graphql_api_id,
    legacyId: order.id,
    name: order.name,
    createdAt: order.created_at,
    customerId: order.customer
      ? (order.customer.admin_graphql_api_id ?? `gid://shopify/Customer/${order.customer.id}`)
      : null,
    customerLocale: order.customer_locale ?? null,
    customer: order.customer
      ? {
          firstName: order.customer.first_name ?? null,
          lastName: order.customer.last_name ?? null,
          email: order.customer.email ?? order.email ?? null,
          phone: order.customer.phone ?? order.phone ?? null,
        }
      : null,
    statusPageUrl: order.order_status_url ?? null,
    currencyCode: order.currency,
    displayFinancialStatus: order.financial_status ? order.financial_status.toUpperCase() : null,
    displayFulfillmentStatus: "UNFULFILLED",
    cancelledAt: null,
    closed: false,
    fulfillmentsCount: 0,
    fulfillmentOrders: [],
    shippingAddress: address
      ? {
          firstName: address.first_name ?? null,
          lastName: address.last_name ?? null,
          company: address.company ?? null,
          address1: address.address1 ?? "",
          address2: address.address2 ?? null,
          city: address.city ?? "",
          provinceCode: address.province_code ?? null,
          zip: address.zip ?? null,
          countryCode: address.country_code ?? "",
          phone: address.phone ?? null,
        }
      : null,
    companyLocationId: order.company ? `gid://shopify/CompanyLocation/${order.company.location_id}` : null,
    shippingLines: order.shipping_lines.map((line) => ({
      title: line.title,
      code: line.code ?? null,
      originalPrice: amount(line.price_set),
      discountedPrice: amount(line.discounted_price_set ?? line.price_set),
    })),
    discountApplications: order.discount_applications.map((d) => ({
      kind: DISCOUNT_KINDS[d.type] ?? "MANUAL",
      targetType: d.target_type === "shipping_line" ? "SHIPPING_LINE" : "LINE_ITEM",
      valueType: d.value_type === "percentage" ? "PERCENTAGE" : "FIXED_AMOUNT",
      value: d.value,
      code: d.code ?? null,
      title: d.title ?? null,
    })),
    lineItems: order.line_items.map((line) => ({
      id: line.admin_graphql_api_id ?? `gid://shopify/LineItem/${line.id}`,
      variantId: line.variant_id ? `gid://shopify/ProductVariant/${line.variant_id}` : null,
      title: line.title,
      quantity: line.current_quantity ?? line.quantity,
      requiresShipping: line.requires_shipping,
    })),
    origin: "webhook",
  };
  // a redacted email, phone or status page link (protected customer data) is marked, as for a read
  return withWithheldCustomerData(facts, []);
}
