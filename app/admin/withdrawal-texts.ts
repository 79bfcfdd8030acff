import type { Locale } from "~/domain/types";
import { adminMessages, fill } from "./i18n";

/** Where the storefront withdrawal page is: Shopify's app proxy (prefix "apps", subpath "amend") at /withdrawal. */
export const WITHDRAWAL_PAGE_PATH = "/apps/amend/withdrawal";

/** The storefront withdrawal page of a shop (its myshopify domain; Shopify serves the proxy on its other domains too). */
export function withdrawalPageUrl(shop: string): string {
  return `https://${shop}${WITHDRAWAL_PAGE_PATH}`;
}

/**
 * The paragraph for the store's terms saying where the withdrawal function is, in one language: the French
 * one is the model information notice's paragraph (décret n° 2026-3, art. 7) with the address filled in; the
 * English one its translation. docs/withdrawal.md quotes both.
 */
export function termsParagraph(locale: Locale, url: string): string {
  return fill(adminMessages(locale).withdrawalSettings.termsText, { url });
}
