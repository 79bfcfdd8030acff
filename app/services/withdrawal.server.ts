import crypto from "node:crypto";
import type { ChangeRequest } from "@prisma/client";
import type { DbTx } from "~/db.server";
import type { StorePolicy } from "~/domain/policy";
import { checkOwnership } from "~/domain/rules";
import { isOpen } from "~/domain/state-machine";
import type { OrderFacts, Reason } from "~/domain/types";
import {
  evaluateWithdrawal,
  planWithdrawal,
  reimbursementDueBy,
  validateWithdrawalInput,
  withdrawalOffered,
  type WithdrawalEvaluation,
  type WithdrawalFacts,
  type WithdrawnLine,
} from "~/domain/withdrawal";
import { createRequest, findByIdempotencyKey, RequestConflictError } from "~/models/change-request.server";
import { decodePayload, type WithdrawalPayload } from "~/models/request-payload";
import { getPolicy } from "~/models/settings.server";
import { logger } from "~/logger.server";
import { withdrawalReadFor } from "~/shopify/withdrawal.server";
import { applyRequest } from "./apply.server";
import { canonical } from "./canonical";
import { ServiceError } from "./errors";
import { applyTransition } from "./lifecycle.server";
import type { ServiceDeps } from "./ports";
import type { SystemDeps } from "./system-jobs.server";
import { viaShopify } from "./shopify-calls";

/**
 * The EU right of withdrawal (docs/rules.md "Withdrawal", docs/lifecycle.md): the customer withdraws, nobody
 * approves. A withdrawal is registered at once (APPLYING, the acknowledgement queued in the same transaction),
 * then carried to Shopify: nothing shipped → the order (or the withdrawn units) is cancelled; shipped → a
 * Shopify return is requested. A Shopify failure leaves it FAILED, and the background job retries it.
 */

/** Where the storefront page is: the app proxy's address on the shop (shopify.app.toml `[app_proxy]`). */
export const storefrontWithdrawalUrl = (shop: string) => `https://${shop}/apps/amend/withdrawal`;

/** The withdrawal section of the options: the rules' answer, and what the two-step statement form shows. */
export interface WithdrawalOptions extends WithdrawalEvaluation {
  orderId: string;
  orderName: string;
  /** The order's customer name, to prefill the statement's name (the customer may change it). */
  customerName: string | null;
  /** Where the acknowledgement can go (not masked: presenters mask them). */
  contact: { email: string | null; phone: string | null };
  storefrontUrl: string;
}

export interface SubmittedWithdrawal {
  request: ChangeRequest;
  withdrawal: {
    submittedAt: string;
    statement: { name: string; orderName: string; items: WithdrawnLine[]; wholeOrder: boolean };
    acknowledgement: { email: string | null; sms: string | null };
    outcome: "CANCELLATION" | "RETURN";
    reimbursementDueBy: string;
  };
}

function contactOf(facts: OrderFacts) {
  return {
    firstName: facts.customer?.firstName ?? null,
    lastName: facts.customer?.lastName ?? null,
    email: facts.customer?.email ?? null,
    phone: facts.customer?.phone ?? null,
    statusPageUrl: facts.statusPageUrl ?? null,
  };
}

const fullName = (facts: OrderFacts) =>
  [facts.customer?.firstName, facts.customer?.lastName].filter(Boolean).join(" ") || null;

/** The order, checked against the customer when one is signed in (the storefront matched name and email). */
function ownedBy(facts: OrderFacts | null, customerId: string | null): OrderFacts {
  if (!facts) throw new ServiceError("ORDER_NOT_FOUND", "This order does not exist.");
  if (customerId !== null && checkOwnership(facts, customerId))
    throw new ServiceError("NOT_ORDER_OWNER", "This order belongs to another customer.");
  return facts;
}

/** The order's withdrawals so far (the rules refuse a second one while one is in progress). */
async function earlierWithdrawals(deps: ServiceDeps, orderId: string) {
  const rows = await deps.db.changeRequest.findMany({
    where: { shop: deps.shop, orderId, kind: "WITHDRAWAL" },
    select: { status: true },
  });
  return rows.map((r) => ({ status: r.status, open: isOpen(r.status) }));
}

/** How the withdrawal facts of a question were read: stale (served past freshness) or not known yet (budget). */
export interface WithdrawalFreshness {
  asOf: Date | null;
  stale: boolean;
  pendingRetryAfterSeconds?: number;
}

/**
 * The withdrawal facts: a decision reads them from Shopify; a question from the order facts cache when fresh
 * (`readWithdrawalFacts`), stale-but-marked while the budget is low, or not yet (pending) with nothing cached.
 */
async function withdrawalFacts(
  deps: ServiceDeps,
  facts: OrderFacts,
  purpose: "question" | "decision",
): Promise<{ extra: WithdrawalFacts | null; freshness: WithdrawalFreshness }> {
  const options = withdrawalReadFor(facts);
  if (purpose === "question" && deps.shopify.readWithdrawalFacts) {
    const read = await viaShopify(() => deps.shopify.readWithdrawalFacts!(facts.legacyId, options));
    return {
      extra: read.facts,
      freshness: { asOf: read.asOf, stale: read.stale, pendingRetryAfterSeconds: read.pendingRetryAfterSeconds },
    };
  }
  const extra = await viaShopify(() => deps.shopify.getWithdrawalFacts(facts.legacyId, options));
  return { extra, freshness: { asOf: deps.clock(), stale: false } };
}

/** The rules' answer for an order whose facts are read: extra facts only when the function is offered. */
async function evaluate(
  deps: ServiceDeps,
  facts: OrderFacts,
  policy: StorePolicy,
  purpose: "question" | "decision" = "decision",
): Promise<{ evaluation: WithdrawalEvaluation; extra: WithdrawalFacts | null; freshness: WithdrawalFreshness }> {
  const offered = withdrawalOffered(facts, policy);
  // a store that does not offer the function pays nothing for it: no Shopify read, no database read; a question
  // about an order that has not shipped, in a store without exemptions, needs nothing the order facts lack
  const known = purpose === "question" ? unshippedFacts(facts, policy) : null;
  const none: WithdrawalFreshness = { asOf: null, stale: false };
  const [{ extra, freshness }, earlier] = offered
    ? await Promise.all([
        known ? Promise.resolve({ extra: known, freshness: none }) : withdrawalFacts(deps, facts, purpose),
        earlierWithdrawals(deps, facts.legacyId),
      ])
    : [{ extra: null, freshness: none }, []];
  const evaluation = evaluateWithdrawal({ order: facts, facts: extra, policy, now: deps.clock(), earlier });
  return { evaluation: offered ? evaluation : { ...evaluation, items: [] }, extra, freshness };
}

/**
 * The withdrawal facts of an order with no shipment (Shopify's fulfillment count is 0: nothing shipped, so no return
 * either), when the store has no exemption tags to look up: every unit is still to ship. Null otherwise. Variant
 * titles are not in the order facts: null here.
 */
export function unshippedFacts(facts: OrderFacts, policy: StorePolicy): WithdrawalFacts | null {
  if (facts.fulfillmentsCount > 0 || policy.withdrawal.exemptions.length > 0) return null;
  return {
    shipments: [],
    returns: [],
    lines: facts.lineItems.map((l) => ({
      id: l.id,
      variantTitle: null,
      unfulfilledQuantity: l.requiresShipping ? l.quantity : 0,
      productTags: [],
    })),
  };
}

function optionsOf(deps: ServiceDeps, facts: OrderFacts, evaluation: WithdrawalEvaluation): WithdrawalOptions {
  return {
    ...evaluation,
    orderId: facts.legacyId,
    orderName: facts.name,
    customerName: fullName(facts),
    contact: { email: facts.customer?.email ?? null, phone: facts.customer?.phone ?? null },
    storefrontUrl: storefrontWithdrawalUrl(deps.shop),
  };
}

/**
 * The withdrawal section for an order whose facts the caller already read (the options answer), and how its
 * withdrawal facts were read (the caller marks its answer stale, or answers "checking", accordingly).
 */
export async function withdrawalSectionRead(
  deps: ServiceDeps,
  facts: OrderFacts,
  policy: StorePolicy,
): Promise<{ section: WithdrawalOptions; freshness: WithdrawalFreshness }> {
  const { evaluation, freshness } = await evaluate(deps, facts, policy, "question");
  return { section: optionsOf(deps, facts, evaluation), freshness };
}

/** The withdrawal section alone: facts not known yet for the shop's budget are a 503 with Retry-After. */
export async function withdrawalSection(
  deps: ServiceDeps,
  facts: OrderFacts,
  policy: StorePolicy,
): Promise<WithdrawalOptions> {
  const { section, freshness } = await withdrawalSectionRead(deps, facts, policy);
  if (freshness.pendingRetryAfterSeconds !== undefined)
    throw new ServiceError("SHOPIFY_UNAVAILABLE", "Shopify is not answering right now. Please try again shortly.", {
      retryAfterSeconds: freshness.pendingRetryAfterSeconds,
    });
  return section;
}

/**
 * The options' withdrawal section on its own. With a customer (customer account): their order only. Without
 * (the storefront page): the caller has matched the order's number, email and name first.
 */
export async function withdrawalOptions(
  deps: ServiceDeps,
  input: { orderId: string; customerId: string | null },
): Promise<WithdrawalOptions> {
  const facts = ownedBy(await viaShopify(() => deps.shopify.getOrderFacts(input.orderId)), input.customerId);
  return withdrawalSection(deps, facts, await getPolicy(deps.db, deps.shop));
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("base64url");

function refusal(reasons: Reason[]): ServiceError {
  if (reasons.length === 1 && reasons[0].code === "ALREADY_WITHDRAWN")
    return new ServiceError("REQUEST_ALREADY_PENDING", "This order was already withdrawn from.", { reasons });
  return new ServiceError(
    "RULES_FAILED",
    `The withdrawal cannot be registered: ${reasons.map((r) => r.code).join(", ")}.`,
    {
      reasons,
    },
  );
}

/** The answer for a registered withdrawal (a replay gives the same). */
function submitted(request: ChangeRequest): SubmittedWithdrawal {
  const payload = decodePayload(request) as WithdrawalPayload;
  const statement = payload.statement!;
  return {
    request,
    withdrawal: {
      submittedAt: statement.submittedAt,
      statement: {
        name: statement.name,
        orderName: request.orderName,
        // what was withdrawn, listed also when the statement says "the whole order"
        items: payload.lines ?? statement.items ?? [],
        wholeOrder: statement.wholeOrder,
      },
      acknowledgement: {
        email: statement.acknowledgeBy.email ? (payload.contact?.email ?? null) : null,
        sms: statement.acknowledgeBy.sms ? (payload.contact?.phone ?? null) : null,
      },
      outcome: payload.outcome ?? "CANCELLATION",
      reimbursementDueBy: payload.reimbursementDueBy ?? statement.submittedAt,
    },
  };
}

/**
 * Registers a withdrawal. Checks the order (the customer's own, when signed in), the input (400 naming the
 * field), and the rules (422; 409 ALREADY_WITHDRAWN while one is in progress — two submissions racing: one wins).
 * Then, in one transaction: the request (APPLYING), its event, and the acknowledgement to the customer and staff
 * (WITHDRAWAL_RECEIVED). Then Shopify is asked; if Shopify fails the withdrawal stands (201): the request is
 * FAILED or still APPLYING, and the background job carries it on. The same Idempotency-Key (or the same body,
 * without one) gives back the same withdrawal; a key reused for another body is refused.
 */
export async function submitWithdrawal(
  deps: ServiceDeps,
  input: {
    orderId: string;
    source: "CUSTOMER_ACCOUNT" | "STOREFRONT";
    customerId: string | null;
    name: unknown;
    items: unknown;
    acknowledgeBy: unknown;
    idempotencyKey?: string | null;
    locale?: string;
  },
): Promise<SubmittedWithdrawal> {
  const facts = ownedBy(await viaShopify(() => deps.shopify.getOrderFacts(input.orderId)), input.customerId);
  const fingerprint = sha256(canonical({ name: input.name, items: input.items ?? null, ack: input.acknowledgeBy }));
  const who = input.customerId ?? `storefront:${facts.legacyId}`;
  const earlierCount = await deps.db.changeRequest.count({
    where: { shop: deps.shop, orderId: facts.legacyId, kind: "WITHDRAWAL" },
  });
  const key = input.idempotencyKey
    ? `client:${who}:${input.idempotencyKey}`
    : `auto:${sha256(canonical([who, facts.legacyId, "WITHDRAWAL", fingerprint, earlierCount]))}`;
  const seen = await findByIdempotencyKey(deps.db, deps.shop, key);
  if (seen) return replay(deps, seen, facts.legacyId, fingerprint);

  const policy = await getPolicy(deps.db, deps.shop);
  const { evaluation, extra } = await evaluate(deps, facts, policy);
  if (!evaluation.offered) throw refusal([{ code: "FEATURE_DISABLED" }]);
  if (!evaluation.allowed) throw refusal(evaluation.reasons);
  const contact = contactOf(facts);
  const checked = validateWithdrawalInput(input, evaluation, contact);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new ServiceError("INVALID_INPUT", `The withdrawal's ${first.field} is ${first.code.toLowerCase()}.`, {
      field: first.field,
      fieldErrors: checked.errors,
    });
  }
  const plan = planWithdrawal(facts, extra ?? { shipments: [], returns: [], lines: [] }, checked.lines);
  const submittedAt = deps.clock();
  const payload: Omit<WithdrawalPayload, "kind"> = {
    statement: {
      name: checked.name,
      items: checked.wholeOrder ? null : checked.lines,
      wholeOrder: checked.wholeOrder,
      submittedAt: submittedAt.toISOString(),
      source: input.source,
      acknowledgeBy: checked.acknowledgeBy,
    },
    lines: checked.lines,
    outcome: plan.outcome,
    reimbursementDueBy: reimbursementDueBy(submittedAt),
    returnId: null,
    fingerprint,
    plan: null,
    contact,
  };

  let request: ChangeRequest;
  try {
    request = await deps.db.$transaction(async (tx: DbTx) => {
      const created = await createRequest(tx, {
        shop: deps.shop,
        kind: "WITHDRAWAL",
        status: "APPLYING",
        orderId: facts.legacyId,
        orderName: facts.name,
        customerId: input.customerId ?? (facts.customerId ? facts.customerId.split("/").pop()! : ""),
        customerName: checked.name,
        customerEmail: contact.email,
        locale: input.locale ?? facts.customerLocale ?? "en",
        payload,
        evaluation: [],
        settingsVersion: policy.version,
        idempotencyKey: key,
        deadlineAt: null,
        actor: "CUSTOMER",
        message: `Withdrawal submitted from the ${input.source === "STOREFRONT" ? "storefront page" : "customer account"}`,
      });
      await deps.notify(tx, { request: created.request, event: "WITHDRAWAL_RECEIVED", eventId: created.eventId });
      return created.request;
    });
  } catch (error) {
    const twin = await findByIdempotencyKey(deps.db, deps.shop, key);
    if (twin) return replay(deps, twin, facts.legacyId, fingerprint);
    if (error instanceof RequestConflictError) throw refusal([{ code: "ALREADY_WITHDRAWN" }]);
    throw error;
  }
  return submitted(await carryOn(deps, request));
}

/** Carries a registered withdrawal to Shopify; whatever Shopify answers, the withdrawal stays registered. */
async function carryOn(deps: ServiceDeps, request: ChangeRequest): Promise<ChangeRequest> {
  try {
    return await applyRequest(deps, request);
  } catch (error) {
    // Shopify unreachable: the request stays APPLYING and the stalled-request job resumes it
    logger.warn({ err: error, shop: deps.shop, changeRequestId: request.id }, "withdrawal registered, Shopify later");
    return (await deps.db.changeRequest.findUnique({ where: { id: request.id } })) ?? request;
  }
}

async function replay(
  deps: ServiceDeps,
  existing: ChangeRequest,
  orderId: string,
  fingerprint: string,
): Promise<SubmittedWithdrawal> {
  const payload = decodePayload(existing);
  if (
    existing.kind !== "WITHDRAWAL" ||
    existing.orderId !== orderId ||
    payload.kind !== "WITHDRAWAL" ||
    payload.fingerprint !== fingerprint
  )
    throw new ServiceError(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was used for another order or statement; send a new key for a new withdrawal.",
    );
  return submitted(existing.status === "APPLYING" ? await carryOn(deps, existing) : existing);
}

/** What the storefront sends, read leniently: "#1001", "1001" or " #1001 " name the same order. */
function orderNameOf(orderNumber: unknown): string | null {
  if (typeof orderNumber !== "string" && typeof orderNumber !== "number") return null;
  const text = String(orderNumber).trim().replace(/^#/, "");
  return /^[A-Za-z0-9-]{1,30}$/.test(text) ? `#${text}` : null;
}

/** Names compare without case, accents, punctuation or extra spaces ("Élodie  Martin-Roux" = "elodie martin roux"). */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The time every lookup takes at least, so a wrong guess answers like a right order with a wrong email. */
export const LOOKUP_MIN_MS = 400;

/**
 * The storefront's lookup: the order only if its number, its email (case-insensitive) and a name on it (the
 * customer's, the shipping or billing address's) all match; otherwise null. Every answer takes at least
 * LOOKUP_MIN_MS and a miss is the same null whether the order exists or not: nothing tells which part was wrong.
 */
export async function findOrderForWithdrawal(
  deps: ServiceDeps,
  input: { orderNumber: unknown; email: unknown; name: unknown },
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<{ orderId: string } | null> {
  const started = Date.now();
  let found: { orderId: string } | null = null;
  try {
    const orderName = orderNameOf(input.orderNumber);
    const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
    const name = typeof input.name === "string" ? normalizeName(input.name) : "";
    if (orderName && email.length >= 3 && email.length <= 254 && name.length > 0 && name.length <= 200) {
      const order = await deps.shopify.findOrderByName(orderName);
      const emailMatches = !!order?.email && order.email.trim().toLowerCase() === email;
      const nameMatches = !!order && order.names.some((n) => normalizeName(n) === name);
      // both compared before answering, whatever the first said
      if (order && emailMatches && nameMatches) found = { orderId: order.orderId };
    }
  } finally {
    const left = LOOKUP_MIN_MS - (Date.now() - started);
    if (left > 0) await sleep(left);
  }
  return found;
}

/** How long a FAILED withdrawal waits before its next attempt: 5 minutes, doubling, at most 6 hours. */
export function retryDelayMs(failures: number): number {
  return Math.min(6 * 60 * 60_000, 5 * 60_000 * 2 ** Math.max(0, failures - 1));
}

/**
 * FAILED withdrawals are retried by the background job (a withdrawal needs no staff decision): each after its
 * delay, one worker at a time (the retry is a compare-and-set on FAILED; a lost race changes nothing).
 */
export async function retryFailedWithdrawals(deps: SystemDeps): Promise<{ retried: number; failed: string[] }> {
  const result = { retried: 0, failed: [] as string[] };
  const now = deps.clock();
  const candidates = await deps.db.changeRequest.findMany({
    where: { kind: "WITHDRAWAL", status: "FAILED" },
    orderBy: { updatedAt: "asc" },
    take: 50,
  });
  for (const request of candidates) {
    const failures = await deps.db.requestEvent.count({ where: { requestId: request.id, toStatus: "FAILED" } });
    if (now.getTime() - request.updatedAt.getTime() < retryDelayMs(failures)) continue;
    try {
      const shopDeps: ServiceDeps = {
        db: deps.db,
        notify: deps.notify,
        clock: deps.clock,
        shop: request.shop,
        shopify: await deps.shopifyFor(request.shop),
      };
      const applying = await applyTransition(shopDeps, {
        requestId: request.id,
        from: "FAILED",
        action: "retry",
        actor: "SYSTEM",
        message: `Retried automatically (attempt ${failures + 1})`,
      });
      await applyRequest(shopDeps, applying).catch(() => undefined);
      result.retried++;
    } catch (error) {
      result.failed.push(`${request.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}
