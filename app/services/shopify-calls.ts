import { MutationInFlightError, ShopifyUnavailableError } from "~/shopify/errors";
import { ServiceError } from "./errors";

/** How long to wait before retrying when another attempt holds the same Shopify mutation (its lease is longer). */
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 5;

/**
 * Runs a Shopify call. What a later try can fix is a 503 with Retry-After:
 * - Shopify unreachable or throttled past the bound (ShopifyUnavailableError): SHOPIFY_UNAVAILABLE, its own delay;
 * - the same mutation already being sent by another attempt (MutationInFlightError from the gateway's ledger:
 *   a twin request, a worker, a process killed mid-call): IN_PROGRESS — nothing failed, and a retry once that
 *   attempt is over gets its result.
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
      throw new ServiceError("IN_PROGRESS", "This change is already being sent to Shopify. Please try again shortly.", {
        retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS,
      });
    }
    throw error;
  }
}
