/**
 * Webhook deliveries: a bad HMAC is 401; a signed delivery whose topic is not one the route accepts, whose shop
 * domain is malformed or whose body is not JSON is 400 and nothing is done; the same delivery twice is stored once.
 */
import crypto from "node:crypto";
import { expect, it } from "vitest";
import { database, hostile } from "./support/context";
import { group, send } from "./support/recorder";
import { hmac, webhookHeaders } from "./support/signing";

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/** What shop/redact would erase: the shop's settings, branding, offline session and requests. */
async function shopData(shop = hostile().victimShop) {
  const db = await database();
  const [settings, branding, sessions, requests] = await Promise.all([
    db.shopSettings.count({ where: { shop } }),
    db.shopBranding.count({ where: { shop } }),
    db.session.count({ where: { shop } }),
    db.changeRequest.count({ where: { shop } }),
  ]);
  return { settings, branding, sessions, requests };
}

group("webhooks", () => {
  const shop = () => hostile().app.shop;
  // deliveries that would erase a shop are sent for the second shop
  const victim = () => hostile().victimShop;
  const redact = () => JSON.stringify({ shop_id: 2, shop_domain: victim() });

  it("a bad HMAC → 401", async () => {
    const body = JSON.stringify({ id: 1 });
    const answer = await send("/webhooks/orders/updated", {
      headers: webhookHeaders({ topic: "orders/updated", body, signature: hmac(body, "not-the-app-secret") }),
      body,
    });
    expect(answer.status).toBe(401);
  });

  it("no HMAC header at all → 400 (a required header missing)", async () => {
    const body = JSON.stringify({ id: 1 });
    const headers = webhookHeaders({ topic: "orders/updated", body });
    delete headers["X-Shopify-Hmac-Sha256"];
    const answer = await send("/webhooks/orders/updated", { headers, body });
    expect(answer.status).toBe(400);
  });

  it("a signed shop/redact sent to /webhooks/orders/updated → 400, and the shop's data is all still there", async () => {
    const before = await shopData();
    expect(before.settings).toBeGreaterThan(0);
    expect(before.sessions).toBeGreaterThan(0);
    const body = redact();
    const answer = await send("/webhooks/orders/updated", {
      headers: webhookHeaders({ topic: "shop/redact", body, shop: victim() }),
      body,
    });
    expect(answer.status).toBe(400);
    await settle();
    expect(await shopData()).toEqual(before);
    const stored = await (await database()).webhookDelivery.count({ where: { shop: victim(), topic: "SHOP_REDACT" } });
    expect(stored).toBe(0);
  });

  for (const [route, topic] of [
    ["/webhooks/shop/redact", "orders/updated"],
    ["/webhooks/customers/data_request", "customers/redact"],
    ["/webhooks/customers/redact", "shop/redact"],
    ["/webhooks/orders/cancelled", "app/uninstalled"],
    ["/webhooks/app/uninstalled", "shop/redact"],
  ] as const) {
    it(`a signed ${topic} sent to ${route} → 400, nothing erased`, async () => {
      const before = await shopData();
      const body = JSON.stringify({ id: 1, shop_id: 2, shop_domain: victim(), customer: { id: 1 } });
      const answer = await send(route, { headers: webhookHeaders({ topic, body, shop: victim() }), body });
      expect(answer.status).toBe(400);
      await settle();
      expect(await shopData()).toEqual(before);
    });
  }

  for (const domain of [
    "evil.example.com",
    "../../etc/passwd",
    "",
    "a".repeat(300) + ".myshopify.com",
    "shop.myshopify.com.evil.com",
  ]) {
    it(`a signed delivery from shop domain ${JSON.stringify(domain.slice(0, 40))} → 400`, async () => {
      const body = JSON.stringify({ id: 1 });
      const answer = await send("/webhooks/orders/updated", {
        headers: webhookHeaders({ topic: "orders/updated", body, shop: domain }),
        body,
      });
      expect(answer.status).toBe(400);
    });
  }

  for (const [name, body] of [
    ["not JSON", "{"],
    ["empty", ""],
    ["invalid UTF-8", Buffer.from([0xff, 0xfe, 0x7b])],
  ] as const) {
    it(`a signed delivery whose body is ${name} → 400`, async () => {
      const answer = await send("/webhooks/customers/data_request", {
        headers: webhookHeaders({ topic: "customers/data_request", body }),
        body,
      });
      expect(answer.status).toBe(400);
    });
  }

  it("a signed delivery with no topic header → 400, nothing erased", async () => {
    const before = await shopData();
    const body = redact();
    const headers = webhookHeaders({ topic: "shop/redact", body, shop: victim() });
    delete headers["X-Shopify-Topic"];
    const answer = await send("/webhooks/shop/redact", { headers, body });
    expect(answer.status).toBe(400);
    await settle();
    expect(await shopData()).toEqual(before);
  });

  it("the same delivery twice → 200 both times, stored once", async () => {
    const eventId = crypto.randomUUID();
    const body = JSON.stringify({
      shop_id: 1,
      shop_domain: shop(),
      orders_requested: [Number(hostile().slots.webhooks.id)],
      customer: { id: Number(hostile().slots.webhooks.customerId), email: "x@example.com", phone: null },
      data_request: { id: 1 },
    });
    for (let i = 0; i < 2; i++) {
      const answer = await send("/webhooks/customers/data_request", {
        headers: webhookHeaders({ topic: "customers/data_request", body, eventId }),
        body,
      });
      expect(answer.status).toBe(200);
    }
    await settle();
    expect(await (await database()).webhookDelivery.count({ where: { eventId } })).toBe(1);
  });
});
