import type { MailingAddress, OrderFacts, ShippingQuote } from "~/domain/types";
import type { ShopifyPort } from "~/services/ports";
import { ShopifyUnavailableError, MutationInFlightError, ShopifyUserError } from "~/shopify/errors";

/**
 * An in-memory Shopify for service tests of the use cases' logic (the gateway itself is tested against the
 * schema-faithful simulator over HTTP). Applies what it is asked and counts every call.
 */
export class MemoryShopify implements ShopifyPort {
  orders = new Map<string, OrderFacts>();
  rates: Record<string, { title: string; code: string | null; amount: string }[]> = {};
  calls: { op: string; requestId?: string }[] = [];
  /** The next call of this operation fails this way. */
  failNext: Partial<Record<string, "unavailable" | "refused" | "in-flight">> = {};

  constructor(orders: OrderFacts[]) {
    for (const order of orders) this.orders.set(order.legacyId, structuredClone(order));
  }

  private maybeFail(op: string) {
    const kind = this.failNext[op];
    if (!kind) return;
    delete this.failNext[op];
    if (kind === "unavailable")
      throw new ShopifyUnavailableError({ operation: op, message: "HTTP 503", retryAfterSeconds: 2 });
    // the ledger found this request's mutation still held by another attempt (a killed process, a retry)
    if (kind === "in-flight") throw new MutationInFlightError(`${op}:test`);
    throw new ShopifyUserError(op, [{ field: null, message: "Shopify refused it", code: "INVALID" }]);
  }

  count(op: string) {
    return this.calls.filter((c) => c.op === op).length;
  }

  async getOrderFacts(orderId: string) {
    this.calls.push({ op: "getOrderFacts" });
    this.maybeFail("getOrderFacts");
    const order = this.orders.get(orderId);
    return order ? structuredClone(order) : null;
  }

  async quoteShipping(facts: OrderFacts, address: MailingAddress): Promise<ShippingQuote> {
    this.calls.push({ op: "quoteShipping" });
    this.maybeFail("quoteShipping");
    const rates = this.rates[address.countryCode] ?? [];
    return {
      rates: rates.map((r) => ({
        title: r.title,
        code: r.code,
        price: { amount: r.amount, currencyCode: facts.currencyCode },
      })),
    };
  }

  async applyShippingAddress(input: { requestId: string; facts: OrderFacts; address: MailingAddress }) {
    this.calls.push({ op: "applyShippingAddress", requestId: input.requestId });
    this.maybeFail("applyShippingAddress");
    this.orders.get(input.facts.legacyId)!.shippingAddress = input.address;
  }

  async holdForCancellation(input: { requestId: string; facts: OrderFacts }) {
    this.calls.push({ op: "holdForCancellation", requestId: input.requestId });
    this.maybeFail("holdForCancellation");
    const order = this.orders.get(input.facts.legacyId)!;
    order.displayFulfillmentStatus = "ON_HOLD";
    for (const fo of order.fulfillmentOrders) {
      fo.status = "ON_HOLD";
      fo.holds = [{ id: `hold-${input.requestId}`, reason: "OTHER", heldByApp: true }];
    }
  }

  async releaseHold(input: { requestId: string; orderGid: string }) {
    this.calls.push({ op: "releaseHold", requestId: input.requestId });
    this.maybeFail("releaseHold");
    const order = this.orders.get(input.orderGid.split("/").pop()!)!;
    order.displayFulfillmentStatus = "UNFULFILLED";
    for (const fo of order.fulfillmentOrders) {
      fo.status = "OPEN";
      fo.holds = [];
    }
  }

  /** The in-memory orders are never at a fulfillment service: nothing to ask, nothing awaited. */
  async requestCancellationAtServices(_input: { requestId: string; orderGid: string }) {
    this.maybeFail("requestCancellationAtServices");
    return { waitingFor: [], refused: [], submitted: [] };
  }

  async cancelOrder(input: { requestId: string; orderGid: string }) {
    this.calls.push({ op: "cancelOrder", requestId: input.requestId });
    this.maybeFail("cancelOrder");
    const order = this.orders.get(input.orderGid.split("/").pop()!)!;
    order.cancelledAt = new Date().toISOString();
    order.closed = true;
  }

  /** In-memory orders never shipped: no shipments, no returns, no product tags. */
  async getWithdrawalFacts(orderId: string) {
    this.calls.push({ op: "getWithdrawalFacts" });
    this.maybeFail("getWithdrawalFacts");
    const order = this.orders.get(orderId.split("/").pop()!);
    if (!order) return null;
    return {
      shipments: [],
      returns: [],
      lines: order.lineItems.map((l) => ({
        id: l.id,
        variantTitle: null,
        unfulfilledQuantity: l.quantity,
        productTags: [],
      })),
    };
  }

  async cancelOrderForWithdrawal(input: { requestId: string; orderGid: string }) {
    return this.cancelOrder(input);
  }

  async cancelLineItems(input: { requestId: string; orderGid: string; lines: { lineItemId: string; keep: number }[] }) {
    this.calls.push({ op: "cancelLineItems", requestId: input.requestId });
    this.maybeFail("cancelLineItems");
    const order = this.orders.get(input.orderGid.split("/").pop()!)!;
    for (const line of input.lines) {
      const item = order.lineItems.find((l) => l.id === line.lineItemId);
      if (item) item.quantity = line.keep;
    }
  }

  /** Nothing ships in memory, so nothing can be returned: the simulator tests returns. */
  async requestReturn(input: { requestId: string }): Promise<never> {
    this.calls.push({ op: "requestReturn", requestId: input.requestId });
    throw new ShopifyUserError("returnRequest", [
      { field: null, message: "The in-memory Shopify has no shipments", code: "INVALID" },
    ]);
  }

  async findOrderByName(orderName: string) {
    this.calls.push({ op: "findOrderByName" });
    const order = [...this.orders.values()].find((o) => o.name.toLowerCase() === orderName.toLowerCase());
    if (!order) return null;
    const name = [order.customer?.firstName, order.customer?.lastName].filter(Boolean).join(" ");
    return { orderId: order.legacyId, name: order.name, email: order.customer?.email ?? null, names: [name] };
  }
}
