import "../support/app-env";
import crypto from "node:crypto";
import { getHmac, RequestType, setUpValidRequest, API_SECRET_KEY, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as ordersCancelled } from "~/routes/webhooks.orders.cancelled";
import { action as ordersUpdated } from "~/routes/webhooks.orders.updated";
import { action as dataRequest } from "~/routes/webhooks.customers.data_request";
import { action as customersRedact } from "~/routes/webhooks.customers.redact";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { processPendingWebhooks, receiveWebhook } from "~/services/webhooks.server";

const ORDER = "5012345678901";

async function signed(topic: string, body: object, eventId: string) {
  const headers = {
    "X-Shopify-Topic": topic,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": `wh-${eventId}`,
    "X-Shopify-Event-Id": eventId,
    "X-Shopify-Triggered-At": new Date().toISOString(),
  };
  return setUpValidRequest(
    { type: RequestType.Extension, store: "test-shop", apiSecretKey: API_SECRET_KEY, body, headers },
    new Request("https://my-test-app.myshopify.io/webhooks", { method: "POST" }),
  );
}

const call = (route: (args: never) => Promise<Response>, request: Request) =>
  route({ request, params: {}, context: {} } as never);

/** The route answers before it works; wait for the work (the sweep runs what is left). */
async function settled(eventId: string) {
  for (let i = 0; i < 100; i++) {
    const row = await prisma.webhookDelivery.findUnique({ where: { eventId } });
    if (row && row.status !== "RECEIVED" && row.status !== "PROCESSING") return row;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`delivery ${eventId} was not processed`);
}

async function openCancellation(customerId = "7") {
  return prisma.changeRequest.create({
    data: {
      shop: TEST_SHOP,
      kind: "CANCELLATION",
      status: "PENDING",
      orderId: ORDER,
      orderName: "#1042",
      customerId,
      payload: JSON.stringify({ reason: "CHANGED_MIND", note: null }),
      settingsVersion: 0,
      idempotencyKey: `k-${customerId}-${Math.random()}`,
      openKey: `${TEST_SHOP}|${ORDER}|CANCELLATION`,
      holdApplied: true,
    },
  });
}

beforeEach(async () => {
  await prisma.changeRequest.deleteMany();
  await prisma.customerContact.deleteMany();
  await prisma.webhookDelivery.deleteMany();
});

describe("webhooks", () => {
  it("GIVEN orders/cancelled for an order with an open request THEN 200 at once and the request is SUPERSEDED", async () => {
    const request = await openCancellation();
    const response = await call(
      ordersCancelled,
      await signed("orders/cancelled", { id: Number(ORDER), cancelled_at: "2026-11-25T10:00:00Z" }, "ev-1"),
    );
    expect(response.status).toBe(200);
    await settled("ev-1");
    const after = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect([after.status, after.openKey, after.holdApplied]).toEqual(["SUPERSEDED", null, false]);
  });

  it("GIVEN the same delivery twice THEN it is processed once", async () => {
    await openCancellation();
    const body = { id: Number(ORDER), cancelled_at: null, fulfillment_status: "fulfilled" };
    expect((await call(ordersUpdated, await signed("orders/updated", body, "ev-2"))).status).toBe(200);
    expect((await call(ordersUpdated, await signed("orders/updated", body, "ev-2"))).status).toBe(200);
    const row = await settled("ev-2");
    expect(row.attempts).toBe(1);
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(await prisma.requestEvent.count({ where: { toStatus: "SUPERSEDED" } })).toBe(1);
  });

  it("GIVEN an orders/updated that changes nothing relevant THEN 200, nothing stored, and the request stays open", async () => {
    const request = await openCancellation();
    const response = await call(
      ordersUpdated,
      await signed("orders/updated", { id: Number(ORDER), cancelled_at: null, fulfillment_status: null }, "ev-3"),
    );
    expect(response.status).toBe(200);
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
  });

  it("GIVEN an order fulfilled or cancelled with no open request THEN 200 and nothing stored", async () => {
    await openCancellation(); // on another order
    const other = Number(ORDER) + 1;
    const fulfilled = { id: other, cancelled_at: null, fulfillment_status: "fulfilled" };
    expect((await call(ordersUpdated, await signed("orders/updated", fulfilled, "ev-9"))).status).toBe(200);
    const cancelled = { id: other, cancelled_at: "2026-11-25T10:00:00Z" };
    expect((await call(ordersCancelled, await signed("orders/cancelled", cancelled, "ev-10"))).status).toBe(200);
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect(await prisma.changeRequest.count({ where: { status: "PENDING" } })).toBe(1);
  });

  it("GIVEN an order webhook whose payload is not an order THEN it is stored, and its processing fails visibly", async () => {
    expect((await call(ordersUpdated, await signed("orders/updated", { nope: true }, "ev-11"))).status).toBe(200);
    let row = null;
    for (let i = 0; i < 100 && !row?.lastError; i++) {
      await new Promise((r) => setTimeout(r, 10));
      row = await prisma.webhookDelivery.findUnique({ where: { eventId: "ev-11" } });
    }
    // back to RECEIVED with the error, for the sweep to retry (FAILED after five attempts, for a person to see)
    expect(row).toMatchObject({ status: "RECEIVED", attempts: 1, leaseUntil: null });
    expect(row?.lastError).toMatch(/id/);
  });

  it("GIVEN a tampered body THEN 401 and nothing stored", async () => {
    const raw = JSON.stringify({ id: 1 });
    const request = new Request("https://my-test-app.myshopify.io/webhooks/orders/cancelled", {
      method: "POST",
      body: JSON.stringify({ id: 2 }),
      headers: {
        "X-Shopify-Hmac-Sha256": getHmac(raw, API_SECRET_KEY),
        "X-Shopify-Shop-Domain": TEST_SHOP,
        "X-Shopify-Topic": "orders/cancelled",
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": "w",
      },
    });
    const error = await call(ordersCancelled, request).catch((e: unknown) => e);
    expect((error as Response).status).toBe(401);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("GIVEN a signed shop/redact sent to the orders/updated route THEN 400 and nothing is erased", async () => {
    const request = await openCancellation();
    const response = await call(
      ordersUpdated,
      await signed("shop/redact", { shop_domain: TEST_SHOP, shop_id: 1 }, "ev-wrong-route"),
    ).catch((e: unknown) => e as Response);
    expect(response.status).toBe(400);
    expect(await prisma.changeRequest.findUnique({ where: { id: request.id } })).not.toBeNull();
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("GIVEN a signed delivery with a malformed shop domain or a body that is not JSON THEN 400, not 500", async () => {
    const badShop = await signed("orders/cancelled", { id: Number(ORDER) }, "ev-bad-shop");
    badShop.headers.set("X-Shopify-Shop-Domain", "not a shop/../x");
    const badShopAnswer = await call(ordersCancelled, badShop).catch((e: unknown) => e as Response);
    expect(badShopAnswer.status).toBe(400);

    const raw = "{not json";
    const notJson = new Request("https://my-test-app.myshopify.io/webhooks/orders/cancelled", {
      method: "POST",
      body: raw,
      headers: {
        "X-Shopify-Hmac-Sha256": getHmac(raw, API_SECRET_KEY),
        "X-Shopify-Shop-Domain": TEST_SHOP,
        "X-Shopify-Topic": "orders/cancelled",
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": "w-not-json",
      },
    });
    const notJsonAnswer = await call(ordersCancelled, notJson).catch((e: unknown) => e as Response);
    expect(notJsonAnswer.status).toBe(400);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("GIVEN a body that is not UTF-8 THEN 400 when Shopify's signature is the body's, 401 when it is not; nothing stored", async () => {
    const raw = Buffer.from([0xff, 0xfe, 0x7b, 0x7d]);
    const delivery = (signature: string) =>
      new Request("https://my-test-app.myshopify.io/webhooks/customers/data_request", {
        method: "POST",
        body: raw,
        headers: {
          "X-Shopify-Hmac-Sha256": signature,
          "X-Shopify-Shop-Domain": TEST_SHOP,
          "X-Shopify-Topic": "customers/data_request",
          "X-Shopify-API-Version": "2026-10",
          "X-Shopify-Webhook-Id": "w-not-utf8",
        },
      });
    const signature = crypto.createHmac("sha256", API_SECRET_KEY).update(raw).digest("base64");
    const signedAnswer = await call(dataRequest, delivery(signature)).catch((e: unknown) => e as Response);
    expect(signedAnswer.status).toBe(400);
    const forgedAnswer = await call(dataRequest, delivery(getHmac("{}", API_SECRET_KEY))).catch(
      (e: unknown) => e as Response,
    );
    expect(forgedAnswer.status).toBe(401);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("GIVEN customers/data_request THEN the export lists what Amend holds about that customer only", async () => {
    await openCancellation("7");
    await prisma.changeRequest.create({
      data: {
        shop: TEST_SHOP,
        kind: "ADDRESS_CHANGE",
        status: "APPLIED",
        orderId: "9",
        orderName: "#9",
        customerId: "8",
        payload: "{}",
        settingsVersion: 0,
        idempotencyKey: "other",
      },
    });
    await prisma.customerContact.createMany({
      data: [
        { shop: TEST_SHOP, orderId: "12", customerId: "7", email: "seven@example.com" },
        { shop: TEST_SHOP, orderId: "9", customerId: "8", email: "eight@example.com" },
      ],
    });
    await call(
      dataRequest,
      await signed(
        "customers/data_request",
        { shop_domain: TEST_SHOP, customer: { id: 7, email: "c@example.com" }, orders_requested: [Number(ORDER)] },
        "ev-4",
      ),
    );
    const row = await settled("ev-4");
    const exported = JSON.parse(row.result!);
    expect(exported.requests.map((r: { orderName: string }) => r.orderName)).toEqual(["#1042"]);
    expect(exported.contacts.map((c: { email: string }) => c.email)).toEqual(["seven@example.com"]);
  });

  it("GIVEN customers/redact THEN that customer's requests and the addresses they gave are erased, others kept", async () => {
    await openCancellation("7");
    const contact = { shop: TEST_SHOP, orderId: "12", email: "seven@example.com" };
    await prisma.customerContact.createMany({
      data: [
        { ...contact, customerId: "7" },
        { ...contact, customerId: "8" },
      ],
    });
    const code = {
      shop: TEST_SHOP,
      orderId: "12",
      channel: "EMAIL",
      address: "seven@example.com",
      codeHash: "x",
      expiresAt: new Date(),
    };
    await prisma.contactVerification.create({ data: { ...code, id: "v7", customerId: "7" } });
    await prisma.outboxMessage.create({
      data: {
        shop: TEST_SHOP,
        event: "CONTACT_CODE",
        channel: "EMAIL",
        recipientRole: "CUSTOMER",
        recipient: "seven@example.com",
        locale: "en",
        text: "123456 is your code",
        status: "SENT",
        messageId: "<v7@amend.app>",
        idempotencyKey: "contact_v7",
      },
    });
    await prisma.changeRequest.create({
      data: {
        shop: TEST_SHOP,
        kind: "ADDRESS_CHANGE",
        status: "APPLIED",
        orderId: "9",
        orderName: "#9",
        customerId: "8",
        payload: "{}",
        settingsVersion: 0,
        idempotencyKey: "other",
      },
    });
    await call(
      customersRedact,
      await signed(
        "customers/redact",
        { shop_domain: TEST_SHOP, customer: { id: 7 }, orders_to_redact: [Number(ORDER)] },
        "ev-5",
      ),
    );
    await settled("ev-5");
    expect((await prisma.changeRequest.findMany()).map((r) => r.customerId)).toEqual(["8"]);
    expect((await prisma.customerContact.findMany()).map((c) => c.customerId)).toEqual(["8"]);
    expect(await prisma.contactVerification.count()).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { event: "CONTACT_CODE" } })).toBe(0);
  });

  it("GIVEN shop/redact THEN everything of the shop is erased", async () => {
    await openCancellation("7");
    await call(shopRedact, await signed("shop/redact", { shop_domain: TEST_SHOP, shop_id: 1 }, "ev-6"));
    await settled("ev-6");
    expect(await prisma.changeRequest.count()).toBe(0);
  });

  it("GIVEN a delivery stored but never processed (a crash after the answer) THEN the sweep processes it", async () => {
    const request = await openCancellation();
    await prisma.webhookDelivery.create({
      data: {
        eventId: "ev-7",
        shop: TEST_SHOP,
        topic: "ORDERS_CANCELLED",
        payload: JSON.stringify({ id: ORDER, cancelled_at: "x" }),
        status: "RECEIVED",
        receivedAt: new Date(Date.now() - 60_000),
      },
    });
    expect(await processPendingWebhooks({ db: prisma, clock: () => new Date() })).toBe(1);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SUPERSEDED");
  });

  it("GIVEN a delivery the answering process stored and died holding THEN the sweep takes it once its lease ends", async () => {
    const request = await openCancellation();
    const receivedAt = new Date(Date.now() - 2 * 60_000);
    const stored = await receiveWebhook(prisma, {
      eventId: "ev-8",
      shop: TEST_SHOP,
      topic: "ORDERS_CANCELLED",
      payload: { id: ORDER, cancelled_at: "x" },
      now: receivedAt,
    });
    expect(stored).toMatchObject({ eventId: "ev-8", status: "PROCESSING", attempts: 1 });
    // a second delivery of the same event is refused: it must not be processed twice
    expect(
      await receiveWebhook(prisma, {
        eventId: "ev-8",
        shop: TEST_SHOP,
        topic: "ORDERS_CANCELLED",
        payload: {},
        now: new Date(),
      }),
    ).toBeNull();
    // while the lease runs, the sweep leaves it to the process holding it
    expect(await processPendingWebhooks({ db: prisma, clock: () => new Date(receivedAt.getTime() + 30_000) })).toBe(0);
    expect(await processPendingWebhooks({ db: prisma, clock: () => new Date() })).toBe(1);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SUPERSEDED");
    const delivery = await prisma.webhookDelivery.findUniqueOrThrow({ where: { eventId: "ev-8" } });
    expect(delivery).toMatchObject({ status: "PROCESSED", attempts: 2, leaseUntil: null });
    expect(JSON.parse(delivery.result ?? "null")).toEqual({ superseded: [request.id] });
  });
});
