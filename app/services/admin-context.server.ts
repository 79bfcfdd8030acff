import type { AdminContext } from "~/admin/auth.server";
import { prisma } from "~/db.server";
import { invalidateOrderFacts } from "~/models/order-facts-cache.server";
import { createShopifyGateway } from "~/shopify";
import { servicesFor } from "./context.server";
import type { ServiceDeps } from "./ports";
import type { StoreCancelDeps } from "./store-cancellation.server";

/** The use cases' collaborators for an authenticated admin (its shop, its Admin API client). */
export function adminServices(admin: Pick<AdminContext, "shop" | "graphql">): Promise<ServiceDeps> {
  return servicesFor(admin.shop, admin.graphql);
}

/** The store-cancellation use case needs the whole gateway (order edits, the store's reasons). */
export function storeCancelDeps(admin: Pick<AdminContext, "shop" | "graphql">): StoreCancelDeps {
  const gateway = createShopifyGateway({ graphql: admin.graphql, db: prisma, shop: admin.shop });
  // the order's cached facts are out of date once the store cancelled it (or some of its items)
  const invalidated = async <T>(orderGid: string, change: Promise<T>): Promise<T> => {
    try {
      return await change;
    } finally {
      const orderId = orderGid.split("/").pop() ?? orderGid;
      await invalidateOrderFacts(prisma, admin.shop, orderId, new Date()).catch(() => undefined);
    }
  };
  return {
    db: prisma,
    shop: admin.shop,
    shopify: {
      ...gateway,
      cancelOrder: (args) => invalidated(args.orderGid, gateway.cancelOrder(args)),
      cancelLineItems: (args) => invalidated(args.orderGid, gateway.cancelLineItems(args)),
    },
  };
}
