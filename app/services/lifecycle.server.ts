import type { ChangeRequest, Prisma } from "@prisma/client";
import {
  assertActor,
  InvalidTransitionError,
  TRANSITIONS,
  type HoldEffect,
  type RequestAction,
} from "~/domain/state-machine";
import type { Actor, RequestKind, RequestStatus } from "~/domain/types";
import { flowTriggerFor, type FlowTriggerHandle } from "~/flow/triggers";
import { logger } from "~/logger.server";
import {
  addMessage,
  RequestConflictError,
  StaleRequestError,
  transitionRequest,
  type TransitionInput,
} from "~/models/change-request.server";
import type { NotificationEvent } from "~/notifications/events";
import { orderGid } from "~/shopify";
import { ServiceError } from "./errors";
import type { ServiceDeps } from "./ports";

/** What one transition does besides moving the status, for a request of one kind (the table, read for a kind). */
export interface TransitionEffects {
  to: RequestStatus;
  actors: readonly Actor[];
  notification: NotificationEvent | null;
  /** The table's second notification for this kind (null: none). */
  alsoNotification: NotificationEvent | null;
  flowTrigger: FlowTriggerHandle | null;
  hold: HoldEffect;
}

export function transitionEffects(action: RequestAction, kind: RequestKind): TransitionEffects {
  const rule = TRANSITIONS[action];
  const notification = rule.notifies?.[kind] ?? null;
  return {
    to: rule.to,
    actors: rule.actors,
    notification,
    alsoNotification: rule.alsoNotifies?.[kind] ?? null,
    flowTrigger: notification ? flowTriggerFor(notification) : null,
    hold: rule.hold,
  };
}

export interface TransitionCommand {
  requestId: string;
  action: RequestAction;
  actor: Actor;
  /** The status the caller decided on: the transition applies only while the request is still in it (default: its status now). */
  from?: RequestStatus;
  /** Recorded on the event; posted in the thread too when the transition posts messages. */
  message?: string | null;
  data?: TransitionInput["data"];
}

/** Transitions that neither notify nor release a hold (supersede) need only the database. */
export type LifecycleDeps = Pick<ServiceDeps, "db" | "clock"> &
  Partial<Pick<ServiceDeps, "shop" | "notify" | "shopify">>;

/** How long the winner of a releasing transition has to release the hold before the periodic job takes over. */
export const HOLD_RELEASE_LEASE_MS = 60_000;

/**
 * Applies one transition of the table: compare-and-set on the status, its event, thread message, notification
 * (and with it the Flow trigger) in one database transaction. A loser — the request moved — changes nothing and
 * gets 409 (STALE_REQUEST / INVALID_TRANSITION). Shopify is called only after the commit, by the winner: a
 * transition that releases Amend's hold releases it then; if that fails the request stays final with
 * holdApplied, the failure is on its history, and `releaseLeftoverHold` (the periodic job) retries it.
 */
export async function applyTransition(deps: LifecycleDeps, command: TransitionCommand): Promise<ChangeRequest> {
  const rule = TRANSITIONS[command.action];
  assertActor(command.action, command.actor);
  let moved: ChangeRequest;
  try {
    moved = await deps.db.$transaction(async (tx) => {
      const current = await tx.changeRequest.findFirst({
        where: { id: command.requestId, ...(deps.shop ? { shop: deps.shop } : {}) },
      });
      if (!current) throw new ServiceError("REQUEST_NOT_FOUND", "This request does not exist.");
      const { request, eventId } = await transitionRequest(tx, {
        id: current.id,
        current,
        from: command.from ?? current.status,
        action: command.action,
        actor: command.actor,
        message: command.message ?? null,
        data: {
          ...command.data,
          ...(rule.hold === "forget" ? { holdApplied: false } : {}),
          // the winner releases the hold right after this commits: the job leaves it to it meanwhile
          ...(rule.hold === "release" && current.holdApplied
            ? { jobLeaseUntil: new Date(deps.clock().getTime() + HOLD_RELEASE_LEASE_MS) }
            : {}),
        },
      });
      if (rule.postsMessage && command.message)
        await addMessage(tx, request.id, command.actor === "CUSTOMER" ? "CUSTOMER" : "STAFF", command.message);
      for (const event of [rule.notifies?.[request.kind], rule.alsoNotifies?.[request.kind]]) {
        if (!event) continue;
        if (!deps.notify) throw new Error(`${command.action} notifies ${event}: applyTransition needs a notifier`);
        await deps.notify(tx, { request, event, eventId });
      }
      return request;
    });
  } catch (error) {
    throw asServiceError(error);
  }
  return rule.hold === "release" && moved.holdApplied ? releaseLeftoverHold(deps, moved) : moved;
}

/** A lost race or a refused move, as the service error every frame answers (409). */
function asServiceError(error: unknown): unknown {
  if (error instanceof StaleRequestError) return new ServiceError("STALE_REQUEST", error.message);
  if (error instanceof InvalidTransitionError) return new ServiceError("INVALID_TRANSITION", error.message);
  if (error instanceof RequestConflictError)
    return new ServiceError(error.code, error.message, { reasons: [{ code: error.code }] });
  return error;
}

/**
 * Releases the hold a final request still has on its order, and clears holdApplied. A failure leaves it set (the
 * periodic job tries again) and is written on the request's history, where staff see it.
 */
export async function releaseLeftoverHold(deps: LifecycleDeps, request: ChangeRequest): Promise<ChangeRequest> {
  if (!deps.shopify) throw new Error("Releasing a hold needs the shop's Shopify port");
  try {
    await deps.shopify.releaseHold({ requestId: request.id, orderGid: orderGid(request.orderId) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ err: error, shop: request.shop, changeRequestId: request.id }, "could not release the hold");
    return recordSystemEvent(
      deps,
      request,
      `The hold on the order could not be released yet (it will be retried): ${message}`,
      {
        jobLeaseUntil: null,
      },
    );
  }
  return deps.db.changeRequest.update({ where: { id: request.id }, data: { holdApplied: false, jobLeaseUntil: null } });
}

/** A SYSTEM note on the request's history that does not move it (e.g. what it is waiting for), with `change` saved alongside. */
export async function recordSystemEvent(
  deps: Pick<ServiceDeps, "db">,
  request: ChangeRequest,
  message: string,
  change: Prisma.ChangeRequestUpdateInput = { updatedAt: new Date() },
): Promise<ChangeRequest> {
  const [updated] = await deps.db.$transaction([
    deps.db.changeRequest.update({ where: { id: request.id }, data: change }),
    deps.db.requestEvent.create({
      data: {
        requestId: request.id,
        actor: "SYSTEM",
        fromStatus: request.status,
        toStatus: request.status,
        message,
      },
    }),
  ]);
  return updated;
}
