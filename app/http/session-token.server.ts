import { env } from "~/env.server";

/** A shop's own domain: `<name>.myshopify.com`, lowercase. */
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$/;

export function isShopDomain(value: unknown): value is string {
  return typeof value === "string" && SHOP_DOMAIN.test(value);
}

/** The shop a session token's `dest` names (an https URL of a *.myshopify.com shop), or null. */
export function shopOfDest(dest: unknown): string | null {
  if (typeof dest !== "string" || !URL.canParse(dest)) return null;
  const url = new URL(dest);
  return url.protocol === "https:" && isShopDomain(url.hostname) ? url.hostname : null;
}

/** Whether a verified token was issued for this app: `aud` is its client id (a string or a list holding it). */
export function isForThisApp(aud: unknown, clientId = env().SHOPIFY_API_KEY): boolean {
  return aud === clientId || (Array.isArray(aud) && aud.includes(clientId));
}

/** The customer's numeric id from a customer-account token's `sub` (`gid://shopify/Customer/<id>`), else null. */
export function customerIdOfSub(sub: unknown): string | null {
  return typeof sub === "string" ? (sub.match(/^gid:\/\/shopify\/Customer\/(\d{1,20})$/)?.[1] ?? null) : null;
}

/**
 * Whether (unverified) claims are an admin session token's, as App Bridge and admin extensions send it: `iss`
 * is the admin of the shop `dest` names (`https://<shop>/admin`) and `sub` a staff user id. A customer-account
 * or checkout token (no `iss`, a Customer gid as `sub`) is signed with the same secret but is not one.
 */
export function isAdminSessionToken(claims: Record<string, unknown>): boolean {
  const shop = shopOfDest(claims.dest);
  return (
    shop !== null &&
    claims.iss === `https://${shop}/admin` &&
    typeof claims.sub === "string" &&
    /^\d{1,20}$/.test(claims.sub)
  );
}

/**
 * The claims of the request's bearer token, read without verifying it: only to refuse a malformed token early
 * (the library verifies it afterwards). The token is the bearer token, or the admin's `id_token` parameter.
 * Null when there is none or it is not a JWT.
 */
export function unverifiedClaims(request: Request): Record<string, unknown> | null {
  const token =
    request.headers.get("Authorization")?.match(/^Bearer (.+)$/i)?.[1] ??
    new URL(request.url).searchParams.get("id_token");
  const part = token?.split(".")[1];
  if (!part) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
