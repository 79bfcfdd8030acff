import type { StorePolicy, WithdrawalExemptionReason } from "./policy";
import type { OrderFacts, Reason } from "./types";

/**
 * The EU right of withdrawal (Consumer Rights Directive 2011/83/EU, articles 9–16 and 11a; docs/rules.md
 * "Withdrawal"). Pure: the order's facts, the store's settings, the time and the earlier withdrawals are
 * arguments. Nobody approves a withdrawal: these rules only say whether the function is offered, whether the
 * period is still running, and what can still be withdrawn.
 */

/** Where the goods are: nothing shipped yet, shipped (not all known delivered), or every shipment delivered. */
export type WithdrawalStage = "NOT_SHIPPED" | "SHIPPED" | "DELIVERED";

/** One shipment of the order (Shopify's Fulfillment), with the order lines it carries. */
export interface ShipmentFact {
  id: string;
  /** Shopify's FulfillmentStatus: only SUCCESS shipments count (CANCELLED / ERROR / FAILURE did not ship). */
  status: "SUCCESS" | "CANCELLED" | "ERROR" | "FAILURE" | "OPEN" | "PENDING";
  createdAt: string;
  /** Fulfillment.deliveredAt: set when the carrier's tracking (or the merchant) reports it delivered. */
  deliveredAt: string | null;
  lines: { fulfillmentLineItemId: string; lineItemId: string; quantity: number }[];
}

/** A Shopify return on the order, and what it takes back (by fulfillment line item). */
export interface ReturnFact {
  id: string;
  /** ReturnStatus: REQUESTED and OPEN returns hold their quantities; DECLINED / CANCELED give them back. */
  status: "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";
  lines: { fulfillmentLineItemId: string; quantity: number }[];
}

/** What the withdrawal needs beyond the order's facts, read only for stores that offer the function. */
export interface WithdrawalFacts {
  shipments: ShipmentFact[];
  returns: ReturnFact[];
  lines: {
    id: string;
    variantTitle: string | null;
    /** Units not shipped yet (LineItem.unfulfilledQuantity). */
    unfulfilledQuantity: number;
    /** The product's tags (the store's exemptions name tags). */
    productTags: string[];
  }[];
}

export interface WithdrawalItemOption {
  /** The numeric line item id (as the customer API names it). */
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  /** On the order now (after edits and refunds). */
  quantity: number;
  /** How many of it can still be withdrawn: 0 when exempt or already withdrawn. */
  withdrawableQuantity: number;
  exempt: boolean;
  exemptReason: WithdrawalExemptionReason | null;
}

export interface WithdrawalEvaluation {
  /** false: the store has not turned the function on, or the order does not ship to one of its countries. */
  offered: boolean;
  allowed: boolean;
  reasons: Reason[];
  stage: WithdrawalStage;
  periodDays: number;
  /** When the last shipment was delivered (ISO); null until every shipment is known delivered. */
  deliveredAt: string | null;
  /** The end of the period (ISO); null until delivery: the function stays available until then. */
  periodEndsAt: string | null;
  items: WithdrawalItemOption[];
}

/** An earlier withdrawal of the order, as the database has it. */
export interface EarlierWithdrawal {
  status: string;
  /** Still being carried to Shopify (APPLYING) or waiting for a retry (FAILED). */
  open: boolean;
}

export const numericLineId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);
const DAY_MS = 86_400_000;

/** The shipments that left the warehouse (a cancelled or failed fulfillment shipped nothing). */
const shipped = (facts: WithdrawalFacts) => facts.shipments.filter((s) => s.status === "SUCCESS");

/**
 * Where the goods are, and when they arrived. The period starts when the consumer has the goods — for goods
 * delivered in several shipments, the last one (directive, article 9(2)(b)) — so `deliveredAt` is set only
 * when nothing shippable is left unshipped and every shipment has a delivery date; it is the latest of them.
 * A shipment Shopify has no delivery date for (no tracking, never marked delivered) keeps the stage SHIPPED and
 * the period open: the trader bears the burden of proving delivery (docs/rules.md).
 */
export function withdrawalStage(
  order: Pick<OrderFacts, "lineItems">,
  facts: WithdrawalFacts,
): { stage: WithdrawalStage; deliveredAt: string | null } {
  const shipments = shipped(facts);
  if (shipments.length === 0) return { stage: "NOT_SHIPPED", deliveredAt: null };
  const shippable = new Set(order.lineItems.filter((l) => l.requiresShipping).map((l) => l.id));
  const leftToShip = facts.lines.some((l) => shippable.has(l.id) && l.unfulfilledQuantity > 0);
  if (leftToShip || shipments.some((s) => !s.deliveredAt)) return { stage: "SHIPPED", deliveredAt: null };
  const last = Math.max(...shipments.map((s) => Date.parse(s.deliveredAt!)));
  return { stage: "DELIVERED", deliveredAt: new Date(last).toISOString() };
}

/**
 * The period's end: the end of the `periodDays`-th day after delivery. The day of delivery does not count
 * (Regulation 1182/71, article 3, which the directive's recital 41 applies); the day ends at 24:00 UTC, which
 * is at or after midnight everywhere in the EU/EEA, so the consumer never gets less than the law gives.
 */
export function withdrawalPeriodEnd(deliveredAt: string, periodDays: number): string {
  const delivered = new Date(deliveredAt);
  const startOfDay = Date.UTC(delivered.getUTCFullYear(), delivered.getUTCMonth(), delivered.getUTCDate());
  return new Date(startOfDay + (periodDays + 1) * DAY_MS - 1).toISOString();
}

/** The merchant must reimburse within 14 days of being informed of the withdrawal (directive, article 13). */
export const REIMBURSEMENT_DAYS = 14;

export function reimbursementDueBy(submittedAt: Date): string {
  return new Date(submittedAt.getTime() + REIMBURSEMENT_DAYS * DAY_MS).toISOString();
}

/** The store's exemption for a product with these tags (tags compare case-insensitively, as in Shopify). */
export function exemptionFor(
  tags: readonly string[],
  policy: StorePolicy["withdrawal"],
): WithdrawalExemptionReason | null {
  const lower = new Set(tags.map((t) => t.trim().toLowerCase()));
  return policy.exemptions.find((e) => lower.has(e.tag.toLowerCase()))?.reason ?? null;
}

/** Whether the function is offered for this order at all: the store's switch and the shipping country. */
export function withdrawalOffered(order: Pick<OrderFacts, "shippingAddress">, policy: StorePolicy): boolean {
  const country = order.shippingAddress?.countryCode?.toUpperCase();
  return policy.withdrawal.enabled && !!country && policy.withdrawal.countries.includes(country);
}

/** Units of each order line held by a return still in progress (REQUESTED or OPEN). */
function unitsInReturns(facts: WithdrawalFacts): Map<string, number> {
  const lineOf = new Map<string, string>();
  for (const s of facts.shipments) for (const l of s.lines) lineOf.set(l.fulfillmentLineItemId, l.lineItemId);
  const held = new Map<string, number>();
  for (const r of facts.returns) {
    if (r.status !== "REQUESTED" && r.status !== "OPEN") continue;
    for (const l of r.lines) {
      const lineItemId = lineOf.get(l.fulfillmentLineItemId);
      if (lineItemId) held.set(lineItemId, (held.get(lineItemId) ?? 0) + l.quantity);
    }
  }
  return held;
}

/**
 * Whether the customer may withdraw now, and from what. Refusals, in order: ORDER_CANCELLED; ALREADY_WITHDRAWN
 * (a withdrawal of the order is still being carried out, or everything withdrawable was withdrawn before);
 * WITHDRAWAL_PERIOD_ENDED; ALL_ITEMS_EXEMPT; NOTHING_TO_WITHDRAW (no units left on the order).
 */
export function evaluateWithdrawal(input: {
  order: OrderFacts;
  facts: WithdrawalFacts | null;
  policy: StorePolicy;
  now: Date;
  earlier: readonly EarlierWithdrawal[];
}): WithdrawalEvaluation {
  const { order, policy, now } = input;
  const facts = input.facts ?? { shipments: [], returns: [], lines: [] };
  const periodDays = policy.withdrawal.periodDays;
  const offered = withdrawalOffered(order, policy);
  const { stage, deliveredAt } = withdrawalStage(order, facts);
  const periodEndsAt = deliveredAt ? withdrawalPeriodEnd(deliveredAt, periodDays) : null;

  const extra = new Map(facts.lines.map((l) => [l.id, l]));
  const held = unitsInReturns(facts);
  const items: WithdrawalItemOption[] = order.lineItems.map((line) => {
    const more = extra.get(line.id);
    const exemptReason = exemptionFor(more?.productTags ?? [], policy.withdrawal);
    const left = Math.max(0, line.quantity - (held.get(line.id) ?? 0));
    return {
      lineItemId: numericLineId(line.id),
      title: line.title,
      variantTitle: more?.variantTitle ?? null,
      quantity: line.quantity,
      withdrawableQuantity: exemptReason ? 0 : left,
      exempt: exemptReason !== null,
      exemptReason,
    };
  });

  const reasons: Reason[] = [];
  const onOrder = items.filter((i) => i.quantity > 0);
  const notHeld = onOrder.filter((i) => i.quantity > (held.get(`gid://shopify/LineItem/${i.lineItemId}`) ?? 0));
  if (order.cancelledAt) reasons.push({ code: "ORDER_CANCELLED" });
  else if (input.earlier.some((w) => w.open)) reasons.push({ code: "ALREADY_WITHDRAWN" });
  else if (periodEndsAt && now.getTime() > Date.parse(periodEndsAt))
    reasons.push({ code: "WITHDRAWAL_PERIOD_ENDED", params: { days: String(periodDays) } });
  else if (onOrder.length === 0) reasons.push({ code: "NOTHING_TO_WITHDRAW" });
  else if (!items.some((i) => i.withdrawableQuantity > 0)) {
    // every line left is exempt, or what is not exempt is already on its way back
    const notExempt = notHeld.filter((i) => !i.exempt);
    if (notExempt.length === 0 && notHeld.length > 0) reasons.push({ code: "ALL_ITEMS_EXEMPT" });
    else reasons.push({ code: input.earlier.length > 0 ? "ALREADY_WITHDRAWN" : "NOTHING_TO_WITHDRAW" });
  }
  return {
    offered,
    allowed: offered && reasons.length === 0,
    reasons,
    stage,
    periodDays,
    deliveredAt,
    periodEndsAt,
    items,
  };
}

/** One withdrawn line: the order line and the units withdrawn. */
export interface WithdrawnLine {
  lineItemId: string;
  title: string;
  quantity: number;
}

export type WithdrawalInputError = { field: string; code: "REQUIRED" | "INVALID" | "TOO_LONG" | "TOO_MANY" };

export const WITHDRAWAL_NAME_MAX = 200;

/**
 * The statement as the customer sent it: the name (1–200 characters, trimmed), the items (null: every
 * withdrawable unit; else each line once, a whole quantity from 1 to what can be withdrawn) and the means of
 * acknowledgement (email always when the order has an address; SMS only if asked and a phone is known).
 */
export function validateWithdrawalInput(
  input: { name: unknown; items: unknown; acknowledgeBy: unknown },
  evaluation: Pick<WithdrawalEvaluation, "items">,
  contact: { email: string | null; phone: string | null },
):
  | {
      ok: true;
      name: string;
      lines: WithdrawnLine[];
      wholeOrder: boolean;
      acknowledgeBy: { email: boolean; sms: boolean };
    }
  | { ok: false; errors: WithdrawalInputError[] } {
  const errors: WithdrawalInputError[] = [];
  const name = typeof input.name === "string" ? input.name.trim().replace(/\s+/g, " ") : "";
  if (typeof input.name !== "string" || name.length === 0) errors.push({ field: "name", code: "REQUIRED" });
  else if (name.length > WITHDRAWAL_NAME_MAX) errors.push({ field: "name", code: "TOO_LONG" });

  const withdrawable = evaluation.items.filter((i) => i.withdrawableQuantity > 0);
  let lines: WithdrawnLine[] = [];
  if (input.items === null || input.items === undefined) {
    lines = withdrawable.map((i) => ({ lineItemId: i.lineItemId, title: i.title, quantity: i.withdrawableQuantity }));
  } else if (!Array.isArray(input.items) || input.items.length === 0) {
    errors.push({ field: "items", code: "INVALID" });
  } else if (input.items.length > evaluation.items.length) {
    errors.push({ field: "items", code: "TOO_MANY" });
  } else {
    const seen = new Set<string>();
    input.items.forEach((raw: unknown, index) => {
      const entry = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
      const id = typeof entry.lineItemId === "string" ? numericLineId(entry.lineItemId.trim()) : "";
      const item = evaluation.items.find((i) => i.lineItemId === id);
      const quantity = entry.quantity;
      if (!item || seen.has(id)) return void errors.push({ field: `items.${index}.lineItemId`, code: "INVALID" });
      seen.add(id);
      if (
        typeof quantity !== "number" ||
        !Number.isInteger(quantity) ||
        quantity < 1 ||
        quantity > item.withdrawableQuantity
      )
        return void errors.push({ field: `items.${index}.quantity`, code: "INVALID" });
      lines.push({ lineItemId: item.lineItemId, title: item.title, quantity });
    });
  }

  const ack = input.acknowledgeBy && typeof input.acknowledgeBy === "object" ? input.acknowledgeBy : null;
  const { email, sms } = (ack ?? {}) as Record<string, unknown>;
  if (!ack || typeof email !== "boolean" || typeof sms !== "boolean")
    errors.push({ field: "acknowledgeBy", code: "INVALID" });
  else if (sms && !contact.phone) errors.push({ field: "acknowledgeBy.sms", code: "INVALID" });

  if (errors.length > 0) return { ok: false, errors };
  // the whole order: every withdrawable unit of every line, and nothing on the order left out but exemptions
  const wholeOrder =
    withdrawable.length > 0 &&
    withdrawable.every((i) =>
      lines.some((l) => l.lineItemId === i.lineItemId && l.quantity === i.withdrawableQuantity),
    );
  return {
    ok: true,
    name,
    lines,
    wholeOrder,
    acknowledgeBy: { email: !!contact.email || email === true, sms: sms === true },
  };
}

/** What Amend does in Shopify for a withdrawal. */
export interface WithdrawalPlan {
  outcome: "CANCELLATION" | "RETURN";
  /** Nothing of the order shipped and every unit is withdrawn: `orderCancel`. */
  cancelOrder: boolean;
  /** Units not shipped yet, removed by an order edit (the quantity each line keeps). */
  cancelLines: { lineItemId: string; keep: number }[];
  /** Shipped units, for which a return is requested (by fulfillment line item). */
  returnLines: { fulfillmentLineItemId: string; quantity: number }[];
  /** Withdrawn units found neither unshipped nor in a shipment with room left: nothing may be done silently. */
  unplaced: { lineItemId: string; title: string; quantity: number }[];
}

/**
 * Splits the withdrawn units: unshipped ones are cancelled (the whole order with `orderCancel` when nothing
 * shipped and every unit of the order is withdrawn, else an order edit), shipped ones go back through a Shopify
 * return, taken from the shipments in order, less what earlier returns already hold. Pure.
 */
export function planWithdrawal(
  order: OrderFacts,
  facts: WithdrawalFacts,
  lines: readonly WithdrawnLine[],
): WithdrawalPlan {
  const gid = (id: string) => `gid://shopify/LineItem/${id}`;
  const unfulfilled = new Map(facts.lines.map((l) => [l.id, l.unfulfilledQuantity]));
  const inReturns = new Map<string, number>();
  for (const r of facts.returns)
    if (r.status === "REQUESTED" || r.status === "OPEN")
      for (const l of r.lines)
        inReturns.set(l.fulfillmentLineItemId, (inReturns.get(l.fulfillmentLineItemId) ?? 0) + l.quantity);

  const cancelLines: WithdrawalPlan["cancelLines"] = [];
  const returnLines: WithdrawalPlan["returnLines"] = [];
  const unplaced: WithdrawalPlan["unplaced"] = [];
  for (const line of lines) {
    const orderLine = order.lineItems.find((l) => l.id === gid(line.lineItemId));
    if (!orderLine) {
      unplaced.push(line);
      continue;
    }
    const notShipped = Math.min(line.quantity, unfulfilled.get(orderLine.id) ?? 0);
    if (notShipped > 0) cancelLines.push({ lineItemId: orderLine.id, keep: orderLine.quantity - notShipped });
    let toReturn = line.quantity - notShipped;
    for (const shipment of shipped(facts)) {
      for (const fli of shipment.lines) {
        if (toReturn === 0 || fli.lineItemId !== orderLine.id) continue;
        const free = fli.quantity - (inReturns.get(fli.fulfillmentLineItemId) ?? 0);
        const take = Math.min(free, toReturn);
        if (take <= 0) continue;
        returnLines.push({ fulfillmentLineItemId: fli.fulfillmentLineItemId, quantity: take });
        inReturns.set(fli.fulfillmentLineItemId, (inReturns.get(fli.fulfillmentLineItemId) ?? 0) + take);
        toReturn -= take;
      }
    }
    if (toReturn > 0) unplaced.push({ lineItemId: line.lineItemId, title: line.title, quantity: toReturn });
  }
  const nothingShipped = shipped(facts).length === 0;
  const everyUnit = order.lineItems
    .filter((l) => l.quantity > 0)
    .every((l) => cancelLines.some((c) => c.lineItemId === l.id && c.keep === 0));
  const cancelOrder = nothingShipped && returnLines.length === 0 && everyUnit;
  return {
    outcome: returnLines.length > 0 ? "RETURN" : "CANCELLATION",
    cancelOrder,
    cancelLines: cancelOrder ? [] : cancelLines,
    returnLines,
    unplaced,
  };
}
