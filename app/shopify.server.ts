import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { CachedPrismaSessionStorage } from "./session-storage.server";
import { routeAdminApiTo } from "./shopify/admin-origin.server";
import { API_VERSION } from "./shopify/api-version";

const config = env();
if (config.SHOPIFY_ADMIN_API_ORIGIN) routeAdminApiTo(config.SHOPIFY_ADMIN_API_ORIGIN);

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: config.SCOPES?.split(","),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new CachedPrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  // The library logs every authentication at INFO: our own structured logs say what matters per request.
  logger: {
    level: config.LOG_LEVEL === "debug" || config.LOG_LEVEL === "trace" ? LogSeverity.Debug : LogSeverity.Warning,
  },
  future: {
    // Token exchange: Shopify-managed installation, no OAuth redirects inside the admin.
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
