import type {
  DeliveryMethodType,
  DiscountApplicationFact,
  FulfillmentOrderRequestStatus,
  FulfillmentOrderStatus,
  LineItemFact,
  MailingAddress,
  OrderFacts,
} from "~/domain/types";
import type * as Admin from "~/types/admin.generated";
import type { AdminClient, DeniedField } from "./graphql-client.server";
import { isObjectWithheld, withWithheldCustomerData } from "./protected-data";

/**
 * Everything the rules need about one order, in one call. Each connection asks for what a typical order has
 * (`ORDER_FACTS_FIRST`: Shopify charges the requested cost up front, 2 + first × node); an order with more
 * fulfillment orders, shipping lines or discounts than that is read again with `ORDER_FACTS_FIRST_LARGE` (rare).
 * Line items past the first page are fetched separately.
 */
export const ORDER_FACTS_QUERY = `#graphql
query AmendOrderFacts($id: ID!, $fulfillmentOrders: Int!, $shippingLines: Int!, $discounts: Int!) {
  order(id: $id) {
    id
    legacyResourceId
    name
    createdAt
    customer {
      id
      locale
      firstName
      lastName
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
    }
    email
    phone
    statusPageUrl
    customerLocale
    currencyCode
    displayFinancialStatus
    displayFulfillmentStatus
    cancelledAt
    closed
    fulfillmentsCount { count }
    fulfillmentOrders(first: $fulfillmentOrders) {
      pageInfo { hasNextPage }
      nodes {
        id
        status
        requestStatus
        fulfillAt
        deliveryMethod { methodType }
        fulfillmentHolds { id reason heldByRequestingApp }
      }
    }
    shippingAddress { ...AmendMailingAddress }
    purchasingEntity { ... on PurchasingCompany { location { id } } }
    shippingLines(first: $shippingLines) {
      pageInfo { hasNextPage }
      nodes {
        title
        code
        originalPriceSet { shopMoney { amount currencyCode } }
        discountedPriceSet { shopMoney { amount currencyCode } }
      }
    }
    discountApplications(first: $discounts) {
      pageInfo { hasNextPage }
      nodes {
        __typename
        targetType
        value {
          __typename
          ... on MoneyV2 { amount currencyCode }
          ... on PricingPercentageValue { percentage }
        }
        ... on DiscountCodeApplication { code }
        ... on AutomaticDiscountApplication { title }
        ... on ManualDiscountApplication { title }
        ... on ScriptDiscountApplication { title }
      }
    }
    lineItems(first: 10) {
      nodes { id title currentQuantity requiresShipping variant { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
fragment AmendMailingAddress on MailingAddress {
  firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone
}
`;

/** What a typical order fits in: 2 + first × node is charged up front for each connection. */
export const ORDER_FACTS_FIRST = { fulfillmentOrders: 5, shippingLines: 2, discounts: 5 } as const;
/** An order past one of those: read again with room for everything the rules look at. */
export const ORDER_FACTS_FIRST_LARGE = { fulfillmentOrders: 50, shippingLines: 20, discounts: 50 } as const;

/** The countries the shop ships to (the address form): a per-shop fact, cached per shop, not read per order. */
export const SHIPS_TO_QUERY = `#graphql
query AmendShopShipsTo {
  shop { shipsToCountries }
}
`;

/** The remaining line items of a large order. */
export const ORDER_LINE_ITEMS_QUERY = `#graphql
query AmendOrderLineItems($id: ID!, $after: String) {
  order(id: $id) {
    lineItems(first: 100, after: $after) {
      nodes { id title currentQuantity requiresShipping variant { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

type OrderNode = NonNullable<Admin.AmendOrderFactsQuery["order"]>;
type LineItemNode = OrderNode["lineItems"]["nodes"][number];
type DiscountNode = OrderNode["discountApplications"]["nodes"][number];

/** `gid://shopify/Order/<id>` from a numeric id (a gid passes through). */
export function orderGid(orderId: string | number): string {
  const id = String(orderId);
  return id.startsWith("gid://") ? id : `gid://shopify/Order/${id}`;
}

/** The countries the shop ships to (`AmendShopShipsTo`). */
export async function getShipsToCountries(client: AdminClient): Promise<string[]> {
  const data = await client.request<Admin.AmendShopShipsToQuery>(SHIPS_TO_QUERY, {});
  return data.shop.shipsToCountries;
}

/** How long this process keeps a shop's countries: a merchant's change to shipping zones shows within it. */
export const SHIPS_TO_MAX_AGE_MS = 60 * 60 * 1000;
const shipsTo = new Map<string, { at: number; countries: Promise<string[]> }>();

/**
 * The shop's countries from this process's per-shop cache, read with `read` when absent or past
 * `SHIPS_TO_MAX_AGE_MS` (one read in flight per shop; a failed read is not kept).
 */
export function shopShipsTo(shop: string, read: () => Promise<string[]>, now = Date.now()): Promise<string[]> {
  const entry = shipsTo.get(shop);
  if (entry && now - entry.at < SHIPS_TO_MAX_AGE_MS) return entry.countries;
  if (shipsTo.size > 10_000) shipsTo.clear(); // bound memory: a forgotten shop is read again
  const countries = read();
  shipsTo.set(shop, { at: now, countries });
  countries.catch(() => {
    if (shipsTo.get(shop)?.countries === countries) shipsTo.delete(shop);
  });
  return countries;
}

/** Reads the order's facts; null when the order does not exist (or the app cannot see it). */
export async function getOrderFacts(client: AdminClient, orderId: string | number): Promise<OrderFacts | null> {
  const id = orderGid(orderId);
  const denied: DeniedField[] = [];
  const read = (first: typeof ORDER_FACTS_FIRST | typeof ORDER_FACTS_FIRST_LARGE) =>
    client
      .request<Admin.AmendOrderFactsQuery>(
        ORDER_FACTS_QUERY,
        { id, ...first },
        { onAccessDenied: (fields) => denied.push(...fields) },
      )
      .catch((error: unknown) => {
        // an app that may not read the order cannot see it
        if (isObjectWithheld(error)) return null;
        throw error;
      });
  let data = await read(ORDER_FACTS_FIRST);
  const order = data?.order;
  if (
    order &&
    (order.fulfillmentOrders.pageInfo.hasNextPage ||
      order.shippingLines.pageInfo.hasNextPage ||
      order.discountApplications.pageInfo.hasNextPage)
  ) {
    denied.length = 0;
    data = await read(ORDER_FACTS_FIRST_LARGE);
  }
  if (!data) return null;
  const mapped = mapOrderFacts(data);
  const facts = mapped && withWithheldCustomerData(mapped, denied);
  if (!facts || !data.order?.lineItems.pageInfo.hasNextPage) return facts;
  let after = data.order.lineItems.pageInfo.endCursor;
  while (after) {
    const page = await client.request<Admin.AmendOrderLineItemsQuery>(ORDER_LINE_ITEMS_QUERY, { id, after });
    const lineItems = page.order?.lineItems;
    if (!lineItems) break;
    facts.lineItems.push(...lineItems.nodes.map(mapLineItem));
    after = lineItems.pageInfo.hasNextPage ? lineItems.pageInfo.endCursor : null;
  }
  return facts;
}

/** Maps the AmendOrderFacts answer to the domain's OrderFacts. Pure. */
export function mapOrderFacts(data: Admin.AmendOrderFactsQuery): OrderFacts | null {
  const order = data.order;
  if (!order) return null;
  return {
    id: order.id,
    legacyId: String(order.legacyResourceId),
    name: order.name,
    createdAt: String(order.createdAt),
    customerId: order.customer?.id ?? null,
    customerLocale: order.customerLocale ?? order.customer?.locale ?? null,
    customer: order.customer
      ? {
          firstName: order.customer.firstName ?? null,
          lastName: order.customer.lastName ?? null,
          email: order.customer.defaultEmailAddress?.emailAddress ?? order.email ?? null,
          phone: order.customer.defaultPhoneNumber?.phoneNumber ?? order.phone ?? null,
        }
      : null,
    statusPageUrl: order.statusPageUrl ? String(order.statusPageUrl) : null,
    currencyCode: order.currencyCode,
    displayFinancialStatus: order.displayFinancialStatus ?? null,
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    cancelledAt: order.cancelledAt ? String(order.cancelledAt) : null,
    closed: order.closed,
    fulfillmentsCount: order.fulfillmentsCount?.count ?? 0,
    fulfillmentOrders: order.fulfillmentOrders.nodes.map((fo) => ({
      id: fo.id,
      status: fo.status as FulfillmentOrderStatus,
      requestStatus: fo.requestStatus as FulfillmentOrderRequestStatus,
      deliveryMethod: (fo.deliveryMethod?.methodType ?? null) as DeliveryMethodType | null,
      fulfillAt: fo.fulfillAt ? String(fo.fulfillAt) : null,
      holds: fo.fulfillmentHolds.map((h) => ({ id: h.id, reason: h.reason, heldByApp: h.heldByRequestingApp })),
    })),
    shippingAddress: order.shippingAddress ? mapMailingAddress(order.shippingAddress) : null,
    companyLocationId:
      order.purchasingEntity && "location" in order.purchasingEntity ? order.purchasingEntity.location.id : null,
    shippingLines: order.shippingLines.nodes.map((line) => ({
      title: line.title,
      code: line.code ?? null,
      originalPrice: {
        amount: String(line.originalPriceSet.shopMoney.amount),
        currencyCode: line.originalPriceSet.shopMoney.currencyCode,
      },
      discountedPrice: {
        amount: String(line.discountedPriceSet.shopMoney.amount),
        currencyCode: line.discountedPriceSet.shopMoney.currencyCode,
      },
    })),
    discountApplications: order.discountApplications.nodes.map(mapDiscount),
    lineItems: order.lineItems.nodes.map(mapLineItem),
  };
}

/** Shopify's MailingAddress (read side) → the domain's MailingAddressInput-shaped address. */
export function mapMailingAddress(a: {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  countryCodeV2?: string | null;
  phone?: string | null;
}): MailingAddress {
  return {
    firstName: a.firstName ?? null,
    lastName: a.lastName ?? null,
    company: a.company ?? null,
    address1: a.address1 ?? "",
    address2: a.address2 ?? null,
    city: a.city ?? "",
    provinceCode: a.provinceCode ?? null,
    zip: a.zip ?? null,
    countryCode: a.countryCodeV2 ?? "",
    phone: a.phone ?? null,
  };
}

const DISCOUNT_KINDS: Record<string, DiscountApplicationFact["kind"]> = {
  DiscountCodeApplication: "DISCOUNT_CODE",
  AutomaticDiscountApplication: "AUTOMATIC",
  ManualDiscountApplication: "MANUAL",
  ScriptDiscountApplication: "SCRIPT",
};

function mapDiscount(node: DiscountNode): DiscountApplicationFact {
  const value = node.value;
  const percentage = value.__typename === "PricingPercentageValue";
  return {
    kind: DISCOUNT_KINDS[node.__typename] ?? "MANUAL",
    targetType: node.targetType,
    valueType: percentage ? "PERCENTAGE" : "FIXED_AMOUNT",
    value: value.__typename === "PricingPercentageValue" ? String(value.percentage) : String(value.amount),
    code: "code" in node ? (node.code ?? null) : null,
    title: "title" in node ? (node.title ?? null) : null,
  };
}

function mapLineItem(node: LineItemNode): LineItemFact {
  return {
    id: node.id,
    variantId: node.variant?.id ?? null,
    title: node.title,
    quantity: node.currentQuantity,
    requiresShipping: node.requiresShipping,
  };
}
