import { InvalidTransitionError } from "~/domain/state-machine";
import { RequestConflictError, StaleRequestError } from "~/models/change-request.server";
import { ServiceError } from "~/services/errors";
import { ShopifyUnavailableError, ShopifyUserError } from "~/shopify/errors";
import { logger } from "~/logger.server";

/** A failed admin action as the page shows it: a code the admin texts explain, and details. */
export interface AdminActionError {
  code: string;
  status: number;
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** Maps what a use case threw to an answer the merchant can act on; unknown errors are logged, not hidden. */
export function toAdminError(error: unknown, context: Record<string, unknown> = {}): AdminActionError {
  if (error instanceof Response) throw error;
  if (error instanceof ServiceError) return { code: error.code, status: error.status, message: error.message };
  if (error instanceof StaleRequestError) return { code: "STALE_REQUEST", status: 409 };
  if (error instanceof InvalidTransitionError) return { code: "INVALID_TRANSITION", status: 409 };
  if (error instanceof RequestConflictError) return { code: error.code, status: 409, message: error.message };
  if (error instanceof ShopifyUnavailableError) return { code: "SHOPIFY_UNAVAILABLE", status: 503 };
  if (error instanceof ShopifyUserError) return { code: "SHOPIFY_REFUSED", status: 422, message: error.message };
  logger.error({ err: error, ...context }, "admin action failed");
  return { code: "INTERNAL", status: 500 };
}
