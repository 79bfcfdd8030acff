/** Customer API calls the scenarios are made of, as the order's own customer, recorded like every answer. */
import type { FaultOrder } from "../../faults/lib/store";
import { hostile } from "./context";
import { send, type Answer } from "./recorder";
import { adminSessionToken, bearer, customerSessionToken } from "./signing";

/** A valid French address; `n` makes it distinct. */
export function address(n: number) {
  return {
    firstName: "Hostile",
    lastName: `Tester ${n}`,
    address1: `${n} avenue de la République`,
    city: "Paris",
    zip: "75011",
    countryCode: "FR",
  };
}

export async function changeAddress(order: FaultOrder, body: unknown, key?: string): Promise<Answer> {
  return send(`/api/customer/orders/${order.id}/address-change`, {
    headers: {
      ...bearer(await customerSessionToken(hostile().app, order.customerId)),
      ...(key ? { "Idempotency-Key": key } : {}),
    },
    body,
  });
}

export async function requestCancellation(order: FaultOrder, key?: string, reason = "CHANGED_MIND"): Promise<Answer> {
  return send(`/api/customer/orders/${order.id}/cancellation`, {
    headers: {
      ...bearer(await customerSessionToken(hostile().app, order.customerId)),
      ...(key ? { "Idempotency-Key": key } : {}),
    },
    body: { reason, note: "hostile suite" },
  });
}

export async function withdraw(order: FaultOrder, requestId: string): Promise<Answer> {
  return send(`/api/customer/requests/${encodeURIComponent(requestId)}/withdraw`, {
    method: "POST",
    headers: bearer(await customerSessionToken(hostile().app, order.customerId)),
  });
}

/** A staff decision through the admin API (the order page block). */
export async function decide(requestId: string, action: "approve" | "reject", note?: string): Promise<Answer> {
  return send(`/api/admin/requests/${encodeURIComponent(requestId)}/decision`, {
    headers: bearer(await adminSessionToken(hostile().app)),
    body: { action, ...(note ? { note } : {}) },
  });
}

/** Polls `check` until it returns a value (not undefined/false) or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
