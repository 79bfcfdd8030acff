/**
 * Resolution over plain store data: graphql-js `execute` calls `fieldResolver` for every field and
 * `typeResolver` for every interface/union. Object fields read the store's Admin-shaped JSON; the few
 * values Shopify computes at read time are in `ALWAYS` / `DERIVED`; the root fields of QueryRoot are in
 * `QUERY` and the mutations in ./mutations. A non-null field the simulator does not model is an error
 * naming the field, never a silent made-up value.
 */
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import { bag, bagUnits } from "./money";
import type { ProtectedContent } from "./schema";
import { countryName, gidType, holdDisplayReason, legacyId, type Rec, type Store } from "./store";
import { MUTATIONS } from "./mutations";

export interface SimApp {
  id: string;
  title: string;
  handle: string;
  apiKey: string;
}

export interface SimContext {
  store: Store;
  schema: GraphQLSchema;
  /** The app the access token belongs to: holds it creates are `heldByRequestingApp`. */
  app: SimApp;
  /** A job is done once it has been polled this many times (0: done on the first `job` query). */
  jobPollsBeforeDone: number;
  /** …or once this much time has passed, polled or not. */
  jobMaxMs: number;
  /** Consumes a STALE_FO_DESTINATION fault (orderUpdate keeps fulfillment order destinations). */
  takeStaleDestinationFault: () => boolean;
  /** `Type.field` → what it reveals, for the schema's protected fields (checked against store.protectedAccess). */
  protectedFields: ReadonlyMap<string, ProtectedContent>;
}

type Resolver = (source: Rec, args: Rec, ctx: SimContext, info: GraphQLResolveInfo) => unknown;

const MAX_PAGE = 250;

function simError(message: string, code = "BAD_REQUEST"): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Base64 cursors like Shopify's opaque ones; they carry the position in the (filtered) list. */
function cursorFor(index: number, node: Rec): string {
  return Buffer.from(JSON.stringify({ last_id: node?.id ? legacyId(node.id) : index, idx: index })).toString("base64");
}
function indexOfCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (typeof parsed.idx === "number") return parsed.idx;
  } catch {
    // fall through
  }
  throw simError(`Invalid cursor for current pagination sort.`, "BAD_REQUEST");
}

/** Shopify's connection arguments: first or last is required, at most 250, cursors, reverse. */
export function paginate(items: Rec[], args: Rec, fieldName: string): Rec {
  const { first, last, after, before, reverse } = args;
  if (first == null && last == null) throw simError(`you must provide one of first or last`);
  for (const [name, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE))
      throw simError(
        `The ${name} argument of ${fieldName} must be between 0 and ${MAX_PAGE}.`,
        "MAX_PAGE_SIZE_EXCEEDED",
      );
  }
  const ordered = reverse ? [...items].reverse() : items;
  let start = 0;
  let end = ordered.length;
  if (after != null) start = indexOfCursor(after) + 1;
  if (before != null) end = Math.min(end, indexOfCursor(before));
  let from = start;
  let to = end;
  if (first != null) to = Math.min(to, from + first);
  if (last != null) from = Math.max(from, to - last);
  const slice = ordered.slice(from, to).map((node, k) => ({ node, cursor: cursorFor(from + k, node) }));
  return {
    nodes: slice.map((e) => e.node),
    edges: slice,
    pageInfo: {
      hasNextPage: to < end,
      hasPreviousPage: from > start,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice.at(-1)?.cursor ?? null,
    },
  };
}

function isConnectionType(info: GraphQLResolveInfo): boolean {
  const t = getNullableType(info.returnType);
  return isObjectType(t) && t.name.endsWith("Connection") && "nodes" in t.getFields();
}

function fullName(first?: string | null, last?: string | null): string {
  return [first, last].filter(Boolean).join(" ");
}

function customerFor(ref: Rec | null, ctx: SimContext): Rec | null {
  if (!ref) return null;
  return ctx.store.customer(ref.id) ?? ref;
}

/** Values Shopify computes every time (they depend on arguments or on other records). */
const ALWAYS: Record<string, Record<string, Resolver>> = {
  Order: {
    customer: (o, _a, ctx) => customerFor(o.customer, ctx),
    statusPageUrl: (o, _a, ctx) =>
      `${ctx.store.shop.url}/${legacyId(ctx.store.shop.id)}/orders/${legacyId(o.id)}/authenticate?key=sim${legacyId(o.id)}`,
    fulfillmentsCount: (o) => ({ count: o.fulfillments.length, precision: "EXACT" }),
    fulfillments: (o, a) => (a.first != null ? o.fulfillments.slice(0, a.first) : o.fulfillments),
    shippingLine: (o) => o.shippingLines.nodes[0] ?? null,
    customerLocale: (o, _a, ctx) => o.customerLocale ?? customerFor(o.customer, ctx)?.locale ?? null,
    discountCodes: (o) =>
      o.discountApplications.nodes
        .filter((d: Rec) => d.__typename === "DiscountCodeApplication")
        .map((d: Rec) => d.code),
    discountCode: (o) =>
      o.discountApplications.nodes.find((d: Rec) => d.__typename === "DiscountCodeApplication")?.code ?? null,
    requiresShipping: (o) => o.lineItems.nodes.some((li: Rec) => li.requiresShipping && li.currentQuantity > 0),
    displayAddress: (o) => o.shippingAddress ?? o.billingAddress ?? null,
    fullyPaid: (o) => o.displayFinancialStatus === "PAID",
    unpaid: (o) => ["PENDING", "AUTHORIZED", "EXPIRED", "VOIDED"].includes(o.displayFinancialStatus),
    capturable: (o) => o.displayFinancialStatus === "AUTHORIZED" && !o.cancelledAt,
    canNotifyCustomer: (o) => Boolean(o.email),
    merchantEditable: (o) => !o.cancelledAt && !o.closed,
    merchantEditableErrors: (o) =>
      o.cancelledAt ? ["Order is cancelled"] : o.closed ? ["Order is archived"] : ([] as string[]),
    restockable: (o) => !o.cancelledAt,
    refundable: (o) => ["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"].includes(o.displayFinancialStatus),
    number: (o) => Number(String(o.name).replace(/\D/g, "")) || Number(legacyId(o.id)),
    taxesIncluded: (o, _a, ctx) => o.taxesIncluded ?? ctx.store.shop.taxesIncluded,
    // B2B: the PurchasingCompany; D2C: the customer who ordered.
    purchasingEntity: (o, _a, ctx) => o.purchasingEntity ?? customerFor(o.customer, ctx),
  },
  Customer: {
    orders: (c, a, ctx, info) =>
      paginate(
        ctx.store.orders.filter((o) => o.customer?.id === c.id),
        a,
        info.fieldName,
      ),
    numberOfOrders: (c, _a, ctx) => String(ctx.store.orders.filter((o) => o.customer?.id === c.id).length),
  },
  FulfillmentOrder: {
    order: (fo, _a, ctx) => ctx.store.orderOf(fo),
    orderId: (fo, _a, ctx) => ctx.store.orderOf(fo)?.id,
    orderName: (fo, _a, ctx) => ctx.store.orderOf(fo)?.name,
    orderProcessedAt: (fo, _a, ctx) => ctx.store.orderOf(fo)?.processedAt,
    supportedActions: (fo, _a, ctx) =>
      supportedActions(fo, atFulfillmentService(fo, ctx)).map((action) => ({ action, externalUrl: null })),
    merchantRequests: (fo, a, _ctx, info) =>
      paginate(
        fo.merchantRequests.nodes.filter((r: Rec) => !a.kind || r.kind === a.kind),
        a,
        info.fieldName,
      ),
  },
  FulfillmentOrderAssignedLocation: {
    location: (al, _a, ctx) => (al.location ? (ctx.store.location(al.location.id) ?? null) : null),
  },
  FulfillmentOrderMerchantRequest: {
    fulfillmentOrder: (r, _a, ctx) => ctx.store.fulfillmentOrder(r._fulfillmentOrderId),
  },
  FulfillmentService: {
    location: (fs, _a, ctx) => ctx.store.location(fs._locationId) ?? null,
  },
  CompanyContact: {
    // The contact is the customer who placed the B2B order.
    customer: (c, _a, ctx) => customerFor(ctx.store.orderOf(c)?.customer ?? null, ctx),
  },
  CompanyAddress: {
    formattedAddress: (a, args) =>
      [
        args.withName ? fullName(a.firstName, a.lastName) : null,
        args.withCompanyName ? a.companyName : null,
        a.address1,
        a.address2,
        [a.zip, a.city].filter(Boolean).join(" "),
        a.country ?? countryName(a.countryCode),
      ].filter((x): x is string => Boolean(x)),
  },
  FulfillmentOrderLineItem: {
    lineItem: (foli, _a, ctx) => ctx.store.get(foli.lineItem.id),
  },
  FulfillmentLineItem: {
    lineItem: (fli, _a, ctx) => ctx.store.get(fli.lineItem.id),
  },
  ReturnLineItem: {
    fulfillmentLineItem: (rli, _a, ctx) => ctx.store.get(rli.fulfillmentLineItem.id),
  },
  Return: {
    order: (r, _a, ctx) => ctx.store.orderOf(r),
  },
  FulfillmentHold: {
    heldByApp: (h, _a, ctx) => (h.heldByRequestingApp ? ctx.app : (h.heldByApp ?? null)),
    displayReason: (h) => holdDisplayReason(h.reason),
  },
  DiscountAllocation: {
    discountApplication: (alloc, _a, ctx) => {
      const order = ctx.store.orderOf(alloc);
      return order?.discountApplications.nodes[alloc.discountApplication.index] ?? alloc.discountApplication;
    },
  },
  MailingAddress: {
    countryCode: (a) => a.countryCodeV2 ?? null,
    name: (a) => fullName(a.firstName, a.lastName) || null,
    formatted: (a, args) =>
      [
        args.withName ? fullName(a.firstName, a.lastName) : null,
        args.withCompany ? a.company : null,
        a.address1,
        a.address2,
        [a.zip, a.city].filter(Boolean).join(" "),
        a.country ?? countryName(a.countryCodeV2),
      ].filter((x): x is string => Boolean(x)),
    formattedArea: (a) => [a.city, a.province, a.country].filter(Boolean).join(", ") || null,
  },
  Job: {
    query: () => ({}),
  },
};

/** Values computed only when the store does not hold them. */
const DERIVED: Record<string, Record<string, Resolver>> = {
  MoneyBag: { presentmentMoney: (b) => b.shopMoney },
  Order: {
    legacyResourceId: (o) => legacyId(o.id),
  },
  LineItem: {
    originalTotalSet: (li, _a, ctx) => lineBag(li, ctx, bagUnits(li.originalUnitPriceSet) * li.quantity),
    totalDiscountSet: (li, _a, ctx) => lineBag(li, ctx, allocated(li)),
    discountedTotalSet: (li, _a, ctx) =>
      lineBag(li, ctx, bagUnits(li.originalUnitPriceSet) * li.quantity - allocated(li)),
    discountedUnitPriceSet: (li, _a, ctx) =>
      lineBag(li, ctx, bagUnits(li.originalUnitPriceSet) - Math.round(allocated(li) / li.quantity)),
    discountedUnitPriceAfterAllDiscountsSet: (li, _a, ctx) =>
      lineBag(li, ctx, bagUnits(li.originalUnitPriceSet) - Math.round(allocated(li) / li.quantity)),
    unfulfilledOriginalTotalSet: (li, _a, ctx) =>
      lineBag(li, ctx, bagUnits(li.originalUnitPriceSet) * li.unfulfilledQuantity),
    refundableQuantity: (li) => li.currentQuantity,
    nonFulfillableQuantity: () => 0,
    restockable: (li) => li.currentQuantity > 0,
    merchantEditable: () => true,
    customAttributes: () => [],
    duties: () => [],
    taxLines: () => [],
  },
  ShippingLine: {
    currentDiscountedPriceSet: (sl) => sl.discountedPriceSet,
    taxLines: () => [],
  },
  Customer: {
    legacyResourceId: (c) => legacyId(c.id),
    displayName: (c) => fullName(c.firstName, c.lastName) || c.email || "",
    defaultEmailAddress: (c) =>
      c.email
        ? {
            emailAddress: c.email,
            marketingState: "NOT_SUBSCRIBED",
            validFormat: true,
            openTrackingLevel: "UNKNOWN",
            marketingUnsubscribeUrl: "https://example.invalid/unsubscribe",
            openTrackingUrl: "https://example.invalid/open",
          }
        : null,
    defaultPhoneNumber: (c) => (c.phone ? { phoneNumber: c.phone, marketingState: "NOT_SUBSCRIBED" } : null),
    tags: () => [],
    note: () => null,
    verifiedEmail: () => true,
    taxExempt: () => false,
    state: () => "ENABLED",
    canDelete: () => false,
    dataSaleOptOut: () => false,
    createdAt: () => "2026-01-01T00:00:00Z",
    updatedAt: () => "2026-01-01T00:00:00Z",
  },
  Shop: {
    primaryDomain: (s) => ({ id: "gid://shopify/Domain/1", host: s.myshopifyDomain, url: s.url, sslEnabled: true }),
    weightUnit: () => "KILOGRAMS",
    unitSystem: () => "METRIC_SYSTEM",
    timezoneAbbreviation: () => "CET",
    timezoneOffset: () => "+0100",
    timezoneOffsetMinutes: () => 60,
  },
  FulfillmentOrderDestination: {
    location: () => null,
  },
  Product: {
    tags: () => [],
  },
  Fulfillment: {
    legacyResourceId: (f) => legacyId(f.id),
    updatedAt: (f) => f.createdAt,
    totalQuantity: () => 0,
  },
  DiscountCodeApplication: { index: () => 0 },
  App: {
    // Another app named by a hold in the store file: what the Admin API shows of any installed app.
    handle: (a) =>
      String(a.title)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-"),
    apiKey: (a) => `app-${legacyId(a.id)}`,
    embedded: () => true,
    published: () => true,
    shopifyDeveloped: () => false,
    previouslyInstalled: () => false,
  },
  Company: {
    lifetimeDuration: () => "1 year",
    hasTimelineComment: () => false,
    defaultCursor: (c) => Buffer.from(c.id).toString("base64"),
  },
  CompanyLocation: {
    currency: (_l, _a, ctx) => ctx.store.shop.currencyCode,
    hasTimelineComment: () => false,
    defaultCursor: (l) => Buffer.from(l.id).toString("base64"),
    taxExemptions: () => [],
  },
  CompanyContact: {
    lifetimeDuration: () => "1 year",
  },
};

function allocated(li: Rec): number {
  return (li.discountAllocations ?? []).reduce((s: number, a: Rec) => s + bagUnits(a.allocatedAmountSet), 0);
}
function lineBag(li: Rec, ctx: SimContext, units: number): Rec {
  const order = ctx.store.orderOf(li);
  return bag(units, order?.currencyCode ?? ctx.store.shop.currencyCode);
}

function atFulfillmentService(fo: Rec, ctx: SimContext): boolean {
  return Boolean(ctx.store.location(fo.assignedLocation?.location?.id ?? "")?.isFulfillmentService);
}

/** What can be done with a fulfillment order now (at a fulfillment service, the request status decides). */
export function supportedActions(fo: Rec, atService: boolean): string[] {
  if (atService && fo.status !== "CLOSED" && fo.status !== "CANCELLED") {
    switch (fo.requestStatus) {
      case "UNSUBMITTED":
      case "REJECTED":
      case "CANCELLATION_ACCEPTED":
        return fo.status === "ON_HOLD" ? ["RELEASE_HOLD", "HOLD", "MOVE"] : ["REQUEST_FULFILLMENT", "MOVE", "HOLD"];
      case "SUBMITTED":
        return ["CANCEL_FULFILLMENT_ORDER"];
      case "ACCEPTED":
      case "CANCELLATION_REJECTED":
        return ["REQUEST_CANCELLATION"];
      default:
        return [];
    }
  }
  switch (fo.status) {
    case "OPEN":
      return ["CREATE_FULFILLMENT", "REPORT_PROGRESS", "MOVE", "HOLD", "SPLIT"];
    case "SCHEDULED":
      return ["MARK_AS_OPEN", "HOLD"];
    case "ON_HOLD":
      return ["RELEASE_HOLD", "HOLD", "MOVE"];
    case "IN_PROGRESS":
      return ["CREATE_FULFILLMENT", "REPORT_PROGRESS", "MARK_AS_OPEN"];
    default:
      return [];
  }
}

/** Settles jobs whose time has come (called before every request is executed). */
export function settleJobs(ctx: SimContext): void {
  const now = ctx.store.now().getTime();
  for (const job of ctx.store.jobs.values()) {
    if (job.complete && !job.done && now - job.startedAt >= ctx.jobMaxMs) completeJob(job);
  }
}
function completeJob(job: Rec): void {
  job.done = true;
  job.complete();
}

/**
 * `orders(query:)` in the Shopify search syntax, minimal: `name:#1001`, `id:123`, `customer_id:123`,
 * `email:…`, `status:open|closed|cancelled|any`, `financial_status:…`, `fulfillment_status:…`, and free
 * text matched against name and email. Unknown fields are ignored, like Shopify (which only warns).
 */
function matchesQuery(o: Rec, query: string | null | undefined): boolean {
  if (!query) return true;
  const terms = query.match(/(?:[^\s"]+:"[^"]*"|[^\s"]+:\S+|"[^"]*"|\S+)/g) ?? [];
  return terms.every((term) => {
    if (/^(AND|OR)$/i.test(term)) return true;
    const m = /^(-)?([a-z_]+):(.*)$/.exec(term);
    if (!m) {
      const text = term.replace(/"/g, "").toLowerCase();
      return (
        String(o.name).toLowerCase().includes(text) ||
        String(o.email ?? "")
          .toLowerCase()
          .includes(text)
      );
    }
    const [, neg, key, raw] = m;
    const value = raw.replace(/"/g, "").toLowerCase();
    let ok: boolean;
    switch (key) {
      case "name":
        ok = String(o.name).toLowerCase() === value || String(o.name).toLowerCase() === `#${value}`;
        break;
      case "id":
        ok = legacyId(o.id) === value || o.id.toLowerCase() === value;
        break;
      case "customer_id":
        ok = o.customer ? legacyId(o.customer.id) === value : false;
        break;
      case "email":
        ok = String(o.email ?? "").toLowerCase() === value;
        break;
      case "status":
        ok =
          value === "any" ||
          (value === "open" && !o.closed && !o.cancelledAt) ||
          (value === "closed" && o.closed) ||
          (value === "cancelled" && Boolean(o.cancelledAt));
        break;
      case "financial_status":
        ok = String(o.displayFinancialStatus ?? "").toLowerCase() === value;
        break;
      case "fulfillment_status":
        ok =
          String(o.displayFulfillmentStatus).toLowerCase() === value ||
          (value === "unshipped" && o.displayFulfillmentStatus === "UNFULFILLED") ||
          (value === "shipped" && o.displayFulfillmentStatus === "FULFILLED");
        break;
      default:
        ok = true;
    }
    return neg ? !ok : ok;
  });
}

function nodeById(id: string, ctx: SimContext): Rec | null {
  const type = gidType(id);
  if (!type) return null;
  const found =
    ctx.store.get(id) ??
    ctx.store.jobs.get(id) ??
    ctx.store.editSessions.get(id)?.calculatedOrder ??
    (id === ctx.store.shop.id ? ctx.store.shop : undefined);
  if (!found) return null;
  const nodeType = ctx.schema.getType("Node");
  const concrete = ctx.schema.getType(type);
  if (!nodeType || !isAbstractType(nodeType) || !isObjectType(concrete)) return null;
  if (!ctx.schema.isSubType(nodeType, concrete)) return null;
  // The object itself (not a copy): resolvers find its order through the store's object → order map.
  return found;
}

const QUERY: Record<string, (args: Rec, ctx: SimContext, info: GraphQLResolveInfo) => unknown> = {
  order: (a, ctx) => ctx.store.order(a.id) ?? null,
  orders: (a, ctx, info) =>
    paginate(
      ctx.store.orders.filter((o) => matchesQuery(o, a.query)),
      a,
      info.fieldName,
    ),
  node: (a, ctx) => nodeById(a.id, ctx),
  nodes: (a, ctx) => (a.ids as string[]).map((id) => nodeById(id, ctx)),
  customer: (a, ctx) => ctx.store.customer(a.id) ?? null,
  fulfillmentOrder: (a, ctx) => ctx.store.fulfillmentOrder(a.id) ?? null,
  shop: (_a, ctx) => ctx.store.shop,
  job: (a, ctx) => {
    const job = ctx.store.jobs.get(a.id);
    if (!job?.complete) return null;
    if (!job.done) {
      // Shopify's jobs finish in the background: the first polls see done: false.
      if (job.polls >= ctx.jobPollsBeforeDone) completeJob(job);
      job.polls += 1;
    }
    return job;
  },
};

const PROTECTED_DATA_DOCS = "https://shopify.dev/docs/apps/launch/protected-customer-data";
/** What Shopify puts in a non-null protected field the app may not read (as `displayName` does). */
export const REDACTED = "•••";
// Level 0: the app may not read customer data at all, so neither orders nor customers.
const LEVEL_1_OBJECTS = new Set(["Order", "Customer"]);

function accessDenied(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "ACCESS_DENIED", documentation: PROTECTED_DATA_DOCS } });
}

/**
 * Protected customer data the app is not approved for: a nullable field answers null with an ACCESS_DENIED
 * error at its path (the rest of the answer stands); a non-null one answers redacted. Undefined = readable.
 */
function protectedAnswer(ctx: SimContext, info: GraphQLResolveInfo): { value: unknown } | undefined {
  const access = ctx.store.protectedAccess;
  if (access.level === 0) {
    const named = getNamedType(info.returnType).name;
    if (LEVEL_1_OBJECTS.has(named)) throw accessDenied(`This app is not approved to access the ${named} object.`);
  }
  const content = ctx.protectedFields.get(`${info.parentType.name}.${info.fieldName}`);
  if (content === undefined || access.fields.has(content)) return undefined;
  if (isNonNullType(info.returnType)) return { value: REDACTED };
  throw accessDenied(`This app is not approved to use the ${info.fieldName} field.`);
}

export const fieldResolver: GraphQLFieldResolver<Rec, SimContext, Rec> = (source, args, ctx, info) => {
  const parent = info.parentType.name;
  const field = info.fieldName;
  const denied = protectedAnswer(ctx, info);
  if (denied) return denied.value;
  if (info.parentType === ctx.schema.getQueryType()) {
    const resolve = QUERY[field];
    if (!resolve) throw simError(`The Admin API simulator does not implement QueryRoot.${field}.`, "NOT_IMPLEMENTED");
    return resolve(args, ctx, info);
  }
  if (info.parentType === ctx.schema.getMutationType()) {
    const resolve = MUTATIONS[field];
    if (!resolve) throw simError(`The Admin API simulator does not implement Mutation.${field}.`, "NOT_IMPLEMENTED");
    return resolve(args, ctx);
  }
  const always = ALWAYS[parent]?.[field];
  if (always) return always(source, args, ctx, info);
  let value = source?.[field];
  if (value === undefined) {
    const derive = DERIVED[parent]?.[field];
    if (derive) value = derive(source, args, ctx, info);
  }
  if (value === undefined || value === null) {
    if (isNonNullType(info.returnType)) {
      throw simError(
        `The Admin API simulator has no value for ${parent}.${field} (non-null in the schema): add it to the store file or model it in demo/simulator/resolvers.ts.`,
        "NOT_MODELLED",
      );
    }
    return null;
  }
  if (isConnectionType(info)) return paginate(Array.isArray(value) ? value : value.nodes, args, field);
  if (isListType(getNullableType(info.returnType)) && typeof args.first === "number" && Array.isArray(value)) {
    return value.slice(0, args.first);
  }
  return value;
};

export const typeResolver: GraphQLTypeResolver<Rec, SimContext> = (value, ctx, _info, abstractType) => {
  if (value?.__typename) return value.__typename;
  if (abstractType.name === "PricingValue") return "percentage" in value ? "PricingPercentageValue" : "MoneyV2";
  const fromId = typeof value?.id === "string" ? gidType(value.id) : null;
  if (fromId) return fromId;
  throw simError(`The Admin API simulator cannot tell the concrete type of a ${abstractType.name}.`, "NOT_MODELLED");
};
