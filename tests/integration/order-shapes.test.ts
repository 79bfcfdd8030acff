import "../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import { savePolicy } from "~/models/settings.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as addressChange } from "~/routes/api.customer.orders.$orderId.address-change";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { callCustomerApi as call, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

/**
 * Every order shape through the customer API, on a store file written for these tests (a Canadian stationer
 * with a warehouse service, a second shop, province zones and a Montréal courier — not the demo's data):
 * what the customer is offered, what a submission answers, and what Amend sends to Shopify.
 */
const SHOP = "amend-demo.myshopify.com";
let sim: Awaited<ReturnType<typeof startSimulator>>;

// each order has its own customer (9002 owns 8002…): the customer API limits each customer's writes
const tokenFor = (orderId: string) => customerToken("amend-demo", `9${orderId.slice(1)}`);

const plateau = {
  firstName: "Élise",
  lastName: "Tremblay",
  address1: "1000 rue Rachel E",
  city: "Montréal",
  zip: "H2J 2J3",
  provinceCode: "QC",
  countryCode: "CA",
};
const quebecCity = { ...plateau, address1: "12 rue Saint-Jean", city: "Québec", zip: "G1R 1N4" };
const toronto = { ...plateau, address1: "100 Queen St W", city: "Toronto", zip: "M5H 2N2", provinceCode: "ON" };
const calgary = { ...plateau, address1: "800 Macleod Trail SE", city: "Calgary", zip: "T2G 2M3", provinceCode: "AB" };

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

/** The Admin API mutations Amend sent since the last reset (draftOrderCalculate saves nothing: not counted). */
function mutationsSent(): string[] {
  return sim.calls
    .filter((c) => c.operation === "mutation" && c.outcome === "ok")
    .flatMap((c) => c.rootFields)
    .filter((field) => field !== "draftOrderCalculate");
}

async function optionsOf(orderId: string) {
  const res = await call(options as Route, `/api/customer/orders/${orderId}/options`, {
    token: await tokenFor(orderId),
    lang: "en",
  });
  expect(res.status).toBe(200);
  return res.body as {
    addressChange: { allowed: boolean; reasons: { code: string; message: string }[] };
    cancellation: { allowed: boolean; reasons: { code: string; message: string }[] };
  };
}

async function submitAddress(orderId: string, address: Record<string, string>) {
  return call(addressChange as Route, `/api/customer/orders/${orderId}/address-change`, {
    token: await tokenFor(orderId),
    lang: "fr",
    body: { address },
  });
}

async function submitCancellation(orderId: string) {
  return call(cancellation as Route, `/api/customer/orders/${orderId}/cancellation`, {
    token: await tokenFor(orderId),
    lang: "en",
    body: { reason: "CHANGED_MIND" },
  });
}

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "tests/support/stores/order-shapes.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await prisma.changeRequest.deleteMany();
  await savePolicy(prisma, SHOP, DEFAULT_POLICY);
});

// Orders whose address may not change: the options say why, a submission is refused with the same reason,
// and nothing at all is sent to Shopify. A cancellation can still be asked where `cancel` says so.
const refused: { order: string; shape: string; reason: string; cancel: "PENDING" | "FULFILLMENT_STARTED" }[] = [
  {
    order: "8002",
    shape: "SUBMITTED to the warehouse's fulfillment service",
    reason: "FULFILLMENT_STARTED",
    cancel: "PENDING",
  },
  { order: "8003", shape: "ACCEPTED by the warehouse (IN_PROGRESS)", reason: "FULFILLMENT_STARTED", cancel: "PENDING" },
  {
    order: "8004",
    shape: "the warehouse refused to cancel",
    reason: "FULFILLMENT_STARTED",
    cancel: "FULFILLMENT_STARTED",
  },
  { order: "8005", shape: "two locations, one at the warehouse", reason: "FULFILLMENT_STARTED", cancel: "PENDING" },
  { order: "8007", shape: "local pickup, no address", reason: "PICKUP_ORDER", cancel: "PENDING" },
  { order: "8008", shape: "a carrier's pickup point", reason: "PICKUP_ORDER", cancel: "PENDING" },
  { order: "8009", shape: "digital goods, no address", reason: "NOTHING_TO_SHIP", cancel: "PENDING" },
  { order: "8010", shape: "an address, but nothing requires shipping", reason: "NOTHING_TO_SHIP", cancel: "PENDING" },
  { order: "8012", shape: "B2B: ships to the company location", reason: "B2B_ORDER", cancel: "PENDING" },
  { order: "8013", shape: "held by the merchant", reason: "ORDER_ON_HOLD", cancel: "PENDING" },
  { order: "8014", shape: "held by another app", reason: "ORDER_ON_HOLD", cancel: "PENDING" },
];

describe("orders whose address Amend must not change", () => {
  it.each(refused)("$order, $shape → $reason; nothing sent to Shopify", async ({ order, reason, cancel }) => {
    const offered = await optionsOf(order);
    expect(offered.addressChange.allowed).toBe(false);
    expect(codes(offered.addressChange.reasons)).toEqual([reason]);
    expect(offered.addressChange.reasons[0].message.length).toBeGreaterThan(20);
    expect(offered.cancellation.allowed).toBe(cancel === "PENDING");

    sim.calls.length = 0;
    const submitted = await submitAddress(order, plateau);
    expect([submitted.status, submitted.body.error.code]).toEqual([422, "RULES_FAILED"]);
    expect(codes(submitted.body.error.reasons)).toEqual([reason]);
    expect(mutationsSent()).toEqual([]);
    expect(sim.calls.some((c) => c.rootFields.includes("draftOrderCalculate"))).toBe(false);
    expect(await prisma.changeRequest.count()).toBe(0);
  });
});

describe("cancellation requests on each shape", () => {
  it("GIVEN an order submitted to the warehouse THEN the request waits for the merchant and no hold is attempted (Shopify refuses one there)", async () => {
    sim.calls.length = 0;
    const res = await submitCancellation("8002");
    expect([res.status, res.body.request.status]).toEqual([201, "PENDING"]);
    expect(mutationsSent()).toEqual([]);
  });

  it("GIVEN two locations, one at the warehouse THEN only the workshop's fulfillment order is held", async () => {
    sim.calls.length = 0;
    const res = await submitCancellation("8005");
    expect([res.status, res.body.request.status]).toEqual([201, "PENDING"]);
    const holds = sim.calls.filter((c) => c.rootFields.includes("fulfillmentOrderHold") && c.outcome === "ok");
    expect(holds.map((c) => c.variables.id)).toEqual(["gid://shopify/FulfillmentOrder/80051"]);
  });

  it("GIVEN the warehouse REJECTED the request (the work is back with the merchant) THEN its fulfillment order is held as usual", async () => {
    expect((await optionsOf("8017")).addressChange.allowed).toBe(true);
    const res = await submitCancellation("8017");
    expect([res.status, res.body.request.status]).toEqual([201, "PENDING"]);
    expect(mutationsSent()).toEqual(["fulfillmentOrderHold"]);
  });

  it("GIVEN the warehouse refused to cancel THEN 422 FULFILLMENT_STARTED and nothing sent", async () => {
    sim.calls.length = 0;
    const res = await submitCancellation("8004");
    expect([res.status, codes(res.body.error.reasons)]).toEqual([422, ["FULFILLMENT_STARTED"]]);
    expect(mutationsSent()).toEqual([]);
  });

  it("GIVEN a store that auto-approves THEN an order held by someone else, or at the warehouse, still waits for the merchant: no orderCancel", async () => {
    await savePolicy(prisma, SHOP, {
      ...DEFAULT_POLICY,
      cancellation: { ...DEFAULT_POLICY.cancellation, requireApproval: false },
    });
    for (const order of ["8013", "8014", "8003"]) {
      sim.calls.length = 0;
      const res = await submitCancellation(order);
      expect([order, res.status, res.body.request.status]).toEqual([order, 201, "PENDING"]);
      expect(mutationsSent()).not.toContain("orderCancel");
    }
  });

  it("GIVEN a pickup, a digital and a B2B order THEN each can be asked to cancel", async () => {
    for (const order of ["8007", "8009", "8012"]) {
      const res = await submitCancellation(order);
      expect([order, res.status, res.body.request.status]).toEqual([order, 201, "PENDING"]);
    }
  });
});

describe("orders whose address can change", () => {
  it("GIVEN a pre-order (SCHEDULED) THEN the address changes and the scheduled fulfillment order follows", async () => {
    expect((await optionsOf("8015")).addressChange).toMatchObject({ allowed: true, reasons: [] });
    sim.calls.length = 0;
    const res = await submitAddress("8015", plateau);
    expect([res.status, res.body.request.status]).toEqual([200, "APPLIED"]);
    expect(mutationsSent()).toEqual(["orderUpdate"]);
    const order = sim.store.orders.find((o) => o.id === "gid://shopify/Order/8015") as unknown as {
      fulfillmentOrders: { nodes: { status: string; destination: { city: string } }[] };
    };
    expect(order.fulfillmentOrders.nodes.map((fo) => [fo.status, fo.destination.city])).toEqual([
      ["SCHEDULED", "Montréal"],
    ]);
  });

  it("GIVEN two locations, both OPEN THEN one orderUpdate and both fulfillment orders have the new address", async () => {
    sim.calls.length = 0;
    const res = await submitAddress("8006", { ...plateau, address1: "2 rue Fleury O", zip: "H3L 1T2" });
    expect([res.status, res.body.request.status]).toEqual([200, "APPLIED"]);
    expect(mutationsSent()).toEqual(["orderUpdate"]);
    const order = sim.store.orders.find((o) => o.id === "gid://shopify/Order/8006") as unknown as {
      fulfillmentOrders: { nodes: { destination: { address1: string } }[] };
    };
    expect(order.fulfillmentOrders.nodes.map((fo) => fo.destination.address1)).toEqual([
      "2 rue Fleury O",
      "2 rue Fleury O",
    ]);
  });

  it("GIVEN local delivery THEN an address the courier serves is applied, one it does not is refused with nothing sent", async () => {
    expect((await optionsOf("8011")).addressChange.allowed).toBe(true);
    sim.calls.length = 0;
    const outside = await submitAddress("8011", quebecCity);
    expect([outside.status, codes(outside.body.error.reasons)]).toEqual([422, ["LOCAL_DELIVERY_UNAVAILABLE"]]);
    expect(outside.body.error.reasons[0].message).toMatch(/livraison locale/);
    expect(mutationsSent()).toEqual([]);

    const served = await submitAddress("8011", { ...plateau, address1: "1 Place Ville Marie", zip: "H3B 2B6" });
    expect([served.status, served.body.request.status]).toEqual([200, "APPLIED"]);
    expect(mutationsSent()).toEqual(["orderUpdate"]);
  });

  it("GIVEN zones by province THEN another province costing more is refused, one not served has no rate, both with nothing sent", async () => {
    sim.calls.length = 0;
    const dearer = await submitAddress("8001", toronto);
    expect([dearer.status, codes(dearer.body.error.reasons)]).toEqual([422, ["SHIPPING_COST_INCREASE"]]);
    const unserved = await submitAddress("8001", calgary);
    expect([unserved.status, codes(unserved.body.error.reasons)]).toEqual([422, ["NO_SHIPPING_RATE"]]);
    expect(mutationsSent()).toEqual([]);
    const sameProvince = await submitAddress("8001", quebecCity);
    expect([sameProvince.status, sameProvince.body.request.status]).toEqual([200, "APPLIED"]);
  });

  it("GIVEN two shipping lines THEN the quote is compared with what both cost together", async () => {
    // Ontario's 15.00 is more than the one line of 8001 (12.00), less than 12.00 + 20.00
    const res = await submitAddress("8016", toronto);
    expect([res.status, res.body.request.status]).toEqual([200, "APPLIED"]);
  });
});
