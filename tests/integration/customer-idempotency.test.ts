import "../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { action as addressChange } from "~/routes/api.customer.orders.$orderId.address-change";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { callCustomerApi, simOrder, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001";
let sim: Awaited<ReturnType<typeof startSimulator>>;

const paris = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "18 rue du Sentier",
  city: "Paris",
  zip: "75002",
  countryCode: "FR",
};
const lyon = { ...paris, address1: "4 place Bellecour", city: "Lyon", zip: "69002" };
const marseille = { ...paris, address1: "1 quai du Port", city: "Marseille", zip: "13002" };

/** A submission with the client's Idempotency-Key. */
const post = (token: string, path: string, body: unknown, key: string, lang = "fr") =>
  callCustomerApi((path.endsWith("cancellation") ? cancellation : addressChange) as Route, path, {
    token,
    body,
    lang,
    headers: { "Idempotency-Key": key },
  });

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

describe("Idempotency-Key", () => {
  it("GIVEN a key reused with another body, order or kind THEN 422 IDEMPOTENCY_KEY_REUSED and nothing changed", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const first = await post(token, "/api/customer/orders/5001/address-change", { address: lyon }, "key-1");
    expect([first.status, first.body.request.status]).toEqual([200, "APPLIED"]);

    const refusals = [
      await post(token, "/api/customer/orders/5001/address-change", { address: marseille }, "key-1"),
      await post(token, "/api/customer/orders/5006/address-change", { address: lyon }, "key-1", "en"),
      await post(token, "/api/customer/orders/5001/cancellation", { reason: "CHANGED_MIND" }, "key-1"),
    ];
    for (const refused of refusals)
      expect([refused.status, refused.body.error.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    expect(refusals[0].body.error.message).toMatch(/envoi/); // in the customer's language
    expect(refusals[1].body.error.message).toMatch(/submission/);
    expect(await prisma.changeRequest.count()).toBe(1);
    expect(simOrder(sim, "5001").shippingAddress.city).toBe("Lyon");
    expect(simOrder(sim, "5006").shippingAddress.city).not.toBe("Lyon");
  });

  it("GIVEN the same key with the same order, kind and body THEN the first request is replayed", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const body = { reason: "CHANGED_MIND", note: "Plus besoin" };
    const first = await post(token, "/api/customer/orders/5006/cancellation", body, "key-2");
    expect(first.status).toBe(201);
    // the same body written in another key order is the same submission
    const again = await post(
      token,
      "/api/customer/orders/5006/cancellation",
      { note: "Plus besoin", reason: "CHANGED_MIND" },
      "key-2",
    );
    expect([again.status < 300, again.body.request.id]).toEqual([true, first.body.request.id]);
    expect(await prisma.changeRequest.count()).toBe(1);
  });
});
