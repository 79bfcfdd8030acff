import { ServiceError } from "~/services/errors";
import type { FactsRead, ShopifyPort, WithdrawalRead } from "~/services/ports";
import { RateLimiter } from "./rate-limit.server";

/**
 * Admin API reads per customer: 40 at once, then 2 a second. An order list page reads every order it shows (20 a
 * page), so a burst of 40 lets it load, be reloaded at once or show its next page; a customer probing more orders
 * than that is a 429. Reads served by the order facts cache or by a read in flight cost nothing, so one customer's
 * burst cannot spend the shop's budget.
 */
export const ADMIN_READS_BURST = 40;
const adminReadsPerCustomer = new RateLimiter(ADMIN_READS_BURST, 2);
const inFlight = new Map<string, Promise<FactsRead>>();
const withdrawalInFlight = new Map<string, Promise<WithdrawalRead>>();

/**
 * The Shopify port of a customer API read (GET, never a change): questions are answered from the order facts
 * cache when fresh; concurrent reads of one order (its facts, its withdrawal facts) share one lookup and at most one
 * Admin API call each; a customer past their Admin API reads is a 429 RATE_LIMITED.
 */
export function customerReadPort(port: ShopifyPort, shop: string, customerId: string): ShopifyPort {
  const admit = () => {
    const taken = adminReadsPerCustomer.take(`${shop}|${customerId}`);
    if (!taken.ok)
      throw new ServiceError("RATE_LIMITED", "Too many order reads from this customer.", {
        retryAfterSeconds: taken.retryAfterSeconds,
      });
  };
  const read = (orderId: string): Promise<FactsRead> =>
    port.readOrderFacts
      ? port.readOrderFacts(orderId, admit)
      : Promise.resolve()
          .then(admit)
          .then(() => port.getOrderFacts(orderId))
          .then((facts) => ({ facts, asOf: new Date(), stale: false, source: "shopify" as const }));
  return {
    ...port,
    readOrderFacts(orderId) {
      const key = `${shop}|${orderId}`;
      const shared = inFlight.get(key);
      if (shared) return shared;
      const entry = read(orderId).finally(() => inFlight.delete(key));
      inFlight.set(key, entry);
      return entry;
    },
    // the withdrawal section's facts (the options of a store offering it): one lookup per order in flight too
    ...(port.readWithdrawalFacts && {
      readWithdrawalFacts(orderId, options) {
        const key = `${shop}|${orderId}|${options.linesOnly ? "lines" : "all"}`;
        const shared = withdrawalInFlight.get(key);
        if (shared) return shared;
        const entry = port.readWithdrawalFacts!(orderId, options).finally(() => withdrawalInFlight.delete(key));
        withdrawalInFlight.set(key, entry);
        return entry;
      },
    }),
  };
}
