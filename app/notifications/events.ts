/**
 * The notification vocabulary (docs/notifications.md): events, channels, recipients, and the default matrix
 * of which (event, channel, recipient) exist and whether each is on until the merchant decides.
 *
 * Defaults, and why:
 * - Every SMS is off by default: it costs the merchant money per message, needs a provider account
 *   and, for customers, consent to be texted. The merchant switches on what they want.
 * - Customers get an email for every decision about their request and for every store cancellation.
 * - STAFF gets an email for what needs a person: a cancellation to decide, a customer's reply, a
 *   request Shopify refused, and an address that changed (the warehouse must ship elsewhere).
 * - OWNER (the store owner's email from Shopify) is an opt-in copy of staff alerts. When a STAFF
 *   email is on but no staff address is set for the event, it goes to the owner instead, so an alert
 *   is never sent to nobody (outbox.server.ts).
 * - WITHDRAWAL_RECEIVED (the EU withdrawal's acknowledgement) is the exception to "every SMS off": the customer
 *   chose SMS in the statement, and the law wants the acknowledgement by the means chosen.
 * - CUSTOMER_REPLIED and REQUEST_FAILED are staff-only; ADDRESS_CHANGE_REFUSED and the decisions
 *   are customer-only (staff made them).
 */

export const NOTIFICATION_EVENTS = [
  "ADDRESS_CHANGE_APPLIED",
  "ADDRESS_CHANGE_REFUSED",
  "CANCELLATION_REQUESTED",
  "CANCELLATION_APPROVED",
  "CANCELLATION_REJECTED",
  "INFO_REQUESTED",
  "CUSTOMER_REPLIED",
  "REQUEST_FAILED",
  "ORDER_PARTIALLY_CANCELLED",
  "ORDER_CANCELLED_BY_STORE",
  "WITHDRAWAL_RECEIVED",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const CHANNELS = ["EMAIL", "SMS"] as const;
export type Channel = (typeof CHANNELS)[number];

export const RECIPIENTS = ["CUSTOMER", "STAFF", "OWNER"] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** One cell of the matrix: `defaultOn` is the switch's value until the shop saves a NotificationSetting. */
export interface NotificationRoute {
  event: NotificationEvent;
  channel: Channel;
  recipient: Recipient;
  defaultOn: boolean;
}

type Cells = Partial<Record<Channel, Partial<Record<Recipient, boolean>>>>;

const customerOnly: Cells = { EMAIL: { CUSTOMER: true }, SMS: { CUSTOMER: false } };

const MATRIX: Record<NotificationEvent, Cells> = {
  ADDRESS_CHANGE_APPLIED: {
    EMAIL: { CUSTOMER: true, STAFF: true, OWNER: false },
    SMS: { CUSTOMER: false, STAFF: false },
  },
  ADDRESS_CHANGE_REFUSED: customerOnly,
  CANCELLATION_REQUESTED: {
    EMAIL: { CUSTOMER: true, STAFF: true, OWNER: false },
    SMS: { CUSTOMER: false, STAFF: false },
  },
  CANCELLATION_APPROVED: customerOnly,
  CANCELLATION_REJECTED: customerOnly,
  INFO_REQUESTED: customerOnly,
  CUSTOMER_REPLIED: { EMAIL: { STAFF: true }, SMS: { STAFF: false } },
  REQUEST_FAILED: { EMAIL: { STAFF: true }, SMS: { STAFF: false } },
  ORDER_PARTIALLY_CANCELLED: customerOnly,
  ORDER_CANCELLED_BY_STORE: customerOnly,
  // The law requires the acknowledgement on a durable medium: the customer's email is on, and the SMS too — it
  // is sent only to a customer who asked for it in the statement (and only with an SMS provider set up).
  WITHDRAWAL_RECEIVED: {
    EMAIL: { CUSTOMER: true, STAFF: true, OWNER: false },
    SMS: { CUSTOMER: true, STAFF: false },
  },
};

/** Every (event, channel, recipient) that exists, in a stable order (the admin lists them so). */
export const NOTIFICATION_ROUTES: readonly NotificationRoute[] = NOTIFICATION_EVENTS.flatMap((event) =>
  CHANNELS.flatMap((channel) =>
    RECIPIENTS.flatMap((recipient) => {
      const on = MATRIX[event][channel]?.[recipient];
      return on === undefined ? [] : [{ event, channel, recipient, defaultOn: on }];
    }),
  ),
);

/** The route, or undefined when that combination does not exist (e.g. CUSTOMER_REPLIED to CUSTOMER). */
export function findRoute(
  event: NotificationEvent,
  channel: Channel,
  recipient: Recipient,
): NotificationRoute | undefined {
  return NOTIFICATION_ROUTES.find((r) => r.event === event && r.channel === channel && r.recipient === recipient);
}

export function routesFor(event: NotificationEvent): NotificationRoute[] {
  return NOTIFICATION_ROUTES.filter((r) => r.event === event);
}
