import { describe, expect, it } from "vitest";
import { addressUse, shippingState } from "~/domain/rules";
import { orderFactsFromWebhook } from "./webhook-order-facts.server";

/** An `orders/create` payload as Shopify documents the REST Order resource (the fields Amend reads and some others). */
function payload(overrides: Record<string, unknown> = {}) {
  return {
    id: 820982911946154500,
    admin_graphql_api_id: "gid://shopify/Order/820982911946154500",
    name: "#9999",
    created_at: "2026-12-05T10:00:00+01:00",
    updated_at: "2026-12-05T10:00:00+01:00",
    email: "camille@example.fr",
    phone: null,
    customer_locale: "fr",
    order_status_url: "https://amend-demo.myshopify.com/orders/abc/authenticate?key=k",
    currency: "EUR",
    financial_status: "authorized",
    fulfillment_status: null,
    cancelled_at: null,
    closed_at: null,
    total_price: "67.40",
    customer: {
      id: 7001,
      admin_graphql_api_id: "gid://shopify/Customer/7001",
      email: "camille@example.fr",
      first_name: "Camille",
      last_name: "Martin",
      phone: "+33612345678",
    },
    shipping_address: {
      first_name: "Camille",
      last_name: "Martin",
      company: null,
      address1: "18 rue des Martyrs",
      address2: null,
      city: "Paris",
      province_code: null,
      zip: "75009",
      country_code: "FR",
      phone: "+33612345678",
    },
    fulfillments: [],
    shipping_lines: [
      {
        title: "Colissimo",
        code: "colissimo",
        price_set: { shop_money: { amount: "4.90", currency_code: "EUR" } },
        discounted_price_set: { shop_money: { amount: "0.00", currency_code: "EUR" } },
      },
    ],
    discount_applications: [
      {
        type: "discount_code",
        code: "FREESHIP",
        target_type: "shipping_line",
        value_type: "percentage",
        value: "100.0",
      },
    ],
    line_items: [
      {
        id: 466157049,
        admin_graphql_api_id: "gid://shopify/LineItem/466157049",
        variant_id: 39072856,
        title: "Bougie",
        quantity: 2,
        current_quantity: 2,
        requires_shipping: true,
        fulfillment_service: "manual",
      },
    ],
    ...overrides,
  };
}

describe("orderFactsFromWebhook", () => {
  it("GIVEN a new order's orders/create payload THEN the facts the rules need, marked origin webhook, with no fulfillment order", () => {
    const facts = orderFactsFromWebhook(payload());
    expect(facts).toMatchObject({
      id: "gid://shopify/Order/820982911946154500",
      legacyId: "820982911946154500",
      name: "#9999",
      customerId: "gid://shopify/Customer/7001",
      customerLocale: "fr",
      displayFinancialStatus: "AUTHORIZED",
      displayFulfillmentStatus: "UNFULFILLED",
      cancelledAt: null,
      closed: false,
      fulfillmentsCount: 0,
      fulfillmentOrders: [],
      companyLocationId: null,
      shippingAddress: { address1: "18 rue des Martyrs", city: "Paris", countryCode: "FR", zip: "75009" },
      shippingLines: [
        {
          title: "Colissimo",
          code: "colissimo",
          originalPrice: { amount: "4.90", currencyCode: "EUR" },
          discountedPrice: { amount: "0.00", currencyCode: "EUR" },
        },
      ],
      discountApplications: [
        {
          kind: "DISCOUNT_CODE",
          targetType: "SHIPPING_LINE",
          valueType: "PERCENTAGE",
          value: "100.0",
          code: "FREESHIP",
        },
      ],
      lineItems: [
        {
          id: "gid://shopify/LineItem/466157049",
          variantId: "gid://shopify/ProductVariant/39072856",
          quantity: 2,
          requiresShipping: true,
        },
      ],
      origin: "webhook",
    });
    // the rules read them as Shopify displays a new order: nothing arranged, an address to deliver to
    expect(shippingState(facts!)).toBe("NOT_ARRANGED");
    expect(addressUse(facts!)).toBe("DELIVERY");
  });

  it("GIVEN a B2B order THEN its company location, as the read gives it", () => {
    const facts = orderFactsFromWebhook(payload({ company: { id: 11, location_id: 22 } }));
    expect(facts?.companyLocationId).toBe("gid://shopify/CompanyLocation/22");
  });

  it.each([
    [
      "a line at a fulfillment service (its request status is unknown)",
      { line_items: [{ ...payload().line_items[0], fulfillment_service: "acme-warehouse" }] },
    ],
    ["an order already fulfilled", { fulfillment_status: "fulfilled" }],
    ["an order with a fulfillment", { fulfillments: [{ id: 1 }] }],
    ["a cancelled order", { cancelled_at: "2026-12-05T10:01:00+01:00" }],
    ["a closed order", { closed_at: "2026-12-05T10:01:00+01:00" }],
    ["no shipping address field (protected customer data withheld)", { shipping_address: undefined }],
    ["no customer field (protected customer data withheld)", { customer: undefined }],
    ["a redacted address", { shipping_address: { ...payload().shipping_address, address1: "" } }],
    ["not an order", { admin_graphql_api_id: "gid://shopify/DraftOrder/1" }],
  ])("GIVEN %s THEN no facts: the first look reads Shopify", (_, overrides) => {
    expect(orderFactsFromWebhook(payload(overrides))).toBeNull();
  });

  it("GIVEN nothing to ship (shipping_address null) THEN facts with no address: the rules see nothing to deliver", () => {
    const facts = orderFactsFromWebhook(payload({ shipping_address: null }));
    expect(facts?.shippingAddress).toBeNull();
    expect(addressUse(facts!)).toBe("NOTHING");
  });

  it("GIVEN a redacted email (protected customer data) THEN it is cleared and marked withheld, as for a read", () => {
    const facts = orderFactsFromWebhook(payload({ customer: { ...payload().customer, email: "•••" }, email: "•••" }));
    expect(facts?.customer?.email).toBeNull();
    expect(facts?.customerDataWithheld).toEqual(["email"]);
  });
});
