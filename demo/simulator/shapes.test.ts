import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PLAN_BUCKETS } from "./cost";
import { readStoreFile } from "./store";
import { DEFAULT_STORE_FILE, startSimulator, type Simulator } from "./server";

// The order shapes of the demo store (#1013–#1024) as the Admin API answers them, over real HTTP.
let sim: Simulator;
const TOKEN = "shpat_test";

beforeAll(async () => {
  sim = await startSimulator({ accessToken: TOKEN, jobMaxMs: 60_000 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(sim.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Json;
}
async function control(path: string, body?: unknown) {
  const res = await fetch(`${sim.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const ORDER = (n: number) => `gid://shopify/Order/${n}`;
const FO = (n: number) => `gid://shopify/FulfillmentOrder/${n}`;

const SHAPE = /* GraphQL */ `
  query Shape($id: ID!) {
    order(id: $id) {
      name
      requiresShipping
      displayFulfillmentStatus
      shippingAddress {
        city
        provinceCode
      }
      shippingLines(first: 5) {
        nodes {
          title
          code
        }
      }
      purchasingEntity {
        __typename
        ... on Customer {
          id
        }
        ... on PurchasingCompany {
          company {
            id
            name
          }
          location {
            id
            name
            shippingAddress {
              address1
              city
              countryCode
            }
          }
          contact {
            customer {
              id
            }
          }
        }
      }
      lineItems(first: 10) {
        nodes {
          requiresShipping
          isGiftCard
          weight {
            value
            unit
          }
        }
      }
      fulfillmentOrders(first: 10) {
        nodes {
          id
          status
          requestStatus
          fulfillAt
          deliveryMethod {
            methodType
            presentedName
          }
          assignedLocation {
            name
            location {
              id
              isFulfillmentService
              fulfillmentService {
                handle
                serviceName
              }
            }
          }
          merchantRequests(first: 5) {
            nodes {
              kind
              message
            }
          }
          supportedActions {
            action
          }
          fulfillmentHolds {
            reason
            heldByRequestingApp
            heldByApp {
              id
              title
            }
          }
          lineItems(first: 10) {
            nodes {
              remainingQuantity
              lineItem {
                id
              }
            }
          }
        }
      }
    }
  }
`;

async function shape(n: number): Promise<Json> {
  const r = await gql(SHAPE, { id: ORDER(n) });
  expect(r.errors).toBeUndefined();
  return r.data.order;
}
const actions = (fo: Json) => fo.supportedActions.map((a: Json) => a.action);

describe("order shapes", () => {
  it("pickup: no shipping address, PICK_UP at the shop's location", async () => {
    const o = await shape(5013);
    expect(o.shippingAddress).toBeNull();
    expect(o.fulfillmentOrders.nodes[0]).toMatchObject({
      deliveryMethod: { methodType: "PICK_UP", presentedName: "Retrait en boutique — Paris Marais" },
      assignedLocation: { name: "Boutique Paris Marais", location: { isFulfillmentService: false } },
    });
  });

  it("digital goods: nothing requires shipping, delivery method NONE", async () => {
    const o = await shape(5014);
    expect(o.requiresShipping).toBe(false);
    expect(o.shippingAddress).toBeNull();
    expect(o.shippingLines.nodes).toEqual([]);
    expect(o.lineItems.nodes.map((l: Json) => [l.requiresShipping, l.isGiftCard])).toEqual([
      [false, true],
      [false, false],
    ]);
    expect(o.fulfillmentOrders.nodes[0].deliveryMethod.methodType).toBe("NONE");
  });

  it("local delivery: LOCAL, and lines carry weights", async () => {
    const o = await shape(5015);
    expect(o.fulfillmentOrders.nodes[0].deliveryMethod).toEqual({
      methodType: "LOCAL",
      presentedName: "Coursier Lyon",
    });
    expect(o.lineItems.nodes[1].weight).toEqual({ value: 2.3, unit: "KILOGRAMS" });
  });

  it("at a fulfillment service: SUBMITTED and ACCEPTED, with the merchant's requests and what can be done", async () => {
    const submitted = (await shape(5016)).fulfillmentOrders.nodes[0];
    expect(submitted).toMatchObject({
      status: "OPEN",
      requestStatus: "SUBMITTED",
      assignedLocation: {
        name: "Entrepôt LogiPlus",
        location: { isFulfillmentService: true, fulfillmentService: { handle: "logiplus" } },
      },
      merchantRequests: { nodes: [{ kind: "FULFILLMENT_REQUEST", message: null }] },
    });
    expect(actions(submitted)).toEqual(["CANCEL_FULFILLMENT_ORDER"]);
    const accepted = (await shape(5017)).fulfillmentOrders.nodes[0];
    expect([accepted.status, accepted.requestStatus]).toEqual(["IN_PROGRESS", "ACCEPTED"]);
    expect(actions(accepted)).toEqual(["REQUEST_CANCELLATION"]);
  });

  it("several locations: each fulfillment order in its own state with its own lines", async () => {
    const o = await shape(5018);
    expect(o.displayFulfillmentStatus).toBe("IN_PROGRESS");
    expect(
      o.fulfillmentOrders.nodes.map((f: Json) => [f.status, f.assignedLocation.name, f.lineItems.nodes.length]),
    ).toEqual([
      ["IN_PROGRESS", "Maison Lumière", 1],
      ["OPEN", "Boutique Paris Marais", 1],
    ]);
  });

  it("pre-order: SCHEDULED with its fulfillAt", async () => {
    const fo = (await shape(5019)).fulfillmentOrders.nodes[0];
    expect([fo.status, fo.fulfillAt]).toEqual(["SCHEDULED", "2026-12-15T09:00:00+01:00"]);
    expect(actions(fo)).toEqual(["MARK_AS_OPEN", "HOLD"]);
  });

  it("holds: another app's names the app; the merchant's names none; neither is this app's", async () => {
    const other = (await shape(5020)).fulfillmentOrders.nodes[0].fulfillmentHolds[0];
    expect(other).toEqual({
      reason: "HIGH_RISK_OF_FRAUD",
      heldByRequestingApp: false,
      heldByApp: { id: "gid://shopify/App/4242", title: "FraudGuard" },
    });
    const merchant = (await shape(5021)).fulfillmentOrders.nodes[0].fulfillmentHolds[0];
    expect(merchant).toEqual({ reason: "AWAITING_PAYMENT", heldByRequestingApp: false, heldByApp: null });
    // Another app's hold cannot be released by this app.
    const release = await gql(
      `mutation { fulfillmentOrderReleaseHold(id: "${FO(5020)}") { fulfillmentOrder { status } userErrors { code } } }`,
    );
    expect(release.data.fulfillmentOrderReleaseHold.userErrors[0].code).toBe("INVALID_ACCESS");
  });

  it("B2B: purchasingEntity is the PurchasingCompany; a D2C order's is the Customer", async () => {
    const b2b = await shape(5022);
    expect(b2b.purchasingEntity).toEqual({
      __typename: "PurchasingCompany",
      company: { id: "gid://shopify/Company/8001", name: "Hôtel Belvédère SAS" },
      location: {
        id: "gid://shopify/CompanyLocation/8101",
        name: "Hôtel Belvédère — Annecy",
        shippingAddress: { address1: "4 quai Napoléon III", city: "Annecy", countryCode: "FR" },
      },
      contact: { customer: { id: "gid://shopify/Customer/7001" } },
    });
    expect((await shape(5001)).purchasingEntity).toEqual({
      __typename: "Customer",
      id: "gid://shopify/Customer/7001",
    });
  });

  it("several shipping lines and a province", async () => {
    expect((await shape(5024)).shippingLines.nodes.map((l: Json) => l.code)).toEqual(["colissimo", "colis-volumineux"]);
    expect((await shape(5023)).shippingAddress).toEqual({ city: "Madrid", provinceCode: "M" });
  });
});

describe("the quote honours provinces, conditions and local delivery", () => {
  const QUOTE = /* GraphQL */ `
    mutation Quote($input: DraftOrderInput!) {
      draftOrderCalculate(input: $input) {
        calculatedDraftOrder {
          availableShippingRates {
            title
            price {
              amount
            }
          }
        }
        userErrors {
          message
        }
      }
    }
  `;
  const rates = async (lineItems: Json[], address: Json) => {
    const r = await gql(QUOTE, { input: { lineItems, shippingAddress: { address1: "x", city: "y", ...address } } });
    expect(r.errors).toBeUndefined();
    return r.data.draftOrderCalculate.calculatedDraftOrder.availableShippingRates.map((x: Json) => [
      x.title,
      x.price.amount,
    ]);
  };
  const lantern = (quantity: number) => ({ variantId: "gid://shopify/ProductVariant/40024", quantity }); // 3.2 kg, 69 €

  it("zones by province: Madrid and the Canaries differ, the rest of Spain is not served", async () => {
    expect(await rates([lantern(1)], { countryCode: "ES", provinceCode: "M", zip: "28014" })).toEqual([
      ["Correos Express", "12.9"],
    ]);
    expect(await rates([lantern(1)], { countryCode: "ES", provinceCode: "GC", zip: "35001" })).toEqual([
      ["Correos Canarias", "24.9"],
    ]);
    expect(await rates([lantern(1)], { countryCode: "ES", provinceCode: "V", zip: "46001" })).toEqual([]);
    expect(await rates([lantern(1)], { countryCode: "ES", zip: "46001" })).toEqual([]);
  });

  it("weight and price conditions: heavier than 5 kg, and from 200 €", async () => {
    // 2 × 3.2 kg = 6.4 kg and 138 €: only the heavy-parcel rate
    expect(await rates([lantern(2)], { countryCode: "ES", provinceCode: "B", zip: "08001" })).toEqual([
      ["Correos Express (colis lourd)", "19.9"],
    ]);
    // 3 × 69 € = 207 €: free shipping joins in; a custom line's weight counts too
    expect(
      await rates(
        [
          lantern(3),
          {
            title: "Plume",
            quantity: 1,
            originalUnitPriceWithCurrency: { amount: "1.00", currencyCode: "EUR" },
            weight: { value: 10, unit: "GRAMS" },
          },
        ],
        { countryCode: "ES", provinceCode: "M", zip: "28014" },
      ),
    ).toEqual([
      ["Correos Express (colis lourd)", "19.9"],
      ["Livraison offerte dès 200 €", "0.0"],
    ]);
  });

  it("local delivery only to its postcodes", async () => {
    const figuier = [{ variantId: "gid://shopify/ProductVariant/40011", quantity: 1 }];
    expect(await rates(figuier, { countryCode: "FR", zip: "69003" })).toContainEqual(["Coursier Lyon", "6.9"]);
    expect(await rates(figuier, { countryCode: "FR", zip: "69001" })).toEqual([
      ["Colissimo", "4.9"],
      ["Chronopost", "9.9"],
    ]);
  });
});

describe("fulfillment service cancellation flow", () => {
  const SUBMIT = /* GraphQL */ `
    mutation Ask($id: ID!, $message: String) {
      fulfillmentOrderSubmitCancellationRequest(id: $id, message: $message) {
        fulfillmentOrder {
          status
          requestStatus
        }
        userErrors {
          field
          message
        }
      }
    }
  `;
  const CANCEL_ORDER = /* GraphQL */ `
    mutation Cancel($id: ID!) {
      orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refund: false) {
        job {
          id
        }
        orderCancelUserErrors {
          code
          message
        }
      }
    }
  `;

  it("orderCancel is refused while the service holds the work; after the service accepts, the order cancels", async () => {
    const refused = await gql(CANCEL_ORDER, { id: ORDER(5017) });
    expect(refused.data.orderCancel.orderCancelUserErrors[0]).toMatchObject({ code: "INVALID" });
    expect(refused.data.orderCancel.orderCancelUserErrors[0].message).toMatch(/fulfillment service/);

    const asked = await gql(SUBMIT, { id: FO(5017), message: "Le client annule" });
    expect(asked.data.fulfillmentOrderSubmitCancellationRequest).toEqual({
      fulfillmentOrder: { status: "IN_PROGRESS", requestStatus: "CANCELLATION_REQUESTED" },
      userErrors: [],
    });
    expect((await control("/_sim/cancellation-requests")).body).toEqual([
      { order: "#1017", fulfillmentOrderId: FO(5017), message: "Le client annule" },
    ]);
    expect((await gql(CANCEL_ORDER, { id: ORDER(5017) })).data.orderCancel.orderCancelUserErrors).toHaveLength(1);

    const answered = await control("/_sim/cancellation-requests", { answer: "accept" });
    expect(answered.body.answered).toEqual([
      { id: FO(5017), requestStatus: "CANCELLATION_ACCEPTED", status: "CLOSED" },
    ]);
    const o = await shape(5017);
    expect(o.displayFulfillmentStatus).toBe("UNFULFILLED");
    expect(o.fulfillmentOrders.nodes.map((f: Json) => [f.status, f.requestStatus])).toEqual([
      ["CLOSED", "CANCELLATION_ACCEPTED"],
      ["OPEN", "UNSUBMITTED"],
    ]);
    expect(o.fulfillmentOrders.nodes[1].assignedLocation.name).toBe("Entrepôt LogiPlus");
    expect(o.fulfillmentOrders.nodes[0].merchantRequests.nodes.map((r: Json) => r.kind)).toEqual([
      "FULFILLMENT_REQUEST",
      "CANCELLATION_REQUEST",
    ]);

    const cancelled = await gql(CANCEL_ORDER, { id: ORDER(5017) });
    expect(cancelled.data.orderCancel.orderCancelUserErrors).toEqual([]);
    expect(sim.store.log.map((e) => e.mutation)).toEqual([
      "fulfillmentOrderSubmitCancellationRequest",
      "fulfillment service: cancellation accepted",
      "orderCancel",
    ]);
  });

  it("the service rejects: CANCELLATION_REJECTED, still in progress, the order still cannot be cancelled", async () => {
    await gql(SUBMIT, { id: FO(5017) });
    await control("/_sim/cancellation-requests", { answer: "reject", message: "Déjà expédié" });
    const fo = (await shape(5017)).fulfillmentOrders.nodes;
    expect(fo.map((f: Json) => [f.status, f.requestStatus])).toEqual([["IN_PROGRESS", "CANCELLATION_REJECTED"]]);
    expect(sim.store.fulfillmentOrder(FO(5017))!.merchantRequests.nodes[1].responseData).toEqual({
      answer: "reject",
      message: "Déjà expédié",
    });
    expect((await gql(CANCEL_ORDER, { id: ORDER(5017) })).data.orderCancel.orderCancelUserErrors[0].code).toBe(
      "INVALID",
    );
  });

  it("a SUBMITTED request needs no cancellation request: orderCancel goes through, fulfillmentOrderCancel too", async () => {
    const asked = await gql(SUBMIT, { id: FO(5016) });
    expect(asked.data.fulfillmentOrderSubmitCancellationRequest.userErrors[0].message).toMatch(/SUBMITTED/);
    const withdrawn = await gql(
      `mutation { fulfillmentOrderCancel(id: "${FO(5016)}") { fulfillmentOrder { status requestStatus } replacementFulfillmentOrder { status requestStatus } userErrors { message } } }`,
    );
    expect(withdrawn.data.fulfillmentOrderCancel).toEqual({
      fulfillmentOrder: { status: "CLOSED", requestStatus: "SUBMITTED" },
      replacementFulfillmentOrder: { status: "OPEN", requestStatus: "UNSUBMITTED" },
      userErrors: [],
    });
    expect((await gql(CANCEL_ORDER, { id: ORDER(5016) })).data.orderCancel.orderCancelUserErrors).toEqual([]);
  });

  it("refuses a cancellation request for a fulfillment order not at a fulfillment service, and holds on submitted work", async () => {
    const asked = await gql(SUBMIT, { id: FO(5001) });
    expect(asked.data.fulfillmentOrderSubmitCancellationRequest.userErrors[0].message).toMatch(/not assigned/);
    const hold = await gql(
      `mutation { fulfillmentOrderHold(id: "${FO(5016)}", fulfillmentHold: { reason: OTHER }) { fulfillmentHold { id } userErrors { message } } }`,
    );
    expect(hold.data.fulfillmentOrderHold.userErrors[0].message).toMatch(/fulfillment service/);
    expect(sim.store.log).toEqual([]);
  });

  it("the service can answer by itself before the next call (cancellationRequestAnswer)", async () => {
    await control("/_sim/config", { cancellationRequestAnswer: "accept" });
    try {
      await gql(SUBMIT, { id: FO(5017) });
      const fo = (await shape(5017)).fulfillmentOrders.nodes[0];
      expect(fo.requestStatus).toBe("CANCELLATION_ACCEPTED");
    } finally {
      await control("/_sim/config", { cancellationRequestAnswer: null });
    }
  });

  it("answers 400 to an answer that is neither accept nor reject", async () => {
    expect((await control("/_sim/cancellation-requests", { answer: "maybe" })).status).toBe(400);
  });
});

describe("plan buckets and latency", () => {
  it("the bucket follows the store file's plan, and POST /_sim/bucket {plan} switches it", async () => {
    const store = readStoreFile(DEFAULT_STORE_FILE) as Json;
    for (const plan of ["ADVANCED", "PLUS"] as const) {
      await control("/_sim/reset", { store: { ...store, shop: { ...store.shop, plan } } });
      const r = await gql(`{ shop { plan { shopifyPlus } } }`);
      expect(r.extensions.cost.throttleStatus).toMatchObject(PLAN_BUCKETS[plan]);
      expect(r.data.shop.plan.shopifyPlus).toBe(plan === "PLUS");
    }
    await control("/_sim/reset", { store });
    expect((await gql(`{ shop { name } }`)).extensions.cost.throttleStatus).toMatchObject({
      maximumAvailable: 2000,
      restoreRate: 100,
    });
    expect((await control("/_sim/bucket", { plan: "ADVANCED" })).body).toMatchObject(PLAN_BUCKETS.ADVANCED);
    expect((await control("/_sim/bucket", { plan: "GOLD" })).status).toBe(400);
    await control("/_sim/bucket", { plan: "STANDARD" });
  });

  it("Shopify's published restore rates, with 20 s of restore in the bucket", () => {
    expect(PLAN_BUCKETS).toEqual({
      STANDARD: { maximumAvailable: 2000, restoreRate: 100 },
      ADVANCED: { maximumAvailable: 4000, restoreRate: 200 },
      PLUS: { maximumAvailable: 20000, restoreRate: 1000 },
      ENTERPRISE: { maximumAvailable: 40000, restoreRate: 2000 },
    });
  });

  it("a per-call latency from the control API (and from the store file) delays every answer", async () => {
    await control("/_sim/config", { latencyMs: 150 });
    try {
      const t0 = Date.now();
      await gql(`{ shop { name } }`);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
    } finally {
      await control("/_sim/config", { latencyMs: 0 });
    }
    const store = readStoreFile(DEFAULT_STORE_FILE) as Json;
    const slow = await startSimulator({ store: { ...store, simulator: { latencyMs: 120 } } });
    try {
      expect(slow.options.latencyMs).toBe(120);
      const t0 = Date.now();
      await fetch(slow.graphqlUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": "t" },
        body: JSON.stringify({ query: "{ shop { name } }" }),
      });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(115);
    } finally {
      await slow.close();
    }
  });
});

describe("orders placed during a run", () => {
  it("POST /_sim/orders adds store-file orders the API serves at once; a taken id or an unknown customer is a 400", async () => {
    const store = readStoreFile(DEFAULT_STORE_FILE) as Json;
    const template = store.orders.find((o: Json) => o.name === "#1001");
    const placed = {
      ...JSON.parse(
        JSON.stringify(template).replace(/gid:\/\/shopify\/LineItem\/(\d+)/g, "gid://shopify/LineItem/9$1"),
      ),
      id: ORDER(777_001),
      name: "#777001",
    };
    const added = await control("/_sim/orders", { orders: [placed] });
    expect(added.status).toBe(200);
    expect(added.body.added).toEqual([ORDER(777_001)]);
    const r = await gql(
      `query($id: ID!) { order(id: $id) { name customer { id } lineItems(first: 5) { nodes { id } } } }`,
      {
        id: ORDER(777_001),
      },
    );
    expect(r.data.order.name).toBe("#777001");
    expect(r.data.order.customer.id).toBe(template.customer.id);

    expect((await control("/_sim/orders", { orders: [placed] })).status).toBe(400);
    const stranger = { ...placed, id: ORDER(777_002), customer: { id: "gid://shopify/Customer/1" } };
    expect((await control("/_sim/orders", { orders: [stranger] })).status).toBe(400);
    expect((await control("/_sim/orders", { orders: "no" })).status).toBe(400);
    // gone after a reset: back to the store file
    await control("/_sim/reset", {});
    expect((await gql(`query($id: ID!) { order(id: $id) { name } }`, { id: ORDER(777_001) })).data.order).toBeNull();
  });

  it("GIVEN a webhook target WHEN an order is placed THEN orders/create is delivered after the answer: signed with the app's secret, Shopify's headers, the REST Order payload", async () => {
    const received: { headers: http.IncomingHttpHeaders; url: string; body: string }[] = [];
    const app = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, url: req.url ?? "", body: Buffer.concat(chunks).toString("utf8") });
        res.end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    try {
      expect((await control("/_sim/config", { webhookUrl: appUrl, webhookSecret: "app-secret" })).status).toBe(200);
      const store = readStoreFile(DEFAULT_STORE_FILE) as Json;
      const template = store.orders.find((o: Json) => o.name === "#1001");
      const placed = {
        ...JSON.parse(
          JSON.stringify(template).replace(/gid:\/\/shopify\/LineItem\/(\d+)/g, "gid://shopify/LineItem/8$1"),
        ),
        id: ORDER(777_101),
        name: "#777101",
      };
      expect((await control("/_sim/orders", { orders: [placed] })).status).toBe(200);
      for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(received).toHaveLength(1);
      const [delivery] = received;
      expect(delivery.url).toBe("/webhooks/orders/create");
      expect(delivery.headers["x-shopify-topic"]).toBe("orders/create");
      expect(delivery.headers["x-shopify-shop-domain"]).toBe(sim.store.shop.myshopifyDomain);
      expect(delivery.headers["x-shopify-api-version"]).toBe("2026-10");
      expect(delivery.headers["x-shopify-event-id"]).toBeTruthy();
      const hmac = crypto.createHmac("sha256", "app-secret").update(delivery.body, "utf8").digest("base64");
      expect(delivery.headers["x-shopify-hmac-sha256"]).toBe(hmac);
      const payload = JSON.parse(delivery.body);
      expect(payload).toMatchObject({
        id: 777_101,
        admin_graphql_api_id: ORDER(777_101),
        name: "#777101",
        financial_status: "authorized",
        fulfillment_status: null,
        currency: "EUR",
        customer: { id: 7001, admin_graphql_api_id: "gid://shopify/Customer/7001" },
        shipping_address: { city: "Paris", country_code: "FR", zip: "75009" },
        shipping_lines: [{ title: "Colissimo", code: "colissimo", price_set: { shop_money: { amount: "4.9" } } }],
      });
      expect(payload.line_items[0]).toMatchObject({
        admin_graphql_api_id: "gid://shopify/LineItem/860001",
        quantity: 2,
        current_quantity: 2,
        requires_shipping: true,
        fulfillment_service: "manual",
      });
      // the order payload has no fulfillment orders (Shopify leaves them out)
      expect(payload.fulfillment_orders).toBeUndefined();
      expect((await control("/_sim/webhooks")).body).toEqual([
        expect.objectContaining({ topic: "orders/create", id: "777101", status: 200 }),
      ]);
    } finally {
      await control("/_sim/config", { webhookUrl: null, webhookSecret: null });
      await new Promise((resolve) => app.close(resolve));
    }
  });

  it("GET /_sim/calls/summary totals the calls' cost", async () => {
    await gql(`{ shop { name } }`);
    await gql(`query AmendX { shop { name } }`);
    const summary = (await control("/_sim/calls/summary")).body;
    expect(summary).toMatchObject({ calls: 2, throttled: 0 });
    expect(summary.requested).toBeGreaterThan(0);
    expect(summary.byOperation.AmendX).toMatchObject({ calls: 1, throttled: 0 });
  });
});
