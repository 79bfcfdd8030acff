import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * Sends the Admin API traffic that the library addresses to https://<shop>/admin/… to another origin
 * (the Admin API simulator in the offline demo and the integration tests). Never set in production.
 */
export function routeAdminApiTo(origin: string): void {
  const target = new URL(origin);
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (url.pathname.startsWith("/admin/")) {
      url.protocol = target.protocol;
      url.host = target.host;
    }
    return globalThis.fetch(url.href, init);
  });
}
