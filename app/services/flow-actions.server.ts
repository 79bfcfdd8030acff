import type { ChangeRequest } from "@prisma/client";
import { logger } from "~/logger.server";
import { ServiceError } from "./errors";
import type { ServiceDeps } from "./ports";
import { approveRequest, rejectRequest } from "./staff-decisions.server";

/** Flow waits about 10 s for an action's answer; Amend answers well before, and finishes the work after. */
export const FLOW_ACTION_BUDGET_MS = 4_000;

export interface FlowActionResult {
  request?: { id: string; status: string };
  /** The work goes on after the answer (the deadline job resumes it if this process stops). */
  continuing?: boolean;
  /** A retried run whose work was already done: nothing was done twice. */
  alreadyDone?: boolean;
}

async function latestCancellation(deps: ServiceDeps, orderId: string): Promise<ChangeRequest | null> {
  return deps.db.changeRequest.findFirst({
    where: { shop: deps.shop, orderId, kind: "CANCELLATION" },
    orderBy: { createdAt: "desc" },
  });
}

/** The order's cancellation request to decide; 404 when this shop has none for that order (another shop's order included). */
async function cancellationToDecide(
  deps: ServiceDeps,
  orderId: string,
  doneStatuses: string[],
): Promise<{ request: ChangeRequest; done: boolean }> {
  const request = await latestCancellation(deps, orderId);
  if (!request)
    throw new ServiceError("REQUEST_NOT_FOUND", `Order ${orderId} has no cancellation request in ${deps.shop}.`);
  return { request, done: doneStatuses.includes(request.status) };
}

async function withinBudget(work: Promise<ChangeRequest>, ms: number): Promise<ChangeRequest | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    const first = await Promise.race([work, late]);
    if (first === null)
      work.catch((err: Error) => logger.error({ err }, "Flow action: the work that went on after the answer failed"));
    return first;
  } finally {
    clearTimeout(timer);
  }
}

/** "Approve cancellation request": the merchant's workflow decides as their staff would (actor STAFF); answers within the budget. */
export async function approveCancellationFromFlow(
  deps: ServiceDeps,
  input: { orderId: string; budgetMs?: number },
): Promise<FlowActionResult> {
  const { request, done } = await cancellationToDecide(deps, input.orderId, ["APPLYING", "APPLIED"]);
  if (done) return { request: { id: request.id, status: request.status }, alreadyDone: true };
  const applied = await withinBudget(
    approveRequest(deps, { requestId: request.id }),
    input.budgetMs ?? FLOW_ACTION_BUDGET_MS,
  );
  if (applied) return { request: { id: applied.id, status: applied.status } };
  return { request: { id: request.id, status: "APPLYING" }, continuing: true };
}

/** "Reject cancellation request" with the note the customer reads. */
export async function rejectCancellationFromFlow(
  deps: ServiceDeps,
  input: { orderId: string; note: string; budgetMs?: number },
): Promise<FlowActionResult> {
  const { request, done } = await cancellationToDecide(deps, input.orderId, ["REJECTED"]);
  if (done) return { request: { id: request.id, status: request.status }, alreadyDone: true };
  const rejected = await withinBudget(
    rejectRequest(deps, { requestId: request.id, note: input.note }),
    input.budgetMs ?? FLOW_ACTION_BUDGET_MS,
  );
  if (rejected) return { request: { id: rejected.id, status: rejected.status } };
  return { request: { id: request.id, status: request.status }, continuing: true };
}

/** The order must be this shop's in Shopify: an id from another shop is 404, never a block on a stranger's order. */
async function assertShopOrder(deps: ServiceDeps, orderId: string): Promise<void> {
  const facts = await deps.shopify.getOrderFacts(orderId);
  if (!facts) throw new ServiceError("ORDER_NOT_FOUND", `Order ${orderId} is not an order of ${deps.shop}.`);
}

/** "Block self-service changes for this order": the rules then answer FEATURE_DISABLED. */
export async function blockOrderFromFlow(
  deps: ServiceDeps,
  input: { orderId: string; reason?: string | null },
): Promise<FlowActionResult> {
  await assertShopOrder(deps, input.orderId);
  await deps.db.orderBlock.upsert({
    where: { shop_orderId: { shop: deps.shop, orderId: input.orderId } },
    create: { shop: deps.shop, orderId: input.orderId, reason: input.reason ?? "Blocked by a Shopify Flow workflow" },
    update: { reason: input.reason ?? undefined },
  });
  return {};
}

/** "Allow self-service changes again". */
export async function unblockOrderFromFlow(deps: ServiceDeps, input: { orderId: string }): Promise<FlowActionResult> {
  await assertShopOrder(deps, input.orderId);
  await deps.db.orderBlock.deleteMany({ where: { shop: deps.shop, orderId: input.orderId } });
  return {};
}
