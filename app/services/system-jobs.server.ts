import type { ChangeRequest } from "@prisma/client";
import { canTransition, deadlineAction, isOpen } from "~/domain/state-machine";
import { claimDueRequests, claimHeldFinalRequests } from "~/models/claims.server";
import { openRequestsForOrder } from "~/models/change-request.server";
import { getPolicy } from "~/models/settings.server";
import { applyRequest } from "./apply.server";
import { applyTransition, releaseLeftoverHold } from "./lifecycle.server";
import { logger } from "~/logger.server";
import type { ServiceDeps } from "./ports";

/** Jobs run for every shop: the Shopify port is made per shop. */
export type SystemDeps = Omit<ServiceDeps, "shop" | "shopify"> & {
  shopifyFor: (shop: string) => Promise<ServiceDeps["shopify"]>;
};

async function depsFor(deps: SystemDeps, shop: string): Promise<ServiceDeps> {
  return { db: deps.db, notify: deps.notify, clock: deps.clock, shop, shopify: await deps.shopifyFor(shop) };
}

/** A worker holds a due request this long; a failed one is tried again after it. */
const JOB_LEASE_MS = 60_000;

/**
 * Requests past their decision deadline: auto-approved or expired (auto-rejected) per the store's setting.
 * Each request is its own unit of work: one failure is reported and the others still run.
 */
export async function expireDueRequests(
  deps: SystemDeps,
): Promise<{ approved: number; expired: number; failed: string[] }> {
  const result = { approved: 0, expired: 0, failed: [] as string[] };
  const now = deps.clock();
  // Claimed first: with several workers, each due request is handled by one of them.
  const ids = await claimDueRequests(deps.db, { now, leaseUntil: new Date(now.getTime() + JOB_LEASE_MS), take: 100 });
  const due = ids.length
    ? await deps.db.changeRequest.findMany({ where: { id: { in: ids } }, orderBy: { deadlineAt: "asc" } })
    : [];
  for (const request of due) {
    try {
      const shopDeps = await depsFor(deps, request.shop);
      const policy = await getPolicy(deps.db, request.shop);
      const action = deadlineAction(request.status, policy);
      if (action === "approve") {
        const applying = await applyTransition(shopDeps, {
          requestId: request.id,
          from: "PENDING",
          action: "approve",
          actor: "SYSTEM",
          message: "Approved automatically at the decision deadline",
          data: { decidedAt: deps.clock(), deadlineAt: null },
        });
        await applyRequest(shopDeps, applying);
        result.approved++;
      } else if (action === "expire") {
        await applyTransition(shopDeps, {
          requestId: request.id,
          from: request.status,
          action: "expire",
          actor: "SYSTEM",
          message: "No decision before the deadline",
          data: { decidedAt: deps.clock(), deadlineAt: null },
        });
        result.expired++;
      }
    } catch (error) {
      result.failed.push(`${request.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

/**
 * Requests left APPLYING because Shopify did not answer (a crash, an outage): carried on. The gateway's
 * ledger checks Shopify before sending again, so nothing is applied twice.
 */
export async function resumeStalledRequests(deps: SystemDeps, olderThanMs = 60_000): Promise<number> {
  const stalled = await deps.db.changeRequest.findMany({
    where: { status: "APPLYING", updatedAt: { lt: new Date(deps.clock().getTime() - olderThanMs) } },
    take: 50,
  });
  let resumed = 0;
  for (const request of stalled) {
    try {
      await applyRequest(await depsFor(deps, request.shop), request);
      resumed++;
    } catch (error) {
      // the request stays APPLYING and the next run tries again; say why, so an outage or a bug is visible
      logger.warn(
        { err: error, shop: request.shop, changeRequestId: request.id },
        "could not resume an APPLYING request",
      );
    }
  }
  return resumed;
}

/**
 * The order was fulfilled or cancelled outside Amend (webhook): its open requests are SUPERSEDED. A request
 * being applied right now is left to finish. Amend's hold has no object left to hold, so it is dropped.
 */
export async function supersedeForOrder(
  deps: Pick<ServiceDeps, "db" | "clock" | "shop">,
  input: { orderId: string; cause: "fulfilled" | "cancelled" },
): Promise<ChangeRequest[]> {
  const open = await openRequestsForOrder(deps.db, deps.shop, input.orderId);
  const superseded: ChangeRequest[] = [];
  for (const request of open) {
    // a withdrawal is never superseded: the customer's statement stands whatever happened to the order
    if (
      request.status === "APPLYING" ||
      !isOpen(request.status) ||
      !canTransition(request.status, "supersede", request.kind)
    )
      continue;
    const moved = await applyTransition(deps, {
      requestId: request.id,
      from: request.status,
      action: "supersede",
      actor: "SYSTEM",
      message:
        input.cause === "cancelled" ? "The order was cancelled in Shopify" : "The order was fulfilled in Shopify",
      data: { deadlineAt: null },
    });
    superseded.push(moved);
  }
  return superseded;
}

/**
 * Final requests whose hold is still on the order: the release after their decision failed (Shopify down) or its
 * process stopped before it. Released again, once per run, until Shopify confirms; each is claimed first, so two
 * workers never release the same one at once.
 */
export async function releaseLeftoverHolds(deps: SystemDeps): Promise<{ released: number; pending: string[] }> {
  const result = { released: 0, pending: [] as string[] };
  const now = deps.clock();
  const ids = await claimHeldFinalRequests(deps.db, {
    now,
    leaseUntil: new Date(now.getTime() + JOB_LEASE_MS),
    take: 100,
  });
  const held = ids.length ? await deps.db.changeRequest.findMany({ where: { id: { in: ids } } }) : [];
  for (const request of held) {
    try {
      const after = await releaseLeftoverHold(await depsFor(deps, request.shop), request);
      if (after.holdApplied) result.pending.push(request.id);
      else result.released++;
    } catch (error) {
      logger.warn({ err: error, shop: request.shop, changeRequestId: request.id }, "could not release a leftover hold");
      result.pending.push(request.id);
    }
  }
  return result;
}
