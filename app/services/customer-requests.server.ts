import crypto from "node:crypto";
import type { ChangeRequest } from "@prisma/client";
import { validateAddress, type AddressInput } from "~/domain/address";
import { decisionDeadline } from "~/domain/deadlines";
import type { StorePolicy } from "~/domain/policy";
import {
  QuoteRequiredError,
  checkOwnership,
  evaluateAddressChange,
  evaluateAddressChangeOptions,
  evaluateCancellation,
  quoteDestination,
  validateCancellationInput,
  type Decision,
  type EvaluationContext,
} from "~/domain/rules";
import { initialStatus, isOpen } from "~/domain/state-machine";
import type { CustomerReason, OrderFacts, Reason, RequestKind, RequestOrigin, RequestStatus } from "~/domain/types";
import {
  addMessage,
  createRequest,
  findByIdempotencyKey,
  findRequest,
  RequestConflictError,
  requestStatesForOrder,
  orderBlockFor,
  requestsForOrder,
  type NewRequest,
  type RequestWithHistory,
} from "~/models/change-request.server";
import { decodePayload } from "~/models/request-payload";
import { getPolicy } from "~/models/settings.server";
import type { DbTx } from "~/db.server";
import { applyRequest, assertFound } from "./apply.server";
import { canonical } from "./canonical";
import { ServiceError } from "./errors";
import { applyTransition } from "./lifecycle.server";
import type { FactsRead, ServiceDeps } from "./ports";
import { viaShopify } from "./shopify-calls";
import { withdrawalSectionRead, type WithdrawalOptions } from "./withdrawal.server";

/** Who is asking, from the verified session token. */
export interface CustomerActor {
  /** Numeric Shopify customer id (the token's `sub` without its gid prefix). */
  customerId: string;
  locale: string;
}

const CONFLICT_CODES = new Set(["REQUEST_ALREADY_PENDING", "ADDRESS_ALREADY_CHANGED"]);

/** A refusal: a lost race (409) when only conflicts failed, else every failing rule (422). */
function refusal(kind: RequestKind, reasons: Reason[]): ServiceError {
  if (reasons.every((r) => CONFLICT_CODES.has(r.code))) {
    const code = reasons[0].code as "REQUEST_ALREADY_PENDING" | "ADDRESS_ALREADY_CHANGED";
    return new ServiceError(
      code,
      `This order already has ${code === "REQUEST_ALREADY_PENDING" ? "an open request" : "a changed address"}.`,
      { reasons },
    );
  }
  const what = kind === "ADDRESS_CHANGE" ? "The shipping address cannot be changed" : "This order cannot be cancelled";
  return new ServiceError("RULES_FAILED", `${what}: ${reasons.map((r) => r.code).join(", ")}.`, { reasons });
}

async function loadOwnedOrder(deps: ServiceDeps, orderId: string, customer: CustomerActor): Promise<OrderFacts> {
  return ownedOrder(await viaShopify(() => deps.shopify.getOrderFacts(orderId)), customer);
}

/** The order's facts for a question: the cache when fresh (a decision never uses this read). */
export async function readOwnedOrder(
  deps: ServiceDeps,
  orderId: string,
  customer: CustomerActor,
): Promise<(Omit<FactsRead, "facts"> & { facts: OrderFacts }) | { pending: true; retryAfterSeconds: number }> {
  const { shopify } = deps;
  const read: FactsRead = await viaShopify(() =>
    shopify.readOrderFacts
      ? shopify.readOrderFacts(orderId)
      : shopify
          .getOrderFacts(orderId)
          .then((facts) => ({ facts, asOf: deps.clock(), stale: false, source: "shopify" as const })),
  );
  if (read.pendingRetryAfterSeconds !== undefined)
    return { pending: true, retryAfterSeconds: read.pendingRetryAfterSeconds };
  return { ...read, facts: ownedOrder(read.facts, customer) };
}

function ownedOrder(facts: OrderFacts | null, customer: CustomerActor): OrderFacts {
  const reason = checkOwnership(facts, customer.customerId);
  if (reason?.code === "ORDER_NOT_FOUND") throw new ServiceError("ORDER_NOT_FOUND", "This order does not exist.");
  if (reason?.code === "NOT_ORDER_OWNER")
    throw new ServiceError("NOT_ORDER_OWNER", "This order belongs to another customer.");
  return facts!;
}

async function evaluationContext(
  deps: ServiceDeps,
  facts: OrderFacts,
  known?: Promise<{ kind: RequestKind; status: RequestStatus }[]>,
): Promise<EvaluationContext & { policy: StorePolicy }> {
  const [policy, requests, block] = await Promise.all([
    getPolicy(deps.db, deps.shop),
    known ?? requestStatesForOrder(deps.db, deps.shop, facts.legacyId),
    orderBlockFor(deps.db, deps.shop, facts.legacyId),
  ]);
  return {
    facts,
    policy,
    now: deps.clock(),
    openRequests: requests.filter((r) => isOpen(r.status)).map((r) => ({ kind: r.kind, status: r.status })),
    addressAlreadyChanged: requests.some((r) => r.kind === "ADDRESS_CHANGE" && r.status === "APPLIED"),
    blocked: block !== null,
  };
}

export interface OrderOptions {
  facts: OrderFacts;
  /** When Shopify's facts were read, and whether they are past freshness (served while the budget is low). */
  asOf: Date;
  stale: boolean;
  policy: StorePolicy;
  addressChange: Decision;
  cancellation: Decision;
  requests: RequestWithHistory[];
  /** Countries the store ships to (from Shopify); empty when not known. */
  shipsToCountries: string[];
  /** The EU withdrawal function (`offered: false` when the store does not offer it for this order). */
  withdrawal: WithdrawalOptions;
}

/**
 * The options while the order's facts are not known yet for the shop's Admin API budget: nothing is offered yet,
 * and nothing about the order is said (its owner is not checked yet); the client asks again after `retryAfterSeconds`.
 */
export interface PendingOptions {
  pending: true;
  orderId: string;
  retryAfterSeconds: number;
}

/** GET options: what this customer may do with this order now, and why not — one Admin API call. */
export async function getOptions(
  deps: ServiceDeps,
  input: CustomerActor & { orderId: string },
): Promise<OrderOptions | PendingOptions> {
  const read = await readOwnedOrder(deps, input.orderId, input);
  if ("pending" in read) return { pending: true, orderId: input.orderId, retryAfterSeconds: read.retryAfterSeconds };
  const { facts, asOf, stale } = read;
  // one read of the order's requests serves both the rules and the customer's history
  const history = requestsForOrder(deps.db, deps.shop, facts.legacyId);
  const [ctx, requests] = await Promise.all([evaluationContext(deps, facts, history), history]);
  const { section: withdrawal, freshness } = await withdrawalSectionRead(deps, facts, ctx.policy);
  // the withdrawal facts not known yet for the budget: the whole answer is "checking", as for the order facts
  if (freshness.pendingRetryAfterSeconds !== undefined)
    return { pending: true, orderId: input.orderId, retryAfterSeconds: freshness.pendingRetryAfterSeconds };
  // the form offers other countries only when the store allows moving an order abroad: then the shop's list
  const shipsToCountries =
    ctx.policy.addressChange.allowCountryChange && deps.shopify.shipsToCountries
      ? await deps.shopify.shipsToCountries().catch(() => [])
      : [];
  return {
    facts,
    // the answer is as old as the older of its reads, and stale when either is
    asOf: freshness.asOf && freshness.asOf < asOf ? freshness.asOf : asOf,
    stale: stale || freshness.stale,
    policy: ctx.policy,
    addressChange: evaluateAddressChangeOptions(ctx),
    cancellation: evaluateCancellation(ctx),
    requests,
    shipsToCountries,
    withdrawal,
  };
}

/**
 * The idempotency key of a submission: the client's Idempotency-Key when given; otherwise the same customer,
 * order, kind and body since the last request of that kind (a double click), so a double submit creates one request.
 */
async function idempotencyKeyFor(
  deps: ServiceDeps,
  input: Submission & { clientKey?: string | null },
): Promise<string> {
  if (input.clientKey) return `client:${input.customerId}:${input.clientKey}`;
  const earlier = await deps.db.changeRequest.count({
    where: { shop: deps.shop, orderId: input.orderId, kind: input.kind },
  });
  const digest = crypto
    .createHash("sha256")
    .update(JSON.stringify([input.customerId, input.orderId, input.kind, input.body, earlier]))
    .digest("base64url");
  return `auto:${digest}`;
}

/** What a customer submits: the order, the kind of change and its body (the idempotency key's fingerprint). */
interface Submission {
  customerId: string;
  orderId: string;
  kind: RequestKind;
  body: Record<string, unknown>;
}

/** Whether a stored request is what this submission asks for: same order, kind and body. */
function sameSubmission(existing: ChangeRequest, submission: Submission): boolean {
  const payload: Record<string, unknown> = decodePayload(existing);
  const stored = Object.fromEntries(Object.keys(submission.body).map((k) => [k, payload[k]]));
  return (
    existing.orderId === submission.orderId &&
    existing.kind === submission.kind &&
    canonical(stored) === canonical(submission.body)
  );
}

/**
 * A submission seen before: hand back the same request (resuming it if Shopify did not answer last time). A key
 * reused for another order, kind or body is refused (422), never replayed: that change was not made.
 */
async function replay(deps: ServiceDeps, existing: ChangeRequest, submission: Submission): Promise<ChangeRequest> {
  if (existing.customerId !== submission.customerId)
    throw new ServiceError("NOT_ORDER_OWNER", "This request belongs to another customer.");
  if (!sameSubmission(existing, submission))
    throw new ServiceError(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was used for another order, kind or body; send a new key for a new change.",
    );
  return existing.status === "APPLYING" ? applyRequest(deps, existing) : existing;
}

/**
 * Creates the request in one transaction. A twin submission that got there first (same idempotency key) is
 * replayed; any other lost race is the API's 409 with its code.
 */
async function createOrReplay(
  deps: ServiceDeps,
  submission: Submission,
  key: string,
  create: (tx: DbTx) => Promise<{ request: ChangeRequest }>,
): Promise<{ request: ChangeRequest; replayed: boolean }> {
  try {
    const { request } = await deps.db.$transaction(create);
    return { request, replayed: false };
  } catch (error) {
    const twin = await findByIdempotencyKey(deps.db, deps.shop, key);
    if (twin) return { request: await replay(deps, twin, submission), replayed: true };
    if (error instanceof RequestConflictError) {
      throw new ServiceError(error.code, error.message, { reasons: [{ code: error.code }] });
    }
    throw error;
  }
}

function contactOf(facts: OrderFacts) {
  return {
    firstName: facts.customer?.firstName ?? null,
    lastName: facts.customer?.lastName ?? null,
    email: facts.customer?.email ?? null,
    phone: facts.customer?.phone ?? null,
    statusPageUrl: facts.statusPageUrl ?? null,
    withheld: facts.customerDataWithheld ?? [],
  };
}

// Without the customer's name (withheld by Shopify, or none given) the order name stands for it.
function customerName(facts: OrderFacts): string {
  return [facts.customer?.firstName, facts.customer?.lastName].filter(Boolean).join(" ") || facts.name;
}

/**
 * POST address-change: validates the address (400 naming the field), checks every rule with a live shipping
 * quote (422 listing every failing rule; 409 for a lost race), then applies it at once — or leaves it
 * PENDING for the merchant when the store asks for approval.
 */
export async function requestAddressChange(
  deps: ServiceDeps,
  input: CustomerActor & {
    orderId: string;
    address: AddressInput;
    idempotencyKey?: string | null;
    origin?: RequestOrigin | null;
  },
): Promise<ChangeRequest> {
  const validation = validateAddress(input.address);
  if (!validation.ok) {
    const first = validation.errors[0];
    throw new ServiceError("ADDRESS_INVALID", `The address is not valid: ${first.field} ${first.code.toLowerCase()}.`, {
      field: first.field,
      fieldErrors: validation.errors.map((e) => ({ field: e.field, code: e.code })),
      reasons: validation.errors.map((e) => ({ code: "ADDRESS_INVALID", field: e.field, params: { error: e.code } })),
    });
  }
  const facts = await loadOwnedOrder(deps, input.orderId, input);
  const submission: Submission = {
    customerId: input.customerId,
    orderId: facts.legacyId,
    kind: "ADDRESS_CHANGE",
    body: { address: validation.address },
  };
  const key = await idempotencyKeyFor(deps, { ...submission, clientKey: input.idempotencyKey });
  const seen = await findByIdempotencyKey(deps.db, deps.shop, key);
  if (seen) return replay(deps, seen, submission);

  const ctx = await evaluationContext(deps, facts);
  let decision;
  try {
    decision = evaluateAddressChange({ ...ctx, newAddress: validation.address, quote: null });
  } catch (error) {
    if (!(error instanceof QuoteRequiredError)) throw error;
    const destination = quoteDestination({ facts, policy: ctx.policy, newAddress: validation.address })!;
    const quote = await viaShopify(() => deps.shopify.quoteShipping(facts, destination));
    decision = evaluateAddressChange({ ...ctx, newAddress: validation.address, quote });
  }
  if (!decision.allowed) throw refusal("ADDRESS_CHANGE", decision.reasons);

  const status = initialStatus("ADDRESS_CHANGE", ctx.policy, decision);
  const created = await createOrReplay(deps, submission, key, (tx) =>
    createRequest(tx, {
      ...customerRequestRecord(deps, input, facts, ctx.policy, { kind: "ADDRESS_CHANGE", status, key }),
      payload: { address: decision.address, previousAddress: facts.shippingAddress, contact: contactOf(facts) },
      evaluation: decision.outcomes,
      singleChange: ctx.policy.addressChange.rules.ADDRESS_ALREADY_CHANGED,
      origin: input.origin ?? null,
    }),
  );
  if (created.replayed) return created.request;
  return status === "APPLYING" ? applyRequest(deps, created.request, facts) : created.request;
}

/** What a customer's new request records of its order, the customer, the policy version and its deadline. */
function customerRequestRecord(
  deps: ServiceDeps,
  input: CustomerActor,
  facts: OrderFacts,
  policy: StorePolicy,
  { kind, status, key }: { kind: RequestKind; status: NewRequest["status"]; key: string },
) {
  return {
    shop: deps.shop,
    kind,
    status,
    orderId: facts.legacyId,
    orderName: facts.name,
    customerId: input.customerId,
    customerName: customerName(facts),
    customerEmail: facts.customer?.email ?? null,
    locale: input.locale,
    settingsVersion: policy.version,
    idempotencyKey: key,
    deadlineAt: status === "PENDING" ? decisionDeadline(deps.clock(), policy, kind) : null,
    actor: "CUSTOMER" as const,
  };
}

/**
 * POST cancellation: checks the reason (400) and the rules (422/409), records the request and tells customer
 * and staff; puts the order on hold while the merchant decides (setting), or cancels at once when the store
 * auto-approves.
 */
export async function requestCancellation(
  deps: ServiceDeps,
  input: CustomerActor & { orderId: string; reason: unknown; note?: unknown; idempotencyKey?: string | null },
): Promise<ChangeRequest> {
  const facts = await loadOwnedOrder(deps, input.orderId, input);
  const ctx = await evaluationContext(deps, facts);
  const checked = validateCancellationInput(input.reason, input.note ?? null, ctx.policy);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new ServiceError(
      "INVALID_INPUT",
      `The cancellation ${first.field} is ${first.code.toLowerCase().replace("_", " ")}.`,
      {
        field: first.field,
        fieldErrors: checked.errors.map((e) => ({ field: e.field, code: e.code })),
      },
    );
  }
  const body = { reason: checked.reason as CustomerReason, note: checked.note };
  const submission: Submission = { customerId: input.customerId, orderId: facts.legacyId, kind: "CANCELLATION", body };
  const key = await idempotencyKeyFor(deps, { ...submission, clientKey: input.idempotencyKey });
  const seen = await findByIdempotencyKey(deps.db, deps.shop, key);
  if (seen) return replay(deps, seen, submission);

  const decision = evaluateCancellation(ctx);
  if (!decision.allowed) throw refusal("CANCELLATION", decision.reasons);
  const status = initialStatus("CANCELLATION", ctx.policy, decision);

  const outcome = await createOrReplay(deps, submission, key, async (tx) => {
    const created = await createRequest(tx, {
      ...customerRequestRecord(deps, input, facts, ctx.policy, { kind: "CANCELLATION", status, key }),
      payload: { ...body, contact: contactOf(facts), shippingAddress: facts.shippingAddress },
      evaluation: decision.outcomes,
      message: checked.note ?? undefined,
    });
    if (checked.note) await addMessage(tx, created.request.id, "CUSTOMER", checked.note);
    await deps.notify(tx, { request: created.request, event: "CANCELLATION_REQUESTED", eventId: created.eventId });
    return created;
  });
  if (outcome.replayed) return outcome.request;
  const request = outcome.request;

  if (status === "APPLYING") return applyRequest(deps, request, facts);
  if (ctx.policy.cancellation.holdWhilePending) return holdOrder(deps, request, facts);
  return request;
}

/** Puts the order's fulfillment orders on hold; a failure is recorded on the request, never hidden. */
async function holdOrder(deps: ServiceDeps, request: ChangeRequest, facts: OrderFacts): Promise<ChangeRequest> {
  try {
    await deps.shopify.holdForCancellation({ requestId: request.id, facts });
    return await deps.db.changeRequest.update({ where: { id: request.id }, data: { holdApplied: true } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db.requestEvent.create({
      data: {
        requestId: request.id,
        actor: "SYSTEM",
        fromStatus: request.status,
        toStatus: request.status,
        message: `The order could not be put on hold: ${message}`,
      },
    });
    return request;
  }
}

async function ownRequest(deps: ServiceDeps, requestId: string, customer: CustomerActor): Promise<ChangeRequest> {
  const request = assertFound(await findRequest(deps.db, deps.shop, requestId));
  if (request.customerId !== customer.customerId)
    throw new ServiceError("NOT_ORDER_OWNER", "This request belongs to another customer.");
  return request;
}

/** POST messages: the customer's answer to NEEDS_INFO; the request goes back to the merchant. */
export async function customerReply(
  deps: ServiceDeps,
  input: CustomerActor & { requestId: string; body: string },
): Promise<ChangeRequest> {
  return customerTransition(deps, input, "customerReply", input.body);
}

/**
 * POST withdraw: the customer takes the request back. The request is claimed first; only then is Amend's hold
 * released, so a withdrawal that lost the race (409) leaves the order as it was.
 */
export async function withdrawRequest(
  deps: ServiceDeps,
  input: CustomerActor & { requestId: string },
): Promise<ChangeRequest> {
  return customerTransition(deps, input, "withdraw");
}

/** The customer moves their own request on (answer, withdraw), from the status it is in now. */
async function customerTransition(
  deps: ServiceDeps,
  input: CustomerActor & { requestId: string },
  action: "customerReply" | "withdraw",
  message?: string,
): Promise<ChangeRequest> {
  const request = await ownRequest(deps, input.requestId, input);
  return applyTransition(deps, { requestId: request.id, from: request.status, action, actor: "CUSTOMER", message });
}
