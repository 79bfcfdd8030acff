import { ServiceError } from "~/services/errors";

/** What a request id can look like (ids are cuids; the bound keeps anything else out of queries). */
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The request id of a path; anything that cannot be one is a request not found (404), like an unknown id. */
export function requestIdParam(value: string | undefined): string {
  if (!value || !REQUEST_ID.test(value)) throw new ServiceError("REQUEST_NOT_FOUND", "There is no such request.");
  return value;
}

/** The numeric order id of a path (1–20 digits, what Shopify's ids fit in); anything else is a 400. */
export function orderIdParam(value: string | undefined): string {
  if (!value || !/^\d{1,20}$/.test(value))
    throw new ServiceError("INVALID_INPUT", "orderId must be the numeric order id.", { field: "orderId" });
  return value;
}
