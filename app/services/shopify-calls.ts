import { MutationInFlightError, ShopifyUnavailableError } from "~/shopify/errors";
import { ServiceError } from "./errors";

/** How long to wait before retrying when another attempt holds the same Shopify mutation (its lease is longer). */
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 30;

/**
 * Runs a Shopify call. What a later try can fix is the API's 503 SHOPIFY_UNAVAILABLE with Retry-After:
 * - Shopify unreachable or throttled past the bound (ShopifyUnavailableError): its own retry delay;
 * - the same mutation already being sent by another attempt (MutationInFlightError from the gateway's ledger:
 *   a twin request, a worker, a process killed mid-call): nothing failed, try again once that attempt is over.
 */
export async function viaShopify<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ShopifyUnavailableError) {
      throw new ServiceError("SHOPIFY_UNAVAILABLE", "Shopify is not answering right now. Please try again shortly.", {
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
    if (error instanceof MutationInFlightError) {
      throw new ServiceError(
        "SHOPIFY_UNAVAILABLE",
        "This change is already being sent to Shopify. Please try again shortly.",
        {
          retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS,
        },
      );
    }
    throw error;
  }
}
