import type { ChangeRequest } from "@prisma/client";
import type { OrderFacts } from "~/domain/types";
import { decodePayload } from "~/models/request-payload";
import { getPolicy } from "~/models/settings.server";
import { orderGid } from "~/shopify";
import { MutationInFlightError, ShopifyUnavailableError } from "~/shopify/errors";
import { ServiceError } from "./errors";
import { interpolate, messagesFor } from "~/domain/messages";
import type { ServiceRefusal } from "~/shopify";
import { CANCELLATION_REQUEST_MESSAGE, names, refusalMessage, waitingMessage } from "./fulfillment-messages";
import { applyWithdrawal } from "./withdrawal-apply.server";

export { CANCELLATION_REQUEST_MESSAGE, refusalMessage, waitingMessage };
import { applyTransition, recordSystemEvent } from "./lifecycle.server";
import type { ServiceDeps } from "./ports";
import { viaShopify } from "./shopify-calls";

/**
 * Carries an APPLYING request to Shopify: the address change or the cancellation. Success → APPLIED and the
 * customer is told; Shopify refusing → FAILED and staff are told; Shopify unreachable, or the mutation still in
 * flight from an earlier attempt → stays APPLYING (503), and a retry resumes it — the gateway's ledger makes
 * sure nothing is applied twice.
 */
export async function applyRequest(
  deps: ServiceDeps,
  request: ChangeRequest,
  facts?: OrderFacts,
): Promise<ChangeRequest> {
  if (request.status !== "APPLYING") return request;
  // One process at a time carries a request to Shopify; a twin submission or a second worker waits its turn.
  const now = deps.clock();
  const claimed = await deps.db.changeRequest.updateMany({
    where: { id: request.id, status: "APPLYING", OR: [{ applyLeaseUntil: null }, { applyLeaseUntil: { lt: now } }] },
    data: { applyLeaseUntil: new Date(now.getTime() + APPLY_LEASE_MS) },
  });
  if (claimed.count === 0) return (await deps.db.changeRequest.findUnique({ where: { id: request.id } })) ?? request;
  try {
    return await carryToShopify(deps, request, facts);
  } finally {
    await deps.db.changeRequest.updateMany({ where: { id: request.id }, data: { applyLeaseUntil: null } });
  }
}

/** How long a process may hold an APPLYING request before another may resume it (a crash, a lost answer). */
export const APPLY_LEASE_MS = 2 * 60_000;

async function carryToShopify(deps: ServiceDeps, request: ChangeRequest, facts?: OrderFacts): Promise<ChangeRequest> {
  if (request.kind === "WITHDRAWAL") return applyWithdrawal(deps, request);
  try {
    if (request.kind === "ADDRESS_CHANGE") {
      const payload = decodePayload(request);
      const address = payload.kind === "ADDRESS_CHANGE" ? payload.address : null;
      if (!address) throw new Error(`Request ${request.id} has no address to apply.`);
      const current = facts ?? (await deps.shopify.getOrderFacts(request.orderId));
      if (!current) throw new Error(`Order ${request.orderName} no longer exists in Shopify.`);
      await deps.shopify.applyShippingAddress({ requestId: request.id, facts: current, address });
    } else {
      const services = await deps.shopify.requestCancellationAtServices({
        requestId: request.id,
        orderGid: orderGid(request.orderId),
        round: await applyingRound(deps, request.id),
        message: CANCELLATION_REQUEST_MESSAGE,
      });
      if (services.refused.length > 0) return refusedByService(deps, request, services.refused);
      if (services.waitingFor.length > 0) {
        if (services.submitted.length === 0) return request;
        return recordSystemEvent(deps, request, waitingMessage(services.waitingFor));
      }
      const policy = await getPolicy(deps.db, deps.shop);
      await deps.shopify.cancelOrder({
        requestId: request.id,
        orderGid: orderGid(request.orderId),
        options: policy.cancellation,
      });
    }
  } catch (error) {
    return failedApplication(deps, request.id, error);
  }
  return applyTransition(deps, {
    requestId: request.id,
    from: "APPLYING",
    action: "applied",
    actor: "SYSTEM",
    data: { appliedAt: deps.clock(), failureMessage: null },
  });
}

/** Each approve or retry starts a round: a service that refused in an earlier round is asked again. */
async function applyingRound(deps: ServiceDeps, requestId: string): Promise<number> {
  return deps.db.requestEvent.count({
    where: { requestId, toStatus: "APPLYING", OR: [{ fromStatus: null }, { fromStatus: { not: "APPLYING" } }] },
  });
}

/**
 * The fulfillment service would not stop its work: the order cannot be cancelled. FAILED (staff may ask again with
 * retry, or reject), staff are told the service's answer, and the customer is told that the order was not cancelled
 * and why — in their language, as the decision note their email quotes.
 */
function refusedByService(deps: ServiceDeps, request: ChangeRequest, refused: ServiceRefusal[]) {
  const message = refusalMessage(refused);
  const texts = messagesFor(request.locale).fulfillmentService;
  const reason = refused.map((r) => r.message).find((m) => !!m);
  const service = names(refused.map((r) => r.service));
  const decisionNote = reason
    ? interpolate(texts.cancellationRefusedWithReason, { service, reason })
    : interpolate(texts.cancellationRefused, { service });
  return applyTransition(deps, {
    requestId: request.id,
    from: "APPLYING",
    action: "serviceRefused",
    actor: "SYSTEM",
    message,
    data: { failureMessage: message, decisionNote },
  });
}

export function assertFound<T>(value: T | null | undefined, what = "request"): T {
  if (value == null) throw new ServiceError("REQUEST_NOT_FOUND", `This ${what} does not exist.`);
  return value;
}

/**
 * An application that threw. Shopify unreachable, or another attempt of this request's mutation still in flight (a
 * process killed mid-call, a client's retry): nothing is known to have failed, so the request stays APPLYING (503)
 * and the retry or the stalled-request job carries it on, the ledger making sure it applies once. Anything else:
 * FAILED, with Shopify's message.
 */
export async function failedApplication(deps: ServiceDeps, requestId: string, error: unknown) {
  if (error instanceof ShopifyUnavailableError || error instanceof MutationInFlightError)
    return viaShopify(() => Promise.reject(error));
  const message = error instanceof Error ? error.message : String(error);
  return applyTransition(deps, {
    requestId,
    from: "APPLYING",
    action: "failed",
    actor: "SYSTEM",
    message,
    data: { failureMessage: message },
  });
}
