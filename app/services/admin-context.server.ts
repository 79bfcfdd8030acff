import type { AdminContext } from "~/admin/auth.server";
import { prisma } from "~/db.server";
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
  return {
    db: prisma,
    shop: admin.shop,
    shopify: createShopifyGateway({ graphql: admin.graphql, db: prisma, shop: admin.shop }),
  };
}
