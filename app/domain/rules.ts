import { validateAddress, type AddressInput } from "./address";
import { msToIso, windowDeadlineMs } from "./deadlines";
import { compareMoney, isZeroAmount, normalizeAmount, sumMoney } from "./money";
import type { StorePolicy } from "./policy";
import { isOpen } from "./state-machine";
import {
  REASON_CODES,
  type CustomerReason,
  type DeliveryMethodType,
  type FulfillmentOrderFact,
  type FulfillmentOrderRequestStatus,
  type MailingAddress,
  type OrderFacts,
  type Reason,
  type ReasonCode,
  type RequestKind,
  type RequestStatus,
  type ShippingQuote,
  type ShippingRate,
} from "./types";

/**
 * The store's rules (docs/rules.md): from Shopify's facts, the store's policy and the clock,
 * decide whether the customer may change the address or ask to cancel, and list EVERY failing rule.
 *
 * Order of evaluation (and of `reasons` / `outcomes`) is fixed:
 *   FEATURE_DISABLED, ORDER_CANCELLED, ORDER_CLOSED, WINDOW_EXPIRED, REQUEST_ALREADY_PENDING,
 *   NOTHING_TO_SHIP, PICKUP_ORDER, B2B_ORDER, FULFILLMENT_STARTED, ORDER_ON_HOLD, PAYMENT_CONFIRMED,
 *   ADDRESS_ALREADY_CHANGED, FREE_SHIPPING_DISCOUNT_USED,
 *   CUSTOMER_DATA_UNAVAILABLE (address changes only),
 *   then for a submitted address: ADDRESS_INVALID (one reason per field), COUNTRY_CHANGE_NOT_ALLOWED,
 *   NO_SHIPPING_RATE, LOCAL_DELIVERY_UNAVAILABLE (local delivery only), SHIPPING_COST_INCREASE.
 * A cancellation: the first five, then FULFILLMENT_STARTED.
 * A rule the merchant switched off is skipped: it appears in neither `reasons` nor `outcomes`.
 */

/** A request already on the order, as the rules need to see it. */
export interface RequestSummary {
  kind: RequestKind;
  status: RequestStatus;
}

export interface EvaluationContext {
  facts: OrderFacts;
  policy: StorePolicy;
  now: Date;
  /** Requests on this order; only open ones (PENDING, NEEDS_INFO, APPLYING, FAILED) count. */
  openRequests: readonly RequestSummary[];
  /** An APPLIED address change exists for this order. */
  addressAlreadyChanged: boolean;
  /** Staff or a Flow blocked self-service on this order: FEATURE_DISABLED. */
  blocked?: boolean;
}

export interface AddressChangeInput extends EvaluationContext {
  newAddress: AddressInput;
  /**
   * Rates for the order's lines to the new address. null = not fetched: allowed only when the
   * address is unusable (see quoteDestination) or another rule already refuses — then the shipping
   * rules are not evaluated. A null quote on an otherwise allowed change throws QuoteRequiredError.
   */
  quote: ShippingQuote | null;
}

/** The result of one rule. Passed outcomes are shared frozen objects: never mutate them. */
export interface RuleOutcome {
  readonly code: ReasonCode;
  readonly passed: boolean;
  readonly params?: Readonly<Record<string, string>>;
}

export interface Decision {
  allowed: boolean;
  /** Every failing rule, in the fixed order above. */
  reasons: Reason[];
  /** Every evaluated rule, passed or not (for the request's audit trail). */
  outcomes: RuleOutcome[];
  /** ISO time when the merchant's window closes; null = no time limit. */
  deadline: string | null;
  /**
   * The merchant must decide even when the store auto-approves: another party holds the order, or a
   * fulfillment service has it (only a cancellation asks this).
   */
  approvalRequired?: boolean;
}

export interface AddressChangeDecision extends Decision {
  /** The normalized new address when it is valid (what to send to Shopify), else null. */
  address: MailingAddress | null;
}

export class QuoteRequiredError extends Error {
  override name = "QuoteRequiredError";
  constructor(orderName: string) {
    super(
      `The address change on ${orderName} passes every other rule, so it needs a shipping quote to` +
        " decide; fetch the rates for quoteDestination(input) and evaluate again",
    );
  }
}

function frozenOutcomes(passed: boolean): Readonly<Record<ReasonCode, RuleOutcome>> {
  const map = {} as Record<ReasonCode, RuleOutcome>;
  for (const code of REASON_CODES) map[code] = Object.freeze({ code, passed });
  return Object.freeze(map);
}
// Shared outcomes keep an evaluation down to two arrays and its failing reasons (see bench/).
const PASSED = frozenOutcomes(true);
const FAILED = frozenOutcomes(false);

function pass(outcomes: RuleOutcome[], code: ReasonCode): void {
  outcomes.push(PASSED[code]);
}

function fail(reasons: Reason[], outcomes: RuleOutcome[], code: ReasonCode, params?: Record<string, string>): void {
  if (params) {
    reasons.push({ code, params });
    outcomes.push({ code, passed: false, params });
  } else {
    reasons.push({ code });
    outcomes.push(FAILED[code]);
  }
}

function check(reasons: Reason[], outcomes: RuleOutcome[], code: ReasonCode, passed: boolean): void {
  if (passed) pass(outcomes, code);
  else fail(reasons, outcomes, code);
}

// The service holds the work: it was sent to it, or it is being cancelled there, or the service closed it.
const SENT_TO_SERVICE = new Set<FulfillmentOrderRequestStatus>([
  "SUBMITTED",
  "ACCEPTED",
  "CANCELLATION_REQUESTED",
  "CANCELLATION_REJECTED",
  "CLOSED",
]);
// At a service, only a cancellation request can still stop these (the service answers it).
const CANCELLABLE_AT_SERVICE = new Set<FulfillmentOrderRequestStatus>([
  "SUBMITTED",
  "ACCEPTED",
  "CANCELLATION_REQUESTED",
]);

/** Fulfillment orders that still carry work: CANCELLED ones and those withdrawn from a service are replaced. */
function liveFulfillmentOrders(facts: OrderFacts): FulfillmentOrderFact[] {
  return facts.fulfillmentOrders.filter(
    (fo) => fo.status !== "CANCELLED" && fo.requestStatus !== "CANCELLATION_ACCEPTED",
  );
}

/**
 * How far shipping has gone, over every fulfillment order (several locations: each in its own state):
 * - NOT_ARRANGED: nothing fulfilled, every live fulfillment order OPEN, SCHEDULED (a pre-order, released at
 *   `fulfillAt`) or ON_HOLD, none sent to a fulfillment service;
 * - AT_SERVICE: as above, except that some are at a fulfillment service (SUBMITTED, ACCEPTED or a cancellation
 *   already requested) and none fulfilled: the address is the service's, but a cancellation can still be requested
 *   from it;
 * - ARRANGED: anything fulfilled, a fulfillment order IN_PROGRESS / INCOMPLETE / CLOSED at the merchant's own
 *   location, a service that refused a cancellation or closed the work, or an order Shopify displays as fulfilled.
 */
export type ShippingState = "NOT_ARRANGED" | "AT_SERVICE" | "ARRANGED";

export function shippingState(facts: OrderFacts): ShippingState {
  if (facts.fulfillmentsCount !== 0) return "ARRANGED";
  let atService = false;
  for (const fo of liveFulfillmentOrders(facts)) {
    const started = fo.status === "IN_PROGRESS" || fo.status === "INCOMPLETE" || fo.status === "CLOSED";
    if (!started && !SENT_TO_SERVICE.has(fo.requestStatus)) continue;
    const cancellable =
      CANCELLABLE_AT_SERVICE.has(fo.requestStatus) && (fo.status === "OPEN" || fo.status === "IN_PROGRESS");
    if (!cancellable) return "ARRANGED";
    atService = true;
  }
  const status = facts.displayFulfillmentStatus;
  // Shopify displays an order whose fulfillment orders are all scheduled as SCHEDULED: not started
  if (status === "UNFULFILLED" || status === "SCHEDULED" || status === "ON_HOLD") {
    return atService ? "AT_SERVICE" : "NOT_ARRANGED";
  }
  // sent to a service: Shopify displays PENDING_FULFILLMENT, then IN_PROGRESS once accepted
  if (atService && (status === "PENDING_FULFILLMENT" || status === "IN_PROGRESS")) return "AT_SERVICE";
  return "ARRANGED";
}

/** Shipping is not arranged: nothing fulfilled, nothing at a fulfillment service, nothing in progress. */
export function shippingNotArranged(facts: OrderFacts): boolean {
  return shippingState(facts) === "NOT_ARRANGED";
}

/**
 * Someone other than Amend deliberately stopped the order: a hold by the merchant (from the admin) or by
 * another app on a live fulfillment order, an ON_HOLD fulfillment order whose holds we cannot see, or an
 * order Shopify displays ON_HOLD with no fulfillment order on hold. Amend's own holds do not count.
 */
export function heldByOthers(facts: OrderFacts): boolean {
  let anyOnHold = false;
  for (const fo of liveFulfillmentOrders(facts)) {
    if (fo.status === "ON_HOLD") {
      anyOnHold = true;
      if (fo.holds.length === 0) return true;
    }
    for (const hold of fo.holds) if (!hold.heldByApp) return true;
  }
  return facts.displayFulfillmentStatus === "ON_HOLD" && !anyOnHold;
}

// Delivery methods that bring the order to an address the customer chose.
const DELIVERED = new Set<DeliveryMethodType>(["SHIPPING", "LOCAL"]);
const PICKED_UP = new Set<DeliveryMethodType>(["PICK_UP", "PICKUP_POINT"]);

/**
 * What the order's address is for:
 * - DELIVERY: something is shipped or delivered locally to the shipping address;
 * - PICKUP: every live fulfillment order is collected (at a store: PICK_UP; at a carrier's pickup point:
 *   PICKUP_POINT, whose address is the point's, not the customer's);
 * - NOTHING: no shipping address (digital goods, services), no line requiring shipping, or every live
 *   fulfillment order delivered with NONE / RETAIL (handed over at the counter).
 * A fulfillment order whose delivery method Shopify does not give counts as a delivery.
 */
export type AddressUse = "DELIVERY" | "PICKUP" | "NOTHING";

export function addressUse(facts: OrderFacts): AddressUse {
  let delivered = false;
  let pickedUp = false;
  let live = 0;
  for (const fo of liveFulfillmentOrders(facts)) {
    live += 1;
    if (fo.deliveryMethod === null || DELIVERED.has(fo.deliveryMethod)) delivered = true;
    else if (PICKED_UP.has(fo.deliveryMethod)) pickedUp = true;
  }
  if (live > 0 && !delivered) return pickedUp ? "PICKUP" : "NOTHING";
  if (facts.shippingAddress === null) return "NOTHING";
  const shipsSomething = facts.lineItems.some((line) => line.requiresShipping && line.quantity > 0);
  return shipsSomething ? "DELIVERY" : "NOTHING";
}

/** The order is delivered by the store's local delivery (a live fulfillment order with method LOCAL). */
export function locallyDelivered(facts: OrderFacts): boolean {
  return liveFulfillmentOrders(facts).some((fo) => fo.deliveryMethod === "LOCAL");
}

/** A B2B order: bought for a company location, whose ship-to address is the company's. */
export function isB2bOrder(facts: OrderFacts): boolean {
  return facts.companyLocationId !== null;
}

/** No payment captured yet: PENDING or AUTHORIZED. Anything else, or unknown (null), fails. */
export function paymentNotCaptured(facts: OrderFacts): boolean {
  const status = facts.displayFinancialStatus;
  return status === "PENDING" || status === "AUTHORIZED";
}

/**
 * A free-shipping offer was used: any discount targeting the shipping line (code, automatic,
 * manual or script; percentage or fixed), or a paid shipping line discounted to zero.
 * Discounts on the items never count.
 */
export function freeShippingUsed(facts: OrderFacts): boolean {
  for (const discount of facts.discountApplications) {
    if (discount.targetType === "SHIPPING_LINE") return true;
  }
  for (const line of facts.shippingLines) {
    if (!isZeroAmount(line.originalPrice.amount) && isZeroAmount(line.discountedPrice.amount)) return true;
  }
  return false;
}

function pendingRequest(openRequests: readonly RequestSummary[], blocks: (kind: RequestKind) => boolean) {
  for (const request of openRequests) {
    if (isOpen(request.status) && blocks(request.kind)) return request;
  }
  return null;
}

// An open cancellation blocks an address change: the merchant is deciding whether to ship at all.
const blocksAddressChange = (kind: RequestKind) => kind === "ADDRESS_CHANGE" || kind === "CANCELLATION";
// An open address change does not block a cancellation: cancelling makes it moot (superseded).
const blocksCancellation = (kind: RequestKind) => kind === "CANCELLATION";

/** The checks every customer action goes through; returns the window deadline (epoch ms) or null. */
function checkOrder(
  ctx: EvaluationContext,
  { enabled, windowMinutes }: { enabled: boolean; windowMinutes: number | null },
  blocks: (kind: RequestKind) => boolean,
  reasons: Reason[],
  outcomes: RuleOutcome[],
): number | null {
  const { facts } = ctx;
  check(reasons, outcomes, "FEATURE_DISABLED", enabled && ctx.blocked !== true);
  check(reasons, outcomes, "ORDER_CANCELLED", facts.cancelledAt === null);
  check(reasons, outcomes, "ORDER_CLOSED", !facts.closed);

  const deadline = windowDeadlineMs(facts.createdAt, windowMinutes);
  if (deadline === null || ctx.now.getTime() < deadline) pass(outcomes, "WINDOW_EXPIRED");
  else fail(reasons, outcomes, "WINDOW_EXPIRED", { windowMinutes: String(windowMinutes) });

  const pending = pendingRequest(ctx.openRequests, blocks);
  if (pending === null) pass(outcomes, "REQUEST_ALREADY_PENDING");
  else fail(reasons, outcomes, "REQUEST_ALREADY_PENDING", { kind: pending.kind, status: pending.status });
  return deadline;
}

function checkAddressChangeOrder(ctx: EvaluationContext, reasons: Reason[], outcomes: RuleOutcome[]): number | null {
  const { addressChange } = ctx.policy;
  const rules = addressChange.rules;
  const deadline = checkOrder(ctx, addressChange, blocksAddressChange, reasons, outcomes);
  const use = addressUse(ctx.facts);
  check(reasons, outcomes, "NOTHING_TO_SHIP", use !== "NOTHING");
  check(reasons, outcomes, "PICKUP_ORDER", use !== "PICKUP");
  check(reasons, outcomes, "B2B_ORDER", !isB2bOrder(ctx.facts));
  if (rules.FULFILLMENT_STARTED) check(reasons, outcomes, "FULFILLMENT_STARTED", shippingNotArranged(ctx.facts));
  check(reasons, outcomes, "ORDER_ON_HOLD", !heldByOthers(ctx.facts));
  if (rules.PAYMENT_CONFIRMED) check(reasons, outcomes, "PAYMENT_CONFIRMED", paymentNotCaptured(ctx.facts));
  if (rules.ADDRESS_ALREADY_CHANGED) check(reasons, outcomes, "ADDRESS_ALREADY_CHANGED", !ctx.addressAlreadyChanged);
  if (rules.FREE_SHIPPING_DISCOUNT_USED) {
    check(reasons, outcomes, "FREE_SHIPPING_DISCOUNT_USED", !freeShippingUsed(ctx.facts));
  }
  // Shopify withheld the street address: Amend can neither show it nor check that a change reached Shopify.
  const addressReadable = !(ctx.facts.customerDataWithheld?.includes("address") ?? false);
  check(reasons, outcomes, "CUSTOMER_DATA_UNAVAILABLE", addressReadable);
  return deadline;
}

function decision(reasons: Reason[], outcomes: RuleOutcome[], deadline: number | null): Decision {
  return {
    allowed: reasons.length === 0,
    reasons,
    outcomes,
    deadline: deadline === null ? null : msToIso(deadline),
  };
}

/** May the customer change the address of this order? (the options screen: no new address yet) */
export function evaluateAddressChangeOptions(ctx: EvaluationContext): Decision {
  const reasons: Reason[] = [];
  const outcomes: RuleOutcome[] = [];
  const deadline = checkAddressChangeOrder(ctx, reasons, outcomes);
  return decision(reasons, outcomes, deadline);
}

/**
 * May the customer ask to cancel this order? FULFILLMENT_STARTED cannot be switched off here. An order at a
 * fulfillment service that has not shipped can still be asked (the service answers the cancellation
 * request), and so can an order another party holds: both go to the merchant, never auto-approved.
 * Pickup, digital and B2B orders can be cancelled like any other.
 */
export function evaluateCancellation(ctx: EvaluationContext): Decision {
  const reasons: Reason[] = [];
  const outcomes: RuleOutcome[] = [];
  const { cancellation } = ctx.policy;
  const deadline = checkOrder(ctx, cancellation, blocksCancellation, reasons, outcomes);
  const state = shippingState(ctx.facts);
  check(reasons, outcomes, "FULFILLMENT_STARTED", state !== "ARRANGED");
  const result = decision(reasons, outcomes, deadline);
  if (state === "AT_SERVICE" || heldByOthers(ctx.facts)) result.approvalRequired = true;
  return result;
}

function currentCountry(facts: OrderFacts): string | null {
  return facts.shippingAddress?.countryCode?.trim().toUpperCase() || null;
}

// An order without a shipping address has no country to keep.
function countryChangeRefused(facts: OrderFacts, policy: StorePolicy, address: MailingAddress): boolean {
  const current = currentCountry(facts);
  return !policy.addressChange.allowCountryChange && current !== null && current !== address.countryCode;
}

/**
 * Where to fetch a shipping quote for: the normalized new address when it is valid and its country
 * allowed, else null (a quote for an address we refuse anyway would waste a Shopify call).
 */
export function quoteDestination(
  input: Pick<AddressChangeInput, "facts" | "policy" | "newAddress">,
): MailingAddress | null {
  const validation = validateAddress(input.newAddress);
  if (!validation.ok) return null;
  return countryChangeRefused(input.facts, input.policy, validation.address) ? null : validation.address;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The rate the customer would get: the same method as on the order (by code, then by title; the
 * cheapest if several match), else the cheapest rate offered.
 */
export function pickRate(facts: OrderFacts, rates: readonly ShippingRate[]): ShippingRate | null {
  return sameMethodRate(facts, rates) ?? cheapestRate(rates);
}

const cheaper = (rate: ShippingRate, best: ShippingRate | null) =>
  best === null || compareMoney(rate.price, best.price) < 0;

/** The quoted rate of one of the order's own shipping methods (by code, then by title; the cheapest if several). */
function sameMethodRate(facts: OrderFacts, rates: readonly ShippingRate[]): ShippingRate | null {
  let byCode: ShippingRate | null = null;
  let byTitle: ShippingRate | null = null;
  for (const rate of rates) {
    for (const line of facts.shippingLines) {
      if (rate.code !== null && line.code !== null && rate.code === line.code && cheaper(rate, byCode)) byCode = rate;
      if (sameText(rate.title, line.title) && cheaper(rate, byTitle)) byTitle = rate;
    }
  }
  return byCode ?? byTitle;
}

function cheapestRate(rates: readonly ShippingRate[]): ShippingRate | null {
  let cheapest: ShippingRate | null = null;
  for (const rate of rates) if (cheaper(rate, cheapest)) cheapest = rate;
  return cheapest;
}

function checkShipping(
  ctx: AddressChangeInput,
  quote: ShippingQuote,
  address: MailingAddress,
  reasons: Reason[],
  outcomes: RuleOutcome[],
): void {
  const rate = pickRate(ctx.facts, quote.rates);
  if (rate === null) {
    fail(reasons, outcomes, "NO_SHIPPING_RATE", { countryCode: address.countryCode });
    return;
  }
  pass(outcomes, "NO_SHIPPING_RATE");
  if (locallyDelivered(ctx.facts)) {
    // the same local delivery must serve the new address: a quoted rate of the order's own method
    const local = sameMethodRate(ctx.facts, quote.rates);
    if (local === null) {
      const method = ctx.facts.shippingLines[0]?.title ?? "";
      fail(reasons, outcomes, "LOCAL_DELIVERY_UNAVAILABLE", { rateTitle: method, zip: address.zip ?? "" });
      return;
    }
    pass(outcomes, "LOCAL_DELIVERY_UNAVAILABLE");
  }
  if (!ctx.policy.addressChange.rules.SHIPPING_COST_INCREASE) return;
  // before discounts: a customer who paid less thanks to a discount still had that price's service
  const original = sumMoney(
    ctx.facts.shippingLines.map((line) => line.originalPrice),
    ctx.facts.currencyCode,
  );
  const params = {
    newPrice: normalizeAmount(rate.price.amount),
    oldPrice: normalizeAmount(original.amount),
    currencyCode: original.currencyCode,
    rateTitle: rate.title,
  };
  if (compareMoney(rate.price, original) > 0) fail(reasons, outcomes, "SHIPPING_COST_INCREASE", params);
  else outcomes.push({ code: "SHIPPING_COST_INCREASE", passed: true, params });
}

/** May the customer change the address to `newAddress`? Every rule, for a submission. */
export function evaluateAddressChange(input: AddressChangeInput): AddressChangeDecision {
  const reasons: Reason[] = [];
  const outcomes: RuleOutcome[] = [];
  const deadline = checkAddressChangeOrder(input, reasons, outcomes);

  const validation = validateAddress(input.newAddress);
  const address = validation.ok ? validation.address : null;
  if (validation.ok) {
    pass(outcomes, "ADDRESS_INVALID");
  } else {
    for (const error of validation.errors) {
      reasons.push({ code: "ADDRESS_INVALID", field: error.field, params: { error: error.code, ...error.params } });
    }
    outcomes.push({
      code: "ADDRESS_INVALID",
      passed: false,
      params: { fields: validation.errors.map((e) => e.field).join(",") },
    });
  }

  let countryRefused = false;
  if (address) {
    countryRefused = countryChangeRefused(input.facts, input.policy, address);
    if (countryRefused) {
      const from = currentCountry(input.facts) ?? "";
      fail(reasons, outcomes, "COUNTRY_CHANGE_NOT_ALLOWED", { from, to: address.countryCode });
    } else {
      pass(outcomes, "COUNTRY_CHANGE_NOT_ALLOWED");
    }
  }

  if (address && !countryRefused) {
    if (input.quote) checkShipping(input, input.quote, address, reasons, outcomes);
    else if (reasons.length === 0) throw new QuoteRequiredError(input.facts.name);
  }
  return { ...decision(reasons, outcomes, deadline), address };
}

/** The last path segment of a Customer gid, or a bare numeric id; null for anything else. */
function customerNumber(id: string): string | null {
  const match = /^(?:gid:\/\/shopify\/Customer\/)?(\d+)$/.exec(id.trim());
  return match ? match[1] : null;
}

/**
 * Is this the customer's order? ORDER_NOT_FOUND when there is no such order, NOT_ORDER_OWNER when
 * it belongs to someone else (or no one). Ids may be gids or numeric: their numbers are compared.
 */
export function checkOwnership(facts: OrderFacts | null, customerId: string): Reason | null {
  if (facts === null) return { code: "ORDER_NOT_FOUND" };
  const owner = facts.customerId === null ? null : customerNumber(facts.customerId);
  const caller = customerNumber(customerId);
  return owner !== null && owner === caller ? null : { code: "NOT_ORDER_OWNER" };
}

export const CANCELLATION_NOTE_MAX = 1000;

export interface CancellationInputError {
  field: "reason" | "note";
  code: "REQUIRED" | "INVALID" | "TOO_LONG";
  params?: { max?: string };
}

export type CancellationInputValidation =
  { ok: true; reason: CustomerReason; note: string | null } | { ok: false; errors: CancellationInputError[] };

/** The customer's reason must be one the store offers; the note is optional, trimmed, ≤ 1000 chars. */
export function validateCancellationInput(
  reason: unknown,
  note: unknown,
  policy: StorePolicy,
): CancellationInputValidation {
  const errors: CancellationInputError[] = [];
  if (reason === null || reason === undefined || reason === "") {
    errors.push({ field: "reason", code: "REQUIRED" });
  } else if (typeof reason !== "string" || !(policy.cancellation.customerReasons as string[]).includes(reason)) {
    errors.push({ field: "reason", code: "INVALID" });
  }
  let cleanNote: string | null = null;
  if (note !== null && note !== undefined) {
    if (typeof note !== "string") {
      errors.push({ field: "note", code: "INVALID" });
    } else {
      const trimmed = note.trim();
      if (trimmed.length > CANCELLATION_NOTE_MAX) {
        errors.push({ field: "note", code: "TOO_LONG", params: { max: String(CANCELLATION_NOTE_MAX) } });
      }
      cleanNote = trimmed === "" ? null : trimmed;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, reason: reason as CustomerReason, note: cleanNote };
}
