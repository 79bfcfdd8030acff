import type { ChangeRequest } from "@prisma/client";
import type { Db, DbTx } from "~/db.server";
import type { StorePolicy } from "~/domain/policy";
import type { MailingAddress, OrderFacts, ShippingQuote } from "~/domain/types";
import type { NotificationEvent } from "~/notifications/events";
import type { ServiceCancellation } from "~/shopify";

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
