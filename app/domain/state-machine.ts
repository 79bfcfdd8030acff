import type { NotificationEvent } from "../notifications/events";
import type { StorePolicy } from "./policy";
import type { Actor, Reason, RequestKind, RequestStatus } from "./types";

/**
 * The request lifecycle (docs/lifecycle.md) as data. Only the transitions below exist; any other is an InvalidTransitionError
 * naming the status, the action and what it would have led to. One function applies them
 * (services/lifecycle.server.ts applyTransition), with each transition's effects as this table states them.
 */

export const REQUEST_ACTIONS = [
  "approve",
  "reject",
  "requestInfo",
  "customerReply",
  "withdraw",
  "expire",
  "applied",
  "failed",
  "retry",
  "supersede",
  "serviceRefused",
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * What becomes of Amend's fulfillment hold: "release" — the winner releases it in Shopify once the transition
 * has committed (a failed release is retried by the periodic jobs); "forget" — nothing is left to hold (the
 * order was cancelled or fulfilled), the flag is cleared with the transition; "keep" — it stays on.
 */
export type HoldEffect = "release" | "forget" | "keep";

export interface TransitionRule {
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** Who may take the action; anyone else is refused (ActorNotAllowedError). The event records the actor. */
  actors: readonly Actor[];
  /**
   * The notification the transition causes, per request kind (null: none). A notification with a Flow
   * trigger (flow/triggers.ts) also fires it for the shops whose workflows use it.
   */
  notifies: Readonly<Record<RequestKind, NotificationEvent>> | null;
  /** A second notification, to someone else, in the same transaction (e.g. staff are told, and the customer too). */
  alsoNotifies?: Readonly<Partial<Record<RequestKind, NotificationEvent>>>;
  hold: HoldEffect;
  /** The transition's message is also posted in the request's thread, by its actor. */
  postsMessage: boolean;
}

const REFUSED = { ADDRESS_CHANGE: "ADDRESS_CHANGE_REFUSED", CANCELLATION: "CANCELLATION_REJECTED" } as const;
const both = (event: NotificationEvent) => ({ ADDRESS_CHANGE: event, CANCELLATION: event });

/**
 * Actors: CUSTOMER is the shopper (session token), STAFF the merchant — in the admin, or through the merchant's
 * own Shopify Flow workflow, whose approve/reject actions decide on the merchant's behalf and are recorded as
 * STAFF — and SYSTEM is Amend itself (deadlines, Shopify's answers, webhooks).
 */
export const TRANSITIONS: Readonly<Record<RequestAction, TransitionRule>> = {
  // SYSTEM approves when the decision deadline's action is APPROVE; the outcome (applied/failed) notifies
  approve: {
    from: ["PENDING"],
    to: "APPLYING",
    actors: ["STAFF", "SYSTEM"],
    notifies: null,
    hold: "keep",
    postsMessage: false,
  },
  reject: {
    from: ["PENDING", "NEEDS_INFO", "FAILED"],
    to: "REJECTED",
    actors: ["STAFF"],
    notifies: REFUSED,
    hold: "release",
    postsMessage: true,
  },
  requestInfo: {
    from: ["PENDING"],
    to: "NEEDS_INFO",
    actors: ["STAFF"],
    notifies: both("INFO_REQUESTED"),
    hold: "keep",
    postsMessage: true,
  },
  customerReply: {
    from: ["NEEDS_INFO"],
    to: "PENDING",
    actors: ["CUSTOMER"],
    notifies: both("CUSTOMER_REPLIED"),
    hold: "keep",
    postsMessage: true,
  },
  withdraw: {
    from: ["PENDING", "NEEDS_INFO"],
    to: "WITHDRAWN",
    actors: ["CUSTOMER"],
    notifies: null,
    hold: "release",
    postsMessage: false,
  },
  // EXPIRED is the auto-rejection at the deadline; auto-approval is `approve` by SYSTEM
  expire: {
    from: ["PENDING", "NEEDS_INFO"],
    to: "EXPIRED",
    actors: ["SYSTEM"],
    notifies: REFUSED,
    hold: "release",
    postsMessage: false,
  },
  // a cancelled order has no hold left to release
  applied: {
    from: ["APPLYING"],
    to: "APPLIED",
    actors: ["SYSTEM"],
    notifies: { ADDRESS_CHANGE: "ADDRESS_CHANGE_APPLIED", CANCELLATION: "CANCELLATION_APPROVED" },
    hold: "forget",
    postsMessage: false,
  },
  // the hold stays while staff retry or reject
  failed: {
    from: ["APPLYING"],
    to: "FAILED",
    actors: ["SYSTEM"],
    notifies: both("REQUEST_FAILED"),
    hold: "keep",
    postsMessage: false,
  },
  retry: {
    from: ["FAILED"],
    to: "APPLYING",
    actors: ["STAFF", "SYSTEM"],
    notifies: null,
    hold: "keep",
    postsMessage: false,
  },
  // the order's fulfillment service refused to stop its work: staff are told (they may retry or reject), and the
  // customer is told the truth at once — the order was not cancelled and ships as normal
  serviceRefused: {
    from: ["APPLYING"],
    to: "FAILED",
    actors: ["SYSTEM"],
    notifies: both("REQUEST_FAILED"),
    alsoNotifies: { CANCELLATION: "CANCELLATION_REJECTED" },
    hold: "keep",
    postsMessage: false,
  },
  // not from APPLYING: a Shopify mutation is in flight and its answer (applied/failed) must be kept;
  // the order was fulfilled or cancelled outside Amend, so the hold is gone with it
  supersede: {
    from: ["PENDING", "NEEDS_INFO", "FAILED"],
    to: "SUPERSEDED",
    actors: ["SYSTEM"],
    notifies: null,
    hold: "forget",
    postsMessage: false,
  },
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

export class ActorNotAllowedError extends Error {
  override name = "ActorNotAllowedError";
  constructor(
    readonly action: RequestAction,
    readonly actor: Actor,
  ) {
    super(`${actor} may not ${action} a request (only ${TRANSITIONS[action].actors.join(", ")} may)`);
  }
}

/** Throws ActorNotAllowedError when the table does not let `actor` take `action`. */
export function assertActor(action: RequestAction, actor: Actor): void {
  if (!TRANSITIONS[action].actors.includes(actor)) throw new ActorNotAllowedError(action, actor);
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
 * routes it to approval (PENDING), or the decision needs the merchant (`approvalRequired`). A refused decision
 * never creates a request.
 */
export function initialStatus(
  kind: RequestKind,
  policy: StorePolicy,
  decision: { allowed: boolean; reasons: readonly Reason[]; approvalRequired?: boolean },
): "PENDING" | "APPLYING" {
  if (!decision.allowed) throw new RequestRefusedError(kind, decision.reasons);
  const requireApproval =
    kind === "ADDRESS_CHANGE" ? policy.addressChange.requireApproval : policy.cancellation.requireApproval;
  return requireApproval || decision.approvalRequired === true ? "PENDING" : "APPLYING";
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
