import "@shopify/shopify-app-remix/adapters/node";
import { setUpValidSession, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { ApiVersion, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { startSimulator, type Simulator } from "../../../demo/simulator/server";
import { prisma } from "~/db.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { createShopifyGateway, type AdminCall, type AdminGraphql, type ShopifyGateway } from "~/shopify";

export { TEST_SHOP };

/** The parts of a simulator order the tests look at (Admin GraphQL names). */
export interface SimOrder {
  cancelledAt: string | null;
  shippingAddress: Record<string, unknown>;
  fulfillmentOrders: {
    nodes: {
      id: string;
      status: string;
      destination: Record<string, unknown>;
      fulfillmentHolds: Record<string, unknown>[];
    }[];
  };
}

/** The simulator on a free port, and the library's own Admin client (unauthenticated.admin) pointed at it. */
export async function startAdminHarness() {
  // jobs finish on their own after 2 s (Shopify: seconds) so a lost job id costs the test little
  const simulator: Simulator = await startSimulator({ port: 0, jobMaxMs: 2_000 });
  routeAdminApiTo(simulator.url);
  const shopify = shopifyApp(
    testConfig({
      apiVersion: ApiVersion.October26,
      future: { unstable_newEmbeddedAuthStrategy: true },
      // the library logs failed requests; the gateway reports them itself
      logger: { level: LogSeverity.Error, log: () => {} },
    }),
  );
  await shopify.sessionStorage.storeSession(setUpValidSession({ shop: TEST_SHOP, expires: undefined }));
  const { admin } = await shopify.unauthenticated.admin(TEST_SHOP);
  const graphql = admin.graphql as unknown as AdminGraphql;

  /** A gateway that records every Admin API round trip and every wait. */
  const gateway = (options: { maxJobPolls?: number } = {}) => {
    const calls: AdminCall[] = [];
    const waits: number[] = [];
    const g: ShopifyGateway = createShopifyGateway({
      graphql,
      db: prisma,
      shop: TEST_SHOP,
      onCall: (c) => calls.push(c),
      sleep: async (ms) => {
        waits.push(ms);
        await new Promise((r) => setTimeout(r, ms));
      },
      ...options,
    });
    return { g, calls, waits, cost: () => calls.reduce((sum, c) => sum + (c.requestedQueryCost ?? 0), 0) };
  };

  /** Mutations the simulator applied (its store log), by name. */
  const applied = (mutation: string) => simulator.store.log.filter((e) => e.mutation === mutation);
  const order = (id: string) => simulator.store.order(id) as unknown as SimOrder;

  return { simulator, graphql, gateway, applied, order, close: () => simulator.close() };
}
