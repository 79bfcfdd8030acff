import type { ChangeRequest } from "@prisma/client";
import type { Db, DbTx } from "~/db.server";
import type { StorePolicy } from "~/domain/policy";
import type { MailingAddress, OrderFacts, ShippingQuote } from "~/domain/types";
import type { NotificationEvent } from "~/notifications/events";
import type { ServiceCancellation } from "~/shopify";

/** What the use cases need from Shopify (implemented by app/shopify's gateway, or a test double). */
export interface ShopifyPort {
  getOrderFacts(orderId: string): Promise<OrderFacts | null>;
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
