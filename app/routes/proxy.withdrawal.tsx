import { storefrontProxy } from "~/storefront/proxy.server";
import { showLookup, submitStep } from "~/storefront/withdrawal.server";

/**
 * The storefront's withdrawal page, `https://<shop>/apps/amend/withdrawal` through Shopify's app proxy: GET shows
 * step 1 (name, order number, email); POST moves to the statement, then registers the withdrawal.
 */
export const loader = storefrontProxy(showLookup);
export const action = storefrontProxy(submitStep);
