import { InvalidTransitionError } from "~/domain/state-machine";
import type { Reason } from "~/domain/types";
import { logger } from "~/logger.server";
import { RequestConflictError, StaleRequestError } from "~/models/change-request.server";
import { ServiceError } from "~/services/errors";
import { IN_FLIGHT_RETRY_AFTER_SECONDS } from "~/services/shopify-calls";
import { formatBytes, PayloadTooLargeError } from "./body-limit.server";
import { MutationInFlightError, ShopifyUnavailableError, ShopifyUserError } from "~/shopify/errors";

/**
 * What a use case threw, as one HTTP answer for the customer API, the admin API, admin pages and Flow actions.
 * Each surface words `code` its own way (the customer's language, the admin's texts, English for Flow).
 *
 * | status | code                     | thrown as                                                        |
 * |--------|--------------------------|------------------------------------------------------------------|
 * | 400    | INVALID_INPUT            | ServiceError: a field is missing or malformed (`field`)          |
 * | 400    | ADDRESS_INVALID          | ServiceError: the new address fails validation (`field`)         |
 * | 403    | NOT_ORDER_OWNER          | ServiceError: the order or request is another customer's         |
 * | 404    | ORDER_NOT_FOUND          | ServiceError: no such order in the shop                          |
 * | 404    | REQUEST_NOT_FOUND        | ServiceError: no such request in the shop (or a malformed id)    |
 * | 409    | REQUEST_ALREADY_PENDING  | ServiceError / RequestConflictError: another request is open     |
 * | 409    | ADDRESS_ALREADY_CHANGED  | ServiceError / RequestConflictError: the address changed once    |
 * | 409    | INVALID_TRANSITION       | InvalidTransitionError: the request's status does not allow it   |
 * | 409    | STALE_REQUEST            | StaleRequestError: the request moved while this call ran         |
 * | 413    | PAYLOAD_TOO_LARGE        | PayloadTooLargeError: the body is over the route's limit (`limitBytes`) |
 * | 422    | RULES_FAILED             | ServiceError: the store's rules refuse it (`reasons`)            |
 * | 422    | IDEMPOTENCY_KEY_REUSED   | ServiceError: the Idempotency-Key was used for another change    |
 * | 422    | CODE_INVALID, CODE_EXPIRED, CODE_ATTEMPTS_EXCEEDED | ServiceError: a contact confirmation code refused |
 * | 422    | SMS_NOT_OFFERED, CONTACT_NOT_CONFIRMED | ServiceError: SMS asked for where the store sends none / with no confirmed number |
 * | 422    | SHOPIFY_REFUSED          | ShopifyUserError: Shopify refused the mutation (`userErrors`)    |
 * | 429    | RATE_LIMITED             | ServiceError: too many calls from this customer (`Retry-After`)  |
 * | 503    | SHOPIFY_UNAVAILABLE      | ShopifyUnavailableError / ServiceError (`Retry-After`)           |
 * | 503    | IN_PROGRESS              | MutationInFlightError / ServiceError: another attempt is sending the same change to Shopify; retrying gets its result (`Retry-After`) |
 * | 500    | INTERNAL                 | anything else: logged with its context                           |
 *
 * A thrown Response (the library's 401, a redirect) is not an error to map: it is thrown on.
 */
export interface HttpError {
  status: number;
  code: string;
  /** An English message, for the surfaces that do not localise (Flow, logs). */
  message: string;
  /** Values the localised messages interpolate (`{field}`, `{message}`). */
  params: Record<string, string>;
  headers: Record<string, string>;
  reasons?: Reason[];
  field?: string;
  fieldErrors?: { field: string; code: string }[];
  /** The limit a body went over (413). */
  limitBytes?: number;
}

function retryAfter(seconds: number): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil(seconds))) };
}

/** Maps what a use case threw to its answer; an unknown error is logged with `context` and becomes a 500. */
export function toHttpError(error: unknown, context: Record<string, unknown> = {}): HttpError {
  if (error instanceof Response) throw error;
  const answer = (status: number, code: string, message: string, more: Partial<HttpError> = {}): HttpError => ({
    status,
    code,
    message,
    params: {},
    headers: {},
    ...more,
  });
  if (error instanceof ServiceError) {
    const { reasons, field, fieldErrors, retryAfterSeconds } = error.details;
    return answer(error.status, error.code, error.message, {
      params: { field: String(field ?? "") },
      headers: retryAfterSeconds ? retryAfter(retryAfterSeconds) : {},
      ...(reasons ? { reasons } : {}),
      ...(field ? { field } : {}),
      ...(fieldErrors ? { fieldErrors } : {}),
    });
  }
  if (error instanceof PayloadTooLargeError)
    return answer(
      413,
      "PAYLOAD_TOO_LARGE",
      `The request body is larger than the ${formatBytes(error.limit)} this address accepts.`,
      {
        params: { limit: formatBytes(error.limit) },
        limitBytes: error.limit,
      },
    );
  if (error instanceof StaleRequestError) return answer(409, "STALE_REQUEST", error.message);
  if (error instanceof InvalidTransitionError) return answer(409, "INVALID_TRANSITION", error.message);
  if (error instanceof RequestConflictError)
    return answer(409, error.code, error.message, { reasons: [{ code: error.code }] });
  if (error instanceof ShopifyUnavailableError)
    return answer(503, "SHOPIFY_UNAVAILABLE", error.message, { headers: retryAfter(error.retryAfterSeconds) });
  if (error instanceof MutationInFlightError)
    return answer(503, "IN_PROGRESS", error.message, { headers: retryAfter(IN_FLIGHT_RETRY_AFTER_SECONDS) });
  if (error instanceof ShopifyUserError)
    return answer(422, "SHOPIFY_REFUSED", error.message, {
      params: { message: error.userErrors[0]?.message ?? "" },
    });
  logger.error({ err: error, ...context }, "request failed");
  return answer(500, "INTERNAL", "Something went wrong on our side.");
}

/** The error answer's body, the same shape on every surface: `{ error: { code, message, … } }`. */
export function errorBody(
  error: HttpError,
  message = error.message,
  reasons: unknown[] | undefined = error.reasons,
): { error: Record<string, unknown> } {
  return {
    error: {
      code: error.code,
      message,
      ...(reasons ? { reasons } : {}),
      ...(error.field ? { field: error.field } : {}),
      ...(error.fieldErrors ? { fields: error.fieldErrors } : {}),
      ...(error.limitBytes ? { limitBytes: error.limitBytes } : {}),
    },
  };
}
