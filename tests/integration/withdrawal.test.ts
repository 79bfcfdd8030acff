import "../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import { savePolicy } from "~/models/settings.server";
import { loader as options } from "~/routes/api.customer.orders.$orderId.options";
import { action as withdrawal } from "~/routes/api.customer.orders.$orderId.withdrawal";
import { appNotifier, servicesFor, shopifyFor } from "~/services/context.server";
import type { SystemDeps } from "~/services/system-jobs.server";
import { resumeStalledRequests } from "~/services/system-jobs.server";
import { findOrderForWithdrawal, retryFailedWithdrawals, submitWithdrawal } from "~/services/withdrawal.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { callCustomerApi, type Route } from "../support/customer-api";
import { customerToken, installShop } from "../support/shopify-session";

// demo/store.json: #1025 (5025) nothing shipped, #1026 (5026) delivered 10 days ago in Belgium (Oliver, 7002),
// #1027 (5027) delivered 20 days ago, #1028 (5028) a lampshade tagged sur-mesure + a candle, #1017 (5017) accepted
// by the LogiPlus fulfillment service. Delivery dates are relative to the simulator's clock (today).
const SHOP = "amend-demo.myshopify.com";
const CAMILLE = "7001";
const OLIVER = "7002";
let sim: Awaited<ReturnType<typeof startSimulator>>;

const ack = { email: true, sms: false };
const post = async (orderId: string, customer: string, body: unknown, key?: string, lang = "fr-FR") =>
  callCustomerApi(withdrawal as Route, `/api/customer/orders/${orderId}/withdrawal`, {
    token: await customerToken("amend-demo", customer),
    body,
    lang,
    headers: key ? { "Idempotency-Key": key } : {},
  });
/** The use case itself (the route's frame is tested above; the customer's write limit is 10 at once). */
const submit = async (orderId: string, customerId: string, body: Record<string, unknown>, key?: string) =>
  submitWithdrawal(await servicesFor(SHOP), {
    orderId,
    source: "CUSTOMER_ACCOUNT",
    customerId,
    name: body.name,
    items: body.items,
    acknowledgeBy: body.acknowledgeBy,
    idempotencyKey: key,
  });
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string; details?: { reasons?: { code: string }[] } }) => ({ ok: false as const, error }),
  );
const applied = (mutation: string) => sim.store.log.filter((e) => e.mutation === mutation);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const simOrder = (id: string) => sim.store.order(`gid://shopify/Order/${id}`) as any;
const withdrawals = () => prisma.changeRequest.findMany({ where: { kind: "WITHDRAWAL" }, include: { events: true } });
const outbox = (requestId: string) =>
  prisma.outboxMessage.findMany({ where: { requestId }, orderBy: [{ channel: "asc" }, { recipientRole: "asc" }] });

async function withdrawalPolicy(overrides: Partial<typeof DEFAULT_POLICY.withdrawal> = {}) {
  await savePolicy(prisma, SHOP, {
    ...DEFAULT_POLICY,
    withdrawal: {
      ...DEFAULT_POLICY.withdrawal,
      enabled: true,
      exemptions: [{ tag: "sur-mesure", reason: "PERSONALISED" }],
      ...overrides,
    },
  });
}

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0, jobMaxMs: 1_000, jobPollsBeforeDone: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await prisma.changeRequest.deleteMany();
  await prisma.shopifyMutation.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.shopSettings.deleteMany({ where: { shop: SHOP } });
  await prisma.shopBranding.upsert({
    where: { shop: SHOP },
    create: { shop: SHOP, shopName: "Maison Lumière", shopEmail: "bonjour@maison-lumiere.example" },
    update: {},
  });
  await withdrawalPolicy();
});

describe("the options' withdrawal section", () => {
  it("off by default: offered false, and no Admin API call for it", async () => {
    await prisma.shopSettings.deleteMany({ where: { shop: SHOP } });
    await savePolicy(prisma, SHOP, { ...DEFAULT_POLICY });
    sim.calls.length = 0;
    const res = await callCustomerApi(options as Route, "/api/customer/orders/5025/options", {
      token: await customerToken("amend-demo", CAMILLE),
    });
    expect(res.body.withdrawal).toMatchObject({ offered: false, allowed: false, items: [] });
    expect(sim.calls.filter((c) => c.operationName === "AmendWithdrawalFacts")).toHaveLength(0);
  });

  it("on, an order not shipped in a store without exemptions: answered from the order facts alone", async () => {
    await withdrawalPolicy({ exemptions: [] });
    sim.calls.length = 0;
    const res = await callCustomerApi(options as Route, "/api/customer/orders/5025/options", {
      token: await customerToken("amend-demo", CAMILLE),
    });
    expect(res.body.withdrawal).toMatchObject({ offered: true, allowed: true, stage: "NOT_SHIPPED" });
    expect(res.body.withdrawal.items.map((i: { withdrawableQuantity: number }) => i.withdrawableQuantity)).toEqual([
      1, 2,
    ]);
    // the order facts may come from the cache (an earlier test read this order); no withdrawal read either way
    expect(sim.calls.filter((c) => c.operationName === "AmendWithdrawalFacts")).toHaveLength(0);
  });

  it("on: the stage, the period and the items (the exempt lampshade with its reason), the contact masked", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    sim.calls.length = 0;
    const res = await callCustomerApi(options as Route, "/api/customer/orders/5028/options", { token });
    expect(res.status).toBe(200);
    // nothing shipped: only the lines (their tags) are read, not the shipments and returns
    const reads = sim.calls.map((c) => c.operationName).filter((n) => n?.startsWith("AmendWithdrawal"));
    expect(reads).toEqual(["AmendWithdrawalLineItems"]);
    expect(res.body.withdrawal).toMatchObject({
      offered: true,
      allowed: true,
      reasons: [],
      stage: "NOT_SHIPPED",
      periodDays: 14,
      deliveredAt: null,
      periodEndsAt: null,
      customerName: "Camille Martin",
      contact: { email: "c•••@example.fr", phone: "+33•••••••78" },
      storefrontUrl: `https://${SHOP}/apps/amend/withdrawal`,
    });
    expect(
      res.body.withdrawal.items.map((i: { exemptReason: string | null; withdrawableQuantity: number }) => [
        i.exemptReason,
        i.withdrawableQuantity,
      ]),
    ).toEqual([
      ["PERSONALISED", 0],
      [null, 1],
    ]);
    const ended = await callCustomerApi(options as Route, "/api/customer/orders/5027/options", { token });
    expect(ended.body.withdrawal).toMatchObject({ offered: true, allowed: false, stage: "DELIVERED" });
    expect(ended.body.withdrawal.reasons[0].code).toBe("WITHDRAWAL_PERIOD_ENDED");
    expect(ended.body.withdrawal.reasons[0].message).toMatch(/14 jours/);
  });
});

describe("POST /api/customer/orders/:orderId/withdrawal", () => {
  it("nothing shipped: registered at once (201), the order cancelled in Shopify and refunded, the acknowledgement queued with the statement, date and time", async () => {
    const res = await post(
      "5025",
      CAMILLE,
      { name: "Camille Martin", items: null, acknowledgeBy: { email: true, sms: true } },
      "w-1",
    );
    expect(res.status).toBe(201);
    expect(res.body.withdrawal).toMatchObject({
      statement: { name: "Camille Martin", orderName: "#1025", wholeOrder: true },
      acknowledgement: { email: "c•••@example.fr", sms: "+33•••••••78" },
      outcome: "CANCELLATION",
    });
    const submittedAt = Date.parse(res.body.withdrawal.submittedAt);
    expect(Date.parse(res.body.withdrawal.reimbursementDueBy) - submittedAt).toBe(14 * 86_400_000);
    expect(res.body.request).toMatchObject({ kind: "WITHDRAWAL", status: "APPLIED", canWithdraw: false });

    const order = simOrder("5025");
    expect(order.cancelledAt).not.toBeNull();
    expect(order.displayFinancialStatus).toBe("REFUNDED");
    expect(order._cancellation).toMatchObject({ reason: "CUSTOMER", refund: true });
    expect(applied("orderCancel")).toHaveLength(1);

    const [request] = await withdrawals();
    const messages = await outbox(request.id);
    expect(messages.map((m) => [m.channel, m.recipientRole, m.event])).toEqual([
      ["EMAIL", "CUSTOMER", "WITHDRAWAL_RECEIVED"],
      ["EMAIL", "STAFF", "WITHDRAWAL_RECEIVED"],
      ["SMS", "CUSTOMER", "WITHDRAWAL_RECEIVED"],
    ]);
    const mail = messages[0];
    expect(mail.locale).toBe("fr");
    expect(mail.subject).toContain("#1025");
    expect(mail.text).toContain("Camille Martin");
    expect(mail.text).toContain("Toute la commande");
    expect(mail.text).toContain("1 x Lampe Opaline laiton");
    // the date and the time of the submission, to the second, with the time zone
    const when = new Intl.DateTimeFormat("fr", { dateStyle: "long", timeStyle: "long", timeZone: "UTC" }).format(
      new Date(submittedAt),
    );
    expect(mail.text).toContain(when);
  });

  it("manual refund: the order is cancelled without a refund (the merchant refunds, deadline tracked)", async () => {
    await withdrawalPolicy({ refund: "MANUAL" });
    const done = await submit("5025", CAMILLE, { name: "Camille Martin", items: null, acknowledgeBy: ack });
    expect(done.request.status).toBe("APPLIED");
    expect(simOrder("5025")).toMatchObject({ displayFinancialStatus: "PAID", _cancellation: { refund: false } });
    expect(done.withdrawal.reimbursementDueBy).toEqual(expect.any(String));
  });

  it("shipped and delivered 10 days ago: a Shopify return is requested for the withdrawn units, with the return instructions in the request's messages", async () => {
    const res = await post(
      "5026",
      OLIVER,
      { name: "Oliver Bennett", items: [{ lineItemId: "62602", quantity: 2 }], acknowledgeBy: ack },
      "w-2",
      "en-GB",
    );
    expect(res.status).toBe(201);
    expect(res.body.withdrawal).toMatchObject({
      outcome: "RETURN",
      statement: {
        wholeOrder: false,
        items: [{ lineItemId: "62602", title: "Bougie parfumée Figuier 190 g", quantity: 2 }],
      },
    });
    const order = simOrder("5026");
    expect(order.cancelledAt).toBeNull();
    expect(order.returns).toHaveLength(1);
    expect(order.returns[0]).toMatchObject({ status: "REQUESTED", totalQuantity: 2 });

    const [request] = await prisma.changeRequest.findMany({
      where: { kind: "WITHDRAWAL" },
      include: { messages: true },
    });
    expect(request.status).toBe("APPLIED");
    expect(JSON.parse(request.payload)).toMatchObject({ outcome: "RETURN", returnId: order.returns[0].id });
    expect(request.messages[0].body).toMatch(/send the items back/);

    // the rest of the order can still be withdrawn; the units on their way back cannot
    const again = await post(
      "5026",
      OLIVER,
      { name: "Oliver Bennett", items: [{ lineItemId: "62602", quantity: 2 }], acknowledgeBy: ack },
      "w-3",
      "en",
    );
    expect([again.status, again.body.error.field]).toEqual([400, "items.0.quantity"]);
    const rest = await post("5026", OLIVER, { name: "Oliver Bennett", items: null, acknowledgeBy: ack }, "w-4", "en");
    expect(rest.status).toBe(201);
    expect(rest.body.withdrawal.statement.items).toEqual([
      { lineItemId: "62601", title: "Lampe Opaline laiton", quantity: 1 },
      { lineItemId: "62602", title: "Bougie parfumée Figuier 190 g", quantity: 1 },
    ]);
    expect(simOrder("5026").returns).toHaveLength(2);
  });

  it("delivered 20 days ago: 422 WITHDRAWAL_PERIOD_ENDED, nothing registered; a store offering 30 days accepts it", async () => {
    const late = await post("5027", CAMILLE, { name: "Camille Martin", items: null, acknowledgeBy: ack });
    expect([late.status, late.body.error.code, late.body.error.reasons[0].code]).toEqual([
      422,
      "RULES_FAILED",
      "WITHDRAWAL_PERIOD_ENDED",
    ]);
    expect(await withdrawals()).toHaveLength(0);
    await withdrawalPolicy({ periodDays: 30 });
    const longer = await post("5027", CAMILLE, { name: "Camille Martin", items: null, acknowledgeBy: ack });
    expect([longer.status, longer.body.withdrawal.outcome]).toEqual([201, "RETURN"]);
  });

  it("an exempt product: refused when named; the whole order withdraws the rest only (an order edit, not a cancellation)", async () => {
    const exempt = await post("5028", CAMILLE, {
      name: "Camille Martin",
      items: [{ lineItemId: "62801", quantity: 1 }],
      acknowledgeBy: ack,
    });
    expect([exempt.status, exempt.body.error.code, exempt.body.error.field]).toEqual([
      400,
      "INVALID_INPUT",
      "items.0.quantity",
    ]);
    const rest = await post("5028", CAMILLE, { name: "Camille Martin", items: null, acknowledgeBy: ack });
    expect(rest.status).toBe(201);
    expect(rest.body.withdrawal).toMatchObject({ outcome: "CANCELLATION", statement: { wholeOrder: true } });
    expect(rest.body.withdrawal.statement.items).toEqual([
      { lineItemId: "62802", title: "Bougie parfumée Figuier 190 g", quantity: 1 },
    ]);
    const order = simOrder("5028");
    expect(order.cancelledAt).toBeNull();
    expect(order.lineItems.nodes.map((l: { currentQuantity: number }) => l.currentQuantity)).toEqual([1, 0]);
    expect([applied("orderCancel").length, applied("orderEditCommit").length]).toEqual([0, 1]);
  });

  it("bad input changes nothing: 400 naming the field; another customer's order: 403", async () => {
    for (const [body, field] of [
      [{ name: "", items: null, acknowledgeBy: ack }, "name"],
      [{ name: "Camille", items: [{ lineItemId: "1", quantity: 1 }], acknowledgeBy: ack }, "items.0.lineItemId"],
      [{ name: "Camille", items: null }, "acknowledgeBy"],
      ["{not json", "body"],
    ] as const) {
      const res = await post("5025", CAMILLE, body);
      expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, "INVALID_INPUT", field]);
    }
    const other = await post("5026", CAMILLE, { name: "Camille", items: null, acknowledgeBy: ack });
    expect([other.status, other.body.error.code]).toEqual([403, "NOT_ORDER_OWNER"]);
    expect(await withdrawals()).toHaveLength(0);
    expect(simOrder("5025").cancelledAt).toBeNull();
  });

  it("a retry with the same Idempotency-Key gives the same withdrawal and cancels once; the key reused for another statement is refused", async () => {
    const body = { name: "Camille Martin", items: null, acknowledgeBy: ack };
    const first = await submit("5025", CAMILLE, body, "same-key");
    const second = await submit("5025", CAMILLE, body, "same-key");
    expect(second.request.id).toBe(first.request.id);
    expect(second.withdrawal.submittedAt).toBe(first.withdrawal.submittedAt);
    expect(applied("orderCancel")).toHaveLength(1);
    const reused = await settle(submit("5025", CAMILLE, { ...body, name: "Someone Else" }, "same-key"));
    expect(reused.ok ? null : reused.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await withdrawals()).toHaveLength(1);
    expect(
      await prisma.outboxMessage.count({ where: { event: "WITHDRAWAL_RECEIVED", recipientRole: "CUSTOMER" } }),
    ).toBe(1);
  });

  it("a double submit racing (two keys): one withdrawal, the other refused ALREADY_WITHDRAWN (409)", async () => {
    const body = { name: "Camille Martin", items: null, acknowledgeBy: ack };
    const answers = await Promise.all([
      settle(submit("5025", CAMILLE, body, "race-a")),
      settle(submit("5025", CAMILLE, body, "race-b")),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const loser = answers.find((a) => !a.ok)!;
    expect(loser.ok ? null : [loser.error.code, loser.error.details?.reasons?.[0].code]).toEqual([
      "REQUEST_ALREADY_PENDING",
      "ALREADY_WITHDRAWN",
    ]);
    expect(await withdrawals()).toHaveLength(1);
    expect(applied("orderCancel")).toHaveLength(1);
  });
});

describe("Shopify failing", () => {
  it("Shopify unreachable after registration: still 201 (APPLYING), the stalled-request job finishes it", async () => {
    sim.faults.inject({ kind: "HTTP_503", times: -1, operation: "orderCancel" });
    const registered = await submit("5025", CAMILLE, { name: "Camille Martin", items: null, acknowledgeBy: ack });
    expect(registered.request.status).toBe("APPLYING");
    sim.faults.clear();
    const system: SystemDeps = {
      db: prisma,
      notify: appNotifier(),
      clock: () => new Date(Date.now() + 5 * 60_000),
      shopifyFor,
    };
    await prisma.changeRequest.updateMany({ data: { applyLeaseUntil: null } });
    expect(await resumeStalledRequests(system, 0)).toBe(1);
    const [request] = await withdrawals();
    expect(request.status).toBe("APPLIED");
    expect(simOrder("5025").cancelledAt).not.toBeNull();
  });

  it("Shopify refusing (the fulfillment service will not stop the order): FAILED, staff told; the job retries after its delay and the withdrawal is applied", async () => {
    const deps = await servicesFor(SHOP);
    const submitted = await submitWithdrawal(deps, {
      orderId: "5017",
      source: "CUSTOMER_ACCOUNT",
      customerId: CAMILLE,
      name: "Camille Martin",
      items: null,
      acknowledgeBy: ack,
    });
    expect(submitted.request.status).toBe("APPLYING"); // waiting for LogiPlus
    expect(applied("fulfillmentOrderSubmitCancellationRequest")).toHaveLength(1);
    await fetch(`${sim.url}/_sim/cancellation-requests`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answer: "reject", message: "Colis déjà remis au transporteur" }),
    });
    const at = (minutes: number): SystemDeps => ({
      db: prisma,
      notify: appNotifier(),
      clock: () => new Date(Date.now() + minutes * 60_000),
      shopifyFor,
    });
    expect(await resumeStalledRequests(at(2), 0)).toBe(1);
    let [request] = await withdrawals();
    expect(request.status).toBe("FAILED");
    expect(request.failureMessage).toMatch(/refused to cancel/);
    expect((await outbox(request.id)).map((m) => [m.event, m.recipientRole])).toContainEqual([
      "REQUEST_FAILED",
      "STAFF",
    ]);

    // before its delay nothing is retried; after it, the service is asked again (a new round) and accepts
    expect((await retryFailedWithdrawals(at(3))).retried).toBe(0);
    await fetch(`${sim.url}/_sim/config`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ cancellationRequestAnswer: "accept" }),
    });
    expect((await retryFailedWithdrawals(at(10))).retried).toBe(1);
    expect(applied("fulfillmentOrderSubmitCancellationRequest")).toHaveLength(2);
    await prisma.changeRequest.updateMany({ data: { applyLeaseUntil: null } });
    await resumeStalledRequests(at(12), 0);
    [request] = await withdrawals();
    expect(request.status).toBe("APPLIED");
    expect(simOrder("5017").cancelledAt).not.toBeNull();
    // the moves between statuses (the "waiting for LogiPlus" notes stay APPLYING)
    const moves = [...request.events]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .filter((e) => e.fromStatus !== e.toStatus)
      .map((e) => e.toStatus);
    expect(moves).toEqual(["APPLYING", "FAILED", "APPLYING", "APPLIED"]);
  });
});

describe("partly shipped", () => {
  // 3 candles ordered, 2 shipped and delivered yesterday, 1 still to ship
  const partlyShipped = {
    id: "gid://shopify/Order/5090",
    name: "#1090",
    createdAt: "2026-11-25T10:00:00+01:00",
    createdDaysAgo: 3,
    customer: { id: "gid://shopify/Customer/7001" },
    email: "camille.martin@example.fr",
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "PARTIALLY_FULFILLED",
    shippingAddress: {
      firstName: "Camille",
      lastName: "Martin",
      address1: "18 rue des Martyrs",
      city: "Paris",
      zip: "75009",
      countryCodeV2: "FR",
    },
    lineItems: {
      nodes: [
        {
          id: "gid://shopify/LineItem/69001",
          title: "Bougie parfumée Figuier 190 g",
          quantity: 3,
          variant: { id: "gid://shopify/ProductVariant/40011" },
          originalUnitPriceSet: { shopMoney: { amount: "28.00", currencyCode: "EUR" } },
        },
      ],
    },
    fulfillmentOrders: {
      nodes: [
        {
          id: "gid://shopify/FulfillmentOrder/69001",
          status: "OPEN",
          lineItems: {
            nodes: [
              {
                id: "gid://shopify/FulfillmentOrderLineItem/69001",
                lineItem: { id: "gid://shopify/LineItem/69001" },
                totalQuantity: 3,
                remainingQuantity: 1,
              },
            ],
          },
        },
      ],
    },
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/69001",
        status: "SUCCESS",
        createdDaysAgo: 2,
        deliveredDaysAgo: 1,
        fulfillmentLineItems: {
          nodes: [
            {
              id: "gid://shopify/FulfillmentLineItem/69001",
              lineItem: { id: "gid://shopify/LineItem/69001" },
              quantity: 2,
            },
          ],
        },
      },
    ],
  };

  it("the unshipped candle is edited out, the two shipped are returned; a return lost to an outage is resumed from the stored plan", async () => {
    const placed = await fetch(`${sim.url}/_sim/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ orders: [partlyShipped] }),
    });
    expect(placed.status).toBe(200);
    sim.faults.inject({ kind: "HTTP_503", times: -1, operation: "returnRequest" });
    const registered = await submit("5090", CAMILLE, { name: "Camille Martin", items: null, acknowledgeBy: ack });
    expect(registered.request.status).toBe("APPLYING");
    // the edit went through before the outage: one unit left on the order, two shipped
    expect(simOrder("5090").lineItems.nodes[0].currentQuantity).toBe(2);
    sim.faults.clear();
    await prisma.changeRequest.updateMany({ data: { applyLeaseUntil: null } });
    const system: SystemDeps = {
      db: prisma,
      notify: appNotifier(),
      clock: () => new Date(Date.now() + 5 * 60_000),
      shopifyFor,
    };
    expect(await resumeStalledRequests(system, 0)).toBe(1);
    const [request] = await withdrawals();
    expect(request.status).toBe("APPLIED");
    expect(JSON.parse(request.payload)).toMatchObject({
      outcome: "RETURN",
      plan: {
        cancelLines: [{ lineItemId: "gid://shopify/LineItem/69001", keep: 2 }],
        returnLines: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/69001", quantity: 2 }],
      },
    });
    expect(simOrder("5090").returns.map((r: { totalQuantity: number }) => r.totalQuantity)).toEqual([2]);
    expect([applied("orderEditCommit").length, applied("returnRequest").length]).toEqual([1, 1]);
  });
});

describe("findOrderForWithdrawal (the storefront's lookup)", () => {
  it("the order only when number, email and name all match; the same null, taking the same minimum time, otherwise", async () => {
    const deps = await servicesFor(SHOP);
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const find = (orderNumber: unknown, email: unknown, name: unknown) =>
      findOrderForWithdrawal(deps, { orderNumber, email, name }, sleep);
    expect(await find("#1025", " Camille.Martin@Example.fr ", "camille  MARTIN")).toEqual({ orderId: "5025" });
    expect(await find("1025", "camille.martin@example.fr", "Camille Martin")).toEqual({ orderId: "5025" });
    for (const miss of [
      ["1025", "oliver.bennett@example.com", "Camille Martin"],
      ["1025", "camille.martin@example.fr", "Oliver Bennett"],
      ["9999", "camille.martin@example.fr", "Camille Martin"],
      ['1025" OR name:1026', "camille.martin@example.fr", "Camille Martin"],
      [null, 42, {}],
    ])
      expect(await find(miss[0], miss[1], miss[2])).toBeNull();
    // every call waited for the rest of the minimum time, found or not
    expect(waits).toHaveLength(7);
    expect(waits.every((ms) => ms > 0 && ms <= 400)).toBe(true);
  });

  it("the storefront's withdrawal (no customer session): registered for the order's customer, source STOREFRONT", async () => {
    const deps = await servicesFor(SHOP);
    const found = await findOrderForWithdrawal(
      deps,
      { orderNumber: "#1025", email: "camille.martin@example.fr", name: "Camille Martin" },
      async () => {},
    );
    const submitted = await submitWithdrawal(deps, {
      orderId: found!.orderId,
      source: "STOREFRONT",
      customerId: null,
      name: "Camille Martin",
      items: null,
      acknowledgeBy: ack,
      idempotencyKey: "storefront-1",
    });
    expect(submitted.request).toMatchObject({ kind: "WITHDRAWAL", status: "APPLIED", customerId: CAMILLE });
    expect(JSON.parse(submitted.request.payload).statement.source).toBe("STOREFRONT");
    expect(simOrder("5025").cancelledAt).not.toBeNull();
  });
});
