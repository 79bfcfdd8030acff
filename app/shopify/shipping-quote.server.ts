import type { MailingAddress, OrderFacts, ShippingQuote } from "~/domain/types";
import type * as Admin from "~/types/admin.generated";
import { ShopifyUserError } from "./errors";
import type { AdminClient } from "./graphql-client.server";

/** A live quote: the store's rates for the order's shippable lines to a new address (nothing is saved). */
export const SHIPPING_QUOTE_MUTATION = `#graphql
mutation AmendShippingQuote($input: DraftOrderInput!) {
  draftOrderCalculate(input: $input) {
    calculatedDraftOrder {
      availableShippingRates { handle title price { amount currencyCode } }
    }
    userErrors { field message }
  }
}
`;

/** The domain address as Shopify's MailingAddressInput (empty optional fields left out). */
export function toMailingAddressInput(address: MailingAddress): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(address)) {
    if (typeof value === "string" && value.trim() !== "") input[key] = value.trim();
  }
  return input;
}

/** The draft order input for a quote: variant + current quantity of every line that ships. */
export function quoteInput(facts: OrderFacts, address: MailingAddress) {
  const lineItems = facts.lineItems
    .filter((line) => line.requiresShipping && line.quantity > 0 && line.variantId)
    .map((line) => ({ variantId: line.variantId as string, quantity: line.quantity }));
  // no presentment currency: rates come back in the shop's currency, like the order's shopMoney prices
  return { lineItems, shippingAddress: toMailingAddressInput(address) };
}

/**
 * Quotes shipping for the order's lines to `address` with `draftOrderCalculate`.
 * No rates = the store does not ship there (NO_SHIPPING_RATE). Throws ShopifyUserError on an address Shopify refuses.
 */
export async function quoteShipping(
  client: AdminClient,
  facts: OrderFacts,
  address: MailingAddress,
): Promise<ShippingQuote> {
  const input = quoteInput(facts, address);
  if (input.lineItems.length === 0) return { rates: [] };
  // draftOrderCalculate saves nothing, so resending it after a lost answer is safe
  const data = await client.request<Admin.AmendShippingQuoteMutation>(
    SHIPPING_QUOTE_MUTATION,
    { input },
    { idempotent: true },
  );
  const payload = data.draftOrderCalculate;
  if (payload?.userErrors.length) {
    throw ShopifyUserError.of("draftOrderCalculate", payload.userErrors);
  }
  const rates = payload?.calculatedDraftOrder?.availableShippingRates ?? [];
  return {
    rates: rates.map((rate) => ({
      title: rate.title,
      code: rate.handle,
      price: { amount: String(rate.price.amount), currencyCode: rate.price.currencyCode },
    })),
  };
}
