/** The Admin API simulator's control API (/_sim/*, demo/simulator/README.md) and the sinks' mailboxes. */
import { hostile } from "./context";

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function control(method: string, pathname: string, body?: unknown): Promise<Rec> {
  const res = await fetch(`${hostile().simulatorUrl}${pathname}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${method} ${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json().catch(() => ({}))) as Rec;
}

/** The order as Shopify (the simulator) has it now. */
export async function shopifyOrder(orderId: string): Promise<Rec> {
  const state = await control("GET", "/_sim/state");
  const order = (state.orders as Rec[]).find((o) => o.id === `gid://shopify/Order/${orderId}`);
  if (!order) throw new Error(`no order ${orderId} in the simulator`);
  return order;
}

/** The order's fulfillment holds placed by Amend (the requesting app). */
export async function amendHolds(orderId: string): Promise<Rec[]> {
  const order = await shopifyOrder(orderId);
  return (order.fulfillmentOrders?.nodes ?? []).flatMap((fo: Rec) =>
    (fo.fulfillmentHolds ?? []).filter((h: Rec) => h.heldByRequestingApp),
  );
}

/** Mutations the simulator ran on this order (its mutation log), by root field. */
export async function mutationsOn(orderId: string, rootField: string): Promise<Rec[]> {
  const log = (await control("GET", "/_sim/mutations")) as unknown as Rec[];
  return log.filter(
    (m) => m.mutation === rootField && JSON.stringify(m.args).includes(`gid://shopify/Order/${orderId}"`),
  );
}

/** Injects a fault (`{kind, times?, ms?, operation?}`); `times: -1` lasts until `clearFaults`. */
export const injectFault = (spec: Rec) => control("POST", "/_sim/faults", spec);
export const clearFaults = () => control("DELETE", "/_sim/faults");
/** A full cost bucket (what a quiet minute gives back). */
export const refillBucket = () => control("POST", "/_sim/bucket", {});

export interface Email {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** What the SMTP sink received so far. */
export async function emails(): Promise<Email[]> {
  const res = await fetch(`${hostile().sinksUrl}/emails`);
  return (await res.json()) as Email[];
}
