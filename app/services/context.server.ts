import { prisma } from "~/db.server";
import { createShopifyGateway, customerCancelOptions, type ShopifyGateway } from "~/shopify";
import { unauthenticated } from "~/shopify.server";
import { ServiceError } from "./errors";
import { withFlowTriggers } from "./flow-notify.server";
import { outboxNotifier } from "./notify.server";
import type { ServiceDeps, ShopifyPort } from "./ports";

/** The services' view of the gateway: the same operations, cancellation options from the store's policy. */
export function shopifyPort(gateway: ShopifyGateway): ShopifyPort {
  return {
    getOrderFacts: (orderId) => gateway.getOrderFacts(orderId),
    quoteShipping: (facts, address) => gateway.quoteShipping(facts, address),
    applyShippingAddress: async (input) => void (await gateway.applyShippingAddress(input)),
    holdForCancellation: (input) => gateway.holdForCancellation(input),
    releaseHold: (input) => gateway.releaseHold(input),
    requestCancellationAtServices: (input) => gateway.requestCancellationAtServices(input),
    cancelOrder: ({ requestId, orderGid, options }) =>
      gateway.cancelOrder({ requestId, orderGid, options: customerCancelOptions(options) }),
  };
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
  return shopifyPort(createShopifyGateway({ graphql, db: prisma, shop }));
}

/** Everything a use case needs for one shop: the composition root of the app. */
export async function servicesFor(
  shop: string,
  graphql?: Parameters<typeof createShopifyGateway>[0]["graphql"],
): Promise<ServiceDeps> {
  const shopify = graphql ? shopifyPort(createShopifyGateway({ graphql, db: prisma, shop })) : await shopifyFor(shop);
  return {
    db: prisma,
    shop,
    shopify,
    notify: appNotifier(),
    clock: () => new Date(),
  };
}
