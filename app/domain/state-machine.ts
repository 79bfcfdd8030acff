import type { StorePolicy } from "./policy";
import type { Actor, Reason, RequestKind, RequestStatus } from "./types";

/**
 * The request lifecycle (docs/lifecycle.md), as data. Only the transitions below exist; any
 * other is an InvalidTransitionError naming the status, the action and what it would have led to.
 */

export const REQUEST_ACTIONS = [
  "approve",
  "reject",
  "askInfo",
  "customerReply",
  "withdraw",
  "expire",
  "applied",
  "failed",
  "retry",
  "supersede",
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export interface TransitionRule {
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** Who may take the action (the service records the actor on the event). */
  actors: readonly Actor[];
}

export const TRANSITIONS: Readonly<Record<RequestAction, TransitionRule>> = {
  // SYSTEM approves when the decision deadline's action is APPROVE
  approve: { from: ["PENDING"], to: "APPLYING", actors: ["STAFF", "SYSTEM"] },
  reject: { from: ["PENDING", "NEEDS_INFO", "FAILED"], to: "REJECTED", actors: ["STAFF"] },
  askInfo: { from: ["PENDING"], to: "NEEDS_INFO", actors: ["STAFF"] },
  customerReply: { from: ["NEEDS_INFO"], to: "PENDING", actors: ["CUSTOMER"] },
  withdraw: { from: ["PENDING", "NEEDS_INFO"], to: "WITHDRAWN", actors: ["CUSTOMER"] },
  // EXPIRED is the auto-rejection at the deadline; auto-approval is `approve` by SYSTEM
  expire: { from: ["PENDING", "NEEDS_INFO"], to: "EXPIRED", actors: ["SYSTEM"] },
  applied: { from: ["APPLYING"], to: "APPLIED", actors: ["SYSTEM"] },
  failed: { from: ["APPLYING"], to: "FAILED", actors: ["SYSTEM"] },
  retry: { from: ["FAILED"], to: "APPLYING", actors: ["STAFF", "SYSTEM"] },
  // not from APPLYING: a Shopify mutation is in flight and its answer (applied/failed) must be kept
  supersede: { from: ["PENDING", "NEEDS_INFO", "FAILED"], to: "SUPERSEDED", actors: ["SYSTEM"] },
};

/** Requests still in progress: at most one of each kind per order (a database constraint). */
export const OPEN_STATUSES = [
  "PENDING",
  "NEEDS_INFO",
  "APPLYING",
  "FAILED",
] as const satisfies readonly RequestStatus[];
/** Requests whose life is over: no action leaves them. */
export const FINAL_STATUSES = [
  "APPLIED",
  "REJECTED",
  "WITHDRAWN",
  "EXPIRED",
  "SUPERSEDED",
] as const satisfies readonly RequestStatus[];

const OPEN = new Set<RequestStatus>(OPEN_STATUSES);
const FINAL = new Set<RequestStatus>(FINAL_STATUSES);

export function isOpen(status: RequestStatus): boolean {
  return OPEN.has(status);
}

export function isFinal(status: RequestStatus): boolean {
  return FINAL.has(status);
}

export class InvalidTransitionError extends Error {
  override name = "InvalidTransitionError";
  constructor(
    readonly from: RequestStatus,
    readonly action: RequestAction,
    readonly to: RequestStatus,
  ) {
    super(
      `Cannot ${action} a request that is ${from}: ${from} → ${to} is not an allowed transition` +
        ` (${action} applies only to ${TRANSITIONS[action].from.join(", ")})`,
    );
  }
}

export function canTransition(from: RequestStatus, action: RequestAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status `action` leads to from `from`; throws InvalidTransitionError when not allowed. */
export function transition(from: RequestStatus, action: RequestAction): RequestStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) throw new InvalidTransitionError(from, action, rule.to);
  return rule.to;
}

/** The actions a request in `status` accepts, in REQUEST_ACTIONS order (none for final statuses). */
export function allowedActions(status: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}

export class RequestRefusedError extends Error {
  override name = "RequestRefusedError";
  constructor(
    readonly kind: RequestKind,
    readonly reasons: readonly Reason[],
  ) {
    super(`A ${kind} request cannot be created: ${reasons.map((r) => r.code).join(", ") || "refused"}`);
  }
}

/**
 * The status a new request is created in. A request passing every rule goes straight to APPLYING
 * (an address change applied at once, or a cancellation the store auto-approves) unless the store
 * routes it to approval (PENDING). A refused decision never creates a request.
 */
export function initialStatus(
  kind: RequestKind,
  policy: StorePolicy,
  decision: { allowed: boolean; reasons: readonly Reason[] },
): "PENDING" | "APPLYING" {
  if (!decision.allowed) throw new RequestRefusedError(kind, decision.reasons);
  const requireApproval =
    kind === "ADDRESS_CHANGE" ? policy.addressChange.requireApproval : policy.cancellation.requireApproval;
  return requireApproval ? "PENDING" : "APPLYING";
}

/**
 * What the system does when a request's decision deadline is due: approve a PENDING request when
 * the store says APPROVE, otherwise expire it. A NEEDS_INFO request always expires — the store
 * asked a question that was never answered, so approving blindly would ignore its own doubt.
 */
export function deadlineAction(status: RequestStatus, policy: StorePolicy): "approve" | "expire" | null {
  if (status !== "PENDING" && status !== "NEEDS_INFO") return null;
  return status === "PENDING" && policy.cancellation.deadlineAction === "APPROVE" ? "approve" : "expire";
}
