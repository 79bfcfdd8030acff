import type { MailingAddress, OrderFacts, ShippingQuote } from "~/domain/types";
import { applyShippingAddress, type AppliedAddress } from "./apply-address.server";
import { cancelLineItems, type CancelledLines, type LineToCancel } from "./cancel-items.server";
import { cancelOrder, type CancelledOrder, type CancelOrderOptions } from "./cancel-order.server";
import {
  createAdminClient,
  type AdminCall,
  type AdminClient,
  type AdminGraphql,
  type AdminLog,
} from "./graphql-client.server";
import { requestCancellationAtServices, type ServiceCancellation } from "./fulfillment-service.server";
import { budgetFor } from "./budget.server";
import { holdForCancellation, releaseHold, type PlacedHold } from "./holds.server";
import type { LedgerDb } from "./ledger.server";
import { getOrderFacts, getShipsToCountries, shopShipsTo } from "./order-facts.server";
import { quoteShipping } from "./shipping-quote.server";
import { getShopInfo, type ShopInfo } from "./shop.server";
import {
  findOrderByName,
  getWithdrawalFacts,
  type WithdrawalReadOptions,
  requestWithdrawalReturn,
  type OrderIdentity,
  type RequestedReturn,
} from "./withdrawal.server";
import type { WithdrawalFacts } from "~/domain/withdrawal";

export * from "./errors";
export type { AdminCall, AdminClient, AdminGraphql } from "./graphql-client.server";
export type { AppliedAddress } from "./apply-address.server";
export type { CancelledLines, LineToCancel } from "./cancel-items.server";
export { customerCancelOptions, STORE_REASON_TO_SHOPIFY } from "./cancel-order.server";
export type { CancelledOrder, CancelOrderOptions, OrderCancelReason } from "./cancel-order.server";
export type { PlacedHold } from "./holds.server";
export type { ServiceCancellation, ServiceRefusal } from "./fulfillment-service.server";
export { orderGid } from "./order-facts.server";
export type { ShopInfo } from "./shop.server";
export type { OrderIdentity, RequestedReturn, WithdrawalReadOptions } from "./withdrawal.server";

export interface ShopifyGatewayOptions {
  /** `admin.graphql` from `authenticate.admin` / `unauthenticated.admin` (or a fake in tests). */
  graphql: AdminGraphql;
  /** Where mutations are recorded before they are sent (the app's Prisma client or a transaction). */
  db: LedgerDb;
  /** The shop's myshopify domain (recorded with each mutation). */
  shop: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called after every Admin API round trip: count calls and query cost per customer action. */
  onCall?: (call: AdminCall) => void;
  log?: AdminLog;
  maxAttempts?: number;
  /** Polls of an `orderCancel` job before the cancellation is reported unavailable (retryable). */
  maxJobPolls?: number;
}

/** Everything Amend reads from or does to one shop's Shopify admin. */
export interface ShopifyGateway {
  /** The facts the rules need, from one query (numeric id or gid). Null when the order does not exist. */
  getOrderFacts(orderId: string | number): Promise<OrderFacts | null>;
  /** The same read for a question (not a decision): while the shop's budget is low it waits for the bucket first. */
  getOrderFactsDeferrable(
    orderId: string | number,
    defer: { cost: number; maxWaitMs: number },
  ): Promise<OrderFacts | null>;
  /** The countries the shop ships to, from this process's per-shop cache (`AmendShopShipsTo` once an hour). */
  shipsToCountries(): Promise<string[]>;
  /** Live shipping rates for the order's shippable lines to `address` (`draftOrderCalculate`, nothing saved). */
  quoteShipping(facts: OrderFacts, address: MailingAddress): Promise<ShippingQuote>;
  /**
   * Sets the order's shipping address once per request and verifies Shopify kept it on the order and its
   * pending fulfillment orders. Throws AddressNotAppliedError / ShopifyUserError / ShopifyUnavailableError.
   */
  applyShippingAddress(args: {
    requestId: string;
    facts: OrderFacts;
    address: MailingAddress;
  }): Promise<AppliedAddress>;
  /** Holds the order's OPEN / SCHEDULED fulfillment orders while a cancellation request is pending. */
  holdForCancellation(args: { requestId: string; facts: OrderFacts }): Promise<PlacedHold[]>;
  /** Releases the holds this request placed (a rejected or withdrawn cancellation); returns the fulfillment order ids. */
  releaseHold(args: { requestId: string; orderGid: string }): Promise<string[]>;
  /**
   * Asks the fulfillment services holding part of the order to cancel it (once per fulfillment order and round) and
   * says what is awaited and what was refused; Shopify's orderCancel is refused until every one has accepted.
   */
  requestCancellationAtServices(args: {
    requestId: string;
    orderGid: string;
    round: number;
    message: string;
  }): Promise<ServiceCancellation>;
  /** Cancels the order once per request and follows Shopify's job to the end. */
  cancelOrder(args: { requestId: string; orderGid: string; options: CancelOrderOptions }): Promise<CancelledOrder>;
  /** Cancels some items (quantity to `keep`, default 0) by editing the order once per request. */
  cancelLineItems(args: {
    requestId: string;
    orderGid: string;
    lines: LineToCancel[];
    restock: boolean;
    notifyCustomer: boolean;
    staffNote: string | null;
  }): Promise<CancelledLines>;
  /** The shop's name, addresses and URL, for notifications. */
  getShopInfo(): Promise<ShopInfo>;
  /** Shipments with their delivery dates, product tags, what is left to ship and open returns (a withdrawal). */
  getWithdrawalFacts(orderId: string, options?: WithdrawalReadOptions): Promise<WithdrawalFacts | null>;
  /** The same read for a question: while the shop's budget is low it waits for the bucket first. */
  getWithdrawalFactsDeferrable(
    orderId: string,
    options: WithdrawalReadOptions,
    defer: { cost: number; maxWaitMs: number },
  ): Promise<WithdrawalFacts | null>;
  /** Requests a return of shipped units once per request (`returnRequest`, status REQUESTED). */
  requestReturn(args: {
    requestId: string;
    orderGid: string;
    lines: { fulfillmentLineItemId: string; quantity: number }[];
  }): Promise<RequestedReturn>;
  /** The order with this exact name, and its buyer's email and names (`orders(query: "name:…")`). */
  findOrderByName(orderName: string): Promise<OrderIdentity | null>;
  /** The underlying client (for operations not covered above). */
  client: AdminClient;
}

/** Builds the gateway for one shop from the library's `graphql` function. */
export function createShopifyGateway(options: ShopifyGatewayOptions): ShopifyGateway {
  const client = createAdminClient(options.graphql, {
    sleep: options.sleep,
    random: options.random,
    onCall: options.onCall,
    log: options.log,
    maxAttempts: options.maxAttempts,
    budget: budgetFor(options.shop),
  });
  const { db, shop } = options;
  return {
    client,
    getOrderFacts: (orderId) => getOrderFacts(client, orderId),
    getOrderFactsDeferrable: (orderId, defer) =>
      getOrderFacts(
        {
          sleep: client.sleep,
          request: (query, variables, opts) => client.request(query, variables, { ...opts, defer }),
        },
        orderId,
      ),
    shipsToCountries: () => shopShipsTo(shop, () => getShipsToCountries(client)),
    quoteShipping: (facts, address) => quoteShipping(client, facts, address),
    applyShippingAddress: ({ requestId, facts, address }) =>
      applyShippingAddress(client, db, { shop, requestId, orderId: facts.id, address }),
    holdForCancellation: ({ requestId, facts }) => holdForCancellation(client, db, { shop, requestId, facts }),
    releaseHold: ({ requestId, orderGid }) => releaseHold(client, db, { shop, requestId, orderId: orderGid }),
    requestCancellationAtServices: ({ orderGid, ...rest }) =>
      requestCancellationAtServices(client, db, { shop, orderId: orderGid, ...rest }),
    cancelOrder: ({ requestId, orderGid, options: cancelOptions }) =>
      cancelOrder(
        client,
        db,
        { shop, requestId, orderId: orderGid, options: cancelOptions },
        { maxPolls: options.maxJobPolls },
      ),
    cancelLineItems: ({ orderGid, ...rest }) => cancelLineItems(client, db, { shop, orderId: orderGid, ...rest }),
    getShopInfo: () => getShopInfo(client),
    getWithdrawalFacts: (orderId, options) => getWithdrawalFacts(client, orderId, options),
    getWithdrawalFactsDeferrable: (orderId, withdrawalOptions, defer) =>
      getWithdrawalFacts(
        {
          sleep: client.sleep,
          request: (query, variables, opts) => client.request(query, variables, { ...opts, defer }),
        },
        orderId,
        withdrawalOptions,
      ),
    requestReturn: ({ orderGid, ...rest }) => requestWithdrawalReturn(client, db, { shop, orderId: orderGid, ...rest }),
    findOrderByName: (orderName) => findOrderByName(client, orderName),
  };
}
