import type { ChangeRequest } from "@prisma/client";
import { findRequest } from "~/models/change-request.server";
import { applyRequest, assertFound } from "./apply.server";
import { applyTransition } from "./lifecycle.server";
import type { ServiceDeps } from "./ports";

/** A staff member deciding, from the admin or through the merchant's Flow workflow (both STAFF). */
export interface StaffInput {
  requestId: string;
  /** What the customer is told (rejection) or asked (more information). */
  note?: string | null;
}

/**
 * Approve: the request is claimed (PENDING → APPLYING) before anything is sent to Shopify, then carried to it
 * (cancel the order / change the address). A decision that lost the race is a 409 and sends nothing.
 */
export async function approveRequest(deps: ServiceDeps, input: StaffInput): Promise<ChangeRequest> {
  const applying = await applyTransition(deps, {
    requestId: input.requestId,
    action: "approve",
    actor: "STAFF",
    message: input.note ?? null,
    data: { decidedAt: deps.clock(), decisionNote: input.note ?? null, deadlineAt: null },
  });
  return applyRequest(deps, applying);
}

/** Retry a request that Shopify refused or could not apply; the ledger keeps a retry from applying twice. */
export async function retryRequest(deps: ServiceDeps, input: StaffInput): Promise<ChangeRequest> {
  const request = assertFound(await findRequest(deps.db, deps.shop, input.requestId));
  if (request.status === "APPLYING") return applyRequest(deps, request);
  const applying = await applyTransition(deps, {
    requestId: request.id,
    from: request.status,
    action: "retry",
    actor: "STAFF",
  });
  return applyRequest(deps, applying);
}

/** Reject: the customer is told why; once that is recorded, Amend's hold is released and the order proceeds. */
export async function rejectRequest(deps: ServiceDeps, input: StaffInput): Promise<ChangeRequest> {
  return applyTransition(deps, {
    requestId: input.requestId,
    action: "reject",
    actor: "STAFF",
    message: input.note ?? null,
    data: { decidedAt: deps.clock(), decisionNote: input.note ?? null, deadlineAt: null },
  });
}

/** Ask the customer for more information (NEEDS_INFO); their answer puts the request back to PENDING. */
export async function requestInfo(deps: ServiceDeps, input: StaffInput & { note: string }): Promise<ChangeRequest> {
  return applyTransition(deps, {
    requestId: input.requestId,
    action: "requestInfo",
    actor: "STAFF",
    message: input.note,
  });
}
