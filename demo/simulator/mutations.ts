/**
 * The mutations Amend uses, with Shopify's rules and Shopify's payload shapes (field names and userError
 * codes checked against the 2026-10 schema). A refused operation answers `userErrors` and changes
 * nothing; an applied one is appended to the store's mutation log.
 *
 * Where Shopify's enum has no code for a rule (e.g. holding a CLOSED fulfillment order, cancelling an
 * order twice), the error carries the closest code the schema offers (`INVALID`) or `code: null`, as
 * Shopify does for errors outside its enum.
 */
import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import { bag, bagUnits, money, toUnits } from "./money";
import type { SimContext } from "./resolvers";
import { supportedActions } from "./resolvers";
import {
  type Store,
  destinationFrom,
  holdDisplayReason,
  isOpenFulfillmentOrder,
  legacyId,
  normalizeAddress,
  recomputeTotals,
  type Rec,
} from "./store";

type Mutation = (args: Rec, ctx: SimContext) => Rec;
interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

const HOLDABLE = new Set(["OPEN", "SCHEDULED", "ON_HOLD"]);
const MAX_APP_HOLDS = 10;

function err(field: string[] | null, message: string, code?: string | null): UserError {
  return code === undefined ? { field, message } : { field, message, code };
}

function touch(o: Rec, ctx: SimContext): void {
  o.updatedAt = ctx.store.now().toISOString();
}

/** The order's displayFulfillmentStatus after its fulfillment orders' holds changed. */
function refreshHoldStatus(o: Rec): void {
  if (o.cancelledAt) return;
  const onHold = o.fulfillmentOrders.nodes.some((fo: Rec) => fo.status === "ON_HOLD");
  if (onHold && o.displayFulfillmentStatus !== "ON_HOLD") {
    o._displayFulfillmentStatusBeforeHold = o.displayFulfillmentStatus;
    o.displayFulfillmentStatus = "ON_HOLD";
  } else if (!onHold && o.displayFulfillmentStatus === "ON_HOLD") {
    o.displayFulfillmentStatus = o._displayFulfillmentStatusBeforeHold ?? "UNFULFILLED";
    delete o._displayFulfillmentStatusBeforeHold;
  }
}

// ---------------------------------------------------------------------------------------------- orderUpdate

const orderUpdate: Mutation = ({ input }, ctx) => {
  const { store } = ctx;
  const o = store.order(input.id);
  if (!o) return { order: null, userErrors: [err(["id"], "Order does not exist")] };
  // Shopify: after a cancellation only limited fields (note, tags, …) can still be updated.
  if (o.cancelledAt && input.shippingAddress !== undefined) {
    return {
      order: null,
      userErrors: [err(["shippingAddress"], "Cannot update the shipping address of a cancelled order")],
    };
  }
  const changes: string[] = [];
  for (const key of ["note", "email", "phone", "poNumber", "tags"] as const) {
    if (input[key] !== undefined) {
      o[key] = input[key];
      changes.push(key);
    }
  }
  if (input.shippingAddress !== undefined) {
    const before = o.shippingAddress;
    // The input replaces the address: fields left out are cleared, as when the merchant edits it.
    o.shippingAddress = input.shippingAddress
      ? normalizeAddress({ ...input.shippingAddress }, before?.id ?? store.newId("MailingAddress"))
      : null;
    changes.push("shippingAddress");
    const stale = ctx.takeStaleDestinationFault();
    if (!stale) {
      for (const fo of o.fulfillmentOrders.nodes) {
        if (!isOpenFulfillmentOrder(fo)) continue;
        fo.destination = destinationFrom(
          o.shippingAddress,
          fo.destination?.id ?? store.newId("FulfillmentOrderDestination"),
          o.email,
        );
        fo.updatedAt = store.now().toISOString();
      }
    }
    store.record(
      "orderUpdate",
      { input },
      `${o.name}: shipping address → ${o.shippingAddress?.city ?? "none"} ${o.shippingAddress?.countryCodeV2 ?? ""}` +
        (stale ? " (fault: fulfillment order destinations kept the old address)" : ""),
    );
  } else {
    store.record("orderUpdate", { input }, `${o.name}: ${changes.join(", ") || "no change"}`);
  }
  touch(o, ctx);
  store.reindex();
  return { order: o, userErrors: [] };
};

// ------------------------------------------------------------------------------------- draftOrderCalculate

function variantLine(ctx: SimContext, variantId: string): Rec | undefined {
  for (const o of ctx.store.orders) {
    const li = o.lineItems.nodes.find((l: Rec) => l.variant?.id === variantId);
    if (li) return li;
  }
  return undefined;
}

/** Shopify-like rate handle: opaque, stable for a title and price. */
function rateHandle(title: string, price: string): string {
  return `shopify-${encodeURIComponent(title)}-${price}`;
}

const GRAMS_PER: Record<string, number> = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 };
function gramsOf(weight: Rec | null | undefined): number {
  return weight ? weight.value * (GRAMS_PER[weight.unit] ?? 1) : 0;
}

/** A rate's conditions (order weight, order price) and local-delivery postal codes, as Shopify applies them. */
function rateApplies(rate: Rec, cart: { grams: number; units: number; zip: string }): boolean {
  if (
    rate.zipPrefixes &&
    !rate.zipPrefixes.some((p: string) => cart.zip.startsWith(p.replace(/\s/g, "").toUpperCase()))
  )
    return false;
  return (rate.methodConditions ?? []).every((c: Rec) => {
    const actual = c.field === "TOTAL_WEIGHT" ? cart.grams : cart.units;
    const bound =
      c.field === "TOTAL_WEIGHT" ? gramsOf(c.conditionCriteria) : toUnits(String(c.conditionCriteria.amount));
    return c.operator === "GREATER_THAN_OR_EQUAL_TO" ? actual >= bound : actual <= bound;
  });
}

const draftOrderCalculate: Mutation = ({ input }, ctx) => {
  const { store } = ctx;
  const currency = input.presentmentCurrencyCode ?? store.shop.currencyCode;
  const userErrors: UserError[] = [];
  const lineInputs: Rec[] = input.lineItems ?? [];
  if (lineInputs.length === 0) userErrors.push(err(["lineItems"], "Add at least 1 product"));
  const lines: Rec[] = [];
  lineInputs.forEach((li, i) => {
    if (li.quantity < 1) {
      userErrors.push(err(["lineItems", String(i), "quantity"], "Quantity must be greater than or equal to 1"));
      return;
    }
    let unit: number;
    let title: string;
    let sku: string | null = li.sku ?? null;
    let requiresShipping: boolean = li.requiresShipping ?? true;
    let variant: Rec | null = null;
    let grams = 0;
    if (li.variantId) {
      const known = variantLine(ctx, li.variantId);
      if (!known) {
        userErrors.push(
          err(
            ["lineItems", String(i), "variantId"],
            `Product with ID ${legacyId(li.variantId)} is no longer available.`,
          ),
        );
        return;
      }
      unit = bagUnits(known.originalUnitPriceSet);
      grams = gramsOf(known.weight);
      title = known.title;
      sku = known.sku ?? sku;
      requiresShipping = li.requiresShipping ?? known.requiresShipping;
      variant = known.variant;
    } else if (li.title && li.originalUnitPriceWithCurrency) {
      unit = toUnits(String(li.originalUnitPriceWithCurrency.amount));
      grams = gramsOf(li.weight);
      title = li.title;
    } else {
      userErrors.push(
        err(
          ["lineItems", String(i)],
          "A custom line item needs a title and originalUnitPriceWithCurrency; otherwise give variantId",
        ),
      );
      return;
    }
    if (li.priceOverride) unit = toUnits(String(li.priceOverride.amount));
    lines.push({
      uuid: li.uuid ?? randomUUID(),
      title,
      name: title,
      sku,
      variant,
      variantTitle: null,
      vendor: null,
      quantity: li.quantity,
      requiresShipping,
      custom: !li.variantId,
      taxable: li.taxable ?? true,
      isGiftCard: false,
      customAttributes: [],
      customAttributesV2: [],
      components: [],
      appliedDiscount: null,
      priceOverride: li.priceOverride ? money(unit, currency) : null,
      originalUnitPriceWithCurrency: money(unit, currency),
      originalUnitPrice: money(unit, currency),
      originalUnitPriceSet: bag(unit, currency),
      approximateDiscountedUnitPriceSet: bag(unit, currency),
      originalTotal: money(unit * li.quantity, currency),
      originalTotalSet: bag(unit * li.quantity, currency),
      discountedTotal: money(unit * li.quantity, currency),
      discountedTotalSet: bag(unit * li.quantity, currency),
      totalDiscount: money(0, currency),
      totalDiscountSet: bag(0, currency),
      _units: unit * li.quantity,
      _grams: requiresShipping ? grams * li.quantity : 0,
    });
  });
  if (userErrors.length) return { calculatedDraftOrder: null, userErrors };

  const countryCode: string | undefined = input.shippingAddress?.countryCode;
  const zone = countryCode ? store.zoneFor(countryCode, input.shippingAddress?.provinceCode) : undefined;
  const shipsSomething = lines.some((l) => l.requiresShipping);
  const cart = {
    grams: lines.reduce((s, l) => s + l._grams, 0),
    units: lines.reduce((s, l) => s + l._units, 0),
    zip: String(input.shippingAddress?.zip ?? "")
      .replace(/\s/g, "")
      .toUpperCase(),
  };
  // No zone for the country (or province): Shopify offers no rate (the store does not ship there).
  const availableShippingRates =
    zone && shipsSomething
      ? zone.rates
          .filter((r: Rec) => rateApplies(r, cart))
          .map((r: Rec) => ({
            handle: rateHandle(r.title, r.price),
            title: r.title,
            price: money(toUnits(r.price), currency),
          }))
      : [];
  let shippingUnits = 0;
  let shippingLine: Rec | null = null;
  if (input.shippingLine) {
    const chosen = input.shippingLine.shippingRateHandle
      ? availableShippingRates.find((r: Rec) => r.handle === input.shippingLine.shippingRateHandle)
      : undefined;
    const price =
      input.shippingLine.priceWithCurrency?.amount ?? input.shippingLine.price ?? chosen?.price.amount ?? "0";
    shippingUnits = toUnits(String(price));
    shippingLine = {
      title: input.shippingLine.title ?? chosen?.title ?? "Shipping",
      code: chosen?.title ?? null,
      shippingRateHandle: input.shippingLine.shippingRateHandle ?? null,
      custom: !chosen,
      isRemoved: false,
      source: "shopify",
      discountAllocations: [],
      taxLines: [],
      originalPriceSet: bag(shippingUnits, currency),
      discountedPriceSet: bag(shippingUnits, currency),
      currentDiscountedPriceSet: bag(shippingUnits, currency),
    };
  }
  const subtotal = lines.reduce((s, l) => s + l._units, 0);
  const quantity = lines.reduce((s, l) => s + l.quantity, 0);
  store.record(
    "draftOrderCalculate",
    { input },
    `quote to ${countryCode ?? "no address"}${input.shippingAddress?.provinceCode ? `-${input.shippingAddress.provinceCode}` : ""}: ${availableShippingRates.length} rate(s)`,
  );
  return {
    calculatedDraftOrder: {
      currencyCode: store.shop.currencyCode,
      presentmentCurrencyCode: currency,
      availableShippingRates,
      lineItems: lines,
      shippingLine,
      phone: input.phone ?? null,
      customer: null,
      discountCodes: input.discountCodes ?? [],
      acceptAutomaticDiscounts: input.acceptAutomaticDiscounts ?? null,
      appliedDiscount: null,
      alerts: [],
      warnings: [],
      platformDiscounts: [],
      taxLines: [],
      taxesIncluded: Boolean(store.shop.taxesIncluded),
      allVariantPricesOverridden: lines.every((l) => l.priceOverride),
      anyVariantPricesOverridden: lines.some((l) => l.priceOverride),
      billingAddressMatchesShippingAddress: !input.billingAddress,
      totalQuantityOfLineItems: quantity,
      lineItemsSubtotalPrice: bag(subtotal, currency),
      subtotalPriceSet: bag(subtotal, currency),
      totalLineItemsPriceSet: bag(subtotal, currency),
      totalDiscountsSet: bag(0, currency),
      totalShippingPriceSet: bag(shippingUnits, currency),
      totalTaxSet: bag(0, currency),
      totalPriceSet: bag(subtotal + shippingUnits, currency),
      amountDueNowSet: bag(subtotal + shippingUnits, currency),
      amountDueLaterSet: bag(0, currency),
    },
    userErrors: [],
  };
};

// ------------------------------------------------------------------------------------- fulfillment holds

const fulfillmentOrderHold: Mutation = ({ id, fulfillmentHold }, ctx) => {
  const { store } = ctx;
  const fo = store.fulfillmentOrder(id);
  const none = { fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null };
  if (!fo) {
    return { ...none, userErrors: [err(["id"], "Fulfillment order does not exist.", "FULFILLMENT_ORDER_NOT_FOUND")] };
  }
  if (fulfillmentHold.fulfillmentOrderLineItems?.length) {
    // Partial holds split the fulfillment order; Amend holds whole orders, so the simulator does not model it.
    throw new GraphQLError("The Admin API simulator does not model partial holds (fulfillmentOrderLineItems).", {
      extensions: { code: "NOT_IMPLEMENTED" },
    });
  }
  if (atService(fo, store) && !supportedActions(fo, true).includes("HOLD")) {
    return {
      ...none,
      userErrors: [
        err(
          ["id"],
          `The fulfillment order was sent to its fulfillment service (request status ${fo.requestStatus}): it cannot be put on hold.`,
          null,
        ),
      ],
    };
  }
  if (!HOLDABLE.has(fo.status)) {
    return {
      ...none,
      userErrors: [
        err(
          ["id"],
          `The fulfillment order's status is ${fo.status}: only an OPEN, SCHEDULED or ON_HOLD fulfillment order can be put on hold.`,
          null,
        ),
      ],
    };
  }
  const mine = fo.fulfillmentHolds.filter((h: Rec) => h.heldByRequestingApp);
  const handle = fulfillmentHold.handle ?? "";
  if (handle && mine.some((h: Rec) => h.handle === handle)) {
    return {
      ...none,
      userErrors: [
        err(
          ["fulfillmentHold", "handle"],
          "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.",
          "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
        ),
      ],
    };
  }
  if (mine.length >= MAX_APP_HOLDS) {
    return {
      ...none,
      userErrors: [
        err(
          ["id"],
          "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.",
          "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
        ),
      ],
    };
  }
  const hold = {
    id: store.newId("FulfillmentHold"),
    reason: fulfillmentHold.reason,
    reasonNotes: fulfillmentHold.reasonNotes ?? null,
    handle: handle || null,
    displayReason: holdDisplayReason(fulfillmentHold.reason),
    heldByRequestingApp: true,
  };
  if (fo.status !== "ON_HOLD") fo._statusBeforeHold = fo.status;
  fo.status = "ON_HOLD";
  fo.fulfillmentHolds.push(hold);
  fo.updatedAt = store.now().toISOString();
  const o = store.orderOf(fo)!;
  refreshHoldStatus(o);
  touch(o, ctx);
  store.record("fulfillmentOrderHold", { id, fulfillmentHold }, `${o.name}: ${legacyId(fo.id)} held (${hold.reason})`);
  store.reindex();
  return { fulfillmentHold: hold, fulfillmentOrder: fo, remainingFulfillmentOrder: null, userErrors: [] };
};

const fulfillmentOrderReleaseHold: Mutation = ({ id, holdIds, externalId }, ctx) => {
  const { store } = ctx;
  const fo = store.fulfillmentOrder(id);
  if (!fo) {
    return {
      fulfillmentOrder: null,
      userErrors: [err(["id"], "Fulfillment order does not exist.", "FULFILLMENT_ORDER_NOT_FOUND")],
    };
  }
  if (fo.status !== "ON_HOLD") {
    return {
      fulfillmentOrder: null,
      userErrors: [
        err(
          ["id"],
          `The fulfillment order's status is ${fo.status}: only an ON_HOLD fulfillment order can be released.`,
          null,
        ),
      ],
    };
  }
  // Per the schema: hold ids that are not on this fulfillment order are ignored; none given releases all.
  const targets: Rec[] = holdIds ? fo.fulfillmentHolds.filter((h: Rec) => holdIds.includes(h.id)) : fo.fulfillmentHolds;
  if (targets.some((h) => !h.heldByRequestingApp && h.heldByApp)) {
    return {
      fulfillmentOrder: null,
      userErrors: [err(["holdIds"], "The app doesn't have access to release the fulfillment hold.", "INVALID_ACCESS")],
    };
  }
  fo.fulfillmentHolds = fo.fulfillmentHolds.filter((h: Rec) => !targets.includes(h));
  if (fo.fulfillmentHolds.length === 0) {
    fo.status = fo._statusBeforeHold ?? "OPEN";
    delete fo._statusBeforeHold;
  }
  fo.updatedAt = store.now().toISOString();
  const o = store.orderOf(fo)!;
  refreshHoldStatus(o);
  touch(o, ctx);
  store.record(
    "fulfillmentOrderReleaseHold",
    { id, holdIds, externalId },
    `${o.name}: ${targets.length} hold(s) released on ${legacyId(fo.id)} → ${fo.status}`,
  );
  store.reindex();
  return { fulfillmentOrder: fo, userErrors: [] };
};

// --------------------------------------------------------------------------------------------- orderCancel

const orderCancel: Mutation = (args, ctx) => {
  const { store } = ctx;
  const { orderId, reason, refund, refundMethod, restock, notifyCustomer, staffNote } = args;
  const fail = (field: string[] | null, message: string, code: string) => ({
    job: null,
    jobResult: null,
    orderCancelUserErrors: [err(field, message, code)],
    userErrors: [err(field, message)],
  });
  const o = store.order(orderId);
  if (!o) return fail(["orderId"], "Order does not exist", "NOT_FOUND");
  if (o.cancelledAt) return fail(["orderId"], "Order has already been cancelled", "INVALID");
  if (o._cancelJobId && !store.jobs.get(o._cancelJobId)?.done)
    return fail(["orderId"], "Order cancellation is already in progress", "INVALID");
  if (o.fulfillments.some((f: Rec) => f.status === "SUCCESS"))
    return fail(["orderId"], "Cannot cancel an order that has fulfillments; cancel the fulfillments first", "INVALID");
  // Work a fulfillment service has accepted can only be stopped by the service (a cancellation request).
  const withService = o.fulfillmentOrders.nodes.find(
    (fo: Rec) => atService(fo, store) && SERVICE_HOLDS_WORK.has(fo.requestStatus) && fo.status !== "CLOSED",
  );
  if (withService)
    return fail(
      ["orderId"],
      `Fulfillment order ${legacyId(withService.id)} was accepted by its fulfillment service (request status ${withService.requestStatus}): request its cancellation from the service first`,
      "INVALID",
    );
  if (refund != null && refundMethod != null)
    return fail(["refund"], "Specify either refund or refundMethod, not both", "INVALID");
  if (refundMethod?.storeCreditRefund) {
    if (!o.customer)
      return fail(
        ["refundMethod", "storeCreditRefund"],
        "A store credit refund needs a customer on the order",
        "STORE_CREDIT_REFUND_MISSING_CUSTOMER",
      );
    const expiresAt = refundMethod.storeCreditRefund.expiresAt;
    if (expiresAt && Date.parse(expiresAt) <= store.now().getTime())
      return fail(
        ["refundMethod", "storeCreditRefund", "expiresAt"],
        "The store credit expiry date must be in the future",
        "STORE_CREDIT_REFUND_EXPIRATION_IN_PAST",
      );
  }
  const refunding =
    refund === true || refundMethod?.originalPaymentMethodsRefund === true || Boolean(refundMethod?.storeCreditRefund);
  const jobId = `gid://shopify/Job/${randomUUID()}`;
  const jobResult: Rec = {
    id: store.newId("OrderCancelJobResult"),
    done: false,
    status: "STARTED",
    errors: [],
    order: o,
  };
  const job: Rec = {
    id: jobId,
    done: false,
    polls: 0,
    startedAt: store.now().getTime(),
    kind: "orderCancel",
    result: jobResult,
    complete: () => {
      const at = store.now().toISOString();
      o.cancelledAt = at;
      o.cancelReason = reason;
      o.cancellation = { staffNote: staffNote ?? null };
      o.closed = true;
      o.closedAt = at;
      const financial = o.displayFinancialStatus;
      // An uncaptured authorization is voided whatever the refund choice: the customer is never charged.
      if (financial === "AUTHORIZED" || financial === "PENDING") o.displayFinancialStatus = "VOIDED";
      else if (
        refunding &&
        (financial === "PAID" || financial === "PARTIALLY_PAID" || financial === "PARTIALLY_REFUNDED")
      ) {
        o.displayFinancialStatus = "REFUNDED";
        o.totalRefundedSet = bag(bagUnits(o.totalPriceSet), o.currencyCode);
      }
      for (const fo of o.fulfillmentOrders.nodes) {
        if (fo.status === "CLOSED" || fo.status === "CANCELLED") continue;
        fo.status = "CLOSED";
        fo.fulfillmentHolds = [];
        delete fo._statusBeforeHold;
        for (const foli of fo.lineItems.nodes) foli.remainingQuantity = 0;
        fo.updatedAt = at;
      }
      if (o.displayFulfillmentStatus === "ON_HOLD") {
        o.displayFulfillmentStatus = o._displayFulfillmentStatusBeforeHold ?? "UNFULFILLED";
        delete o._displayFulfillmentStatusBeforeHold;
      }
      for (const li of o.lineItems.nodes) {
        li.currentQuantity = 0;
        li.unfulfilledQuantity = 0;
      }
      o._cancellation = {
        reason,
        refund: refunding,
        refundMethod: refundMethod ?? null,
        restock,
        notifyCustomer,
        staffNote,
      };
      recomputeTotals(o, false);
      o.updatedAt = at;
      jobResult.done = true;
      jobResult.status = "SUCCEEDED";
      store.record(
        "orderCancel (job done)",
        { orderId },
        `${o.name}: cancelled (${reason}), financial status ${o.displayFinancialStatus}`,
      );
    },
  };
  o._cancelJobId = jobId;
  store.jobs.set(jobId, job);
  store.jobs.set(jobResult.id, jobResult);
  store.record("orderCancel", args, `${o.name}: cancellation started (job ${legacyId(jobId)})`);
  return { job, jobResult, orderCancelUserErrors: [], userErrors: [] };
};

// ------------------------------------------------------------------------------ fulfillment service requests

/** Request statuses in which the fulfillment service holds the work (accepted, or deciding on a cancellation). */
const SERVICE_HOLDS_WORK = new Set(["ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"]);

function atService(fo: Rec, store: Store): boolean {
  return Boolean(store.location(fo.assignedLocation?.location?.id ?? "")?.isFulfillmentService);
}

function addMerchantRequest(fo: Rec, store: Store, kind: string, message: string | null): void {
  fo.merchantRequests.nodes.push({
    id: store.newId("FulfillmentOrderMerchantRequest"),
    kind,
    message,
    sentAt: store.now().toISOString(),
    requestOptions: {},
    responseData: null,
    _fulfillmentOrderId: fo.id,
  });
}

/** Closes a fulfillment order and opens its replacement for the work left (unsubmitted, same location). */
function replaceFulfillmentOrder(fo: Rec, store: Store): Rec {
  const at = store.now().toISOString();
  const replacement: Rec = {
    ...structuredClone({ ...fo, merchantRequests: { nodes: [] }, fulfillmentHolds: [] }),
    id: store.newId("FulfillmentOrder"),
    status: "OPEN",
    requestStatus: "UNSUBMITTED",
    createdAt: at,
    updatedAt: at,
  };
  delete replacement._statusBeforeHold;
  replacement.deliveryMethod = { ...fo.deliveryMethod, id: store.newId("DeliveryMethod") };
  if (fo.destination) replacement.destination = { ...fo.destination, id: store.newId("FulfillmentOrderDestination") };
  replacement.lineItems = {
    nodes: fo.lineItems.nodes
      .filter((foli: Rec) => foli.remainingQuantity > 0)
      .map((foli: Rec) => ({
        ...foli,
        id: store.newId("FulfillmentOrderLineItem"),
        totalQuantity: foli.remainingQuantity,
      })),
  };
  fo.status = "CLOSED";
  fo.updatedAt = at;
  for (const foli of fo.lineItems.nodes) foli.remainingQuantity = 0;
  const o = store.orderOf(fo)!;
  o.fulfillmentOrders.nodes.push(replacement);
  if (
    o.displayFulfillmentStatus === "IN_PROGRESS" &&
    !o.fulfillmentOrders.nodes.some((f: Rec) => f.status === "IN_PROGRESS")
  )
    o.displayFulfillmentStatus = "UNFULFILLED";
  o.updatedAt = at;
  store.reindex();
  return replacement;
}

const fulfillmentOrderSubmitCancellationRequest: Mutation = ({ id, message }, ctx) => {
  const { store } = ctx;
  const fo = store.fulfillmentOrder(id);
  if (!fo) return { fulfillmentOrder: null, userErrors: [err(["id"], "Fulfillment order does not exist.")] };
  if (!atService(fo, store))
    return {
      fulfillmentOrder: null,
      userErrors: [err(["id"], "The fulfillment order is not assigned to a fulfillment service location.")],
    };
  // Shopify: only a request the service accepted needs a cancellation request (a SUBMITTED one is withdrawn with fulfillmentOrderCancel).
  if (fo.requestStatus !== "ACCEPTED" && fo.requestStatus !== "CANCELLATION_REJECTED")
    return {
      fulfillmentOrder: null,
      userErrors: [
        err(
          ["id"],
          `Cannot request cancellation: the fulfillment order's request status is ${fo.requestStatus} (the fulfillment service has not accepted it).`,
        ),
      ],
    };
  fo.requestStatus = "CANCELLATION_REQUESTED";
  fo.updatedAt = store.now().toISOString();
  addMerchantRequest(fo, store, "CANCELLATION_REQUEST", message ?? null);
  const o = store.orderOf(fo)!;
  touch(o, ctx);
  store.reindex();
  store.record(
    "fulfillmentOrderSubmitCancellationRequest",
    { id, message },
    `${o.name}: cancellation requested from the fulfillment service for ${legacyId(fo.id)}`,
  );
  return { fulfillmentOrder: fo, userErrors: [] };
};

const fulfillmentOrderCancel: Mutation = ({ id }, ctx) => {
  const { store } = ctx;
  const none = { fulfillmentOrder: null, replacementFulfillmentOrder: null };
  const fo = store.fulfillmentOrder(id);
  if (!fo) return { ...none, userErrors: [err(["id"], "Fulfillment order does not exist.", null)] };
  // Shopify: works on SUBMITTED (withdrawn at once) or CANCELLATION_REQUESTED fulfillment orders.
  if (fo.requestStatus !== "SUBMITTED" && fo.requestStatus !== "CANCELLATION_REQUESTED")
    return {
      ...none,
      userErrors: [
        err(
          ["id"],
          `Only a SUBMITTED or CANCELLATION_REQUESTED fulfillment order can be cancelled (request status ${fo.requestStatus}).`,
          null,
        ),
      ],
    };
  const before = fo.requestStatus;
  const replacement = replaceFulfillmentOrder(fo, store);
  const o = store.orderOf(replacement)!;
  store.record(
    "fulfillmentOrderCancel",
    { id },
    `${o.name}: ${legacyId(fo.id)} (${before}) cancelled and closed; replacement ${legacyId(replacement.id)} OPEN`,
  );
  return { fulfillmentOrder: fo, replacementFulfillmentOrder: replacement, userErrors: [] };
};

export type ServiceAnswer = "accept" | "reject";

/**
 * The fulfillment service answering the cancellation requests it received (all pending ones, or one
 * fulfillment order's): accepted → the fulfillment order is closed and a replacement opened for the work
 * left, as Shopify does; rejected → the service keeps the work (CANCELLATION_REJECTED, still IN_PROGRESS).
 */
export function answerCancellationRequests(
  store: Store,
  answer: ServiceAnswer,
  options: { fulfillmentOrderId?: string; message?: string | null } = {},
): Rec[] {
  const pending = store.orders
    .flatMap((o) => o.fulfillmentOrders.nodes as Rec[])
    .filter((fo) => fo.requestStatus === "CANCELLATION_REQUESTED")
    .filter((fo) => !options.fulfillmentOrderId || fo.id === options.fulfillmentOrderId);
  for (const fo of pending) {
    const request = [...fo.merchantRequests.nodes].reverse().find((r: Rec) => r.kind === "CANCELLATION_REQUEST");
    if (request) request.responseData = { answer, message: options.message ?? null };
    const o = store.orderOf(fo)!;
    if (answer === "accept") {
      fo.requestStatus = "CANCELLATION_ACCEPTED";
      const replacement = replaceFulfillmentOrder(fo, store);
      store.record(
        "fulfillment service: cancellation accepted",
        { id: fo.id, message: options.message ?? null },
        `${o.name}: ${legacyId(fo.id)} CANCELLATION_ACCEPTED and closed; replacement ${legacyId(replacement.id)} OPEN`,
      );
    } else {
      fo.requestStatus = "CANCELLATION_REJECTED";
      fo.updatedAt = store.now().toISOString();
      store.record(
        "fulfillment service: cancellation rejected",
        { id: fo.id, message: options.message ?? null },
        `${o.name}: ${legacyId(fo.id)} CANCELLATION_REJECTED, still ${fo.status}`,
      );
    }
  }
  return pending;
}

// ---------------------------------------------------------------------------------------------- order edits

function calculatedLine(li: Rec, currency: string): Rec {
  const fulfilled = li.currentQuantity - li.unfulfilledQuantity;
  const unit = bagUnits(li.originalUnitPriceSet);
  return {
    id: `gid://shopify/CalculatedLineItem/${legacyId(li.id)}`,
    _lineItem: li,
    _fulfilled: fulfilled,
    title: li.title,
    sku: li.sku ?? null,
    variant: li.variant ?? null,
    variantTitle: li.variantTitle ?? null,
    image: null,
    quantity: li.currentQuantity,
    editableQuantity: li.unfulfilledQuantity,
    editableQuantityBeforeChanges: li.unfulfilledQuantity,
    originalUnitPriceSet: li.originalUnitPriceSet,
    discountedUnitPriceSet: li.originalUnitPriceSet,
    editableSubtotalSet: bag(unit * li.unfulfilledQuantity, currency),
    uneditableSubtotalSet: bag(unit * fulfilled, currency),
    hasStagedLineItemDiscount: false,
    restockable: true,
    restocking: false,
    stagedChanges: [],
    calculatedDiscountAllocations: [],
    customAttributes: [],
  };
}

function refreshCalculated(session: Rec): void {
  const calc = session.calculatedOrder;
  const currency = session.order.currencyCode;
  let subtotal = 0;
  let quantity = 0;
  for (const line of calc.lineItems.nodes) {
    subtotal += bagUnits(line.originalUnitPriceSet) * line.quantity;
    quantity += line.quantity;
    line.editableSubtotalSet = bag(bagUnits(line.originalUnitPriceSet) * line.editableQuantity, currency);
  }
  const shipping = bagUnits(session.order.currentShippingPriceSet);
  calc.subtotalLineItemsQuantity = quantity;
  calc.subtotalPriceSet = bag(subtotal, currency);
  calc.totalPriceSet = bag(subtotal + shipping, currency);
  calc.totalOutstandingSet = bag(0, currency);
  calc.stagedChanges = { nodes: calc.lineItems.nodes.flatMap((l: Rec) => l.stagedChanges) };
}

const orderEditBegin: Mutation = ({ id }, ctx) => {
  const { store } = ctx;
  const o = store.order(id);
  const none = { calculatedOrder: null, orderEditSession: null };
  if (!o) return { ...none, userErrors: [err(["id"], "The order does not exist.")] };
  if (o.cancelledAt) return { ...none, userErrors: [err(["id"], "A cancelled order cannot be edited.")] };
  const calcId = store.newId("CalculatedOrder");
  const session: Rec = {
    id: store.newId("OrderEditSession"),
    order: o,
    committed: false,
    calculatedOrder: {
      id: calcId,
      originalOrder: o,
      lineItems: {
        nodes: o.lineItems.nodes
          .filter((li: Rec) => li.currentQuantity > 0)
          .map((li: Rec) => calculatedLine(li, o.currencyCode)),
      },
      addedLineItems: { nodes: [] },
      addedDiscountApplications: { nodes: [] },
      shippingLines: o.shippingLines.nodes.map((sl: Rec) => ({
        id: sl.id,
        title: sl.title,
        price: sl.discountedPriceSet,
        stagedStatus: "NONE",
      })),
      taxLines: [],
      cartDiscountAmountSet: null,
      notificationPreviewTitle: `Order ${o.name} was updated`,
      notificationPreviewHtml: null,
    },
  };
  refreshCalculated(session);
  store.editSessions.set(calcId, session);
  store.record("orderEditBegin", { id }, `${o.name}: edit session ${legacyId(calcId)} opened`);
  return { calculatedOrder: session.calculatedOrder, orderEditSession: { id: session.id }, userErrors: [] };
};

const orderEditSetQuantity: Mutation = ({ id, lineItemId, quantity, restock }, ctx) => {
  const { store } = ctx;
  const session = store.editSessions.get(id);
  const none = { calculatedLineItem: null, calculatedOrder: null, orderEditSession: null };
  if (!session) return { ...none, userErrors: [err(["id"], "The calculated order does not exist.")] };
  if (session.committed) return { ...none, userErrors: [err(["id"], "The order edit has already been committed.")] };
  const line = session.calculatedOrder.lineItems.nodes.find((l: Rec) => l.id === lineItemId);
  if (!line) {
    return {
      ...none,
      userErrors: [
        err(
          ["lineItemId"],
          `The line item ${lineItemId} is not part of this order edit (use the CalculatedLineItem id).`,
        ),
      ],
    };
  }
  if (quantity < 0) return { ...none, userErrors: [err(["quantity"], "Quantity must be greater than or equal to 0")] };
  if (quantity < line._fulfilled) {
    return {
      ...none,
      userErrors: [err(["quantity"], `Quantity cannot be less than the ${line._fulfilled} item(s) already fulfilled`)],
    };
  }
  const original = line._lineItem.currentQuantity;
  line.quantity = quantity;
  line.editableQuantity = quantity - line._fulfilled;
  line.restocking = Boolean(restock) && quantity < original;
  const delta = quantity - original;
  line.stagedChanges =
    delta < 0
      ? [
          {
            __typename: "OrderStagedChangeDecrementItem",
            delta: -delta,
            lineItem: line._lineItem,
            restock: Boolean(restock),
          },
        ]
      : delta > 0
        ? [{ __typename: "OrderStagedChangeIncrementItem", delta, lineItem: line._lineItem }]
        : [];
  refreshCalculated(session);
  store.record(
    "orderEditSetQuantity",
    { id, lineItemId, quantity, restock },
    `${session.order.name}: ${line.title} × ${quantity} (staged)`,
  );
  return {
    calculatedLineItem: line,
    calculatedOrder: session.calculatedOrder,
    orderEditSession: { id: session.id },
    userErrors: [],
  };
};

const orderEditCommit: Mutation = ({ id, notifyCustomer, staffNote }, ctx) => {
  const { store } = ctx;
  const session = store.editSessions.get(id);
  if (!session)
    return { order: null, successMessages: null, userErrors: [err(["id"], "The calculated order does not exist.")] };
  if (session.committed) {
    return {
      order: null,
      successMessages: null,
      userErrors: [err(["id"], "The order edit has already been committed.")],
    };
  }
  const o = session.order;
  if (o.cancelledAt)
    return { order: null, successMessages: null, userErrors: [err(["id"], "A cancelled order cannot be edited.")] };
  const lines: Rec[] = session.calculatedOrder.lineItems.nodes;
  // Shopify: an edit cannot remove every item — cancel the order instead.
  if (lines.every((l) => l.quantity === 0)) {
    return {
      order: null,
      successMessages: null,
      userErrors: [err(null, "You can't remove all of the items from an order. Cancel the order instead.")],
    };
  }
  const changes: string[] = [];
  for (const line of lines) {
    const li = line._lineItem;
    const delta = line.quantity - li.currentQuantity;
    if (delta === 0) continue;
    li.currentQuantity = line.quantity;
    li.unfulfilledQuantity = Math.max(0, li.unfulfilledQuantity + delta);
    for (const fo of o.fulfillmentOrders.nodes) {
      const foli = fo.lineItems.nodes.find((x: Rec) => x.lineItem.id === li.id);
      if (!foli || !isOpenFulfillmentOrder(fo)) continue;
      foli.totalQuantity = Math.max(0, foli.totalQuantity + delta);
      foli.remainingQuantity = Math.max(0, foli.remainingQuantity + delta);
    }
    changes.push(`${li.title} ${delta > 0 ? "+" : ""}${delta}${line.restocking ? " (restocked)" : ""}`);
  }
  o.edited = true;
  recomputeTotals(o, false);
  touch(o, ctx);
  session.committed = true;
  store.record("orderEditCommit", { id, notifyCustomer, staffNote }, `${o.name}: ${changes.join(", ") || "no change"}`);
  store.reindex();
  return { order: o, successMessages: ["Order updated"], userErrors: [] };
};

// ------------------------------------------------------------------------------------------------ Flow

const flowTriggerReceive: Mutation = ({ handle, payload, body }, ctx) => {
  if (!handle && !body) return { userErrors: [err(["handle"], "Handle can't be blank")] };
  const size = Buffer.byteLength(JSON.stringify(payload ?? body ?? null));
  // Shopify caps a Flow trigger payload at 50 KB.
  if (size > 50_000) return { userErrors: [err(["payload"], "Payload exceeds the 50 KB limit")] };
  ctx.store.flowTriggers.push({ at: ctx.store.now().toISOString(), handle: handle ?? null, payload: payload ?? body });
  ctx.store.record("flowTriggerReceive", { handle }, `flow trigger ${handle}`);
  return { userErrors: [] };
};

// --------------------------------------------------------------------------------------------- returnRequest

/** Returns that hold their units: a declined or canceled return gives them back to be returned again. */
const RETURN_HOLDS_UNITS = new Set(["REQUESTED", "OPEN", "CLOSED"]);

/**
 * `returnRequest` (Shopify: "Creates a return request that requires merchant approval before processing. The
 * return has its status set to REQUESTED"). Each line names a FulfillmentLineItem of the order's shipments and a
 * quantity from 1 to what is still returnable (shipped, less what other returns hold); the customer's note is at
 * most 300 characters. Refused → `userErrors`, nothing created.
 */
const returnRequest: Mutation = ({ input }, ctx) => {
  const { store } = ctx;
  const fail = (field: string[], message: string, code: string) => ({
    return: null,
    userErrors: [err(field, message, code)],
  });
  const o = store.order(input.orderId);
  if (!o) return fail(["input", "orderId"], "Order does not exist", "NOT_FOUND");
  const lines: Rec[] = input.returnLineItems ?? [];
  if (lines.length === 0) return fail(["input", "returnLineItems"], "Return line items can't be blank", "BLANK");
  const shipped = new Map<string, Rec>();
  for (const f of o.fulfillments)
    if (f.status === "SUCCESS") for (const fli of f.fulfillmentLineItems.nodes) shipped.set(fli.id, fli);
  const held = new Map<string, number>();
  for (const r of o.returns)
    if (RETURN_HOLDS_UNITS.has(r.status))
      for (const rli of r.returnLineItems.nodes)
        held.set(rli.fulfillmentLineItem.id, (held.get(rli.fulfillmentLineItem.id) ?? 0) + rli.quantity);
  for (const [i, line] of lines.entries()) {
    const at = (f: string) => ["input", "returnLineItems", String(i), f];
    const fli = shipped.get(line.fulfillmentLineItemId);
    if (!fli) return fail(at("fulfillmentLineItemId"), "Fulfillment line item does not exist", "NOT_FOUND");
    if (line.quantity < 1) return fail(at("quantity"), "Quantity must be greater than 0", "GREATER_THAN");
    if (line.customerNote != null && String(line.customerNote).length > 300)
      return fail(at("customerNote"), "Customer note is too long (maximum is 300 characters)", "TOO_LONG");
    const returnable = fli.quantity - (held.get(fli.id) ?? 0);
    if (line.quantity > returnable)
      return fail(at("quantity"), `Quantity is greater than the returnable quantity (${returnable})`, "INVALID");
    held.set(fli.id, (held.get(fli.id) ?? 0) + line.quantity);
  }
  const now = store.now().toISOString();
  const created: Rec = {
    id: store.newId("Return"),
    name: `${o.name}-R${o.returns.length + 1}`,
    status: "REQUESTED",
    createdAt: now,
    closedAt: null,
    requestApprovedAt: null,
    decline: null,
    totalQuantity: lines.reduce((s, l) => s + l.quantity, 0),
    returnShippingFees: [],
    returnLineItems: {
      nodes: lines.map((l) => ({
        id: store.newId("ReturnLineItem"),
        fulfillmentLineItem: { id: l.fulfillmentLineItemId },
        quantity: l.quantity,
        customerNote: l.customerNote ?? null,
        returnReason: l.returnReason ?? "UNKNOWN",
        returnReasonNote: "",
        processableQuantity: 0,
        processedQuantity: 0,
        refundableQuantity: 0,
        refundedQuantity: 0,
        restockingFee: null,
      })),
    },
  };
  o.returns.push(created);
  touch(o, ctx);
  store.reindex();
  store.record(
    "returnRequest",
    { input },
    `${o.name}: return ${created.name} requested (${created.totalQuantity} units)`,
  );
  return { return: created, userErrors: [] };
};

export const MUTATIONS: Record<string, Mutation> = {
  orderUpdate,
  draftOrderCalculate,
  fulfillmentOrderHold,
  fulfillmentOrderReleaseHold,
  orderCancel,
  fulfillmentOrderSubmitCancellationRequest,
  fulfillmentOrderCancel,
  orderEditBegin,
  orderEditSetQuantity,
  orderEditCommit,
  flowTriggerReceive,
  returnRequest,
};
