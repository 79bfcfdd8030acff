import "../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as addressChange } from "~/routes/api.customer.orders.$orderId.address-change";
import { callCustomerApi as call, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

/** The demo store's shape orders (#1013–#1024): what the customer is offered matches each order's note. */
const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001";
let sim: Awaited<ReturnType<typeof startSimulator>>;

const paris = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "7 rue de Bretagne",
  city: "Paris",
  zip: "75003",
  countryCode: "FR",
};
const madrid = {
  ...paris,
  address1: "Calle Mayor 10",
  city: "Madrid",
  zip: "28013",
  countryCode: "ES",
  provinceCode: "M",
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
  sim.reset();
  await prisma.changeRequest.deleteMany();
});

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

// address: the reasons the options give for an address change ([] = offered); cancel: a cancellation is offered
const notes: { order: string; note: RegExp; address: string[]; cancel: boolean }[] = [
  { order: "5013", note: /local pickup/, address: ["PICKUP_ORDER"], cancel: true },
  { order: "5014", note: /digital goods/, address: ["NOTHING_TO_SHIP"], cancel: true },
  { order: "5015", note: /local delivery/, address: [], cancel: true },
  { order: "5016", note: /SUBMITTED/, address: ["FULFILLMENT_STARTED"], cancel: true },
  { order: "5017", note: /ACCEPTED/, address: ["FULFILLMENT_STARTED"], cancel: true },
  { order: "5018", note: /two locations/, address: ["FULFILLMENT_STARTED"], cancel: false },
  { order: "5019", note: /pre-order/, address: [], cancel: true },
  { order: "5020", note: /another app/, address: ["ORDER_ON_HOLD"], cancel: true },
  { order: "5021", note: /merchant/, address: ["ORDER_ON_HOLD"], cancel: true },
  { order: "5022", note: /B2B/, address: ["B2B_ORDER"], cancel: true },
  { order: "5023", note: /province/, address: [], cancel: true },
  { order: "5024", note: /two shipping lines/, address: [], cancel: true },
];

describe("demo store #1013–#1024", () => {
  it.each(notes)("$order ($note) → address change $address, cancellation offered: $cancel", async (shape) => {
    const order = sim.store.orders.find((o) => o.id === `gid://shopify/Order/${shape.order}`) as { note: string };
    expect(order.note).toMatch(shape.note);
    const res = await call(options as Route, `/api/customer/orders/${shape.order}/options`, {
      token: await customerToken("amend-demo", CAMILLE),
      lang: "en",
    });
    expect(res.status).toBe(200);
    expect(codes(res.body.addressChange.reasons)).toEqual(shape.address);
    expect(res.body.cancellation.allowed).toBe(shape.cancel);
  });

  it("#1015: another Lyon postcode of the courier keeps it; 69001 is not served by it", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const lyon = { ...paris, address1: "20 cours Gambetta", city: "Lyon" };
    const outside = await call(addressChange as Route, "/api/customer/orders/5015/address-change", {
      token,
      body: { address: { ...lyon, zip: "69001" } },
    });
    expect([outside.status, codes(outside.body.error.reasons)]).toEqual([422, ["LOCAL_DELIVERY_UNAVAILABLE"]]);
    const served = await call(addressChange as Route, "/api/customer/orders/5015/address-change", {
      token,
      body: { address: { ...lyon, zip: "69003" } },
    });
    expect([served.status, served.body.request.status]).toEqual([200, "APPLIED"]);
  });

  it("#1023: Madrid keeps its zone; the Canaries cost more; Sevilla is not served", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const submit = (address: Record<string, string>) =>
      call(addressChange as Route, "/api/customer/orders/5023/address-change", { token, body: { address } });
    const canaries = await submit({ ...madrid, city: "Las Palmas", zip: "35001", provinceCode: "GC" });
    expect([canaries.status, codes(canaries.body.error.reasons)]).toEqual([422, ["SHIPPING_COST_INCREASE"]]);
    const sevilla = await submit({ ...madrid, city: "Sevilla", zip: "41001", provinceCode: "SE" });
    expect([sevilla.status, codes(sevilla.body.error.reasons)]).toEqual([422, ["NO_SHIPPING_RATE"]]);
    const sameZone = await submit(madrid);
    expect([sameZone.status, sameZone.body.request.status]).toEqual([200, "APPLIED"]);
  });
});
