import type { QueryCost } from "./graphql-client.server";

type ThrottleStatus = NonNullable<QueryCost["throttleStatus"]>;

/**
 * A shop's Admin API budget as Shopify last reported it (`extensions.cost.throttleStatus`), refilled at its
 * restore rate since: what this process knows of the bucket it shares with every other call to the shop.
 */
export class ShopBudget {
  private seen: (ThrottleStatus & { at: number }) | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  observe(status: ThrottleStatus | undefined): void {
    if (status && Number.isFinite(status.currentlyAvailable)) this.seen = { ...status, at: this.now() };
  }

  /** A call of about `cost` points leaves now: counted until Shopify's next answer says what is left. */
  spend(cost: number): void {
    const available = this.available();
    if (available === null || !this.seen) return;
    this.seen = { ...this.seen, currentlyAvailable: available - cost, at: this.now() };
  }

  /** Points available now (estimated), or null before Shopify said anything. */
  available(): number | null {
    if (!this.seen) return null;
    const { currentlyAvailable, maximumAvailable, restoreRate, at } = this.seen;
    return Math.min(maximumAvailable, currentlyAvailable + (restoreRate * (this.now() - at)) / 1000);
  }

  /**
   * Would a read of `cost` points leave less than the reserve kept for mutations (a quarter of the bucket: 500
   * points on Standard, fifty mutations)? Unknown budget: not low.
   */
  isLowFor(cost: number): boolean {
    const available = this.available();
    if (available === null || !this.seen) return false;
    return available - cost < reserveOf(this.seen.maximumAvailable);
  }

  /** How long until a read of `cost` points leaves the reserve intact (0 when it already does). */
  waitMsFor(cost: number): number {
    const available = this.available();
    if (available === null || !this.seen || !(this.seen.restoreRate > 0)) return 0;
    const missing = cost + reserveOf(this.seen.maximumAvailable) - available;
    return missing <= 0 ? 0 : Math.ceil((missing / this.seen.restoreRate) * 1000);
  }
}

const reserveOf = (maximumAvailable: number) => maximumAvailable / 4;

const budgets = new Map<string, ShopBudget>();

/** This process's view of a shop's budget, shared by every gateway built for the shop. */
export function budgetFor(shop: string): ShopBudget {
  let budget = budgets.get(shop);
  if (!budget) {
    if (budgets.size > 10_000) budgets.clear(); // bound memory: a forgotten shop is only an unknown budget
    budget = new ShopBudget();
    budgets.set(shop, budget);
  }
  return budget;
}
