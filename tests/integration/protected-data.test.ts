import "../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../demo/simulator/server";
import type { ProtectedAccess } from "../../demo/simulator/store";
import { prisma } from "~/db.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as addressChange } from "~/routes/api.customer.orders.$orderId.address-change";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { callCustomerApi as call, simOrder, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

// The customer API when Shopify withholds protected customer data from the app (simulator answers as Shopify).
const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001";
let sim: Simulator;

const lyon = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "4 place Bellecour",
  city: "Lyon",
  zip: "69002",
  countryCode: "FR",
};

const approve = (
  level: ProtectedAccess["level"],
  fields: ProtectedAccess["fields"] extends ReadonlySet<infer F> ? F[] : never,
) => {
  sim.store.protectedAccess = { level, fields: new Set(fields) };
};
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);
const sentToShopify = () => sim.store.log.map((e) => e.mutation);
const customerMessages = (requestId: string) =>
  prisma.outboxMessage.findMany({ where: { requestId, recipientRole: "CUSTOMER" } });

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await prisma.outboxMessage.deleteMany();
  await prisma.changeRequest.deleteMany();
});

describe("level 1: no name, email, phone or address", () => {
  beforeEach(() => approve(1, []));

  it("options: the owner is still recognised by the customer id; the address change is refused with CUSTOMER_DATA_UNAVAILABLE, the cancellation offered", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const en = await call(options as Route, "/api/customer/orders/5001/options", { token, lang: "en" });
    const fr = await call(options as Route, "/api/customer/orders/5001/options", { token, lang: "fr" });
    expect(en.status).toBe(200);
    expect(en.body.order).toEqual({ id: "5001", name: "#1001" });
    expect(en.body.addressChange.allowed).toBe(false);
    expect(codes(en.body.addressChange.reasons)).toEqual(["CUSTOMER_DATA_UNAVAILABLE"]);
    expect(en.body.addressChange.reasons[0].message).toMatch(/contact the store/i);
    expect(fr.body.addressChange.reasons[0].message).toMatch(/Contactez la boutique/);
    expect(en.body.cancellation.allowed).toBe(true);
    // Shopify did answer with errors for the withheld fields: the read still counted as one successful call
    expect(sim.calls.filter((c) => c.operationName === "AmendOrderFacts").map((c) => c.outcome)).toContain("errors");
  });

  it("another customer's order is still refused (ownership uses the customer id, which is not protected)", async () => {
    const res = await call(options as Route, "/api/customer/orders/5011/options", {
      token: await customerToken("amend-demo", CAMILLE),
    });
    expect([res.status, res.body.error.code]).toEqual([403, "NOT_ORDER_OWNER"]);
  });

  it("submit address change: 422 CUSTOMER_DATA_UNAVAILABLE, nothing sent to Shopify", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await call(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("RULES_FAILED");
    expect(JSON.stringify(res.body)).toContain("CUSTOMER_DATA_UNAVAILABLE");
    expect(sentToShopify()).toEqual([]);
    expect(sim.calls.some((c) => c.operationName === "AmendShippingQuote")).toBe(false);
    expect(simOrder(sim, "5001").shippingAddress.city).not.toBe("Lyon");
    expect(await prisma.changeRequest.count()).toBe(0);
  });

  it("cancellation: accepted; the order name stands for the withheld name; no customer message (no email to send to)", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await call(cancellation as Route, "/api/customer/orders/5001/cancellation", {
      token,
      body: { reason: "CHANGED_MIND" },
    });
    expect(res.status).toBe(201);
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: res.body.request.id } });
    expect(request.customerName).toBe("#1001");
    expect(request.customerEmail).toBeNull();
    expect(JSON.parse(request.payload).contact.withheld).toEqual(["name", "email", "phone", "address"]);
    expect(await customerMessages(request.id)).toEqual([]);
  });
});

describe("level 2, some fields approved", () => {
  it("name and address but no email or phone: the address change is applied and verified; the customer gets no message", async () => {
    approve(2, ["name", "address"]);
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await call(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon },
    });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({ status: "APPLIED" });
    expect(sentToShopify().filter((m) => m === "orderUpdate")).toHaveLength(1);
    expect(simOrder(sim, "5001").shippingAddress.city).toBe("Lyon");
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: res.body.request.id } });
    expect(request.customerName).toBe("Camille Martin");
    expect(JSON.parse(request.payload).contact).toMatchObject({
      email: null,
      phone: null,
      withheld: ["email", "phone"],
    });
    expect(await customerMessages(request.id)).toEqual([]);
  });

  it("address and email but no name: applied (names are not compared on read-back); the customer is emailed; the order name stands for the name", async () => {
    approve(2, ["address", "email"]);
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await call(addressChange as Route, "/api/customer/orders/5001/address-change", {
      token,
      body: { address: lyon },
    });
    expect(res.status).toBe(200);
    expect(res.body.request).toMatchObject({ status: "APPLIED" });
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: res.body.request.id } });
    expect(request.customerName).toBe("#1001");
    const messages = await customerMessages(request.id);
    expect(messages.map((m) => m.channel)).toContain("EMAIL");
    expect(messages.every((m) => m.recipient.includes("@"))).toBe(true);
    // a withheld status page link is never put in a message
    expect(messages.some((m) => m.text.includes("•••") || (m.html ?? "").includes("•••"))).toBe(false);
  });
});

describe("level 0: no customer data at all", () => {
  it("the app cannot see the order: 404 ORDER_NOT_FOUND (never a 500), and nothing is sent to Shopify", async () => {
    approve(0, []);
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await call(options as Route, "/api/customer/orders/5001/options", { token });
    expect([res.status, res.body.error.code]).toEqual([404, "ORDER_NOT_FOUND"]);
    const submit = await call(cancellation as Route, "/api/customer/orders/5001/cancellation", {
      token,
      body: { reason: "CHANGED_MIND" },
    });
    expect([submit.status, submit.body.error.code]).toEqual([404, "ORDER_NOT_FOUND"]);
    expect(sentToShopify()).toEqual([]);
  });
});
