/**
 * Everything the suite signs with the app's secret, valid or deliberately not: session tokens with any claims
 * (customer-account, checkout, admin), webhook deliveries and Flow action calls. Valid tokens come from
 * tests/faults/lib/tokens.ts (the library's own helper); these build the broken ones.
 */
import crypto from "node:crypto";
import { adminSessionToken, customerSessionToken } from "../../faults/lib/tokens";
import { hostile } from "./context";

export { adminSessionToken, customerSessionToken };

const b64url = (data: string | Buffer) => Buffer.from(data).toString("base64url");

/** A JWT with `claims`, signed HS256 with `secret` (default the app's); `alg: "none"` leaves it unsigned. */
export function signJwt(
  claims: Record<string, unknown>,
  options: { secret?: string; alg?: "HS256" | "none" } = {},
): string {
  const alg = options.alg ?? "HS256";
  const head = `${b64url(JSON.stringify({ alg, typ: "JWT" }))}.${b64url(JSON.stringify(claims))}`;
  if (alg === "none") return `${head}.`;
  const signature = crypto
    .createHmac("sha256", options.secret ?? hostile().app.apiSecret)
    .update(head)
    .digest();
  return `${head}.${b64url(signature)}`;
}

/** The claims of a customer-account session token for `customerId` (numeric) of `shop`, valid now. */
export function customerClaims(customerId: string, shop = hostile().app.shop): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    dest: `https://${shop}`,
    aud: hostile().app.apiKey,
    sub: `gid://shopify/Customer/${customerId}`,
    exp: now + 300,
    nbf: now - 5,
    iat: now - 5,
    jti: crypto.randomUUID(),
    sid: crypto.randomUUID(),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Flow and webhooks: base64 HMAC-SHA256 of the raw body with the secret. */
export function hmac(body: string | Buffer, secret = hostile().app.apiSecret): string {
  return crypto.createHmac("sha256", secret).update(body).digest("base64");
}

/** The headers of a webhook delivery as Shopify sends it, signed unless `signature` is given. */
export function webhookHeaders(input: {
  topic: string;
  body: string | Buffer;
  shop?: string;
  eventId?: string;
  signature?: string;
}): Record<string, string> {
  const eventId = input.eventId ?? crypto.randomUUID();
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": input.topic,
    "X-Shopify-Shop-Domain": input.shop ?? hostile().app.shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": `wh-${eventId}`,
    "X-Shopify-Event-Id": eventId,
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-Hmac-Sha256": input.signature ?? hmac(input.body),
  };
}

/** A Flow action call's body and signed headers. */
export function flowCall(properties: Record<string, unknown>, shop = hostile().app.shop) {
  const body = JSON.stringify({
    shop_id: 1,
    shopify_domain: shop,
    action_run_id: crypto.randomUUID(),
    handle: "approve-cancellation",
    properties,
  });
  return { body, headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": hmac(body) } };
}

let nextStranger = 0;
/** A customer id no order belongs to, new each call: the customer API's per-customer limit is never the answer. */
export function strangerId(): string {
  nextStranger += 1;
  return String(90_000_000 + process.pid * 1000 + nextStranger);
}

/** A valid customer-account token for a stranger (any customer id but the orders' owners). */
export async function strangerToken(): Promise<string> {
  return customerSessionToken(hostile().app, strangerId());
}
