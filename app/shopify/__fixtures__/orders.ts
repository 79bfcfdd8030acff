import type { AmendOrderFactsQuery } from "~/types/admin.generated";

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: "EUR" as const } });

/** An answer shaped like Shopify's for an order paid with a code, with free shipping from an automatic discount. */
export function orderAnswer(overrides: Partial<NonNullable<AmendOrderFactsQuery["order"]>> = {}): AmendOrderFactsQuery {
  return {
    order: {
      id: "gid://shopify/Order/5001",
      legacyResourceId: "5001",
      name: "#1001",
      createdAt: "2026-11-20T10:00:00Z",
      customer: {
        id: "gid://shopify/Customer/7001",
        locale: "fr",
        firstName: "Camille",
        lastName: "Martin",
        defaultEmailAddress: { emailAddress: "camille@example.fr" },
        defaultPhoneNumber: null,
      },
      email: "camille@example.fr",
      phone: "+33612345678",
      statusPageUrl: "https://amend-demo.myshopify.com/orders/abc/authenticate?key=k",
      customerLocale: "fr-FR",
      currencyCode: "EUR",
      displayFinancialStatus: "AUTHORIZED",
      displayFulfillmentStatus: "UNFULFILLED",
      cancelledAt: null,
      closed: false,
      fulfillmentsCount: { count: 0 },
      fulfillmentOrders: {
        pageInfo: { hasNextPage: false },
        nodes: [
          {
            id: "gid://shopify/FulfillmentOrder/9001",
            status: "OPEN",
            requestStatus: "UNSUBMITTED",
            fulfillAt: null,
            deliveryMethod: { methodType: "SHIPPING" },
            fulfillmentHolds: [],
          },
          {
            id: "gid://shopify/FulfillmentOrder/9002",
            status: "ON_HOLD",
            requestStatus: "UNSUBMITTED",
            fulfillAt: null,
            deliveryMethod: { methodType: "SHIPPING" },
            fulfillmentHolds: [{ id: "gid://shopify/FulfillmentHold/1", reason: "OTHER", heldByRequestingApp: true }],
          },
        ],
      },
      purchasingEntity: {},
      shippingAddress: {
        firstName: "Camille",
        lastName: "Durand",
        company: null,
        address1: "12 rue de la Paix",
        address2: null,
        city: "Paris",
        provinceCode: null,
        zip: "75002",
        countryCodeV2: "FR",
        phone: "+33612345678",
      },
      shippingLines: {
        pageInfo: { hasNextPage: false },
        nodes: [
          { title: "Colissimo", code: "colissimo", originalPriceSet: money("5.90"), discountedPriceSet: money("0.00") },
        ],
      },
      discountApplications: {
        pageInfo: { hasNextPage: false },
        nodes: [
          {
            __typename: "DiscountCodeApplication",
            code: "WELCOME10",
            targetType: "LINE_ITEM",
            value: { __typename: "PricingPercentageValue", percentage: 10 },
          },
          {
            __typename: "AutomaticDiscountApplication",
            title: "Free shipping over 50 €",
            targetType: "SHIPPING_LINE",
            value: { __typename: "PricingPercentageValue", percentage: 100 },
          },
          {
            __typename: "ManualDiscountApplication",
            title: "Goodwill",
            targetType: "LINE_ITEM",
            value: { __typename: "MoneyV2", amount: "3.00", currencyCode: "EUR" },
          },
          {
            __typename: "ScriptDiscountApplication",
            title: "Bundle",
            targetType: "LINE_ITEM",
            value: { __typename: "MoneyV2", amount: "1.50", currencyCode: "EUR" },
          },
        ],
      },
      lineItems: {
        nodes: [
          {
            id: "gid://shopify/LineItem/1",
            title: "Tee",
            currentQuantity: 2,
            requiresShipping: true,
            variant: { id: "gid://shopify/ProductVariant/11" },
          },
          {
            id: "gid://shopify/LineItem/2",
            title: "Gift card",
            currentQuantity: 1,
            requiresShipping: false,
            variant: null,
          },
        ],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
      ...overrides,
    },
  } as AmendOrderFactsQuery;
}
