import crypto from "node:crypto";
import { env } from "~/env.server";

/** Whether `header` is Shopify's signature of the raw body: base64 HMAC-SHA256 with the app's secret (Flow, webhooks). */
export function isShopifyHmac(
  rawBody: string | Uint8Array,
  header: string | null,
  secret = env().SHOPIFY_API_SECRET,
): boolean {
  if (!header) return false;
  const expected = crypto.createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
