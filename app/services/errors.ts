import type { AddressField } from "~/domain/address";
import type { Reason } from "~/domain/types";

export type ServiceErrorCode =
  | "ADDRESS_INVALID"
  | "INVALID_INPUT"
  | "NOT_ORDER_OWNER"
  | "ORDER_NOT_FOUND"
  | "REQUEST_NOT_FOUND"
  | "REQUEST_ALREADY_PENDING"
  | "ADDRESS_ALREADY_CHANGED"
  | "RULES_FAILED"
  | "INVALID_TRANSITION"
  | "STALE_REQUEST"
  | "IDEMPOTENCY_KEY_REUSED"
  | "RATE_LIMITED"
  | "SHOPIFY_UNAVAILABLE"
  | "IN_PROGRESS"
  | "CODE_INVALID"
  | "CODE_EXPIRED"
  | "CODE_ATTEMPTS_EXCEEDED"
  | "SMS_NOT_OFFERED"
  | "CONTACT_NOT_CONFIRMED";

const STATUS: Record<ServiceErrorCode, number> = {
  ADDRESS_INVALID: 400,
  INVALID_INPUT: 400,
  NOT_ORDER_OWNER: 403,
  ORDER_NOT_FOUND: 404,
  REQUEST_NOT_FOUND: 404,
  REQUEST_ALREADY_PENDING: 409,
  ADDRESS_ALREADY_CHANGED: 409,
  // a decision that lost a race: the request is no longer in a status this action applies to / moved meanwhile
  INVALID_TRANSITION: 409,
  STALE_REQUEST: 409,
  RULES_FAILED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  // the customer's own channels (app/services/customer-contact.server.ts): a code refused, SMS not sent by the store,
  // SMS switched on before a number was confirmed
  CODE_INVALID: 422,
  CODE_EXPIRED: 422,
  CODE_ATTEMPTS_EXCEEDED: 422,
  SMS_NOT_OFFERED: 422,
  CONTACT_NOT_CONFIRMED: 422,
  RATE_LIMITED: 429,
  // Shopify unreachable / the same mutation being sent by another attempt: retry after `retryAfterSeconds`
  SHOPIFY_UNAVAILABLE: 503,
  IN_PROGRESS: 503,
};

/**
 * A use case refused or could not finish. Carries the API status, a stable code, and what a person needs:
 * the failing rules (`reasons`), the field at fault, or when to retry. Messages are rendered per locale
 * by the caller from the code and reasons.
 */
export class ServiceError extends Error {
  override name = "ServiceError";
  readonly status: number;
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details: {
      reasons?: Reason[];
      field?: AddressField | string;
      fieldErrors?: { field: string; code: string }[];
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
