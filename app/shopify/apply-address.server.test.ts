import { HttpRequestError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import type { MailingAddress } from "~/domain/types";
import { fakeGraphql, memoryLedger, ok } from "./__fixtures__/fake-admin";
import { addressMismatches, applyShippingAddress } from "./apply-address.server";
import { AddressNotAppliedError, ShopifyUserError } from "./errors";
import { createAdminClient } from "./graphql-client.server";

const ORDER = "gid://shopify/Order/5001";
const NEW: MailingAddress = {
  firstName: "Camille",
  lastName: "Durand",
  address1: "3 quai des Chartrons",
  city: "Bordeaux",
  zip: "33000",
  countryCode: "FR",
};
const OLD = { address1: "12 rue de la Paix", city: "Paris", zip: "75002", countryCode: "FR" };

const orderWith = (shipping: typeof OLD, foDestination: typeof OLD, foStatus = "OPEN") => ({
  id: ORDER,
  shippingAddress: {
    firstName: "Camille",
    lastName: "Durand",
    company: null,
    address1: shipping.address1,
    address2: null,
    city: shipping.city,
    provinceCode: null,
    zip: shipping.zip,
    countryCodeV2: shipping.countryCode,
    phone: null,
  },
  fulfillmentOrders: {
    nodes: [{ id: "gid://shopify/FulfillmentOrder/9001", status: foStatus, destination: { ...foDestination } }],
  },
});
const NEW_PLACE = { address1: NEW.address1, city: NEW.city, zip: NEW.zip as string, countryCode: NEW.countryCode };

function run(graphqlAnswers: Parameters<typeof fakeGraphql>[0]) {
  const fake = fakeGraphql(graphqlAnswers);
  const ledger = memoryLedger();
  const client = createAdminClient(fake.graphql, { sleep: async () => {}, random: () => 0 });
  const apply = () =>
    applyShippingAddress(client, ledger.db, {
      shop: "amend-test.myshopify.com",
      requestId: "req1",
      orderId: ORDER,
      address: NEW,
    });
  return { fake, ledger, apply };
}

describe("addressMismatches", () => {
  it("GIVEN case, spacing and zip formatting differences WHEN compared THEN it is the same destination", () => {
    const order = orderWith({ ...NEW_PLACE, address1: " 3  QUAI des chartrons ", zip: "33 000" }, NEW_PLACE);
    expect(addressMismatches(order as never, NEW)).toEqual([]);
  });

  it("GIVEN a closed fulfillment order with the old destination WHEN compared THEN it does not count (it will not ship again)", () => {
    expect(addressMismatches(orderWith(NEW_PLACE, OLD, "CLOSED") as never, NEW)).toEqual([]);
  });

  it("GIVEN a different province code WHEN compared THEN the order address differs", () => {
    const order = orderWith(NEW_PLACE, NEW_PLACE);
    order.shippingAddress.provinceCode = "QC" as never;
    expect(addressMismatches(order as never, { ...NEW, provinceCode: "ON" }).map((m) => m.where)).toEqual(["order"]);
  });
});

describe("applyShippingAddress", () => {
  it("GIVEN Shopify applies it WHEN applied THEN one call (the payload is the read-back) and the ledger is CONFIRMED", async () => {
    const { fake, ledger, apply } = run(() =>
      ok({ orderUpdate: { order: orderWith(NEW_PLACE, NEW_PLACE), userErrors: [] } }),
    );
    const result = await apply();
    expect(result).toMatchObject({
      orderId: ORDER,
      shippingAddress: { address1: NEW.address1, city: "Bordeaux" },
      fulfillmentOrderIds: ["gid://shopify/FulfillmentOrder/9001"],
    });
    expect(fake.calls.map((c) => c.operation)).toEqual(["AmendApplyShippingAddress"]);
    expect(fake.calls[0].variables).toEqual({
      input: {
        id: ORDER,
        shippingAddress: {
          firstName: "Camille",
          lastName: "Durand",
          address1: NEW.address1,
          city: "Bordeaux",
          zip: "33000",
          countryCode: "FR",
        },
      },
    });
    expect(ledger.rows.get("req1:orderUpdate")).toMatchObject({ status: "CONFIRMED", sends: 1 });
  });

  it("GIVEN a fulfillment order kept the old destination WHEN applied THEN one more read-back, then AddressNotAppliedError naming it", async () => {
    const { fake, apply } = run((call) =>
      call.operation === "AmendApplyShippingAddress"
        ? ok({ orderUpdate: { order: orderWith(NEW_PLACE, OLD), userErrors: [] } })
        : ok({ order: orderWith(NEW_PLACE, OLD) }),
    );
    const error = (await apply().catch((e: unknown) => e)) as AddressNotAppliedError;
    expect(error).toBeInstanceOf(AddressNotAppliedError);
    expect(error.mismatches).toEqual([{ where: "gid://shopify/FulfillmentOrder/9001", found: OLD }]);
    expect(fake.calls.map((c) => c.operation)).toEqual(["AmendApplyShippingAddress", "AmendShippingAddressReadBack"]);
  });

  it("GIVEN the destination catches up by the read-back WHEN applied THEN success", async () => {
    const { apply } = run((call) =>
      call.operation === "AmendApplyShippingAddress"
        ? ok({ orderUpdate: { order: orderWith(NEW_PLACE, OLD), userErrors: [] } })
        : ok({ order: orderWith(NEW_PLACE, NEW_PLACE) }),
    );
    await expect(apply()).resolves.toMatchObject({ orderId: ORDER });
  });

  it("GIVEN Shopify refuses the address WHEN applied THEN ShopifyUserError with its message and the ledger row FAILED", async () => {
    const { ledger, apply } = run(() =>
      ok({
        orderUpdate: {
          order: null,
          userErrors: [{ field: ["shippingAddress", "zip"], message: "Zip is invalid for France" }],
        },
      }),
    );
    const error = (await apply().catch((e: unknown) => e)) as ShopifyUserError;
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect(error.message).toContain("Zip is invalid for France");
    expect(error.userErrors[0].field).toEqual(["shippingAddress", "zip"]);
    expect(ledger.rows.get("req1:orderUpdate")).toMatchObject({ status: "FAILED" });
  });

  it("GIVEN the answer is lost after Shopify applied it WHEN applied THEN Shopify's state is read and nothing is sent twice", async () => {
    const { fake, apply } = run((call) =>
      call.operation === "AmendApplyShippingAddress"
        ? { throws: new HttpRequestError("Http request error, no response available: GraphQL Client: fetch failed") }
        : ok({ order: orderWith(NEW_PLACE, NEW_PLACE) }),
    );
    await expect(apply()).resolves.toMatchObject({ orderId: ORDER });
    expect(fake.calls.map((c) => c.operation)).toEqual(["AmendApplyShippingAddress", "AmendShippingAddressReadBack"]);
  });

  it("GIVEN the request was already applied WHEN applied again THEN the stored result, no call", async () => {
    const { fake, apply } = run(() => ok({ orderUpdate: { order: orderWith(NEW_PLACE, NEW_PLACE), userErrors: [] } }));
    const first = await apply();
    await expect(apply()).resolves.toEqual(first);
    expect(fake.calls).toHaveLength(1);
  });
});
