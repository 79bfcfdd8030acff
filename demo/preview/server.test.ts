import http from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import store from "../store.json";
import { readExtension } from "./extensions";
import { startPreviewServer, type PreviewServer } from "./server";

// The preview's server: the tokens it mints, the frame documents it serves, and what it escapes.

const SECRET = "preview-test-secret";
const API_KEY = "preview-test-client-id";
const SHOP = "amend-demo.myshopify.com";
const HOSTILE = `<img src=x onerror="alert(1)">`;

let simulator: http.Server;
let preview: PreviewServer;

beforeAll(async () => {
  // the simulator's /demo/state, with one line item whose title is markup
  const orders = structuredClone(store.orders) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  orders[0]!.lineItems.nodes[0].title = HOSTILE;
  simulator = http.createServer((_, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ shop: { ...store.shop, id: "gid://shopify/Shop/1" }, orders }));
  });
  await new Promise<void>((resolve) => simulator.listen(0, "127.0.0.1", resolve));
  preview = await startPreviewServer({
    port: 0,
    variable: "DEMO_PREVIEW_PORT",
    appUrl: "http://localhost:1",
    shop: SHOP,
    apiKey: API_KEY,
    apiSecret: SECRET,
    simulatorUrl: `http://127.0.0.1:${(simulator.address() as AddressInfo).port}`,
    customers: store.customers,
    smtp: { messages: [] } as never,
    sms: { messages: [] } as never,
    bundles: Promise.resolve(),
  });
});

afterAll(async () => {
  await preview?.close();
  await new Promise((resolve) => simulator?.close(resolve));
});

const mint = (body: unknown) =>
  fetch(`${preview.url}/session-token`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const claimsOf = async (res: Response) => {
  const { token } = (await res.json()) as { token: string };
  return (await jwtVerify(token, new TextEncoder().encode(SECRET), { audience: API_KEY })).payload;
};

describe("the preview server", () => {
  it("mints a customer account token with Shopify's claims (dest, aud, sub, a minute of life) and no iss", async () => {
    const res = await mint({ target: "customer-account.order-status.block.render", customer: "7001" });
    expect(res.status).toBe(200);
    const claims = await claimsOf(res);
    expect(claims).toMatchObject({ dest: `https://${SHOP}`, aud: API_KEY, sub: "gid://shopify/Customer/7001" });
    expect(claims.iss).toBeUndefined();
    expect(claims.exp! - claims.iat!).toBe(60);
    expect(typeof claims.jti).toBe("string");
  });

  it("mints an admin session token for an admin target: iss the shop's admin, sub a staff id", async () => {
    const claims = await claimsOf(await mint({ target: "admin.order-details.block.render", customer: "7001" }));
    expect(claims).toMatchObject({ iss: `https://${SHOP}/admin`, dest: `https://${SHOP}`, sub: "1" });
  });

  it("refuses an unknown target (400), an unknown customer (404) and a body that is not JSON (400)", async () => {
    expect((await mint({ target: "toString", customer: "7001" })).status).toBe(400);
    expect((await mint({ target: "customer-account.order.page.render", customer: "9999" })).status).toBe(404);
    expect((await mint("{not json")).status).toBe(400);
  });

  it("serves a target's frame with its config (the extension's own locale, escaped for a script) and refuses a target the extension does not have", async () => {
    const ok = await fetch(
      `${preview.url}/frame/order-actions?target=customer-account.order.action.render&lang=fr&customer=7001&order=5001`,
    );
    expect(ok.status).toBe(200);
    const html = await ok.text();
    const json = html.match(/<script type="application\/json" id="preview-config">(.*?)<\/script>/s)![1]!;
    const config = JSON.parse(json) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const fr = readExtension("order-actions").locales.fr as Record<string, unknown>;
    expect(config).toMatchObject({
      handle: "order-actions",
      target: "customer-account.order.action.render",
      customer: { id: "7001", gid: "gid://shopify/Customer/7001" },
      order: { gid: "gid://shopify/Order/5001", name: "#1001" },
      messages: { name: fr.name },
      applicationUrl: "https://amend.example.com",
    });
    expect(json).not.toContain("<");
    expect(html).toContain('<script src="/bundles/order-actions.js">');
    const wrong = await fetch(
      `${preview.url}/frame/order-actions?target=customer-account.order.page.render&lang=fr&customer=7001&order=5001`,
    );
    expect(wrong.status).toBe(404);
  });

  it("escapes what the store holds in its pages", async () => {
    for (const path of ["/account/7001/orders/5001", "/checkout/7001/thank-you/5001", "/admin/en/orders/5001"]) {
      const html = await (await fetch(`${preview.url}${path}`)).text();
      expect(html, path).not.toContain(HOSTILE);
      expect(html, path).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    }
  });

  it("answers 404 for an order of another customer and for an unknown page", async () => {
    expect((await fetch(`${preview.url}/account/7002/orders/5001`)).status).toBe(404);
    expect((await fetch(`${preview.url}/nowhere`)).status).toBe(404);
  });
});

describe("readExtension", () => {
  it("reads every target of an extension's toml and its locales", () => {
    const e = readExtension("order-actions");
    expect(e.targets).toEqual([
      "customer-account.order.action.menu-item.render",
      "customer-account.order.action.render",
    ]);
    expect(e.apiVersion).toBe("2026-07");
    expect(Object.keys(e.locales).sort()).toEqual(["en", "fr"]);
    expect(e.defaultLocale).toBe("en");
  });
});
