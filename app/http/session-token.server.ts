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
