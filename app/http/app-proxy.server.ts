import crypto from "node:crypto";
import { isShopDomain } from "./session-token.server";

/**
 * Shopify's app-proxy signature. Shopify forwards a storefront request under `/<prefix>/<subpath>/…` to the app
 * with its query extended by `shop`, `logged_in_customer_id` (empty when no one is signed in), `path_prefix`,
 * `timestamp` and `signature`: the hex HMAC-SHA256, with the app's secret, of every other parameter as
 * `key=value` (a repeated key's values joined with ","), sorted by key and concatenated without separators.
 * The body of a POST is not signed: forms carry their own token (app/storefront/form-token.server.ts).
 *
 * The library's `authenticate.public.appProxy` does the HMAC but answers a bad one with an empty 400, accepts
 * Remix `_data` variants of the query, skips the shop's format, and reads the shop's session from storage on every
 * call; this module is the check alone, pure (clock and secret as arguments), and a test pins that both agree.
 */

/** How far `timestamp` may be from now, either way: the library's tolerance for Shopify's signed queries. */
export const APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS = 90;

/** Parameters Shopify adds once; a second copy is someone else's doing. */
const SINGLE_VALUE = ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"] as const;

export type AppProxyRefusal =
  "MISSING_SIGNATURE" | "DUPLICATE_PARAMETER" | "BAD_SIGNATURE" | "BAD_SHOP" | "BAD_TIMESTAMP" | "STALE_TIMESTAMP";

export interface AppProxyContext {
  shop: string;
  /** Where the storefront serves the app, e.g. `/apps/amend` (the merchant may change the subpath). */
  pathPrefix: string;
  /** The signed-in customer's numeric id, or null for a visitor. */
  loggedInCustomerId: string | null;
}

export type AppProxyVerdict = { ok: true; context: AppProxyContext } | { ok: false; reason: AppProxyRefusal };

/** The string Shopify signs: every parameter but `signature`, sorted by key, `key=value` with repeats joined by ",". */
export function appProxyMessage(query: URLSearchParams): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of query) {
    if (key === "signature") continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return [...values.keys()]
    .sort()
    .map((key) => `${key}=${values.get(key)!.join(",")}`)
    .join("");
}

/** The signature Shopify would put on `query` (hex). The demo's storefront and the tests sign with it. */
export function signAppProxyQuery(query: URLSearchParams, secret: string): string {
  return crypto.createHmac("sha256", secret).update(appProxyMessage(query), "utf8").digest("hex");
}

/**
 * Whether `query` is as Shopify signed it for this app, at most `toleranceSeconds` ago or ahead, for a
 * `*.myshopify.com` shop. The signature is compared in constant time.
 */
export function verifyAppProxyQuery(
  query: URLSearchParams,
  options: { secret: string; nowSeconds: number; toleranceSeconds?: number },
): AppProxyVerdict {
  const refuse = (reason: AppProxyRefusal): AppProxyVerdict => ({ ok: false, reason });
  if (SINGLE_VALUE.some((key) => query.getAll(key).length > 1)) return refuse("DUPLICATE_PARAMETER");
  const given = query.get("signature");
  if (!given) return refuse("MISSING_SIGNATURE");
  if (!/^[0-9a-f]{64}$/i.test(given)) return refuse("BAD_SIGNATURE");
  const expected = crypto.createHmac("sha256", options.secret).update(appProxyMessage(query), "utf8").digest();
  if (!crypto.timingSafeEqual(Buffer.from(given, "hex"), expected)) return refuse("BAD_SIGNATURE");

  // signed by Shopify, so these are Shopify's values; still checked, as the code downstream relies on them
  const shop = query.get("shop");
  if (!isShopDomain(shop)) return refuse("BAD_SHOP");
  const timestamp = query.get("timestamp") ?? "";
  if (!/^\d{1,12}$/.test(timestamp)) return refuse("BAD_TIMESTAMP");
  const tolerance = options.toleranceSeconds ?? APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS;
  if (Math.abs(options.nowSeconds - Number(timestamp)) > tolerance) return refuse("STALE_TIMESTAMP");
  const pathPrefix = query.get("path_prefix") ?? "";
  const customer = query.get("logged_in_customer_id") ?? "";
  return {
    ok: true,
    context: {
      shop,
      // a prefix is `/apps/<subpath>` or `/a|community|tools/<subpath>`: anything else falls back to the default
      pathPrefix: /^\/(apps|a|community|tools)\/[a-z0-9_-]{1,80}$/i.test(pathPrefix) ? pathPrefix : "/apps/amend",
      loggedInCustomerId: /^\d{1,20}$/.test(customer) ? customer : null,
    },
  };
}

/**
 * The query Shopify sends for a storefront request to `<pathPrefix>/…?<visitorQuery>`: the visitor's parameters,
 * then Shopify's own, signed. The demo's storefront proxies with it; tests build requests with it.
 */
export function shopifyProxyQuery(input: {
  visitorQuery?: URLSearchParams;
  shop: string;
  pathPrefix: string;
  loggedInCustomerId?: string | null;
  nowSeconds: number;
  secret: string;
}): URLSearchParams {
  const query = new URLSearchParams(input.visitorQuery);
  // added after the visitor's own, as documented: a visitor's `shop=` makes a duplicate, which is refused
  query.append("shop", input.shop);
  query.append("logged_in_customer_id", input.loggedInCustomerId ?? "");
  query.append("path_prefix", input.pathPrefix);
  query.append("timestamp", String(input.nowSeconds));
  query.append("signature", signAppProxyQuery(query, input.secret));
  return query;
}
