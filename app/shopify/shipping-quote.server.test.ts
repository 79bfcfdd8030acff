import { describe, expect, it } from "vitest";
import { fakeGraphql, ok } from "./__fixtures__/fake-admin";
import { orderAnswer } from "./__fixtures__/orders";
import { ShopifyUserError } from "./errors";
import { createAdminClient } from "./graphql-client.server";
import { mapOrderFacts } from "./order-facts.server";
import { quoteShipping } from "./shipping-quote.server";

const facts = mapOrderFacts(orderAnswer())!;
const address = {
  address1: "3 quai des Chartrons",
  address2: "",
  city: "Bordeaux",
  zip: "33000",
  countryCode: "FR",
  phone: null,
};

describe("quoteShipping", () => {
  it("GIVEN the order's lines WHEN quoted THEN only shippable lines at their current quantity, and rates mapped", async () => {
    const fake = fakeGraphql(() =>
      ok({
        draftOrderCalculate: {
          calculatedDraftOrder: {
            availableShippingRates: [
              { handle: "shopify-Colissimo-5.90", title: "Colissimo", price: { amount: "5.9", currencyCode: "EUR" } },
            ],
          },
          userErrors: [],
        },
      }),
    );
    const quote = await quoteShipping(createAdminClient(fake.graphql), facts, address);
    expect(quote).toEqual({
      rates: [{ title: "Colissimo", code: "shopify-Colissimo-5.90", price: { amount: "5.9", currencyCode: "EUR" } }],
    });
    expect(fake.calls[0]).toEqual({
      operation: "AmendShippingQuote",
      variables: {
        input: {
          lineItems: [{ variantId: "gid://shopify/ProductVariant/11", quantity: 2 }],
          shippingAddress: { address1: "3 quai des Chartrons", city: "Bordeaux", zip: "33000", countryCode: "FR" },
        },
      },
    });
  });

  it("GIVEN a destination the store does not ship to WHEN quoted THEN no rates", async () => {
    const fake = fakeGraphql(() =>
      ok({ draftOrderCalculate: { calculatedDraftOrder: { availableShippingRates: [] }, userErrors: [] } }),
    );
    await expect(quoteShipping(createAdminClient(fake.graphql), facts, address)).resolves.toEqual({ rates: [] });
  });

  it("GIVEN Shopify refuses the address WHEN quoted THEN ShopifyUserError carrying the field", async () => {
    const fake = fakeGraphql(() =>
      ok({
        draftOrderCalculate: {
          calculatedDraftOrder: null,
          userErrors: [{ field: ["shippingAddress", "countryCode"], message: "Country is not supported" }],
        },
      }),
    );
    const error = (await quoteShipping(createAdminClient(fake.graphql), facts, address).catch(
      (e: unknown) => e,
    )) as ShopifyUserError;
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect(error.userErrors[0]).toEqual({
      field: ["shippingAddress", "countryCode"],
      message: "Country is not supported",
      code: null,
    });
  });

  it("GIVEN nothing to ship WHEN quoted THEN no call", async () => {
    const fake = fakeGraphql(() => ok({}));
    const noShipping = { ...facts, lineItems: facts.lineItems.filter((l) => !l.requiresShipping) };
    await expect(quoteShipping(createAdminClient(fake.graphql), noShipping, address)).resolves.toEqual({ rates: [] });
    expect(fake.calls).toHaveLength(0);
  });
});
