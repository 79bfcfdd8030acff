import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { Session } from "@shopify/shopify-api";
import { sessionStorage } from "~/shopify.server";

/** Stores the shop's offline session, as installation would (the Admin API simulator takes any token). */
export async function installShop(shop: string) {
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${shop}`,
      shop,
      state: "installed",
      isOnline: false,
      accessToken: "shpat_test",
      scope: "read_orders,write_orders",
    }),
  );
}

/** A customer-account session token signed by Shopify's own test helper, as the extension would send it. */
export async function customerToken(
  store: string,
  customerId: string | null,
  overrides: Record<string, unknown> = {},
  secret = API_SECRET_KEY,
) {
  const { token } = await getJwt(store, API_KEY, secret, {
    ...(customerId ? { sub: `gid://shopify/Customer/${customerId}` } : { sub: undefined }),
    iss: undefined,
    ...overrides,
  });
  return token;
}
