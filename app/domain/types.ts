import type { $Enums } from "@prisma/client";
import type { MailingAddress } from "./mailing-address";

/**
 * The vocabulary of Amend, shared by domain, services, API, database and tests.
 * One name for one thing: these names are also those of the database, the APIs and the docs.
 */

/** Every reason a customer action can be refused. */
export const REASON_CODES = [
  "FULFILLMENT_STARTED",
  "PAYMENT_CONFIRMED",
  "ADDRESS_ALREADY_CHANGED",
  "SHIPPING_COST_INCREASE",
  "FREE_SHIPPING_DISCOUNT_USED",
  "ORDER_CANCELLED",
  "ORDER_CLOSED",
  "WINDOW_EXPIRED",
  "FEATURE_DISABLED",
  "ADDRESS_INVALID",
  "NO_SHIPPING_RATE",
  "COUNTRY_CHANGE_NOT_ALLOWED",
  "LOCAL_DELIVERY_UNAVAILABLE",
  "NOTHING_TO_SHIP",
  "PICKUP_ORDER",
  "B2B_ORDER",
  "ORDER_ON_HOLD",
  "REQUEST_ALREADY_PENDING",
  "NOT_ORDER_OWNER",
  "ORDER_NOT_FOUND",
  "CUSTOMER_DATA_UNAVAILABLE",
  "WITHDRAWAL_PERIOD_ENDED",
  "ALREADY_WITHDRAWN",
  "ALL_ITEMS_EXEMPT",
  "NOTHING_TO_WITHDRAW",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The address-change rules a merchant can switch off (all on by default). */
export const ADDRESS_RULES = [
  "FULFILLMENT_STARTED",
  "PAYMENT_CONFIRMED",
  "ADDRESS_ALREADY_CHANGED",
  "SHIPPING_COST_INCREASE",
  "FREE_SHIPPING_DISCOUNT_USED",
] as const satisfies readonly ReasonCode[];
export type AddressRule = (typeof ADDRESS_RULES)[number];

/** A type guard for one of `values`, from unchecked input. */
function isOneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => (values as readonly unknown[]).includes(value);
}

export const REQUEST_KINDS = ["ADDRESS_CHANGE", "CANCELLATION", "WITHDRAWAL"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const isRequestKind = isOneOf(REQUEST_KINDS);

export const REQUEST_STATUSES = [
  "PENDING",
  "NEEDS_INFO",
  "APPLYING",
  "APPLIED",
  "REJECTED",
  "FAILED",
  "WITHDRAWN",
  "EXPIRED",
  "SUPERSEDED",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const ACTORS = ["CUSTOMER", "STAFF", "SYSTEM"] as const;
export type Actor = (typeof ACTORS)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
/** The database's enums (prisma/schema.prisma) hold exactly these names: a change on one side fails the build. */
export type DatabaseEnumsMatch = [
  Holds<Same<RequestKind, $Enums.RequestKind>>,
  Holds<Same<RequestStatus, $Enums.RequestStatus>>,
  Holds<Same<Actor, $Enums.Actor>>,
];

/** Why the customer wants to cancel; the merchant chooses which are offered. */
export const CUSTOMER_REASONS = [
  "CHANGED_MIND",
  "WRONG_ADDRESS",
  "ORDERED_BY_MISTAKE",
  "FOUND_BETTER_PRICE",
  "DELIVERY_TOO_SLOW",
  "OTHER",
] as const;
export type CustomerReason = (typeof CUSTOMER_REASONS)[number];
export const isCustomerReason = isOneOf(CUSTOMER_REASONS);

/**
 * Where a customer's request started, when it matters to the merchant: `WRONG_ADDRESS_OFFER` is an address change
 * made after the cancellation form offered it to a customer who gave "the delivery address is wrong" as the reason
 * (an applied one is a "save" on the home page, docs/admin.md).
 */
export const REQUEST_ORIGINS = ["WRONG_ADDRESS_OFFER"] as const;
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];

/** The store's own reasons for cancelling an order itself (not a customer's request). */
export const STORE_CANCEL_REASONS = [
  "QUANTITY_LIMIT",
  "OUT_OF_STOCK",
  "PRICING_ERROR",
  "FRAUD_REVIEW_INFO_NEEDED",
  "SHIPPING_UNAVAILABLE",
  "UNSUPPORTED_CLIENT",
] as const;
export type StoreCancelReason = (typeof STORE_CANCEL_REASONS)[number];

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

/** Money as Shopify sends it: a decimal string and an ISO currency code. Never a float. */
export interface Money {
  amount: string;
  currencyCode: string;
}

/** Shopify's MailingAddressInput names (shared with the customer extensions). */
export type { MailingAddress };

export type FulfillmentOrderStatus =
  "OPEN" | "SCHEDULED" | "ON_HOLD" | "IN_PROGRESS" | "INCOMPLETE" | "CLOSED" | "CANCELLED";

/**
 * Where a fulfillment order's work stands with a fulfillment service. UNSUBMITTED is the only status of a
 * fulfillment order not assigned to a fulfillment service, so any other means it is at one.
 */
export type FulfillmentOrderRequestStatus =
  | "UNSUBMITTED"
  | "SUBMITTED"
  | "ACCEPTED"
  | "REJECTED"
  | "CANCELLATION_REQUESTED"
  | "CANCELLATION_ACCEPTED"
  | "CANCELLATION_REJECTED"
  | "CLOSED";

/** How a fulfillment order reaches the customer (Shopify's DeliveryMethodType). */
export type DeliveryMethodType = "SHIPPING" | "LOCAL" | "PICK_UP" | "PICKUP_POINT" | "NONE" | "RETAIL";

export interface FulfillmentHoldFact {
  id: string | null;
  reason: string;
  /** Amend's own hold; false for the merchant's (from the admin) and another app's. */
  heldByApp: boolean;
}

export interface FulfillmentOrderFact {
  id: string;
  status: FulfillmentOrderStatus;
  requestStatus: FulfillmentOrderRequestStatus;
  /** null when Shopify does not say (older orders). */
  deliveryMethod: DeliveryMethodType | null;
  /** When a SCHEDULED (pre-order) fulfillment order is released; null otherwise. */
  fulfillAt: string | null;
  holds: FulfillmentHoldFact[];
}

export interface ShippingLineFact {
  title: string;
  code: string | null;
  /** Price before discounts. */
  originalPrice: Money;
  /** Price after discounts allocated to this line. */
  discountedPrice: Money;
}

export interface DiscountApplicationFact {
  /** DISCOUNT_CODE | AUTOMATIC | MANUAL | SCRIPT (from the GraphQL __typename). */
  kind: "DISCOUNT_CODE" | "AUTOMATIC" | "MANUAL" | "SCRIPT";
  targetType: "LINE_ITEM" | "SHIPPING_LINE";
  valueType: "PERCENTAGE" | "FIXED_AMOUNT";
  /** Percentage (0–100) or amount, as a decimal string. */
  value: string;
  code: string | null;
  title: string | null;
}

export interface LineItemFact {
  id: string;
  variantId: string | null;
  title: string;
  /** Quantity still on the order (after edits and removals). */
  quantity: number;
  requiresShipping: boolean;
}

/**
 * Everything the rules need about one order, filled from one Admin API query
 * (app/shopify/order-facts). Nothing more.
 */
export interface OrderFacts {
  /** gid://shopify/Order/<id> */
  id: string;
  /** The numeric id used in customer API paths. */
  legacyId: string;
  name: string;
  createdAt: string;
  customerId: string | null;
  customerLocale: string | null;
  /** Who to notify (not used by the rules). */
  customer?: { firstName: string | null; lastName: string | null; email: string | null; phone: string | null } | null;
  /** The order status page link for notifications (not used by the rules). */
  statusPageUrl?: string | null;
  currencyCode: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  cancelledAt: string | null;
  closed: boolean;
  fulfillmentsCount: number;
  fulfillmentOrders: FulfillmentOrderFact[];
  /** null for pickup and digital orders: Shopify has no address to ship to. */
  shippingAddress: MailingAddress | null;
  /** The company location of a B2B order (purchasingEntity is a PurchasingCompany); null for a customer's own order. */
  companyLocationId: string | null;
  shippingLines: ShippingLineFact[];
  discountApplications: DiscountApplicationFact[];
  lineItems: LineItemFact[];
  /** Protected customer data Shopify withheld (the app is not approved for it); absent or empty = all read. */
  customerDataWithheld?: CustomerData[];
  /**
   * Where the facts come from: "webhook" when built from the order's `orders/create` payload (the order facts cache's
   * first entry: no fulfillment orders known, app/shopify/webhook-order-facts); absent when read from the Admin API.
   */
  origin?: "webhook";
}

/** The protected customer data Shopify approves an app for field by field (level 2). */
export const CUSTOMER_DATA = ["name", "email", "phone", "address"] as const;
export type CustomerData = (typeof CUSTOMER_DATA)[number];

/** One rate the store offers to a destination (draftOrderCalculate → availableShippingRates). */
export interface ShippingRate {
  title: string;
  code: string | null;
  price: Money;
}

/** A live quote for the order's lines to a new address. */
export interface ShippingQuote {
  rates: ShippingRate[];
}

/** Why something was refused: a code, and (rendered later) a message in the customer's language. */
export interface Reason {
  code: ReasonCode;
  /** For ADDRESS_INVALID: the MailingAddress field at fault. */
  field?: keyof MailingAddress;
  /** Values the message needs (e.g. the new shipping price). */
  params?: Record<string, string>;
}
