import "../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as addressChange } from "~/routes/api.customer.orders.$orderId.address-change";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { action as reply } from "~/routes/api.customer.requests.$requestId.messages";
import { action as withdraw } from "~/routes/api.customer.requests.$requestId.withdraw";
import { callCustomerApi, simOrder as simOrderOf, type Route } from "../support/customer-api";
import { adminToken } from "../support/admin";
import { customerToken, installShop } from "../support/shopify-session";

const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001"; // French customer of the demo store
const JANE = "7002"; // English customer
let sim: Awaited<ReturnType<typeof startSimulator>>;

const call = callCustomerApi;
const simOrder = (id: string) => simOrderOf(sim, id);

const paris = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "18 rue du Sentier",
  city: "Paris",
  zip: "75002",
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

describe("GET /api/customer/orders/:orderId/options", () => {
  it("GIVEN the customer's eligible order THEN both actions are offered, in French, with one Admin API call", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    sim.calls.length = 0;
    const res = await call(options as Route, "/api/customer/orders/5001/options", { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.body.order).toEqual({ id: "5001", name: "#1001" });
    expect(res.body.addressChange).toMatchObject({ allowed: true, reasons: [] });
    expect(res.body.addressChange.currentAddress.countryCode).toBe("FR");
    expect(res.body.cancellation.allowed).toBe(true);
    expect(res.body.cancellation.customerReasons[0]).toEqual({ code: "CHANGED_MIND", label: expect.any(String) });
    expect(sim.calls.filter((c) => c.outcome === "ok").length).toBe(1);
  });

  it("GIVEN a paid order THEN the address change is refused with PAYMENT_CONFIRMED explained in the customer's language", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const fr = await call(options as Route, "/api/customer/orders/5002/options", { token, lang: "fr" });
    const en = await call(options as Route, "/api/customer/orders/5002/options", { token, lang: "en-GB" });
    expect(fr.body.addressChange.reasons.map((r: { code: string }) => r.code)).toEqual(["PAYMENT_CONFIRMED"]);
    expect(fr.body.addressChange.reasons[0].message).not.toBe(en.body.addressChange.reasons[0].message);
    expect(en.body.addressChange.reasons[0].message).toMatch(/payment/i);
  });

  it("GIVEN another customer's order THEN 403 NOT_ORDER_OWNER", async () => {
    const res = await call(options as Route, "/api/customer/orders/5011/options", {
      token: await customerToken("amend-demo", CAMILLE),
    });
    expect([res.status, res.body.error.code]).toEqual([403, "NOT_ORDER_OWNER"]);
  });

  it("GIVEN an unknown order, or a token for another shop THEN 404 ORDER_NOT_FOUND", async () => {
    const unknown = await call(options as Route, "/api/customer/orders/999999/options", {
      token: await customerToken("amend-demo", CAMILLE),
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "ORDER_NOT_FOUND"]);
    const otherShop = await call(options as Route, "/api/customer/orders/5001/options", {
      token: await customerToken("other-shop", CAMILLE),
    });
    expect([otherShop.status, otherShop.body.error.code]).toEqual([404, "ORDER_NOT_FOUND"]);
  });

  it("GIVEN a forged or expired token THEN 401", async () => {
    const forged = await customerToken("amend-demo", CAMILLE, {}, "not-the-app-secret");
    expect((await call(options as Route, "/api/customer/orders/5001/options", { token: forged })).status).toBe(401);
    const expired = await customerToken("amend-demo", CAMILLE, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await call(options as Route, "/api/customer/orders/5001/options", { token: expired })).status).toBe(401);
  });

  it("GIVEN a signed token for another app, or with no shop in dest THEN 401, never a 500", async () => {
    const path = "/api/customer/orders/5001/options";
    for (const overrides of [
      { aud: "another-apps-client-id" },
      { dest: undefined },
      { dest: "not a url" },
      { dest: "http://amend-demo.myshopify.com" },
      { dest: "https://evil.example.com" },
    ]) {
      const res = await call(options as Route, path, { token: await customerToken("amend-demo", CAMILLE, overrides) });
      expect([res.status, res.body?.error.code], JSON.stringify(overrides)).toEqual([401, "UNAUTHORIZED"]);
    }
  });

  it("GIVEN a browser preflight THEN CORS allows the headers the extensions send", async () => {
    const request = new Request("https://amend.example.com/api/customer/orders/5001/address-change", {
      method: "OPTIONS",
      headers: {
        Origin: "https://extensions.shopifycdn.com",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
      },
    });
    const response = await (addressChange as Route)({
      request,
      params: { orderId: "5001" },
      context: {},
    } as never).catch((e: unknown) => e as Response);
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Headers")).toMatch(/Idempotency-Key/i);
  });

  it("GIVEN no signed-in customer (pre-authenticated order status page) THEN 401 LOGIN_REQUIRED", async () => {
    const res = await call(options as Route, "/api/customer/orders/5001/options", {
      token: await customerToken("amend-demo", null),
    });
    expect([res.status, res.body.error.code]).toEqual([401, "LOGIN_REQUIRED"]);
  });

  it("GIVEN a token whose sub is no customer (an object, a staff member, an admin's token) THEN 401, never a 500", async () => {
    const path = "/api/customer/orders/5001/options";
    for (const token of [
      await customerToken("amend-demo", null, { sub: { id: CAMILLE } }),
      await customerToken("amend-demo", null, { sub: ["gid://shopify/Customer/7001"] }),
      await customerToken("amend-demo", null, { sub: "gid://shopify/StaffMember/7001" }),
      await adminToken("amend-demo"),
    ]) {
      const res = await call(options as Route, path, { token });
      expect([res.status, res.body?.error.code]).toEqual([401, "LOGIN_REQUIRED"]);
      expect(JSON.stringify(res.body)).not.toContain("#1001");
    }
  });
});

describe("POST address-change", () => {
  it("GIVEN a valid new address THEN 200 APPLIED and Shopify's order has it", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    sim.calls.length = 0;
    const lyon = { ...paris, address1: "4 place Bellecour", city: "Lyon", zip: "69002" };
    const res = await call(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon },
    });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({ kind: "ADDRESS_CHANGE", status: "APPLIED", address: { city: "Lyon" } });
    const order = simOrder("5001");
    expect(order.shippingAddress.city).toBe("Lyon");
    const ops = sim.calls.filter((c) => c.outcome === "ok").map((c) => c.operationName);
    expect(ops.length).toBeLessThanOrEqual(4);
  });

  it("GIVEN a malformed body THEN 400 naming the field", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const notJson = await call(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: "{oops",
    });
    expect([notJson.status, notJson.body.error.code, notJson.body.error.field]).toEqual([400, "INVALID_INPUT", "body"]);
    const noZip = await call(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: { ...paris, zip: "" } },
    });
    expect([noZip.status, noZip.body.error.code, noZip.body.error.field]).toEqual([400, "ADDRESS_INVALID", "zip"]);
    const wrongType = await call(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: { ...paris, city: 12 } },
    });
    expect([wrongType.status, wrongType.body.error.field]).toEqual([400, "address.city"]);
  });

  it("GIVEN rules failing THEN 422 listing every failing reason", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    // 5003: fulfillment in progress; a different country too
    const res = await call(addressChange as Route, "/api/customer/orders/5003/address-change", {
      token,
      body: { address: { ...paris, countryCode: "BE", zip: "1000", city: "Bruxelles" } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("RULES_FAILED");
    expect(res.body.error.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(["FULFILLMENT_STARTED", "COUNTRY_CHANGE_NOT_ALLOWED"]),
    );
    expect(res.body.error.reasons.every((r: { message: string }) => r.message.length > 10)).toBe(true);
  });

  it("GIVEN a double submit THEN exactly one request exists and Shopify was updated once", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const body = { address: { ...paris, address1: "1 rue de Rivoli" } };
    const [a, b] = await Promise.all([
      call(addressChange as Route, "/api/customer/orders/5001/address-change", { token, body }),
      call(addressChange as Route, "/api/customer/orders/5001/address-change", { token, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([200]));
    expect(await prisma.changeRequest.count()).toBe(1);
    const updates = sim.calls.filter((c) => c.rootFields?.includes("orderUpdate") && c.outcome === "ok");
    expect(updates).toHaveLength(1);
  });
});

describe("cancellation, reply and withdraw", () => {
  it("GIVEN a cancellation request THEN 201 PENDING and the order's fulfillment is on hold in Shopify", async () => {
    const token = await customerToken("amend-demo", JANE);
    const res = await call(cancellation as Route, "/api/customer/orders/5011/cancellation", {
      token,
      lang: "en",
      body: { reason: "CHANGED_MIND", note: "No longer needed" },
    });
    expect(res.status).toBe(201);
    expect(res.body.request).toMatchObject({
      kind: "CANCELLATION",
      status: "PENDING",
      reason: "CHANGED_MIND",
      canWithdraw: true,
    });
    const order = simOrder("5011");
    expect(order.fulfillmentOrders.nodes.every((fo: { status: string }) => fo.status === "ON_HOLD")).toBe(true);

    const again = await call(cancellation as Route, "/api/customer/orders/5011/cancellation", {
      token,
      lang: "en",
      body: { reason: "OTHER" },
    });
    expect([again.status, again.body.error.code]).toEqual([409, "REQUEST_ALREADY_PENDING"]);

    const withdrawn = await call(withdraw as Route, `/api/customer/requests/${res.body.request.id}/withdraw`, {
      token,
      method: "POST",
    });
    expect([withdrawn.status, withdrawn.body.request.status]).toEqual([200, "WITHDRAWN"]);
    expect(order.fulfillmentOrders.nodes.every((fo: { status: string }) => fo.status === "OPEN")).toBe(true);
  });

  it("GIVEN a request id no request can have (65 characters) THEN 404, not 500", async () => {
    const res = await call(withdraw as Route, `/api/customer/requests/${"x".repeat(65)}/withdraw`, {
      token: await customerToken("amend-demo", JANE),
      method: "POST",
    });
    expect([res.status, res.body.error.code]).toEqual([404, "REQUEST_NOT_FOUND"]);
  });

  it("GIVEN an unknown reason THEN 400", async () => {
    const res = await call(cancellation as Route, "/api/customer/orders/5011/cancellation", {
      token: await customerToken("amend-demo", JANE),
      body: { reason: "BORED" },
    });
    expect([res.status, res.body.error.field]).toEqual([400, "reason"]);
  });

  it("GIVEN a reply when no question was asked THEN 409; another customer's request THEN 403", async () => {
    const jane = await customerToken("amend-demo", JANE);
    const created = await call(cancellation as Route, "/api/customer/orders/5011/cancellation", {
      token: jane,
      body: { reason: "CHANGED_MIND" },
    });
    const path = `/api/customer/requests/${created.body.request.id}/messages`;
    expect((await call(reply as Route, path, { token: jane, body: { body: "Hello" } })).status).toBe(409);
    expect(
      (await call(reply as Route, path, { token: await customerToken("amend-demo", CAMILLE), body: { body: "Hi" } }))
        .status,
    ).toBe(403);
    expect((await call(reply as Route, path, { token: jane, body: { body: "" } })).status).toBe(400);
  });
});
