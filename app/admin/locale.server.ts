import { pickLocale } from "~/domain/messages";
import type { Locale } from "~/domain/types";

const COOKIE = "amend_admin_locale";

/**
 * The admin's language: Shopify's `locale` search param on the embedded app's first load, then the cookie
 * we set from it (client navigations drop the param), then the browser's language; English by default.
 */
export function adminLocale(request: Request): Locale {
  const url = new URL(request.url);
  const param = url.searchParams.get("locale");
  if (param) return pickLocale(param);
  const cookie = request.headers.get("Cookie")?.match(new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`))?.[1];
  if (cookie) return pickLocale(decodeURIComponent(cookie));
  const accept = request.headers.get("Accept-Language")?.split(",")[0];
  return pickLocale(accept ?? "en");
}

/** The Set-Cookie that remembers Shopify's `locale` param, or null when the request has none. */
export function localeCookie(request: Request): string | null {
  const param = new URL(request.url).searchParams.get("locale");
  if (!param) return null;
  // The app runs in Shopify admin's iframe: a partitioned third-party cookie.
  return `${COOKIE}=${pickLocale(param)}; Path=/; Max-Age=31536000; SameSite=None; Secure; Partitioned`;
}
