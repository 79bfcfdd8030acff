import crypto from "node:crypto";
import { flowTriggerFor, flowTriggerPayload } from "~/flow/triggers";
import { isFlowTriggerEnabled } from "~/models/flow-triggers.server";
import { newMessageId } from "~/notifications/outbox.server";
import type { NotifyPort } from "./ports";

/** One key per (shop, request, event row, trigger): a replayed transition queues its trigger once. */
export function flowIdempotencyKey(parts: string[]): string {
  return `flow_${crypto.createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32)}`;
}

/**
 * The notifier with Shopify Flow: what `inner` queues (emails, SMS), plus, in the same transaction, one
 * FLOW outbox row for the event's trigger when the shop has a workflow on that uses it. The worker sends
 * it with flowTriggerReceive (transports/flow.server.ts).
 */
export function withFlowTriggers(inner: NotifyPort): NotifyPort {
  return async (tx, input) => {
    await inner(tx, input);
    const handle = flowTriggerFor(input.event);
    if (!handle) return;
    const { request, event, eventId } = input;
    if (!(await isFlowTriggerEnabled(tx, request.shop, handle))) return;
    const idempotencyKey = flowIdempotencyKey([request.shop, request.id, eventId, event, handle]);
    if (await tx.outboxMessage.findUnique({ where: { idempotencyKey }, select: { id: true } })) return;
    await tx.outboxMessage.create({
      data: {
        shop: request.shop,
        requestId: request.id,
        event,
        channel: "FLOW",
        // The merchant's workflows act on it: staff-facing, like an alert.
        recipientRole: "STAFF",
        recipient: handle,
        locale: "en",
        text: JSON.stringify(flowTriggerPayload(request, event)),
        status: "PENDING",
        messageId: newMessageId(),
        idempotencyKey,
      },
    });
  };
}
