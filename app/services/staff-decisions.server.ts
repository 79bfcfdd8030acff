import type { ChangeRequest } from "@prisma/client";
import type { RequestStatus } from "~/domain/types";
import { addMessage, findRequest, transitionRequest } from "~/models/change-request.server";
import { applyRequest, assertFound } from "./apply.server";
import { releaseHoldIfAny, transitionGuard } from "./customer-requests.server";
import type { ServiceDeps } from "./ports";

/** A staff member deciding, from the admin (or a Flow action, as SYSTEM). */
export interface StaffInput {
  requestId: string;
  /** What the customer is told (rejection) or asked (more information). */
  note?: string | null;
  actor?: "STAFF" | "SYSTEM";
}

async function load(deps: ServiceDeps, requestId: string): Promise<ChangeRequest> {
  return assertFound(await findRequest(deps.db, deps.shop, requestId));
}

/** Approve: the request goes to APPLYING and is carried to Shopify (cancel the order / change the address). */
export async function approveRequest(deps: ServiceDeps, input: StaffInput): Promise<ChangeRequest> {
  const request = await load(deps, input.requestId);
  const { request: applying } = await deps.db.$transaction((tx) =>
    transitionRequest(tx, {
      id: request.id,
      from: request.status as RequestStatus,
      action: "approve",
      actor: input.actor ?? "STAFF",
      message: input.note ?? null,
      data: { decidedAt: deps.clock(), decisionNote: input.note ?? null, deadlineAt: null },
    }),
  );
  return applyRequest(deps, applying);
}

/** Retry a request that Shopify refused or could not apply; the ledger keeps a retry from applying twice. */
export async function retryRequest(deps: ServiceDeps, input: StaffInput): Promise<ChangeRequest> {
  const request = await load(deps, input.requestId);
  if (request.status === "APPLYING") return applyRequest(deps, request);
  const { request: applying } = await deps.db.$transaction((tx) =>
    transitionRequest(tx, {
      id: request.id,
      from: request.status as RequestStatus,
      action: "retry",
      actor: input.actor ?? "STAFF",
    }),
  );
  return applyRequest(deps, applying);
}

/** Reject: Amend's hold is released first (the order proceeds normally), then the customer is told why. */
export async function rejectRequest(deps: ServiceDeps, input: StaffInput): Promise<ChangeRequest> {
  const request = await load(deps, input.requestId);
  transitionGuard(request, "reject");
  await releaseHoldIfAny(deps, request);
  return deps.db.$transaction(async (tx) => {
    const moved = await transitionRequest(tx, {
      id: request.id,
      from: request.status as RequestStatus,
      action: "reject",
      actor: input.actor ?? "STAFF",
      message: input.note ?? null,
      data: { decidedAt: deps.clock(), decisionNote: input.note ?? null, holdApplied: false, deadlineAt: null },
    });
    if (input.note) await addMessage(tx, request.id, "STAFF", input.note);
    await deps.notify(tx, {
      request: moved.request,
      event: request.kind === "ADDRESS_CHANGE" ? "ADDRESS_CHANGE_REFUSED" : "CANCELLATION_REJECTED",
      eventId: moved.eventId,
    });
    return moved.request;
  });
}

/** Ask the customer for more information (NEEDS_INFO); their answer puts the request back to PENDING. */
export async function askForInformation(
  deps: ServiceDeps,
  input: StaffInput & { note: string },
): Promise<ChangeRequest> {
  const request = await load(deps, input.requestId);
  return deps.db.$transaction(async (tx) => {
    const moved = await transitionRequest(tx, {
      id: request.id,
      from: request.status as RequestStatus,
      action: "askInfo",
      actor: input.actor ?? "STAFF",
      message: input.note,
    });
    await addMessage(tx, request.id, "STAFF", input.note);
    await deps.notify(tx, { request: moved.request, event: "INFO_REQUESTED", eventId: moved.eventId });
    return moved.request;
  });
}
