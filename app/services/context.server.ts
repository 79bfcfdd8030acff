import { prisma } from "~/db.server";
import { createShopifyGateway, customerCancelOptions, type ShopifyGateway } from "~/shopify";
import { budgetFor } from "~/shopify/budget.server";
import { unauthenticated } from "~/shopify.server";
import { ServiceError } from "./errors";
import { withFlowTriggers } from "./flow-notify.server";
import { outboxNotifier } from "./notify.server";
import {
  QUESTION_DEFER,
  withdrawalQuestionDefer,
  withFactsCache,
  type QuestionReads,
} from "./order-facts-cache.server";
import type { ServiceDeps, ShopifyPort } from "./ports";

/** The services' view of the gateway: the same operations, cancellation options from the store's policy. */
export function shopifyPort(gateway: ShopifyGateway): ShopifyPort & QuestionReads {
  return {
    getOrderFacts: (orderId: string) => gateway.getOrderFacts(orderId),
    readFreshForQuestion: (orderId: string) => gateway.getOrderFactsDeferrable(orderId, QUESTION_DEFER),
    shipsToCountries: () => gateway.shipsToCountries(),
    quoteShipping: (facts, address) => gateway.quoteShipping(facts, address),
    applyShippingAddress: async (input) => void (await gateway.applyShippingAddress(input)),
    holdForCancellation: (input) => gateway.holdForCancellation(input),
    releaseHold: (input) => gateway.releaseHold(input),
    requestCancellationAtServices: (input) => gateway.requestCancellationAtServices(input),
    cancelOrder: ({ requestId, orderGid, options }) =>
      gateway.cancelOrder({ requestId, orderGid, options: customerCancelOptions(options) }),
    getWithdrawalFacts: (orderId, options) => gateway.getWithdrawalFacts(orderId, options),
    readWithdrawalFreshForQuestion: (orderId, options) =>
      gateway.getWithdrawalFactsDeferrable(orderId, options, withdrawalQuestionDefer(options)),
    cancelOrderForWithdrawal: ({ requestId, orderGid, refund, restock, staffNote }) =>
      gateway.cancelOrder({
        requestId,
        orderGid,
        options: {
          reason: "CUSTOMER",
          refundMethod: refund === "AUTOMATIC" ? "ORIGINAL_PAYMENT" : "NONE",
          restock,
          staffNote,
          notifyCustomer: false,
        },
      }),
    cancelLineItems: ({ requestId, orderGid, lines, restock, staffNote }) =>
      gateway.cancelLineItems({ requestId, orderGid, lines, restock, staffNote, notifyCustomer: false }),
    requestReturn: (input) => gateway.requestReturn(input),
    findOrderByName: (orderName) => gateway.findOrderByName(orderName),
  };
}

/** The port of one shop's gateway with the order facts cache (questions answered from it, changes invalidate it). */
export function cachedShopifyPort(gateway: ShopifyGateway, shop: string): ShopifyPort {
  return withFactsCache(shopifyPort(gateway), { db: prisma, shop, budget: budgetFor(shop) });
}

const adminUrlFor = (request: { shop: string; id: string }) =>
  `https://admin.shopify.com/store/${request.shop.replace(".myshopify.com", "")}/apps/amend/app/requests/${request.id}`;

/** The notifications every transition causes: emails/SMS from templates, and the Flow triggers shops turned on. */
export function appNotifier(urlFor: (request: { shop: string; id: string }) => string | null = adminUrlFor) {
  return withFlowTriggers(outboxNotifier({ adminUrlFor: urlFor }));
}

/** The app's Admin API client for a shop, from its offline session (a shop without one never installed Amend). */
export async function shopifyFor(shop: string): Promise<ShopifyPort> {
  let graphql;
  try {
    ({
      admin: { graphql },
    } = await unauthenticated.admin(shop));
  } catch {
    throw new ServiceError("ORDER_NOT_FOUND", `Amend is not installed on ${shop}.`);
  }
  return cachedShopifyPort(createShopifyGateway({ graphql, db: prisma, shop }), shop);
}

/** Everything a use case needs for one shop: the composition root of the app. */
export async function servicesFor(
  shop: string,
  graphql?: Parameters<typeof createShopifyGateway>[0]["graphql"],
): Promise<ServiceDeps> {
  const shopify = graphql
    ? cachedShopifyPort(createShopifyGateway({ graphql, db: prisma, shop }), shop)
    : await shopifyFor(shop);
  return {
    db: prisma,
    shop,
    shopify,
    notify: appNotifier(),
    clock: () => new Date(),
  };
}
