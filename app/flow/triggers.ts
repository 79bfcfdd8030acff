import type { ChangeRequest } from "@prisma/client";
import type { MailingAddress } from "~/domain/types";
import { decodeEvaluation, decodePayload, type RequestPayload } from "~/models/request-payload";
import type { NotificationEvent } from "~/notifications/events";

/**
 * The Flow triggers Amend sends (extensions/flow-trigger-<handle>/shopify.extension.toml), one per request
 * event that matters to a merchant's workflows. Events not listed (a customer's reply, store cancellations)
 * have no trigger.
 */
export const FLOW_TRIGGERS = {
  ADDRESS_CHANGE_APPLIED: "address-change-applied",
  ADDRESS_CHANGE_REFUSED: "address-change-refused",
  CANCELLATION_REQUESTED: "cancellation-requested",
  CANCELLATION_APPROVED: "cancellation-approved",
  CANCELLATION_REJECTED: "cancellation-rejected",
  // the published handle merchants' workflows reference: it keeps its name (the concept is "info" in the code)
  INFO_REQUESTED: "more-information-requested",
  REQUEST_FAILED: "request-failed-to-apply",
  WITHDRAWAL_RECEIVED: "withdrawal-received",
} as const satisfies Partial<Record<NotificationEvent, string>>;

export type FlowTriggerHandle = (typeof FLOW_TRIGGERS)[keyof typeof FLOW_TRIGGERS];
export const FLOW_TRIGGER_HANDLES = Object.values(FLOW_TRIGGERS) as FlowTriggerHandle[];

export function flowTriggerFor(event: NotificationEvent): FlowTriggerHandle | null {
  return (FLOW_TRIGGERS as Partial<Record<NotificationEvent, FlowTriggerHandle>>)[event] ?? null;
}

export function isFlowTriggerHandle(value: string): value is FlowTriggerHandle {
  return (FLOW_TRIGGER_HANDLES as string[]).includes(value);
}

/**
 * What every trigger carries. Keys are the extension's field keys (Flow allows letters and spaces only);
 * `order_id` / `customer_id` are Flow's reference fields (order_reference, customer_reference).
 */
export interface FlowTriggerPayload {
  order_id: number;
  customer_id?: number;
  "Request ID": string;
  "Order name": string;
  "Request kind": string;
  "Request status": string;
  Reason: string;
  "Old address": string;
  "New address": string;
  Note: string;
}

/** An address on one line, as a Flow text field shows it: "Camille Martin, 18 rue du Sentier, 75002 Paris, FR". */
export function addressLine(address: MailingAddress | null | undefined): string {
  if (!address) return "";
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  const city = [address.zip, address.city].filter(Boolean).join(" ");
  return [name, address.company, address.address1, address.address2, city, address.provinceCode, address.countryCode]
    .filter((part) => part && String(part).trim())
    .join(", ");
}

/**
 * Why, in one field: the customer's cancellation reason, the rules a refused address failed, what a withdrawal
 * leads to in Shopify (CANCELLATION or RETURN), or the failure.
 */
function reasonOf(request: ChangeRequest, payload: RequestPayload, event: NotificationEvent): string {
  if (event === "REQUEST_FAILED") return request.failureMessage ?? "";
  if (payload.kind === "WITHDRAWAL") return payload.outcome ?? "";
  if (payload.kind === "CANCELLATION") return payload.reason ?? "";
  if (event === "ADDRESS_CHANGE_REFUSED")
    return decodeEvaluation(request)
      .filter((rule) => !rule.passed)
      .map((rule) => rule.code)
      .join(", ");
  return "";
}

/** What a withdrawal takes back, on one line: "2 × Lampe Opaline; 1 × Vase", after "Whole order: " for all of it. */
function withdrawnLine(payload: Extract<RequestPayload, { kind: "WITHDRAWAL" }>): string {
  const lines = payload.lines ?? payload.statement?.items ?? [];
  const items = lines.map((l) => `${l.quantity} × ${l.title}`).join("; ");
  return payload.statement?.wholeOrder ? `Whole order${items ? `: ${items}` : ""}` : items;
}

/** Staff's words when staff decided or asked, a withdrawal's items, else the customer's note. */
function noteOf(request: ChangeRequest, payload: RequestPayload, event: NotificationEvent): string {
  if (payload.kind === "WITHDRAWAL") return withdrawnLine(payload);
  const note = payload.kind === "CANCELLATION" ? payload.note : null;
  if (event === "CANCELLATION_REQUESTED") return note ?? "";
  return request.decisionNote ?? note ?? "";
}

/** The trigger's payload for a request at an event (what flowTriggerReceive sends). */
export function flowTriggerPayload(request: ChangeRequest, event: NotificationEvent): FlowTriggerPayload {
  const payload = decodePayload(request);
  const customerId = Number(request.customerId);
  return {
    order_id: Number(request.orderId),
    ...(Number.isSafeInteger(customerId) && customerId > 0 ? { customer_id: customerId } : {}),
    "Request ID": request.id,
    "Order name": request.orderName,
    "Request kind": request.kind,
    "Request status": request.status,
    Reason: reasonOf(request, payload, event),
    "Old address": addressLine(payload.kind === "ADDRESS_CHANGE" ? payload.previousAddress : null),
    "New address": addressLine(payload.kind === "ADDRESS_CHANGE" ? payload.address : null),
    Note: noteOf(request, payload, event),
  };
}

/** The triggers' names (the extensions' `name`): Flow's flow_trigger_definition_id may carry one. */
export const FLOW_TRIGGER_NAMES: Record<FlowTriggerHandle, string> = {
  "address-change-applied": "Address change applied",
  "address-change-refused": "Address change refused",
  "cancellation-requested": "Cancellation requested",
  "cancellation-approved": "Cancellation approved",
  "cancellation-rejected": "Cancellation rejected",
  "more-information-requested": "More information requested",
  "request-failed-to-apply": "Request failed to apply",
  "withdrawal-received": "Withdrawal received",
};

/** The trigger a lifecycle callback is about: its handle, or the definition id when it is a handle or a name. */
export function triggerOfCallback(input: { handle?: string; definitionId: string }): FlowTriggerHandle | null {
  for (const candidate of [input.handle, input.definitionId]) {
    if (!candidate) continue;
    if (isFlowTriggerHandle(candidate)) return candidate;
    const byName = FLOW_TRIGGER_HANDLES.find((h) => FLOW_TRIGGER_NAMES[h].toLowerCase() === candidate.toLowerCase());
    if (byName) return byName;
  }
  return null;
}
