import type { OrderFacts } from "~/domain/types";
import { ServiceError } from "~/services/errors";
import type { ShopifyPort } from "~/services/ports";
import { RateLimiter } from "./rate-limit.server";

/** How long a read of an order's facts serves the customer API's other reads of that order. */
const MEMO_MS = 2_000;
/**
 * Admin API reads per customer: 40 at once, then 2 a second. An order list page reads every order it shows (20 a
 * page), so a burst of 40 lets it load, be reloaded at once or show its next page; a customer probing more orders
 * than that is a 429. Reads served by the memo or by a read in flight cost nothing.
 */
export const ADMIN_READS_BURST = 40;
const adminReadsPerCustomer = new RateLimiter(ADMIN_READS_BURST, 2);
const memo = new Map<string, { facts: Promise<OrderFacts | null>; until: number }>();

/**
 * The Shopify port of a customer API read (GET, never a change): concurrent reads of one order share one Admin
 * API call and its answer serves the next MEMO_MS; a customer past their Admin API reads is a 429 RATE_LIMITED.
 */
export function customerReadPort(port: ShopifyPort, shop: string, customerId: string): ShopifyPort {
  return {
    ...port,
    getOrderFacts(orderId) {
      const key = `${shop}|${orderId}`;
      const now = Date.now();
      const seen = memo.get(key);
      if (seen && seen.until > now) return seen.facts;
      const taken = adminReadsPerCustomer.take(`${shop}|${customerId}`);
      if (!taken.ok)
        throw new ServiceError("RATE_LIMITED", "Too many order reads from this customer.", {
          retryAfterSeconds: taken.retryAfterSeconds,
        });
      if (memo.size > 10_000) memo.clear(); // bound memory under a flood of orders
      const entry = { facts: port.getOrderFacts(orderId), until: Number.POSITIVE_INFINITY };
      memo.set(key, entry);
      entry.facts.then(
        () => void (entry.until = Date.now() + MEMO_MS),
        () => void (memo.get(key) === entry && memo.delete(key)),
      );
      return entry.facts;
    },
  };
}

/** A change for this shop was made: its orders' facts are read again from Shopify. */
export function forgetOrderReads(shop: string): void {
  for (const key of memo.keys()) if (key.startsWith(`${shop}|`)) memo.delete(key);
}
