/**
 * The simulator's in-memory shop: loaded from a store file (docs/store-file.md), validated with zod, then
 * "materialized" — every value Shopify would compute (totals, fulfillment orders, destinations,
 * fulfillments, current quantities) is filled in once, so resolvers read plain data and `GET /demo/state`
 * shows exactly what the Admin API would answer. Mutations change this data in place and append to `log`.
 */
import fs from "node:fs";
import { z } from "zod";
import { bag, bagUnits, isDecimal, normalizeAmount, type MoneyBag } from "./money";

// The store is JSON in Admin GraphQL shape; resolvers walk it generically, so it is typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rec = Record<string, any>;

// Enum values copied from the 2026-10 schema; store.test.ts checks they still match it.
export const FINANCIAL_STATUSES = [
  "AUTHORIZED",
  "EXPIRED",
  "PAID",
  "PARTIALLY_PAID",
  "PARTIALLY_REFUNDED",
  "PENDING",
  "REFUNDED",
  "VOIDED",
] as const;
export const DISPLAY_FULFILLMENT_STATUSES = [
  "FULFILLED",
  "FULFILLMENT_NOT_REQUIRED",
  "IN_PROGRESS",
  "ON_HOLD",
  "OPEN",
  "PARTIALLY_FULFILLED",
  "PENDING_FULFILLMENT",
  "REQUEST_DECLINED",
  "RESTOCKED",
  "SCHEDULED",
  "UNFULFILLED",
] as const;
export const FULFILLMENT_ORDER_STATUSES = [
  "CANCELLED",
  "CLOSED",
  "INCOMPLETE",
  "IN_PROGRESS",
  "ON_HOLD",
  "OPEN",
  "SCHEDULED",
] as const;
export const HOLD_REASONS = [
  "AWAITING_PAYMENT",
  "AWAITING_RETURN_ITEMS",
  "HIGH_RISK_OF_FRAUD",
  "INCORRECT_ADDRESS",
  "INVENTORY_OUT_OF_STOCK",
  "ONLINE_STORE_POST_PURCHASE_CROSS_SELL",
  "OTHER",
  "UNKNOWN_DELIVERY_DATE",
] as const;
export const CANCEL_REASONS = ["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"] as const;
export const DELIVERY_METHOD_TYPES = ["LOCAL", "NONE", "PICKUP_POINT", "PICK_UP", "RETAIL", "SHIPPING"] as const;
export const REQUEST_STATUSES = [
  "ACCEPTED",
  "CANCELLATION_ACCEPTED",
  "CANCELLATION_REJECTED",
  "CANCELLATION_REQUESTED",
  "CLOSED",
  "REJECTED",
  "SUBMITTED",
  "UNSUBMITTED",
] as const;
export const MERCHANT_REQUEST_KINDS = ["CANCELLATION_REQUEST", "FULFILLMENT_REQUEST"] as const;
export const WEIGHT_UNITS = ["GRAMS", "KILOGRAMS", "OUNCES", "POUNDS"] as const;
export const CONDITION_FIELDS = ["TOTAL_PRICE", "TOTAL_WEIGHT"] as const;
export const CONDITION_OPERATORS = ["GREATER_THAN_OR_EQUAL_TO", "LESS_THAN_OR_EQUAL_TO"] as const;
export const FULFILLMENT_SERVICE_TYPES = ["GIFT_CARD", "MANUAL", "THIRD_PARTY"] as const;
/** The plans whose GraphQL Admin API rate limits Shopify publishes (see PLAN_BUCKETS in cost.ts). */
export const PLANS = ["STANDARD", "ADVANCED", "PLUS", "ENTERPRISE"] as const;
export type Plan = (typeof PLANS)[number];
export const DISCOUNT_APPLICATION_TYPES = [
  "DiscountCodeApplication",
  "AutomaticDiscountApplication",
  "ManualDiscountApplication",
  "ScriptDiscountApplication",
] as const;

const gid = (type: string) =>
  z.string().regex(new RegExp(`^gid://shopify/${type}/[0-9]+$`), `expected a gid://shopify/${type}/<number> id`);
const decimal = z.string().refine(isDecimal, 'expected a decimal string like "12.50"');
const currency = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code like EUR");
const country = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166 alpha-2 country code like FR");
const dateTime = z.iso.datetime({ offset: true });
const nullableString = z.string().nullable().optional();
const moneyV2 = z.object({ amount: decimal, currencyCode: currency });
const moneyBag = z.looseObject({ shopMoney: moneyV2, presentmentMoney: moneyV2.optional() });
const connection = <T extends z.ZodType>(node: T) => z.looseObject({ nodes: z.array(node) });

const weight = z.object({ value: z.number().min(0), unit: z.enum(WEIGHT_UNITS) });

const address = z
  .looseObject({
    firstName: nullableString,
    lastName: nullableString,
    company: nullableString,
    address1: nullableString,
    address2: nullableString,
    city: nullableString,
    province: nullableString,
    provinceCode: nullableString,
    zip: nullableString,
    country: nullableString,
    countryCode: country.nullable().optional(),
    countryCodeV2: country.nullable().optional(),
    phone: nullableString,
  })
  .refine((a) => a.countryCodeV2 || a.countryCode, {
    message: "an address needs countryCodeV2 (or countryCode)",
  });

const customer = z.looseObject({
  id: gid("Customer"),
  firstName: nullableString,
  lastName: nullableString,
  email: nullableString,
  phone: nullableString,
  locale: z.string().min(2),
});

const discountAllocation = z.looseObject({
  allocatedAmountSet: moneyBag,
  // Points at the order's discountApplications by position (DiscountApplication.index in the Admin API).
  discountApplication: z.object({ index: z.number().int().min(0) }),
});

const discountApplication = z
  .looseObject({
    __typename: z.enum(DISCOUNT_APPLICATION_TYPES),
    code: z.string().optional(),
    title: z.string().optional(),
    targetType: z.enum(["LINE_ITEM", "SHIPPING_LINE"]),
    allocationMethod: z.enum(["ACROSS", "EACH", "ONE"]).optional(),
    targetSelection: z.enum(["ALL", "ENTITLED", "EXPLICIT"]).optional(),
    value: z.union([z.object({ percentage: z.number().min(0).max(100) }), moneyV2]),
  })
  .superRefine((d, ctx) => {
    if (d.__typename === "DiscountCodeApplication" && !d.code)
      ctx.addIssue({ code: "custom", path: ["code"], message: "a DiscountCodeApplication needs its code" });
    if (d.__typename !== "DiscountCodeApplication" && !d.title)
      ctx.addIssue({ code: "custom", path: ["title"], message: `a ${d.__typename} needs its title` });
  });

const shippingLine = z.looseObject({
  title: z.string().min(1),
  code: nullableString,
  originalPriceSet: moneyBag,
  discountedPriceSet: moneyBag.optional(),
  discountAllocations: z.array(discountAllocation).optional(),
});

const lineItem = z.looseObject({
  id: gid("LineItem"),
  title: z.string().min(1),
  quantity: z.number().int().positive(),
  currentQuantity: z.number().int().min(0).optional(),
  sku: nullableString,
  variant: z
    .looseObject({ id: gid("ProductVariant") })
    .nullable()
    .optional(),
  requiresShipping: z.boolean().optional(),
  isGiftCard: z.boolean().optional(),
  weight: weight.nullable().optional(),
  originalUnitPriceSet: moneyBag,
  discountAllocations: z.array(discountAllocation).optional(),
  variantTitle: nullableString,
  // LineItem.product: the product, with its tags (Product.tags), as the Admin API shows them
  product: z
    .looseObject({ id: gid("Product"), title: z.string().optional(), tags: z.array(z.string()).optional() })
    .nullable()
    .optional(),
});

const hold = z.looseObject({
  id: gid("FulfillmentHold"),
  reason: z.enum(HOLD_REASONS),
  reasonNotes: nullableString,
  handle: nullableString,
  heldByRequestingApp: z.boolean().optional(),
  // Another app's hold names that app; a merchant's hold (from the admin) has none.
  heldByApp: z
    .looseObject({ id: gid("App"), title: z.string().min(1) })
    .nullable()
    .optional(),
});

const merchantRequest = z.looseObject({
  id: gid("FulfillmentOrderMerchantRequest").optional(),
  kind: z.enum(MERCHANT_REQUEST_KINDS),
  message: nullableString,
  sentAt: dateTime.optional(),
  requestOptions: z.looseObject({}).nullable().optional(),
  responseData: z.looseObject({}).nullable().optional(),
});

const fulfillmentOrder = z.looseObject({
  id: gid("FulfillmentOrder"),
  status: z.enum(FULFILLMENT_ORDER_STATUSES),
  requestStatus: z.enum(REQUEST_STATUSES).optional(),
  deliveryMethod: z
    .looseObject({
      id: gid("DeliveryMethod").optional(),
      methodType: z.enum(DELIVERY_METHOD_TYPES),
      presentedName: nullableString,
      serviceCode: nullableString,
    })
    .optional(),
  // The location by reference to the store file's `locations`; name and address are copied from it.
  assignedLocation: z.looseObject({ location: z.object({ id: gid("Location") }) }).optional(),
  fulfillAt: dateTime.nullable().optional(),
  fulfillBy: dateTime.nullable().optional(),
  merchantRequests: connection(merchantRequest).optional(),
  fulfillmentHolds: z.array(hold).optional(),
  destination: z.looseObject({}).nullable().optional(),
  lineItems: connection(
    z.looseObject({
      id: gid("FulfillmentOrderLineItem"),
      lineItem: z.object({ id: gid("LineItem") }),
      totalQuantity: z.number().int().min(0),
      remainingQuantity: z.number().int().min(0),
    }),
  ).optional(),
});

/** Shopify's FulfillmentDisplayStatus. */
const FULFILLMENT_DISPLAY_STATUSES = [
  "ATTEMPTED_DELIVERY",
  "CANCELED",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "DELIVERED",
  "FAILURE",
  "FULFILLED",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "LABEL_VOIDED",
  "MARKED_AS_FULFILLED",
  "NOT_DELIVERED",
  "OUT_FOR_DELIVERY",
  "PICKED_UP",
  "READY_FOR_PICKUP",
  "SUBMITTED",
] as const;

const fulfillment = z.looseObject({
  id: gid("Fulfillment"),
  status: z.enum(["CANCELLED", "ERROR", "FAILURE", "SUCCESS"]),
  createdAt: dateTime.optional(),
  name: z.string().optional(),
  // Fulfillment.deliveredAt / inTransitAt: Shopify sets them from the carrier's tracking events, or when the
  // merchant marks the shipment delivered; displayStatus follows (DELIVERED, IN_TRANSIT, …)
  deliveredAt: dateTime.nullable().optional(),
  inTransitAt: dateTime.nullable().optional(),
  // Store file only (not Shopify data): dates relative to the simulator's clock at load, for a demo that must
  // show "delivered 10 days ago" whatever the day it runs. They override createdAt / deliveredAt.
  createdDaysAgo: z.number().int().min(0).optional(),
  deliveredDaysAgo: z.number().int().min(0).optional(),
  displayStatus: z.enum(FULFILLMENT_DISPLAY_STATUSES).nullable().optional(),
  // What the shipment carries; default: every fulfilled unit of every line (one shipment)
  fulfillmentLineItems: connection(
    z.looseObject({
      id: gid("FulfillmentLineItem"),
      lineItem: z.object({ id: gid("LineItem") }),
      quantity: z.number().int().positive(),
    }),
  ).optional(),
});

const order = z.looseObject({
  id: gid("Order"),
  name: z.string().min(1),
  createdAt: dateTime,
  // Store file only: createdAt relative to the simulator's clock at load (overrides createdAt)
  createdDaysAgo: z.number().int().min(0).optional(),
  customer: z
    .object({ id: gid("Customer") })
    .nullable()
    .optional(),
  email: nullableString,
  phone: nullableString,
  currencyCode: currency.optional(),
  displayFinancialStatus: z.enum(FINANCIAL_STATUSES).nullable(),
  displayFulfillmentStatus: z.enum(DISPLAY_FULFILLMENT_STATUSES),
  cancelledAt: dateTime.nullable().optional(),
  cancelReason: z.enum(CANCEL_REASONS).nullable().optional(),
  closed: z.boolean().optional(),
  note: nullableString,
  tags: z.array(z.string()).optional(),
  shippingAddress: address.nullable().optional(),
  shippingLines: connection(shippingLine).optional(),
  discountApplications: connection(discountApplication).optional(),
  lineItems: connection(lineItem).refine((c) => c.nodes.length > 0, "an order needs at least one line item"),
  fulfillmentOrders: connection(fulfillmentOrder).optional(),
  fulfillments: z.array(fulfillment).optional(),
  totalPriceSet: moneyBag.optional(),
  // B2B: the company, its location (ship-to) and the contact who ordered; absent for a D2C order.
  purchasingEntity: z
    .looseObject({
      company: z.looseObject({ id: gid("Company"), name: z.string().min(1) }),
      location: z.looseObject({
        id: gid("CompanyLocation"),
        name: z.string().min(1),
        shippingAddress: z
          .looseObject({ address1: z.string().min(1), countryCode: country })
          .nullable()
          .optional(),
      }),
      contact: z
        .looseObject({ id: gid("CompanyContact") })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});

const methodCondition = z
  .object({
    field: z.enum(CONDITION_FIELDS),
    operator: z.enum(CONDITION_OPERATORS),
    conditionCriteria: z.union([moneyV2, weight]),
  })
  .refine((c) => (c.field === "TOTAL_WEIGHT") === "unit" in c.conditionCriteria, {
    message: "TOTAL_WEIGHT compares a Weight {value, unit}; TOTAL_PRICE a MoneyV2 {amount, currencyCode}",
    path: ["conditionCriteria"],
  });

const rate = z.object({
  title: z.string().min(1),
  price: decimal,
  code: z.string().optional(),
  // DeliveryMethodDefinition.methodConditions: the rate is offered only when every condition holds.
  methodConditions: z.array(methodCondition).optional(),
  // Local delivery: only to addresses whose postal code starts with one of these.
  zipPrefixes: z.array(z.string().min(1)).min(1).optional(),
});

// A whole country ("FR") or some of its provinces/states ({ code: "US", provinces: ["CA", "NY"] }).
const zoneCountry = z.union([country, z.object({ code: country, provinces: z.array(z.string().min(1)).min(1) })]);

const shippingZone = z.looseObject({
  name: z.string().optional(),
  countries: z.array(zoneCountry).min(1),
  rates: z.array(rate).min(1),
});

const location = z.looseObject({
  id: gid("Location"),
  name: z.string().min(1),
  address: z
    .looseObject({
      address1: nullableString,
      city: nullableString,
      zip: nullableString,
      provinceCode: nullableString,
      countryCode: country,
    })
    .optional(),
  // Set when a fulfillment service (a warehouse app) manages the location.
  fulfillmentService: z
    .looseObject({
      id: gid("FulfillmentService").optional(),
      handle: z.string().min(1),
      serviceName: z.string().min(1),
      type: z.enum(FULFILLMENT_SERVICE_TYPES).optional(),
    })
    .nullable()
    .optional(),
});

const shop = z.looseObject({
  id: gid("Shop").optional(),
  name: z.string().min(1),
  email: z.email(),
  myshopifyDomain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "expected <handle>.myshopify.com"),
  currencyCode: currency,
  url: z.url().optional(),
  contactEmail: z.email().optional(),
  // The plan sets the API throttle bucket: "STANDARD" (default), "ADVANCED", "PLUS", "ENTERPRISE".
  plan: z.enum(PLANS).optional(),
});

const PROTECTED_CONTENTS = ["name", "email", "phone", "address"] as const;
const protectedCustomerData = z.object({
  // 0: no customer data; 1: customer data without the fields below; 2: with the fields approved in `fields`.
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  // Level 2 only: the approved fields (default all four); ignored below level 2.
  fields: z.array(z.enum(PROTECTED_CONTENTS)).optional(),
});

/** Which protected customer data the app may read: the level and, at level 2, the approved fields. */
export interface ProtectedAccess {
  level: 0 | 1 | 2;
  fields: ReadonlySet<(typeof PROTECTED_CONTENTS)[number]>;
}

/** The store file's `protectedCustomerData` as the resolvers check it; absent = fully approved. */
export function protectedAccessOf(input: z.infer<typeof protectedCustomerData> | undefined): ProtectedAccess {
  const level = input?.level ?? 2;
  const fields = level === 2 ? (input?.fields ?? PROTECTED_CONTENTS) : [];
  return { level, fields: new Set(fields) };
}

export const storeFileSchema = z
  .looseObject({
    shop,
    customers: z.array(customer),
    shippingZones: z.array(shippingZone),
    locations: z.array(location).optional(),
    orders: z.array(order),
    // Not Shopify data: how the simulator answers (a round-trip latency for benchmarks).
    simulator: z.object({ latencyMs: z.number().int().min(0).max(60_000).optional() }).optional(),
    // Not Shopify data: the protected customer data Shopify approved the app for (default: level 2, every field).
    protectedCustomerData: protectedCustomerData.optional(),
  })
  .superRefine((s, ctx) => {
    const ids = new Map<string, string>();
    const unique = (id: string, path: (string | number)[]) => {
      const first = ids.get(id);
      if (first) ctx.addIssue({ code: "custom", path, message: `duplicate id ${id} (first used at ${first})` });
      else ids.set(id, formatPath(path));
    };
    s.customers.forEach((c, i) => unique(c.id, ["customers", i, "id"]));
    // Shopify puts a country (or a province) in one zone per shipping profile; two would make the quote ambiguous.
    const zoneOf = new Map<string, number>(); // "FR" (a whole country) or "US-CA" (one province) → zone
    s.shippingZones.forEach((zone, z) =>
      zone.countries.forEach((c, i) => {
        const code = typeof c === "string" ? c : c.code;
        const keys = typeof c === "string" ? [code] : c.provinces.map((p) => `${code}-${p}`);
        // A whole country clashes with its provinces elsewhere, and a province with its whole country.
        const clash = [...zoneOf.entries()].find(
          ([k]) => keys.includes(k) || k === code || (typeof c === "string" && k.startsWith(`${code}-`)),
        );
        if (clash)
          ctx.addIssue({
            code: "custom",
            path: ["shippingZones", z, "countries", i],
            message: `${clash[0]} is already in shippingZones[${clash[1]}]`,
          });
        else keys.forEach((k) => zoneOf.set(k, z));
      }),
    );
    const locations = new Map((s.locations ?? []).map((l) => [l.id, l]));
    s.locations?.forEach((l, i) => unique(l.id, ["locations", i, "id"]));
    s.orders.forEach((o, i) => {
      const at = (...rest: (string | number)[]) => ["orders", i, ...rest];
      unique(o.id, at("id"));
      if (o.customer && !s.customers.some((c) => c.id === o.customer!.id))
        ctx.addIssue({
          code: "custom",
          path: at("customer", "id"),
          message: `no customer ${o.customer.id} in customers`,
        });
      const orderCurrency = o.currencyCode ?? s.shop.currencyCode;
      const discounts = o.discountApplications?.nodes.length ?? 0;
      const checkAllocations = (
        allocs: { discountApplication: { index: number } }[] | undefined,
        path: (string | number)[],
      ) =>
        allocs?.forEach((a, k) => {
          if (a.discountApplication.index >= discounts)
            ctx.addIssue({
              code: "custom",
              path: [...path, k, "discountApplication", "index"],
              message: `the order has ${discounts} discount application(s)`,
            });
        });
      o.lineItems.nodes.forEach((li, j) => {
        unique(li.id, at("lineItems", "nodes", j, "id"));
        if (li.originalUnitPriceSet.shopMoney.currencyCode !== orderCurrency)
          ctx.addIssue({
            code: "custom",
            path: at("lineItems", "nodes", j, "originalUnitPriceSet", "shopMoney", "currencyCode"),
            message: `expected the order's currency ${orderCurrency}`,
          });
        if (li.currentQuantity !== undefined && li.currentQuantity > li.quantity)
          ctx.addIssue({
            code: "custom",
            path: at("lineItems", "nodes", j, "currentQuantity"),
            message: "currentQuantity cannot exceed quantity",
          });
        checkAllocations(li.discountAllocations, at("lineItems", "nodes", j, "discountAllocations"));
      });
      o.shippingLines?.nodes.forEach((sl, j) =>
        checkAllocations(sl.discountAllocations, at("shippingLines", "nodes", j, "discountAllocations")),
      );
      const lineIds = new Set(o.lineItems.nodes.map((li) => li.id));
      const severalFulfillmentOrders = (o.fulfillmentOrders?.nodes.length ?? 0) > 1;
      o.fulfillmentOrders?.nodes.forEach((fo, j) => {
        const foAt = (...rest: (string | number)[]) => at("fulfillmentOrders", "nodes", j, ...rest);
        unique(fo.id, foAt("id"));
        if (severalFulfillmentOrders && !fo.lineItems)
          ctx.addIssue({
            code: "custom",
            path: foAt("lineItems"),
            message: "with several fulfillment orders, each names its lineItems (which lines it fulfills)",
          });
        const assigned = fo.assignedLocation?.location.id;
        if (assigned && !locations.has(assigned))
          ctx.addIssue({
            code: "custom",
            path: foAt("assignedLocation", "location", "id"),
            message: `no location ${assigned} in locations`,
          });
        // Shopify: UNSUBMITTED is the only request status of a fulfillment order not at a fulfillment service.
        const atService = Boolean(assigned && locations.get(assigned)?.fulfillmentService);
        if (!atService && fo.requestStatus && fo.requestStatus !== "UNSUBMITTED")
          ctx.addIssue({
            code: "custom",
            path: foAt("requestStatus"),
            message: `${fo.requestStatus} needs an assignedLocation whose location has a fulfillmentService`,
          });
        fo.fulfillmentHolds?.forEach((h, k) => {
          if (h.heldByRequestingApp && h.heldByApp)
            ctx.addIssue({
              code: "custom",
              path: foAt("fulfillmentHolds", k, "heldByApp"),
              message: "a hold is either this app's (heldByRequestingApp) or another app's (heldByApp), not both",
            });
        });
        fo.fulfillmentHolds?.forEach((h, k) =>
          unique(h.id, at("fulfillmentOrders", "nodes", j, "fulfillmentHolds", k, "id")),
        );
        if (fo.status === "ON_HOLD" && !fo.fulfillmentHolds?.length)
          ctx.addIssue({
            code: "custom",
            path: at("fulfillmentOrders", "nodes", j, "fulfillmentHolds"),
            message: "an ON_HOLD fulfillment order needs at least one hold",
          });
        fo.lineItems?.nodes.forEach((foli, k) => {
          if (!lineIds.has(foli.lineItem.id))
            ctx.addIssue({
              code: "custom",
              path: at("fulfillmentOrders", "nodes", j, "lineItems", "nodes", k, "lineItem", "id"),
              message: `no line item ${foli.lineItem.id} on this order`,
            });
        });
      });
    });
  });

export type StoreFile = z.infer<typeof storeFileSchema>;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

export class StoreFileError extends Error {
  constructor(
    readonly source: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `Store file ${source} is invalid:\n${issues.map((i) => `  - ${i.path || "(root)"}: ${i.message}`).join("\n")}`,
    );
    this.name = "StoreFileError";
  }
}

export function parseStoreFile(input: unknown, source = "(inline store)"): StoreFile {
  const result = storeFileSchema.safeParse(input);
  if (!result.success) {
    throw new StoreFileError(
      source,
      result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return result.data;
}

export function readStoreFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read store file ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`Store file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export interface MutationLogEntry {
  at: string;
  mutation: string;
  args: Rec;
  /** What changed, in words a test failure or the demo can show. */
  effect: string;
}

export interface FlowTrigger {
  at: string;
  handle: string | null;
  payload: unknown;
}

export function legacyId(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}
export function gidType(id: string): string | null {
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/[^/]+$/.exec(id);
  return m ? m[1] : null;
}

const OPEN_FO = new Set(["OPEN", "SCHEDULED", "ON_HOLD"]);
export function isOpenFulfillmentOrder(fo: Rec): boolean {
  return OPEN_FO.has(fo.status);
}

const HOLD_REASON_LABELS: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  AWAITING_RETURN_ITEMS: "Awaiting return items",
  HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Online store post purchase cross sell",
  OTHER: "Other",
  UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
};
export function holdDisplayReason(reason: string): string {
  return HOLD_REASON_LABELS[reason] ?? reason;
}

export interface StoreOptions {
  /** Named in validation errors. */
  source?: string;
  now?: () => Date;
}

/** The shop: materialized store data plus the indexes, logs and pending work the Admin API needs. */
export class Store {
  source: string;
  readonly now: () => Date;
  shop!: Rec;
  customers!: Rec[];
  shippingZones!: Rec[];
  locations!: Rec[];
  orders!: Rec[];
  /** The store file's `simulator` settings (latencyMs). */
  settings!: Rec;
  /** The protected customer data the app is approved for (assign to change it until the next reset). */
  protectedAccess!: ProtectedAccess;
  log: MutationLogEntry[] = [];
  flowTriggers: FlowTrigger[] = [];
  /** Asynchronous work Shopify answers with a Job (orderCancel), by Job id. */
  jobs = new Map<string, Rec>();
  /** Open order-edit sessions, by CalculatedOrder id. */
  editSessions = new Map<string, Rec>();
  private original: StoreFile;
  private byId = new Map<string, Rec>();
  private owner = new WeakMap<object, Rec>();
  private sequence = 0;

  constructor(input: unknown, options: StoreOptions = {}) {
    this.source = options.source ?? "(inline store)";
    this.now = options.now ?? (() => new Date());
    this.original = parseStoreFile(input, this.source);
    this.reset();
  }

  static fromFile(file: string, options: Omit<StoreOptions, "source"> = {}): Store {
    return new Store(readStoreFile(file), { ...options, source: file });
  }

  /** Swap in another store file's content (validated) and reset to it; the Store object stays the same. */
  replace(input: unknown, source = "(inline store)"): void {
    this.original = parseStoreFile(input, source);
    this.source = source;
    this.reset();
  }

  /** Back to the store file's state (the demo's and tests' "reset"). */
  reset(): void {
    const copy = structuredClone(this.original) as Rec;
    this.shop = materializeShop(copy.shop, copy.shippingZones);
    this.customers = copy.customers.map((c: Rec) => ({ ...c }));
    this.shippingZones = copy.shippingZones;
    this.locations = materializeLocations(copy.locations ?? [], this.shop);
    this.settings = copy.simulator ?? {};
    this.protectedAccess = protectedAccessOf(copy.protectedCustomerData);
    const locations = new Map(this.locations.map((l) => [l.id, l]));
    this.orders = copy.orders.map((o: Rec) => materializeOrder(relativeDates(o, this.now()), this.shop, locations));
    this.log = [];
    this.flowTriggers = [];
    this.jobs = new Map();
    this.editSessions = new Map();
    this.sequence = 0;
    this.reindex();
  }

  /** Ids the simulator creates: large numbers so they never meet the store file's. */
  newId(type: string): string {
    this.sequence += 1;
    return `gid://shopify/${type}/${9_000_000_000 + this.sequence}`;
  }

  /**
   * New orders placed in the shop (store-file shape, validated against this store's customers and locations);
   * ids already in the store are refused. Gone after reset() (back to the store file).
   */
  addOrders(input: unknown[]): Rec[] {
    const { orders } = parseStoreFile({ ...this.original, orders: input }, "(POST /_sim/orders)");
    for (const o of orders as Rec[]) {
      const ids = [o.id, ...o.lineItems.nodes.map((li: Rec) => li.id)];
      const taken = ids.find((id) => this.byId.has(id));
      if (taken) throw new Error(`(POST /_sim/orders): ${taken} is already in the store`);
    }
    const locations = new Map(this.locations.map((l) => [l.id, l]));
    const added = (structuredClone(orders) as Rec[]).map((o) =>
      materializeOrder(relativeDates(o, this.now()), this.shop, locations),
    );
    for (const o of added) {
      this.orders.push(o);
      this.indexOrder(o);
    }
    return added;
  }

  /** Rebuild the id index and the object → order map; call after a mutation adds objects. */
  reindex(): void {
    this.byId.clear();
    this.owner = new WeakMap();
    for (const c of this.customers) this.byId.set(c.id, c);
    for (const l of this.locations) this.byId.set(l.id, l);
    for (const o of this.orders) this.indexOrder(o);
  }

  private indexOrder(o: Rec): void {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value && typeof value === "object") {
        const obj = value as Rec;
        this.owner.set(obj, o);
        // `{id}` references (order.customer, fulfillment order line item → lineItem) are not the objects.
        if (typeof obj.id === "string" && Object.keys(obj).length > 1 && !this.byId.has(obj.id)) {
          this.byId.set(obj.id, obj);
        }
        for (const v of Object.values(obj)) visit(v);
      }
    };
    visit(o);
    this.byId.set(o.id, o);
    for (const li of o.lineItems.nodes) this.byId.set(li.id, li);
  }

  get(id: string): Rec | undefined {
    return this.byId.get(id);
  }
  order(id: string): Rec | undefined {
    const o = this.byId.get(id);
    return o && gidType(id) === "Order" ? o : undefined;
  }
  customer(id: string): Rec | undefined {
    return this.customers.find((c) => c.id === id);
  }
  fulfillmentOrder(id: string): Rec | undefined {
    return gidType(id) === "FulfillmentOrder" ? this.byId.get(id) : undefined;
  }
  /** The order an object belongs to (fulfillment order, line item, shipping line, allocation, …). */
  orderOf(obj: object): Rec | undefined {
    return this.owner.get(obj);
  }

  record(mutation: string, args: Rec, effect: string): void {
    this.log.push({ at: this.now().toISOString(), mutation, args: structuredClone(args), effect });
  }

  /** The zone that ships to a country (and province), or undefined (the store does not ship there). */
  zoneFor(countryCode: string, provinceCode?: string | null): Rec | undefined {
    return this.shippingZones.find((z) =>
      z.countries.some((c: string | Rec) =>
        typeof c === "string"
          ? c === countryCode
          : c.code === countryCode && Boolean(provinceCode) && c.provinces.includes(provinceCode),
      ),
    );
  }

  location(id: string): Rec | undefined {
    return this.locations.find((l) => l.id === id);
  }

  /** The shop's plan, which sets the API throttle bucket. */
  get plan(): Plan {
    return this.shop._plan;
  }

  snapshot(): Rec {
    return structuredClone({
      shop: this.shop,
      customers: this.customers,
      shippingZones: this.shippingZones,
      locations: this.locations,
      orders: this.orders,
      mutationLog: this.log,
      flowTriggers: this.flowTriggers,
    });
  }
}

function materializeShop(shop: Rec, zones: Rec[]): Rec {
  return {
    id: "gid://shopify/Shop/1",
    url: `https://${shop.myshopifyDomain}`,
    contactEmail: shop.email,
    ianaTimezone: "Europe/Paris",
    taxesIncluded: true,
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    enabledPresentmentCurrencies: [shop.currencyCode],
    shipsToCountries: [
      ...new Set(zones.flatMap((z) => z.countries.map((c: string | Rec) => (typeof c === "string" ? c : c.code)))),
    ],
    ...shop,
    _plan: shop.plan ?? "STANDARD",
    plan: PLAN_DISPLAY[(shop.plan ?? "STANDARD") as Plan],
  };
}

// Shop.plan (ShopPlan) as the Admin API shows each plan.
const PLAN_DISPLAY: Record<Plan, Rec> = {
  STANDARD: { publicDisplayName: "Shopify", displayName: "Shopify", shopifyPlus: false, partnerDevelopment: false },
  ADVANCED: { publicDisplayName: "Advanced", displayName: "Advanced", shopifyPlus: false, partnerDevelopment: false },
  PLUS: { publicDisplayName: "Plus", displayName: "Shopify Plus", shopifyPlus: true, partnerDevelopment: false },
  ENTERPRISE: { publicDisplayName: "Plus", displayName: "Shopify Plus", shopifyPlus: true, partnerDevelopment: false },
};

/** The shop's locations: the store file's, else one primary location at the shop's address. */
function materializeLocations(given: Rec[], shop: Rec): Rec[] {
  const list: Rec[] = given.length
    ? given
    : [
        {
          id: "gid://shopify/Location/1",
          name: shop.locationName ?? shop.name,
          address: {
            address1: shop.shopAddress?.address1 ?? null,
            city: shop.shopAddress?.city ?? null,
            zip: shop.shopAddress?.zip ?? null,
            countryCode: shop.shopAddress?.countryCodeV2 ?? "FR",
          },
        },
      ];
  const primary = list.find((l) => !l.fulfillmentService) ?? list[0];
  return list.map((l) => {
    const address = {
      address1: null,
      address2: null,
      city: null,
      zip: null,
      provinceCode: null,
      province: l.address?.provinceCode ?? null,
      phone: null,
      countryCode: "FR",
      ...l.address,
    };
    address.country = countryName(address.countryCode);
    address.formatted = [
      address.address1,
      address.address2,
      [address.zip, address.city].filter(Boolean).join(" "),
      address.country,
    ].filter(Boolean);
    return {
      isActive: true,
      isPrimary: l === primary,
      shipsInventory: true,
      fulfillsOnlineOrders: true,
      hasActiveInventory: true,
      hasUnfulfilledOrders: false,
      activatable: false,
      deactivatable: l !== primary,
      deletable: false,
      addressVerified: true,
      suggestedAddresses: [],
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
      legacyResourceId: legacyId(l.id),
      ...l,
      address,
      isFulfillmentService: Boolean(l.fulfillmentService),
      fulfillmentService: l.fulfillmentService
        ? {
            id: `gid://shopify/FulfillmentService/${legacyId(l.id)}`,
            type: "THIRD_PARTY",
            callbackUrl: null,
            inventoryManagement: true,
            requiresShippingMethod: true,
            trackingSupport: true,
            fulfillmentOrdersOptIn: true,
            permitsSkuSharing: true,
            ...l.fulfillmentService,
            _locationId: l.id,
          }
        : null,
    };
  });
}

export function normalizeBag(value: MoneyBag | undefined | null): Rec | null {
  if (!value) return null;
  const shopMoney = { ...value.shopMoney, amount: normalizeAmount(value.shopMoney.amount) };
  const presentment = value.presentmentMoney ?? value.shopMoney;
  return { ...value, shopMoney, presentmentMoney: { ...presentment, amount: normalizeAmount(presentment.amount) } };
}

function normalizeAllocations(allocs: Rec[] | undefined): Rec[] {
  return (allocs ?? []).map((a) => ({ ...a, allocatedAmountSet: normalizeBag(a.allocatedAmountSet) }));
}

export function normalizeAddress(a: Rec | null | undefined, id: string): Rec | null {
  if (!a) return null;
  const countryCodeV2 = a.countryCodeV2 ?? a.countryCode ?? null;
  const out: Rec = {
    firstName: null,
    lastName: null,
    company: null,
    address1: null,
    address2: null,
    city: null,
    province: null,
    provinceCode: null,
    zip: null,
    phone: null,
    ...a,
    id: a.id ?? id,
    countryCodeV2,
    country: a.country ?? countryName(countryCodeV2),
  };
  delete out.countryCode;
  if (!out.province && out.provinceCode) out.province = out.provinceCode;
  return out;
}

let displayNames: Intl.DisplayNames | undefined;
export function countryName(code: string | null): string | null {
  if (!code) return null;
  displayNames ??= new Intl.DisplayNames(["en"], { type: "region" });
  return displayNames.of(code) ?? code;
}

/** The destination Shopify copies onto a fulfillment order from the order's shipping address. */
export function destinationFrom(address: Rec | null, id: string, email: string | null): Rec | null {
  if (!address) return null;
  return {
    id,
    firstName: address.firstName ?? null,
    lastName: address.lastName ?? null,
    company: address.company ?? null,
    address1: address.address1 ?? null,
    address2: address.address2 ?? null,
    city: address.city ?? null,
    province: address.province ?? address.provinceCode ?? null,
    zip: address.zip ?? null,
    countryCode: address.countryCodeV2 ?? null,
    phone: address.phone ?? null,
    email,
  };
}

const FO_STATUS_FROM_DISPLAY: Record<string, string> = {
  UNFULFILLED: "OPEN",
  OPEN: "OPEN",
  PENDING_FULFILLMENT: "OPEN",
  SCHEDULED: "SCHEDULED",
  ON_HOLD: "ON_HOLD",
  IN_PROGRESS: "IN_PROGRESS",
  PARTIALLY_FULFILLED: "IN_PROGRESS",
  FULFILLED: "CLOSED",
  RESTOCKED: "CLOSED",
  FULFILLMENT_NOT_REQUIRED: "CLOSED",
  REQUEST_DECLINED: "OPEN",
};

function materializeOrder(o: Rec, shop: Rec, locations: Map<string, Rec>): Rec {
  const n = legacyId(o.id);
  const currencyCode = o.currencyCode ?? shop.currencyCode;
  const customerRecord = o.customer ?? null;
  const lines: Rec[] = o.lineItems.nodes.map((li: Rec) => ({
    sku: null,
    variant: null,
    requiresShipping: true,
    currentQuantity: li.quantity,
    name: li.title,
    variantTitle: null,
    vendor: null,
    taxable: true,
    isGiftCard: false,
    ...li,
    originalUnitPriceSet: normalizeBag(li.originalUnitPriceSet),
    discountAllocations: normalizeAllocations(li.discountAllocations),
  }));
  const cancelled = Boolean(o.cancelledAt);
  const givenFos: Rec[] | undefined = o.fulfillmentOrders?.nodes;
  const remainingOf = (lineId: string): number | undefined =>
    givenFos?.every((fo) => fo.lineItems)
      ? givenFos.reduce(
          (sum, fo) =>
            sum +
            fo.lineItems.nodes
              .filter((foli: Rec) => foli.lineItem.id === lineId)
              .reduce((s: number, foli: Rec) => s + foli.remainingQuantity, 0),
          0,
        )
      : undefined;
  for (const li of lines) {
    // What is still to ship; order edits may not go below what was already fulfilled.
    li.unfulfilledQuantity ??=
      o.displayFulfillmentStatus === "FULFILLED" || cancelled ? 0 : (remainingOf(li.id) ?? li.currentQuantity);
  }
  const shippingLines: Rec[] = (o.shippingLines?.nodes ?? []).map((sl: Rec, i: number) => {
    const discountAllocations = normalizeAllocations(sl.discountAllocations);
    const original = normalizeBag(sl.originalPriceSet)!;
    const discounted =
      normalizeBag(sl.discountedPriceSet) ??
      bag(bagUnits(original as MoneyBag) - sumAllocations(discountAllocations), currencyCode);
    return {
      id: `gid://shopify/ShippingLine/${n}${i + 1}`,
      code: null,
      source: "shopify",
      carrierIdentifier: null,
      custom: false,
      isRemoved: false,
      ...sl,
      originalPriceSet: original,
      discountedPriceSet: discounted,
      discountAllocations,
    };
  });
  const discountApplications = (o.discountApplications?.nodes ?? []).map((d: Rec, index: number) => ({
    allocationMethod: "ACROSS",
    targetSelection: "ALL",
    ...d,
    index,
    value: "amount" in d.value ? { ...d.value, amount: normalizeAmount(d.value.amount) } : d.value,
  }));
  const shippingAddress = normalizeAddress(o.shippingAddress, `gid://shopify/MailingAddress/${n}1`);
  const email = o.email ?? null;
  const fulfillmentOrders: Rec[] = (
    o.fulfillmentOrders?.nodes ?? [
      {
        id: `gid://shopify/FulfillmentOrder/${n}`,
        status: cancelled ? "CLOSED" : (FO_STATUS_FROM_DISPLAY[o.displayFulfillmentStatus] ?? "OPEN"),
      },
    ]
  ).map((fo: Rec, i: number) => ({
    requestStatus: "UNSUBMITTED",
    createdAt: o.createdAt,
    updatedAt: o.createdAt,
    fulfillAt: null,
    fulfillBy: null,
    ...fo,
    assignedLocation: assignedLocation(
      fo.assignedLocation?.location.id
        ? locations.get(fo.assignedLocation.location.id)!
        : [...locations.values()].find((l) => l.isPrimary)!,
    ),
    deliveryMethod: {
      id: `gid://shopify/DeliveryMethod/${legacyId(fo.id)}`,
      // Shopify: an order with nothing to ship has no shipping address; one shipped has SHIPPING.
      methodType: shippingAddress ? "SHIPPING" : "NONE",
      presentedName: shippingLines[0]?.title ?? null,
      serviceCode: shippingLines[0]?.code ?? null,
      ...fo.deliveryMethod,
    },
    merchantRequests: {
      nodes: (fo.merchantRequests?.nodes ?? defaultMerchantRequests(fo.requestStatus)).map((r: Rec, k: number) => ({
        id: `gid://shopify/FulfillmentOrderMerchantRequest/${legacyId(fo.id)}${k + 1}`,
        message: null,
        sentAt: o.createdAt,
        requestOptions: r.kind === "FULFILLMENT_REQUEST" ? { notify_customer: true } : {},
        responseData: null,
        ...r,
        _fulfillmentOrderId: fo.id,
      })),
    },
    destination:
      fo.destination === undefined
        ? destinationFrom(shippingAddress, `gid://shopify/FulfillmentOrderDestination/${legacyId(fo.id)}`, email)
        : fo.destination,
    fulfillmentHolds: (fo.fulfillmentHolds ?? []).map((h: Rec) => ({
      handle: null,
      reasonNotes: null,
      heldByRequestingApp: false,
      displayReason: holdDisplayReason(h.reason),
      ...h,
    })),
    lineItems: {
      nodes: (
        fo.lineItems?.nodes ??
        lines.map((li, j) => ({
          id: `gid://shopify/FulfillmentOrderLineItem/${legacyId(li.id)}${i}${j}`,
          lineItem: { id: li.id },
          totalQuantity: li.currentQuantity,
          remainingQuantity: li.unfulfilledQuantity,
        }))
      ).map((foli: Rec) => {
        const li = lines.find((l) => l.id === foli.lineItem.id)!;
        return {
          requiresShipping: li.requiresShipping,
          sku: li.sku,
          productTitle: li.title,
          variantTitle: li.variantTitle,
          vendor: li.vendor,
          weight: li.weight ?? null,
          warnings: [],
          financialSummaries: [],
          ...foli,
        };
      }),
    },
  }));
  const fulfilledQty = lines.reduce((s, li) => s + li.currentQuantity, 0);
  const fulfillments: Rec[] =
    o.fulfillments ??
    (o.displayFulfillmentStatus === "FULFILLED"
      ? [
          {
            id: `gid://shopify/Fulfillment/${n}`,
            name: `${o.name}.1`,
            status: "SUCCESS",
            displayStatus: "FULFILLED",
            createdAt: o.createdAt,
            totalQuantity: fulfilledQty,
          },
        ]
      : []);
  const out: Rec = {
    legacyResourceId: n,
    currencyCode,
    presentmentCurrencyCode: currencyCode,
    customer: customerRecord,
    email,
    phone: o.phone ?? null,
    note: null,
    tags: [],
    closed: false,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    edited: false,
    test: false,
    confirmed: true,
    processedAt: o.createdAt,
    updatedAt: o.createdAt,
    ...o,
    shippingAddress,
    billingAddress: normalizeAddress(o.billingAddress ?? o.shippingAddress, `gid://shopify/MailingAddress/${n}2`),
    lineItems: { nodes: lines },
    shippingLines: { nodes: shippingLines },
    discountApplications: { nodes: discountApplications },
    fulfillmentOrders: { nodes: fulfillmentOrders },
    fulfillments: fulfillments.map((f, i) => {
      const fulfillmentLineItems =
        f.fulfillmentLineItems?.nodes ?? defaultShipmentLines(f, i, lines, fulfillments.length);
      return {
        requiresShipping: true,
        trackingInfo: [],
        deliveredAt: null,
        inTransitAt: null,
        displayStatus: f.status === "SUCCESS" ? (f.deliveredAt ? "DELIVERED" : "FULFILLED") : "CANCELED",
        estimatedDeliveryAt: null,
        updatedAt: f.createdAt ?? o.createdAt,
        ...f,
        totalQuantity: fulfillmentLineItems.reduce((s: number, l: Rec) => s + l.quantity, 0),
        fulfillmentLineItems: { nodes: fulfillmentLineItems },
      };
    }),
    // Order.returns: what returnRequest adds (none at load)
    returns: [],
    totalRefundedSet: normalizeBag(o.totalRefundedSet) ?? bag(0, currencyCode),
    purchasingEntity: o.purchasingEntity ? purchasingCompany(o.purchasingEntity, o.createdAt) : null,
  };
  recomputeTotals(out, true);
  if (o.totalPriceSet) out.totalPriceSet = normalizeBag(o.totalPriceSet);
  return out;
}

/** The store file's `…DaysAgo` keys as dates (now − n days), the keys themselves dropped: Shopify has no such field. */
function relativeDates(o: Rec, now: Date): Rec {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const { createdDaysAgo, ...order } = o;
  if (createdDaysAgo !== undefined) order.createdAt = ago(createdDaysAgo);
  if (order.fulfillments)
    order.fulfillments = order.fulfillments.map((f: Rec) => {
      const { createdDaysAgo: shipped, deliveredDaysAgo: delivered, ...rest } = f;
      if (shipped !== undefined) rest.createdAt = ago(shipped);
      if (delivered !== undefined) rest.deliveredAt = ago(delivered);
      return rest;
    });
  return order;
}

/**
 * The lines of a shipment the store file does not detail: with one shipment, every unit shipped so far
 * (ordered minus still to ship); with several, the store file must say which lines each carries.
 */
function defaultShipmentLines(f: Rec, index: number, lines: Rec[], count: number): Rec[] {
  if (count > 1 || f.status !== "SUCCESS") return [];
  return lines
    .map((li, j) => ({
      id: `gid://shopify/FulfillmentLineItem/${legacyId(f.id)}${index}${j + 1}`,
      lineItem: { id: li.id },
      quantity: li.quantity - li.unfulfilledQuantity,
    }))
    .filter((l) => l.quantity > 0);
}

/** FulfillmentOrderAssignedLocation: the location's name and address at assignment, and the location. */
export function assignedLocation(location: Rec): Rec {
  const a = location.address;
  return {
    name: location.name,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    zip: a.zip,
    province: a.province,
    phone: a.phone,
    countryCode: a.countryCode,
    location: { id: location.id },
  };
}

/** The merchant requests a request status implies when the store file lists none. */
function defaultMerchantRequests(requestStatus: string | undefined): Rec[] {
  switch (requestStatus) {
    case "SUBMITTED":
    case "ACCEPTED":
    case "REJECTED":
    case "CLOSED":
      return [{ kind: "FULFILLMENT_REQUEST" }];
    case "CANCELLATION_REQUESTED":
    case "CANCELLATION_ACCEPTED":
    case "CANCELLATION_REJECTED":
      return [{ kind: "FULFILLMENT_REQUEST" }, { kind: "CANCELLATION_REQUEST" }];
    default:
      return [];
  }
}

/** PurchasingCompany as the Admin API shows it (company, company location with its ship-to address, contact). */
function purchasingCompany(p: Rec, at: string): Rec {
  const company = { createdAt: at, updatedAt: at, customerSince: at, contactCount: 1, ...p.company };
  const ship = p.location.shippingAddress;
  return {
    __typename: "PurchasingCompany",
    company,
    location: {
      createdAt: at,
      updatedAt: at,
      ...p.location,
      company,
      shippingAddress: ship
        ? {
            id: `gid://shopify/CompanyAddress/${legacyId(p.location.id)}`,
            companyName: company.name,
            address2: null,
            city: null,
            zip: null,
            province: null,
            zoneCode: ship.provinceCode ?? null,
            firstName: null,
            lastName: null,
            phone: null,
            recipient: null,
            createdAt: at,
            updatedAt: at,
            ...ship,
            country: countryName(ship.countryCode),
          }
        : null,
    },
    contact: p.contact ? { createdAt: at, updatedAt: at, isMainContact: true, ...p.contact, company } : null,
  };
}

export function sumAllocations(allocs: Rec[]): number {
  return allocs.reduce((s, a) => s + bagUnits(a.allocatedAmountSet), 0);
}

/**
 * Order totals as Shopify derives them (taxes included in prices, as in the EU): subtotal = lines after
 * line discounts, total = subtotal + shipping after shipping discounts. `current*` reflect order edits.
 * `original` also (re)writes the totals at order creation.
 */
export function recomputeTotals(o: Rec, original: boolean): void {
  const cur = o.currencyCode;
  let subtotal = 0;
  let currentSubtotal = 0;
  let lineDiscounts = 0;
  let currentLineDiscounts = 0;
  let qty = 0;
  let currentQty = 0;
  for (const li of o.lineItems.nodes) {
    const unit = bagUnits(li.originalUnitPriceSet);
    const discount = sumAllocations(li.discountAllocations);
    const currentDiscount = li.quantity ? Math.round((discount * li.currentQuantity) / li.quantity) : 0;
    subtotal += unit * li.quantity - discount;
    currentSubtotal += unit * li.currentQuantity - currentDiscount;
    lineDiscounts += discount;
    currentLineDiscounts += currentDiscount;
    qty += li.quantity;
    currentQty += li.currentQuantity;
  }
  let shipping = 0;
  let shippingDiscounts = 0;
  for (const sl of o.shippingLines.nodes) {
    shipping += bagUnits(sl.discountedPriceSet);
    shippingDiscounts += sumAllocations(sl.discountAllocations);
  }
  if (original) {
    o.subtotalLineItemsQuantity = qty;
    o.subtotalPriceSet = bag(subtotal, cur);
    o.totalShippingPriceSet = bag(shipping, cur);
    o.totalDiscountsSet = bag(lineDiscounts + shippingDiscounts, cur);
    o.totalPriceSet = bag(subtotal + shipping, cur);
    o.originalTotalPriceSet = bag(subtotal + shipping, cur);
    o.totalTaxSet = bag(0, cur);
  }
  o.currentSubtotalLineItemsQuantity = currentQty;
  o.currentSubtotalPriceSet = bag(currentSubtotal, cur);
  o.currentShippingPriceSet = bag(shipping, cur);
  o.currentTotalDiscountsSet = bag(currentLineDiscounts + shippingDiscounts, cur);
  o.currentTotalPriceSet = bag(currentSubtotal + shipping, cur);
  o.currentTotalTaxSet = bag(0, cur);
}
