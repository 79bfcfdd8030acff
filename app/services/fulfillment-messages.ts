import type { ServiceRefusal } from "~/shopify";

/** What Amend tells a fulfillment service when it asks it to stop preparing the order. */
export const CANCELLATION_REQUEST_MESSAGE =
  "The customer asked to cancel this order and the store approved it (Amend).";

export const names = (services: string[]) => [...new Set(services)].join(", ");

/** The SYSTEM event recorded while the request waits (the admin shows it, translated: admin-requests presenter). */
export function waitingMessage(services: string[]): string {
  return `Waiting for ${names(services)} to accept the cancellation request (the fulfillment service is preparing the order).`;
}

export function refusalMessage(refused: ServiceRefusal[]): string {
  const reasons = refused.map((r) => r.message).filter((m): m is string => !!m);
  return (
    `${names(refused.map((r) => r.service))} refused to cancel: the order is already being prepared.` +
    (reasons.length ? ` The service said: "${reasons.join('"; "')}".` : "")
  );
}
