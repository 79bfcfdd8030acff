import { ShopifyUnavailableError } from "~/shopify/errors";
import { ServiceError } from "./errors";

/** Runs a Shopify call; Shopify being unreachable becomes the API's 503 with when to retry. */
export async function viaShopify<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ShopifyUnavailableError) {
      throw new ServiceError("SHOPIFY_UNAVAILABLE", "Shopify is not answering right now. Please try again shortly.", {
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
    throw error;
  }
}
