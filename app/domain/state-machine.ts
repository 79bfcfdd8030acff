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
  notifies: Readonly<Record<RequestKind, NotificationEvent | null>> | null;
  /** A second notification, to someone else, in the same transaction (e.g. staff are told, and the customer too). */
  alsoNotifies?: Readonly<Partial<Record<RequestKind, NotificationEvent>>>;
  hold: HoldEffect;
  /** The transition's message is also posted in the request's thread, by its actor. */
  postsMessage: boolean;
  /**
   * The kinds of request the action applies to (absent: every kind). A withdrawal is the customer's right,
   * not a request to decide: nobody approves, rejects, expires or supersedes it.
   */
  kinds?: readonly RequestKind[];
}

const REFUSED = {
  ADDRESS_CHANGE: "ADDRESS_CHANGE_REFUSED",
  CANCELLATION: "CANCELLATION_REJECTED",
  WITHDRAWAL: null,
} as const;
/** The same event for the kinds that are decided (address change, cancellation); none for a withdrawal. */
const decided = (event: NotificationEvent) => ({ ADDRESS_CHANGE: event, CANCELLATION: event, WITHDRAWAL: null });
const every = (event: NotificationEvent) => ({ ADDRESS_CHANGE: event, CANCELLATION: event, WITHDRAWAL: event });
/** The kinds a merchant decides on. */
const DECIDED_KINDS = ["ADDRESS_CHANGE", "CANCELLATION"] as const satisfies readonly RequestKind[];

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
    kinds: DECIDED_KINDS,
  },
  reject: {
    from: ["PENDING", "NEEDS_INFO", "FAILED"],
    to: "REJECTED",
    actors: ["STAFF"],
    notifies: REFUSED,
    hold: "release",
    postsMessage: true,
    kinds: DECIDED_KINDS,
  },
  requestInfo: {
    from: ["PENDING"],
    to: "NEEDS_INFO",
    actors: ["STAFF"],
    notifies: decided("INFO_REQUESTED"),
    hold: "keep",
    postsMessage: true,
    kinds: DECIDED_KINDS,
  },
  customerReply: {
    from: ["NEEDS_INFO"],
    to: "PENDING",
    actors: ["CUSTOMER"],
    notifies: decided("CUSTOMER_REPLIED"),
    hold: "keep",
    postsMessage: true,
    kinds: DECIDED_KINDS,
  },
  withdraw: {
    from: ["PENDING", "NEEDS_INFO"],
    to: "WITHDRAWN",
    actors: ["CUSTOMER"],
    notifies: null,
    hold: "release",
    postsMessage: false,
    kinds: DECIDED_KINDS,
  },
  // EXPIRED is the auto-rejection at the deadline; auto-approval is `approve` by SYSTEM
  expire: {
    from: ["PENDING", "NEEDS_INFO"],
    to: "EXPIRED",
    actors: ["SYSTEM"],
    notifies: REFUSED,
    hold: "release",
    postsMessage: false,
    kinds: DECIDED_KINDS,
  },
  // a cancelled order has no hold left to release
  applied: {
    from: ["APPLYING"],
    to: "APPLIED",
    actors: ["SYSTEM"],
    // a withdrawal's customer was acknowledged at registration; what followed is on the request (outcome)
    notifies: { ADDRESS_CHANGE: "ADDRESS_CHANGE_APPLIED", CANCELLATION: "CANCELLATION_APPROVED", WITHDRAWAL: null },
    hold: "forget",
    postsMessage: false,
  },
  // the hold stays while staff retry or reject
  failed: {
    from: ["APPLYING"],
    to: "FAILED",
    actors: ["SYSTEM"],
    notifies: every("REQUEST_FAILED"),
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
    notifies: decided("REQUEST_FAILED"),
    alsoNotifies: { CANCELLATION: "CANCELLATION_REJECTED" },
    hold: "keep",
    postsMessage: false,
    kinds: DECIDED_KINDS,
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
    kinds: DECIDED_KINDS,
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
    readonly kind?: RequestKind,
  ) {
    const kinds = TRANSITIONS[action].kinds;
    super(
      kind !== undefined && kinds !== undefined && !kinds.includes(kind)
        ? `Cannot ${action} a ${kind} request (${action} applies only to ${kinds.join(", ")} requests)`
        : `Cannot ${action} a request that is ${from}: ${from} → ${to} is not an allowed transition` +
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

/** Whether `action` applies to a request in `from` (of `kind`, when given: some actions exist for some kinds only). */
export function canTransition(from: RequestStatus, action: RequestAction, kind?: RequestKind): boolean {
  const rule = TRANSITIONS[action];
  return rule.from.includes(from) && (kind === undefined || rule.kinds === undefined || rule.kinds.includes(kind));
}

/** The status `action` leads to from `from`; throws InvalidTransitionError when not allowed. */
export function transition(from: RequestStatus, action: RequestAction, kind?: RequestKind): RequestStatus {
  const rule = TRANSITIONS[action];
  if (!canTransition(from, action, kind)) throw new InvalidTransitionError(from, action, rule.to, kind);
  return rule.to;
}

/** The actions a request in `status` (of `kind`) accepts, in REQUEST_ACTIONS order (none for final statuses). */
export function allowedActions(status: RequestStatus, kind?: RequestKind): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => canTransition(status, action, kind));
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
  // a withdrawal is the customer's right: registered at once, never approved
  if (kind === "WITHDRAWAL") return "APPLYING";
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
