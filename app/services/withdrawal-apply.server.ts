import type { ChangeRequest } from "@prisma/client";
import { interpolate, messagesFor } from "~/domain/messages";
import { planWithdrawal } from "~/domain/withdrawal";
import { addMessage } from "~/models/change-request.server";
import { decodePayload } from "~/models/request-payload";
import { getPolicy } from "~/models/settings.server";
import { withdrawalReadFor } from "~/shopify/withdrawal.server";
import { failedApplication } from "./apply.server";
import { applyTransition, recordSystemEvent } from "./lifecycle.server";
import type { ServiceDeps } from "./ports";
import { refusalMessage, waitingMessage } from "./fulfillment-messages";

/** What Amend tells a fulfillment service preparing an order the customer withdrew from. */
export const WITHDRAWAL_SERVICE_MESSAGE =
  "The customer withdrew from the contract (EU right of withdrawal): please stop preparing this order (Amend).";

const STAFF_NOTE = "Withdrawal from the contract (EU right of withdrawal), registered by Amend";

/**
 * Carries an APPLYING withdrawal to Shopify from the order as it is now (what shipped since the statement is
 * returned rather than cancelled): the order cancelled (nothing shipped, every unit withdrawn; the store's
 * refund setting), unshipped units removed by an order edit, shipped units returned with a Shopify return. Each
 * step is sent once per request (the ledger). Shopify refusing → FAILED (retried by the job); unreachable → stays
 * APPLYING.
 */
export async function applyWithdrawal(deps: ServiceDeps, request: ChangeRequest): Promise<ChangeRequest> {
  const payload = decodePayload(request);
  if (payload.kind !== "WITHDRAWAL" || !payload.statement) throw new Error(`Request ${request.id} has no statement.`);
  try {
    const facts = await deps.shopify.getOrderFacts(request.orderId);
    if (!facts) throw new Error(`Order ${request.orderName} no longer exists in Shopify.`);
    const extra = await deps.shopify.getWithdrawalFacts(request.orderId, withdrawalReadFor(facts));
    if (!extra) throw new Error(`Order ${request.orderName} no longer exists in Shopify.`);
    // Until a step is done in Shopify, the plan follows the order as it is now (what shipped since the statement is
    // returned, not cancelled). Once one is (an edit, a return), the stored plan is resumed: the order now shows
    // this request's own effects, and each step is sent once (the ledger).
    const started =
      payload.plan !== null &&
      (await deps.db.shopifyMutation.count({ where: { requestId: request.id, status: "CONFIRMED" } })) > 0;
    const plan = started ? payload.plan! : planWithdrawal(facts, extra, payload.lines ?? payload.statement.items ?? []);
    if (!started) {
      const { kind: _kind, ...stored } = payload;
      await deps.db.changeRequest.update({
        where: { id: request.id },
        data: { payload: JSON.stringify({ ...stored, plan }) },
      });
    }
    // units neither unshipped nor in a shipment Shopify shows: staff must see it rather than Amend doing part of it
    if (!started && plan.unplaced.length > 0)
      throw new Error(
        `Could not find in Shopify where these withdrawn units are (not unshipped, not in a shipment with units left to return): ${plan.unplaced
          .map((u) => `${u.quantity} × ${u.title}`)
          .join(", ")}. Cancel or take them back in Shopify, then retry.`,
      );
    const policy = await getPolicy(deps.db, deps.shop);
    let returnId = payload.returnId;
    if (plan.cancelOrder && !facts.cancelledAt) {
      const services = await deps.shopify.requestCancellationAtServices({
        requestId: request.id,
        orderGid: facts.id,
        // each retry is a new round: a service that refused before is asked again
        round: await deps.db.requestEvent.count({
          where: {
            requestId: request.id,
            toStatus: "APPLYING",
            OR: [{ fromStatus: null }, { fromStatus: { not: "APPLYING" } }],
          },
        }),
        message: WITHDRAWAL_SERVICE_MESSAGE,
      });
      if (services.refused.length > 0) throw new Error(refusalMessage(services.refused));
      if (services.waitingFor.length > 0) {
        if (services.submitted.length === 0) return request;
        return recordSystemEvent(deps, request, waitingMessage(services.waitingFor));
      }
      await deps.shopify.cancelOrderForWithdrawal({
        requestId: request.id,
        orderGid: facts.id,
        refund: policy.withdrawal.refund,
        restock: policy.cancellation.restock,
        staffNote: STAFF_NOTE,
      });
    } else if (plan.cancelLines.length > 0) {
      await deps.shopify.cancelLineItems({
        requestId: request.id,
        orderGid: facts.id,
        lines: plan.cancelLines,
        restock: policy.cancellation.restock,
        staffNote: STAFF_NOTE,
      });
    }
    if (plan.returnLines.length > 0 && !returnId) {
      const requested = await deps.shopify.requestReturn({
        requestId: request.id,
        orderGid: facts.id,
        lines: plan.returnLines,
      });
      returnId = requested.returnId;
    }
    const outcome = returnId ? "RETURN" : plan.outcome;
    const { kind: _kind, ...stored } = payload;
    const updated = { ...stored, plan, outcome, returnId };
    const applied = await applyTransition(deps, {
      requestId: request.id,
      from: "APPLYING",
      action: "applied",
      actor: "SYSTEM",
      message: outcome === "RETURN" ? `Return requested in Shopify (${returnId})` : "Cancelled in Shopify",
      data: { appliedAt: deps.clock(), failureMessage: null, payload: JSON.stringify(updated) },
    });
    if (outcome === "RETURN") {
      const texts = messagesFor(request.locale).withdrawal;
      await addMessage(
        deps.db,
        request.id,
        "STAFF",
        interpolate(texts.returnInstructions, { order: request.orderName }),
      );
    }
    return applied;
  } catch (error) {
    return failedApplication(deps, request.id, error);
  }
}
