import { createSecretKey, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/** How long a minted token lives: Shopify's session tokens last one minute; the host asks again before expiry. */
const TOKEN_SECONDS = 60;

export interface TokenInput {
  shop: string;
  apiKey: string;
  apiSecret: string;
  seconds?: number;
}

async function sign(claims: Record<string, unknown>, input: TokenInput) {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (input.seconds ?? TOKEN_SECONDS);
  const token = await new SignJWT({ ...claims, dest: `https://${input.shop}`, aud: input.apiKey, jti: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(exp)
    .sign(createSecretKey(Buffer.from(input.apiSecret)));
  return { token, expiresAt: exp * 1000 };
}

/**
 * The token `shopify.sessionToken.get()` answers in a customer account or checkout extension: HS256 with the app's
 * secret, `dest` the shop, `aud` the app's client id, `sub` the customer's gid (absent for a guest), no `iss`.
 * Minted by the preview server: the secret never reaches the browser.
 */
export const customerSessionToken = (input: TokenInput & { customerId: string | null }) =>
  sign(input.customerId ? { sub: `gid://shopify/Customer/${input.customerId}` } : {}, input);

/**
 * The token Shopify adds to an admin extension's fetch to its app (and App Bridge's idToken()): `iss` the shop's
 * admin, `sub` the staff member's numeric id, `sid` the admin session.
 */
export const adminSessionToken = (input: TokenInput & { staffId: string; sessionId: string }) =>
  sign({ iss: `https://${input.shop}/admin`, sub: input.staffId, sid: input.sessionId }, input);
