import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAppProxyQuery } from "../../app/http/app-proxy.server";
import { handleStorefront } from "./storefront";

// The demo's store and app proxy, in front of a receiver that checks what Shopify's proxy would send.

const SECRET = "storefront-demo-secret";
const SHOP = "amend-demo.myshopify.com";
interface Seen {
  method: string;
  path: string;
  verdict: ReturnType<typeof verifyAppProxyQuery>;
  cookie: string | undefined;
  forwardedFor: string | undefined;
  body: string;
}
const seen: Seen[] = [];
let app: http.Server;
let store: http.Server;
let storeUrl = "";

const listen = (server: http.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  app = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      seen.push({
        method: req.method ?? "",
        path: url.pathname,
        verdict: verifyAppProxyQuery(url.searchParams, { secret: SECRET, nowSeconds: Math.floor(Date.now() / 1000) }),
        cookie: req.headers.cookie,
        forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
        body: Buffer.concat(chunks).toString(),
      });
      if (url.pathname === "/proxy/plain") {
        res.writeHead(401, { "Content-Type": "text/html" }).end("<p>refused</p>");
        return;
      }
      res.writeHead(200, { "Content-Type": "application/liquid" }).end("<p>Shop: {{ shop.name }}</p>");
    });
  });
  const appPort = await listen(app);
  store = http.createServer((req, res) => {
    void handleStorefront(
      { appUrl: `http://127.0.0.1:${appPort}`, shop: SHOP, shopName: "Maison Lumière", apiSecret: SECRET },
      req,
      res,
    ).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  storeUrl = `http://127.0.0.1:${await listen(store)}`;
});

afterAll(async () => {
  await new Promise((r) => store.close(r));
  await new Promise((r) => app.close(r));
});

describe("the demo's storefront", () => {
  it("GIVEN the store page THEN the theme extension's app embed and block show the law's label in the store's language", async () => {
    const fr = await (await fetch(`${storeUrl}/store?locale=fr`)).text();
    expect(fr).toMatch(/<div class="amend-withdrawal-embed amend-withdrawal-embed--bottom-left">\s*<a/);
    expect(fr).toContain('href="/apps/amend/withdrawal?locale=fr"');
    expect(fr).toContain("Renoncer au contrat ici");
    expect(fr).not.toContain("translation missing");
    const en = await (await fetch(`${storeUrl}/store?locale=en`)).text();
    expect(en).toContain("Withdraw from contract here");
    expect(en).toContain('href="/apps/amend/withdrawal?locale=en"');
  });

  it("GIVEN a visit to /apps/amend/… THEN the app gets /proxy/… signed as Shopify signs it, without cookies, and its Liquid is rendered in the layout", async () => {
    seen.length = 0;
    const res = await fetch(`${storeUrl}/apps/amend/withdrawal?locale=fr`, {
      method: "POST",
      headers: { Cookie: "_secure_session_id=abc", "Content-Type": "application/x-www-form-urlencoded" },
      body: "step=lookup&name=A",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<p>Shop: Maison Lumière</p>");
    expect(html).toContain("Renoncer au contrat ici");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: "POST",
      path: "/proxy/withdrawal",
      verdict: { ok: true, context: { shop: SHOP, pathPrefix: "/apps/amend", loggedInCustomerId: null } },
      cookie: undefined,
      forwardedFor: "127.0.0.1",
      body: "step=lookup&name=A",
    });
  });

  it("GIVEN an answer that is not Liquid THEN it is passed on as it is, with its status", async () => {
    const res = await fetch(`${storeUrl}/apps/amend/plain`);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe("<p>refused</p>");
  });
});
