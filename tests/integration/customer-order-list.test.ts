import "../support/app-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { callCustomerApi, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

const SHOP = "amend-demo.myshopify.com";
/** Camille's 22 orders in the demo store: more than one order list page shows. */
const CAMILLE_ORDERS = [
  ...Array.from({ length: 10 }, (_, i) => 5001 + i),
  ...Array.from({ length: 12 }, (_, i) => 5013 + i),
].map(String);
let sim: Awaited<ReturnType<typeof startSimulator>>;

const read = (token: string, orderId: string) =>
  callCustomerApi(options as Route, `/api/customer/orders/${orderId}/options`, { token, lang: "en" });

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});

describe("an order list page under the per-customer limits", () => {
  it("GIVEN a customer's 22 orders' options read at once, then the page reloaded THEN every read is 200, and the reload costs no Admin API read", async () => {
    const camille = await customerToken("amend-demo", "7001");
    const page = async () => {
      const answers = await Promise.all(CAMILLE_ORDERS.map((id) => read(camille, id)));
      return answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});
    };
    const callsBefore = sim.calls.length;
    // 22 orders never read: 22 Admin API reads, within the customer's allowance
    expect(await page()).toEqual({ 200: 22 });
    expect(sim.calls.length - callsBefore).toBe(22);
    // the reload is answered from the order facts cache
    expect(await page()).toEqual({ 200: 22 });
    expect(sim.calls.length - callsBefore).toBe(22);
  });
});
