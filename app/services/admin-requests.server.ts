import type { OrderFacts } from "~/domain/types";
import type { StaffAction } from "~/admin/constants";
import { allowedActions } from "~/domain/state-machine";
import { logger } from "~/logger.server";
import { undeliveredCustomerMessages } from "~/models/customer-contact.server";
import { decodeEvaluation, decodePayload } from "~/models/request-payload";
import { requestIdParam } from "~/http/params.server";
import { withdrawalRows } from "./admin-withdrawals.server";
import { ServiceError } from "./errors";
import type { ServiceDeps } from "./ports";
import { approveRequest, requestInfo, rejectRequest, retryRequest } from "./staff-decisions.server";

/** Everything the request page shows: the request, its history, the order as Shopify has it now. */
export async function requestDetail(deps: ServiceDeps, requestId: string) {
  const request = await deps.db.changeRequest.findFirst({
    where: { id: requestIdParam(requestId), shop: deps.shop },
    include: { events: { orderBy: { at: "asc" } }, messages: { orderBy: { at: "asc" } } },
  });
  if (!request) throw new ServiceError("REQUEST_NOT_FOUND", `Request ${requestId} does not exist in ${deps.shop}.`);
  let order: OrderFacts | null = null;
  try {
    order = await deps.shopify.getOrderFacts(request.orderId);
  } catch (error) {
    // The page still works without the summary; the merchant sees a banner saying so.
    logger.warn({ err: error, shop: deps.shop, changeRequestId: requestId }, "order summary unavailable");
  }
  const [storeCancellations, undelivered] = await Promise.all([
    deps.db.storeCancellation.findMany({
      where: { shop: deps.shop, orderId: request.orderId },
      orderBy: { createdAt: "asc" },
    }),
    // messages to the customer about this request that did not arrive (the page says how to reach them instead)
    undeliveredCustomerMessages(deps.db, { shop: deps.shop, requestIds: [request.id] }),
  ]);
  return {
    request,
    payload: decodePayload(request),
    evaluation: decodeEvaluation(request),
    order,
    storeCancellations,
    undelivered,
    actions: allowedActions(request.status, request.kind),
    /** A withdrawal's register row: its statement, acknowledgement delivery and reimbursement deadline. */
    withdrawal:
      request.kind === "WITHDRAWAL" ? ((await withdrawalRows(deps.db, deps.shop, [request]))[0] ?? null) : null,
  };
}

export { STAFF_ACTIONS, type StaffAction } from "~/admin/constants";

/** A staff decision on one request of this shop (another shop's request is not found). */
export async function decideRequest(
  deps: ServiceDeps,
  input: { requestId: string; action: StaffAction; note?: string | null },
) {
  const note = input.note?.trim() || null;
  switch (input.action) {
    case "approve":
      return approveRequest(deps, { requestId: input.requestId, note });
    case "reject":
      return rejectRequest(deps, { requestId: input.requestId, note });
    case "requestInfo":
      if (!note) throw new ServiceError("INVALID_INPUT", "A question for the customer is required.", { field: "note" });
      return requestInfo(deps, { requestId: input.requestId, note });
    case "retry":
      return retryRequest(deps, { requestId: input.requestId });
  }
}

export interface BulkResult {
  done: { id: string; status: string }[];
  failed: { id: string; orderName: string | null; error: unknown }[];
}

/** Approve or reject several requests with one note; one failing does not stop the others. */
export async function decideMany(
  deps: ServiceDeps,
  input: { ids: string[]; action: "approve" | "reject"; note?: string | null },
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  const names = new Map(
    (
      await deps.db.changeRequest.findMany({
        where: { shop: deps.shop, id: { in: input.ids } },
        select: { id: true, orderName: true },
      })
    ).map((r) => [r.id, r.orderName]),
  );
  // One at a time: each approval calls Shopify, and the Admin API's rate limit is per shop.
  for (const id of input.ids) {
    try {
      const request = await decideRequest(deps, { requestId: id, action: input.action, note: input.note });
      result.done.push({ id, status: request.status });
    } catch (error) {
      result.failed.push({ id, orderName: names.get(id) ?? null, error });
    }
  }
  return result;
}
