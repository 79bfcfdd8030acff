import type { StoreCancelReason } from "~/domain/types";
import { findRequest } from "~/models/change-request.server";
import { ServiceError } from "./errors";
import { cancelByStore, type StoreCancelDeps } from "./store-cancellation.server";

export interface CancelFromRequestInput {
  requestId: string;
  scope: "WHOLE_ORDER" | "ITEMS";
  reason: StoreCancelReason;
  lines: { lineItemId: string; quantity: number }[];
  note?: string;
  staff: string;
  actionKey: string;
}

/**
 * The store cancels the order of one of this shop's requests from its page (another shop's request is not
 * found): the whole order, or the lines given a quantity; choosing "some items" and none is refused.
 */
export async function cancelFromRequest(
  deps: StoreCancelDeps,
  input: CancelFromRequestInput,
): Promise<{ ok: true; scope: string } | { ok: false; code: "CHOOSE_ITEMS" }> {
  const request = await findRequest(deps.db, deps.shop, input.requestId);
  if (!request)
    throw new ServiceError("REQUEST_NOT_FOUND", `Request ${input.requestId} does not exist in ${deps.shop}.`);
  const lines = input.scope === "ITEMS" ? input.lines.filter((l) => l.quantity > 0) : [];
  if (input.scope === "ITEMS" && lines.length === 0) return { ok: false, code: "CHOOSE_ITEMS" };
  const record = await cancelByStore(deps, {
    orderId: request.orderId,
    reason: input.reason,
    lines,
    note: input.note,
    staff: input.staff,
    requestId: request.id,
    actionKey: input.actionKey,
  });
  return { ok: true, scope: record.scope };
}
