import { DEFAULT_POLICY, type StorePolicy } from "./policy";
import type {
  DiscountApplicationFact,
  FulfillmentOrderFact,
  MailingAddress,
  Money,
  OrderFacts,
  ShippingLineFact,
  ShippingQuote,
  ShippingRate,
} from "./types";

/**
 * Test data builders shared by every test of the app: a realistic French order (EUR, Colissimo
 * 4.90 €, to Paris 75002) that passes every rule, and the store's default policy. Overrides are
 * deep-merged; arrays are replaced, not merged.
 */

export type DeepPartial<T> = T extends readonly (infer _U)[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A new object: `base` with `overrides` merged in (objects recursively; arrays and scalars replace). */
export function deepMerge<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (overrides === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides as T);
  const result: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    result[key] =
      isPlainObject(value) && isPlainObject(result[key]) ? deepMerge(result[key], value) : structuredClone(value);
  }
  return result as T;
}

/** A builder of T: a fresh copy of `defaults` with `overrides` put over it (shallow). */
function builder<T>(defaults: T) {
  return (overrides: Partial<T> = {}): T => ({ ...structuredClone(defaults), ...overrides });
}

export const eur = (amount: string): Money => ({ amount, currencyCode: "EUR" });

/** The order was placed at 09:00 UTC; tests run their clock from there. */
export const ORDER_CREATED_AT = "2025-03-14T09:00:00.000Z";
/** Ten minutes after the order: inside any realistic window. */
export const NOW = new Date("2025-03-14T09:10:00.000Z");

export const address = builder<MailingAddress>({
  firstName: "Camille",
  lastName: "Durand",
  company: null,
  address1: "18 rue du Sentier",
  address2: "3e étage",
  city: "Paris",
  provinceCode: null,
  zip: "75002",
  countryCode: "FR",
  phone: "+33612345678",
});

export const fulfillmentOrder = builder<FulfillmentOrderFact>({
  id: "gid://shopify/FulfillmentOrder/6100001",
  status: "OPEN",
  requestStatus: "UNSUBMITTED",
  deliveryMethod: "SHIPPING",
  fulfillAt: null,
  holds: [],
});

export const shippingLine = builder<ShippingLineFact>({
  title: "Colissimo",
  code: "colissimo-domicile",
  originalPrice: eur("4.90"),
  discountedPrice: eur("4.90"),
});

export const discount = builder<DiscountApplicationFact>({
  kind: "DISCOUNT_CODE",
  targetType: "LINE_ITEM",
  valueType: "PERCENTAGE",
  value: "15.0",
  code: "BIENVENUE15",
  title: null,
});

export function orderFacts(overrides: DeepPartial<OrderFacts> = {}): OrderFacts {
  const base: OrderFacts = {
    id: "gid://shopify/Order/5012345678901",
    legacyId: "5012345678901",
    name: "#1042",
    createdAt: ORDER_CREATED_AT,
    customerId: "gid://shopify/Customer/7012345678901",
    customerLocale: "fr",
    currencyCode: "EUR",
    displayFinancialStatus: "AUTHORIZED",
    displayFulfillmentStatus: "UNFULFILLED",
    cancelledAt: null,
    closed: false,
    fulfillmentsCount: 0,
    fulfillmentOrders: [fulfillmentOrder()],
    shippingAddress: address(),
    companyLocationId: null,
    shippingLines: [shippingLine()],
    discountApplications: [],
    lineItems: [
      {
        id: "gid://shopify/LineItem/13012345678901",
        variantId: "gid://shopify/ProductVariant/44012345678901",
        title: "Pull en laine mérinos — Bleu nuit / M",
        quantity: 1,
        requiresShipping: true,
      },
    ],
  };
  return deepMerge<OrderFacts>(base, overrides);
}

export function policy(overrides: DeepPartial<StorePolicy> = {}): StorePolicy {
  return deepMerge<StorePolicy>(DEFAULT_POLICY, overrides);
}

export function rate(title: string, amount: string, code: string | null = null): ShippingRate {
  return { title, code, price: eur(amount) };
}

export function quote(...rates: ShippingRate[]): ShippingQuote {
  return { rates };
}
