import "../support/app-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { ADMIN_READS_BURST } from "~/api/order-reads.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as addressChange } from "~/routes/api.customer.orders.$orderId.address-change";
import { callCustomerApi, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001"; // orders 5001–5010
const OLIVER = "7002"; // orders 5011, 5012
let sim: Awaited<ReturnType<typeof startSimulator>>;

const statuses = (answers: { status: number }[]) =>
  answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

const read = (token: string, orderId: string) =>
  callCustomerApi(options as Route, `/api/customer/orders/${orderId}/options`, { token, lang: "en" });

beforeAll(async () => {
  // Shopify's standard plan bucket: 2000 points, 100 restored a second
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});

describe("the shop's Admin API budget under one customer's burst of reads", () => {
  it("GIVEN 100 concurrent option reads by one customer and reads by another THEN no 503 for anyone, one Admin API call per order, and the other customer's reads all answer 200", async () => {
    const [camille, other] = await Promise.all([
      customerToken("amend-demo", CAMILLE),
      customerToken("amend-demo", OLIVER),
    ]);
    const camilleOrders = Array.from({ length: 10 }, (_, i) => String(5001 + i));
    const burst = Array.from({ length: 100 }, (_, i) => read(camille, camilleOrders[i % 10]));
    const others = Array.from({ length: 10 }, (_, i) => read(other, i % 2 ? "5011" : "5012"));
    const [mine, theirs] = await Promise.all([Promise.all(burst), Promise.all(others)]);

    expect(statuses(theirs)).toEqual({ 200: 10 });
    expect(statuses(mine)).toEqual({ 200: 100 });
    // concurrent reads of one order share one Admin API call: one per order, none throttled
    expect(sim.calls.filter((c) => c.outcome === "throttled")).toEqual([]);
    expect(sim.calls.length).toBeLessThanOrEqual(12);
  });

  it("GIVEN a customer probing twice their Admin API reads in different orders at once THEN past them it is 429 RATE_LIMITED with Retry-After, never 503, and another customer's reads answer 200", async () => {
    const [prober, other] = await Promise.all([
      customerToken("amend-demo", "7999"),
      customerToken("amend-demo", OLIVER),
    ]);
    const probes = Array.from({ length: 2 * ADMIN_READS_BURST }, (_, i) => read(prober, String(900_001 + i)));
    const others = Array.from({ length: 10 }, (_, i) => read(other, i % 2 ? "5011" : "5012"));
    const [mine, theirs] = await Promise.all([Promise.all(probes), Promise.all(others)]);
    expect(statuses(theirs)).toEqual({ 200: 10 });
    expect(statuses(mine)).toEqual({ 404: ADMIN_READS_BURST, 429: ADMIN_READS_BURST });
    for (const limited of mine.filter((a) => a.status === 429)) {
      expect(limited.body.error.code).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
  });

  it("GIVEN options read, then a change by the customer THEN the next read shows the change, not the remembered facts", async () => {
    // Oliver, not Camille: Camille's burst above spent her own read allowance, which is what it is for
    const oliver = await customerToken("amend-demo", OLIVER);
    expect((await read(oliver, "5011")).body.addressChange.currentAddress.city).toBe("New York");
    const brooklyn = {
      firstName: "Oliver",
      lastName: "Bennett",
      address1: "99 Atlantic Avenue",
      city: "Brooklyn",
      provinceCode: "NY",
      zip: "11201",
      countryCode: "US",
    };
    const changed = await callCustomerApi(addressChange as Route, "/api/customer/orders/5011/address-change", {
      token: oliver,
      body: { address: brooklyn },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const after = await read(oliver, "5011");
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(after.body.addressChange.currentAddress.city).toBe("Brooklyn");
  });
});
