import { describe, expect, it } from "vitest";
import { fakeGraphql, ok } from "./__fixtures__/fake-admin";
import { orderAnswer } from "./__fixtures__/orders";
import { createAdminClient } from "./graphql-client.server";
import {
  getOrderFacts,
  mapOrderFacts,
  ORDER_FACTS_FIRST,
  ORDER_FACTS_FIRST_LARGE,
  orderGid,
  shopShipsTo,
} from "./order-facts.server";
import { address, discount, eur, fulfillmentOrder, orderFacts, shippingLine } from "~/domain/test-fixtures";
import type * as Admin from "~/types/admin.generated";

type OrderNode = NonNullable<Admin.AmendOrderFactsQuery["order"]>;

describe("mapOrderFacts", () => {
  it("GIVEN Shopify's answer WHEN mapped THEN every fact the rules need is there, in the domain's names", () => {
    const facts = mapOrderFacts(orderAnswer());
    // the shared fixture order, with what this answer says differently
    expect(facts).toEqual(
      orderFacts({
        id: "gid://shopify/Order/5001",
        legacyId: "5001",
        name: "#1001",
        createdAt: "2026-11-20T10:00:00Z",
        customerId: "gid://shopify/Customer/7001",
        customerLocale: "fr-FR",
        customer: { firstName: "Camille", lastName: "Martin", email: "camille@example.fr", phone: "+33612345678" },
        statusPageUrl: "https://amend-demo.myshopify.com/orders/abc/authenticate?key=k",
        fulfillmentOrders: [
          fulfillmentOrder({ id: "gid://shopify/FulfillmentOrder/9001" }),
          fulfillmentOrder({
            id: "gid://shopify/FulfillmentOrder/9002",
            status: "ON_HOLD",
            holds: [{ id: "gid://shopify/FulfillmentHold/1", reason: "OTHER", heldByApp: true }],
          }),
        ],
        shippingAddress: address({ address1: "12 rue de la Paix", address2: null }),
        shippingLines: [shippingLine({ code: "colissimo", originalPrice: eur("5.90"), discountedPrice: eur("0.00") })],
        discountApplications: [
          discount({ value: "10", code: "WELCOME10" }),
          discount({
            kind: "AUTOMATIC",
            targetType: "SHIPPING_LINE",
            value: "100",
            code: null,
            title: "Free shipping over 50 €",
          }),
          discount({ kind: "MANUAL", valueType: "FIXED_AMOUNT", value: "3.00", code: null, title: "Goodwill" }),
          discount({ kind: "SCRIPT", valueType: "FIXED_AMOUNT", value: "1.50", code: null, title: "Bundle" }),
        ],
        lineItems: [
          {
            id: "gid://shopify/LineItem/1",
            variantId: "gid://shopify/ProductVariant/11",
            title: "Tee",
            quantity: 2,
            requiresShipping: true,
          },
          { id: "gid://shopify/LineItem/2", variantId: null, title: "Gift card", quantity: 1, requiresShipping: false },
        ],
      }),
    );
  });

  it("GIVEN no order WHEN mapped THEN null (ORDER_NOT_FOUND)", () => {
    expect(mapOrderFacts({ order: null })).toBeNull();
  });

  it("GIVEN a cancelled order without customer, locale, address or financial status WHEN mapped THEN nulls, not crashes", () => {
    const facts = mapOrderFacts(
      orderAnswer({
        customer: null,
        customerLocale: null,
        shippingAddress: null,
        displayFinancialStatus: null,
        cancelledAt: "2026-11-21T08:00:00Z",
        fulfillmentsCount: null,
      }),
    );
    expect(facts).toMatchObject({
      customerId: null,
      customerLocale: null,
      shippingAddress: null,
      displayFinancialStatus: null,
      cancelledAt: "2026-11-21T08:00:00Z",
      fulfillmentsCount: 0,
    });
  });

  it("GIVEN a B2B order at a warehouse and a pickup shop, held by another app WHEN mapped THEN each fact in the domain's names", () => {
    const facts = mapOrderFacts(
      orderAnswer({
        purchasingEntity: { location: { id: "gid://shopify/CompanyLocation/9001" } },
        // Shopify's answer as JSON: enum values are plain strings
        fulfillmentOrders: {
          nodes: [
            {
              id: "gid://shopify/FulfillmentOrder/9101",
              status: "OPEN",
              requestStatus: "SUBMITTED",
              fulfillAt: null,
              deliveryMethod: { methodType: "SHIPPING" },
              fulfillmentHolds: [],
            },
            {
              id: "gid://shopify/FulfillmentOrder/9102",
              status: "ON_HOLD",
              requestStatus: "UNSUBMITTED",
              fulfillAt: "2026-12-15T08:00:00Z",
              deliveryMethod: { methodType: "PICK_UP" },
              fulfillmentHolds: [
                {
                  id: "gid://shopify/FulfillmentHold/7",
                  reason: "HIGH_RISK_OF_FRAUD",
                  heldByRequestingApp: false,
                },
                { id: "gid://shopify/FulfillmentHold/8", reason: "OTHER", heldByRequestingApp: false },
              ],
            },
          ],
        } as unknown as OrderNode["fulfillmentOrders"],
      }),
    );
    expect(facts?.companyLocationId).toBe("gid://shopify/CompanyLocation/9001");
    expect(facts?.fulfillmentOrders).toEqual([
      {
        id: "gid://shopify/FulfillmentOrder/9101",
        status: "OPEN",
        requestStatus: "SUBMITTED",
        deliveryMethod: "SHIPPING",
        fulfillAt: null,
        holds: [],
      },
      {
        id: "gid://shopify/FulfillmentOrder/9102",
        status: "ON_HOLD",
        requestStatus: "UNSUBMITTED",
        deliveryMethod: "PICK_UP",
        fulfillAt: "2026-12-15T08:00:00Z",
        holds: [
          {
            id: "gid://shopify/FulfillmentHold/7",
            reason: "HIGH_RISK_OF_FRAUD",
            heldByApp: false,
          },
          { id: "gid://shopify/FulfillmentHold/8", reason: "OTHER", heldByApp: false },
        ],
      },
    ]);
  });

  it("GIVEN no order locale WHEN mapped THEN the customer's locale", () => {
    expect(mapOrderFacts(orderAnswer({ customerLocale: null }))?.customerLocale).toBe("fr");
  });
});

describe("getOrderFacts", () => {
  it("GIVEN a numeric id WHEN read THEN one query for the order's gid", async () => {
    const fake = fakeGraphql(() => ok(orderAnswer()));
    const facts = await getOrderFacts(createAdminClient(fake.graphql), "5001");
    expect(facts?.name).toBe("#1001");
    expect(fake.calls).toEqual([
      { operation: "AmendOrderFacts", variables: { id: "gid://shopify/Order/5001", ...ORDER_FACTS_FIRST } },
    ]);
  });

  it("GIVEN more fulfillment orders than a typical order has WHEN read THEN read again with room for all of them", async () => {
    const first = orderAnswer();
    first.order!.fulfillmentOrders.pageInfo = { hasNextPage: true };
    const all = orderAnswer();
    all.order!.fulfillmentOrders.nodes.push({
      ...all.order!.fulfillmentOrders.nodes[0],
      id: "gid://shopify/FulfillmentOrder/9003",
    });
    const fake = fakeGraphql((call) =>
      call.variables.fulfillmentOrders === ORDER_FACTS_FIRST.fulfillmentOrders ? ok(first) : ok(all),
    );
    const facts = await getOrderFacts(createAdminClient(fake.graphql), 5001);
    expect(facts?.fulfillmentOrders.map((fo) => fo.id)).toEqual([
      "gid://shopify/FulfillmentOrder/9001",
      "gid://shopify/FulfillmentOrder/9002",
      "gid://shopify/FulfillmentOrder/9003",
    ]);
    expect(fake.calls.map((c) => c.variables)).toEqual([
      { id: "gid://shopify/Order/5001", ...ORDER_FACTS_FIRST },
      { id: "gid://shopify/Order/5001", ...ORDER_FACTS_FIRST_LARGE },
    ]);
  });

  it("GIVEN more line items than the first page WHEN read THEN the rest is fetched so a quote covers every line", async () => {
    const first = orderAnswer();
    first.order!.lineItems.pageInfo = { hasNextPage: true, endCursor: "c1" };
    const fake = fakeGraphql((call) =>
      call.operation === "AmendOrderFacts"
        ? ok(first)
        : ok({
            order: {
              lineItems: {
                nodes: [
                  {
                    id: "gid://shopify/LineItem/3",
                    title: "Mug",
                    currentQuantity: 1,
                    requiresShipping: true,
                    variant: { id: "gid://shopify/ProductVariant/33" },
                  },
                ],
                pageInfo: { hasNextPage: false, endCursor: "c2" },
              },
            },
          }),
    );
    const facts = await getOrderFacts(createAdminClient(fake.graphql), 5001);
    expect(facts?.lineItems.map((l) => l.id)).toEqual([
      "gid://shopify/LineItem/1",
      "gid://shopify/LineItem/2",
      "gid://shopify/LineItem/3",
    ]);
    expect(fake.calls[1]).toEqual({
      operation: "AmendOrderLineItems",
      variables: { id: "gid://shopify/Order/5001", after: "c1" },
    });
  });

  it("gids pass through orderGid", () => {
    expect(orderGid("gid://shopify/Order/1")).toBe("gid://shopify/Order/1");
    expect(orderGid(42)).toBe("gid://shopify/Order/42");
  });
});

describe("shopShipsTo", () => {
  it("GIVEN a shop's countries read once WHEN asked again within the hour THEN no second read; after it, one more", async () => {
    let reads = 0;
    const read = async () => (++reads, ["FR", "BE"]);
    const t0 = Date.parse("2026-12-05T10:00:00Z");
    expect(await shopShipsTo("ships-to-test.myshopify.com", read, t0)).toEqual(["FR", "BE"]);
    expect(await shopShipsTo("ships-to-test.myshopify.com", read, t0 + 59 * 60_000)).toEqual(["FR", "BE"]);
    expect(reads).toBe(1);
    await shopShipsTo("ships-to-test.myshopify.com", read, t0 + 61 * 60_000);
    expect(reads).toBe(2);
  });

  it("GIVEN a failed read WHEN asked again THEN read again (a failure is not kept)", async () => {
    const t0 = Date.parse("2026-12-05T10:00:00Z");
    await expect(
      shopShipsTo("ships-to-fail.myshopify.com", () => Promise.reject(new Error("down")), t0),
    ).rejects.toThrow("down");
    await Promise.resolve();
    expect(await shopShipsTo("ships-to-fail.myshopify.com", async () => ["DE"], t0 + 1)).toEqual(["DE"]);
  });
});
