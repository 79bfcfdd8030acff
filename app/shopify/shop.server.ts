import type * as Admin from "~/types/admin.generated";
import type { AdminClient } from "./graphql-client.server";

export const SHOP_INFO_QUERY = `#graphql
query AmendShopInfo {
  shop {
    name
    email
    contactEmail
    myshopifyDomain
    url
    currencyCode
    primaryDomain { url }
  }
}
`;

/** What notifications say about the shop (`shop.name`, `shop.url`, the sender and staff addresses). */
export interface ShopInfo {
  name: string;
  /** The shop owner's address (Shopify's `shop.email`). */
  email: string;
  /** The address customers write to (`shop.contactEmail`). */
  contactEmail: string;
  myshopifyDomain: string;
  /** The online store's primary URL. */
  url: string;
  currencyCode: string;
}

/** Reads the shop's name, addresses and URL. */
export async function getShopInfo(client: AdminClient): Promise<ShopInfo> {
  const { shop } = await client.request<Admin.AmendShopInfoQuery>(SHOP_INFO_QUERY);
  return {
    name: shop.name,
    email: shop.email,
    contactEmail: shop.contactEmail,
    myshopifyDomain: shop.myshopifyDomain,
    url: String(shop.primaryDomain?.url ?? shop.url),
    currencyCode: shop.currencyCode,
  };
}
