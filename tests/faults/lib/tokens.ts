/**
 * Session tokens as Shopify signs them (HS256 with the app's secret), minted with the library's own test helper:
 * a customer-account token for the customer API (docs/customer-api.md: dest = the shop, sub = the customer, no iss) and an
 * admin session token for the admin API (what App Bridge / an admin extension sends as Bearer).
 */
import { getJwt } from "@shopify/shopify-api/test-helpers";

export interface AppCredentials {
  /** e.g. amend-demo.myshopify.com */
  shop: string;
  apiKey: string;
  apiSecret: string;
}

const storeName = (shop: string) => shop.replace(/\.myshopify\.com$/, "");

/** A customer account UI extension's token for customer `customerId` (numeric id). */
export async function customerSessionToken(app: AppCredentials, customerId: string): Promise<string> {
  const { token } = await getJwt(storeName(app.shop), app.apiKey, app.apiSecret, {
    sub: `gid://shopify/Customer/${customerId}`,
    iss: undefined,
    jti: crypto.randomUUID(),
  });
  return token;
}

/** An embedded admin session token (staff user) with Shopify's claims (the helper leaves the scheme out of `iss`). */
export async function adminSessionToken(app: AppCredentials): Promise<string> {
  const { token } = await getJwt(storeName(app.shop), app.apiKey, app.apiSecret, {
    iss: `https://${app.shop}/admin`,
    jti: crypto.randomUUID(),
  });
  return token;
}
