import type { ChangeRequest } from "@prisma/client";
import type { Db, DbTx } from "~/db.server";
import type { StorePolicy } from "~/domain/policy";
import type { MailingAddress, OrderFacts, ShippingQuote } from "~/domain/types";
import type { NotificationEvent } from "~/notifications/events";
import type { WithdrawalFacts } from "~/domain/withdrawal";
import type { OrderIdentity, RequestedReturn, ServiceCancellation, WithdrawalReadOptions } from "~/shopify";

/** An order's facts read to answer a question: when Shopify said so, and whether they may be out of date. */
export interface FactsRead {
  facts: OrderFacts | null;
  /** When the read that produced the facts started. */
  asOf: Date;
  /** Served past freshness (the shop's Admin API budget is low, or Shopify did not answer): marked as such. */
  stale: boolean;
  source: "cache" | "shopify";
  /**
   * No facts yet, for the shop's Admin API budget (nothing cached, and the read is kept back for changes or was
   * throttled): ask again after this many seconds. `facts` is null; it says nothing about the order.
   */
  pendingRetryAfterSeconds?: number;
}

/** An order's withdrawal facts read to answer a question: as FactsRead, for `AmendWithdrawalFacts`. */
export interface WithdrawalRead {
  facts: WithdrawalFacts | null;
  asOf: Date;
  stale: boolean;
  source: "cache" | "shopify";
  pendingRetryAfterSeconds?: number;
}

/** What the use cases need from Shopify (implemented by app/shopify's gateway, or a test double). */
export interface ShopifyPort {
  /** The order's facts, read from Shopify now: what every decision that changes something reads. */
  getOrderFacts(orderId: string): Promise<OrderFacts | null>;
  /**
   * The order's facts to answer a question (the options), from the cache when fresh; `admit` runs before a
   * read from Shopify (it may refuse it). Without it (a test double) questions read from Shopify.
   */
  readOrderFacts?(orderId: string, admit?: () => void): Promise<FactsRead>;
  /** The countries the shop ships to (a per-shop fact, cached per shop); absent in a test double: not known. */
  shipsToCountries?(): Promise<string[]>;
  quoteShipping(facts: OrderFacts, address: MailingAddress): Promise<ShippingQuote>;
  applyShippingAddress(input: { requestId: string; facts: OrderFacts; address: MailingAddress }): Promise<void>;
  holdForCancellation(input: { requestId: string; facts: OrderFacts }): Promise<unknown>;
  releaseHold(input: { requestId: string; orderGid: string }): Promise<unknown>;
  requestCancellationAtServices(input: {
    requestId: string;
    orderGid: string;
    round: number;
    message: string;
  }): Promise<ServiceCancellation>;
  cancelOrder(input: { requestId: string; orderGid: string; options: StorePolicy["cancellation"] }): Promise<unknown>;
  /** What a withdrawal needs beyond the facts: shipments and their delivery, product tags, open returns. */
  /**
   * `linesOnly`: the order has no shipment (fulfillment count 0), so only its lines are read; `size` (from the
   * order facts) sizes the read's `first:` arguments.
   */
  getWithdrawalFacts(orderId: string, options?: WithdrawalReadOptions): Promise<WithdrawalFacts | null>;
  /**
   * The same facts to answer a question (the options' withdrawal section), from the order's cache entry when
   * fresh. Without it (a test double) questions read from Shopify. Decisions use `getWithdrawalFacts`.
   */
  readWithdrawalFacts?(
    orderId: string,
    options: WithdrawalReadOptions & { linesOnly: boolean },
  ): Promise<WithdrawalRead>;
  /**
   * A withdrawal of an order nothing of which shipped: `orderCancel` with the customer's reason, refunding the
   * original payment at once (AUTOMATIC) or leaving the refund to the merchant (MANUAL).
   */
  cancelOrderForWithdrawal(input: {
    requestId: string;
    orderGid: string;
    refund: StorePolicy["withdrawal"]["refund"];
    restock: boolean;
    staffNote: string;
  }): Promise<unknown>;
  /** Removes unshipped units by an order edit (each line keeps `keep`). */
  cancelLineItems(input: {
    requestId: string;
    orderGid: string;
    lines: { lineItemId: string; keep: number }[];
    restock: boolean;
    staffNote: string;
  }): Promise<unknown>;
  /** Requests a Shopify return (status REQUESTED) for shipped units. */
  requestReturn(input: {
    requestId: string;
    orderGid: string;
    lines: { fulfillmentLineItemId: string; quantity: number }[];
  }): Promise<RequestedReturn>;
  /** The order with this exact name ("#1001"), and who it belongs to; null when there is none. */
  findOrderByName(orderName: string): Promise<OrderIdentity | null>;
}

/**
 * Writes the notifications a transition causes, inside the transaction of its event
 * (app/notifications' outbox). `eventId` keys them so a replayed transition adds nothing.
 */
export type NotifyPort = (
  tx: DbTx,
  input: { request: ChangeRequest; event: NotificationEvent; eventId: string },
) => Promise<void>;

/** The collaborators every use case takes: database, Shopify for one shop, clock, notifications. */
export interface ServiceDeps {
  db: Db;
  shop: string;
  shopify: ShopifyPort;
  notify: NotifyPort;
  clock: () => Date;
}
