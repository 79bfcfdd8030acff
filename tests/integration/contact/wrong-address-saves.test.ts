import "../../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../../demo/simulator/server";
import { prisma } from "~/db.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as home } from "~/routes/app._index";
import { action as addressChange } from "~/routes/api.customer.orders.$orderId.address-change";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { savedCancellations } from "~/services/admin-home.server";
import { callCustomerApi, type Route } from "../../support/customer-api";
import { adminGet, body, run } from "../../support/admin";
import { customerToken, installShop } from "../../support/shopify-session";

const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001";
let sim: Awaited<ReturnType<typeof startSimulator>>;

const lyon = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "4 place Bellecour",
  city: "Lyon",
  zip: "69002",
  countryCode: "FR",
};

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await sim.reset();
  await prisma.changeRequest.deleteMany();
});

const homeSaves = async () => (await body(await run(home as never, await adminGet("amend-demo", "/app")))).saves;

describe("cancellations saved by the wrong-address offer", () => {
  it("GIVEN the customer followed the offer and the change was applied THEN the request records its origin and home counts one save", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await callCustomerApi(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon, origin: "WRONG_ADDRESS_OFFER" },
    });
    expect(res.status).toBe(200);
    expect(res.body.request.status).toBe("APPLIED");
    const stored = await prisma.changeRequest.findUniqueOrThrow({ where: { id: res.body.request.id } });
    expect(stored.origin).toBe("WRONG_ADDRESS_OFFER");
    expect(await homeSaves()).toBe(1);
  });

  it("GIVEN an address change made without the offer THEN it is applied but is no save", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await callCustomerApi(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon },
    });
    expect(res.body.request.status).toBe("APPLIED");
    expect(await homeSaves()).toBe(0);
  });

  it("GIVEN an origin the API does not know THEN 400 INVALID_INPUT naming the field, and no request", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await callCustomerApi(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon, origin: "SOMETHING_ELSE" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "INVALID_INPUT", field: "origin" });
    expect(await prisma.changeRequest.count()).toBe(0);
  });

  it("GIVEN the customer cancelled after all THEN the change is no longer a save", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    await callCustomerApi(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon, origin: "WRONG_ADDRESS_OFFER" },
    });
    const cancelled = await callCustomerApi(cancellation as Route, "/api/customer/orders/5001/cancellation", {
      token,
      body: { reason: "CHANGED_MIND" },
    });
    expect(cancelled.status).toBe(201);
    expect(await homeSaves()).toBe(0);
  });

  it("GIVEN saves older than 30 days, not applied, or another shop's THEN none counts", async () => {
    const now = new Date();
    const base = {
      kind: "ADDRESS_CHANGE" as const,
      orderName: "#1",
      customerId: CAMILLE,
      payload: "{}",
      settingsVersion: 0,
      origin: "WRONG_ADDRESS_OFFER",
    };
    await prisma.changeRequest.createMany({
      data: [
        {
          ...base,
          shop: SHOP,
          orderId: "1",
          status: "APPLIED",
          idempotencyKey: "a",
          appliedAt: new Date(+now - 31 * 86_400_000),
        },
        { ...base, shop: SHOP, orderId: "2", status: "PENDING", idempotencyKey: "b" },
        {
          ...base,
          shop: "other-shop.myshopify.com",
          orderId: "3",
          status: "APPLIED",
          idempotencyKey: "c",
          appliedAt: now,
        },
        { ...base, shop: SHOP, orderId: "4", status: "APPLIED", idempotencyKey: "d", appliedAt: now },
      ],
    });
    expect(await savedCancellations(prisma, SHOP, new Date(+now - 30 * 86_400_000))).toBe(1);
  });
});
