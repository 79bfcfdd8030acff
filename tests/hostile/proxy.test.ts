/**
 * The storefront withdrawal page behind Shopify's app proxy (`/proxy/withdrawal`): forged, stale or doubled
 * signatures, form tokens missing or forged, huge bodies, broken encodings and hostile values. A 401 / 403 / 4xx
 * or the normal page, never a 500, and nothing typed comes back unescaped.
 */
import { expect, it } from "vitest";
import { shopifyProxyQuery } from "~/http/app-proxy.server";
import { hostile } from "./support/context";
import { group, send } from "./support/recorder";

const KiB = 1024;
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

function signedPath(visitor = "locale=en", more: { nowSeconds?: number; secret?: string; shop?: string } = {}) {
  const query = shopifyProxyQuery({
    visitorQuery: new URLSearchParams(visitor),
    shop: more.shop ?? hostile().app.shop,
    pathPrefix: "/apps/amend",
    nowSeconds: more.nowSeconds ?? Math.floor(Date.now() / 1000),
    secret: more.secret ?? hostile().app.apiSecret,
  });
  return `/proxy/withdrawal?${query.toString()}`;
}

/** Step 1 as Shopify would fetch it, and its form's lookup token. */
async function lookupToken(): Promise<string> {
  const page = await send(signedPath(), { headers: { "X-Forwarded-For": "203.0.113.7" } });
  expect(page.status).toBe(200);
  return /name="token" value="([^"]+)"/.exec(page.text)![1];
}

group("proxy: signature", () => {
  it("signed GET → 200, application/liquid, the form", async () => {
    const answer = await send(signedPath("locale=fr"));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/liquid");
    expect(answer.text).toContain("Renoncer au contrat ici");
  });

  const cases: [string, () => string][] = [
    ["no query at all", () => "/proxy/withdrawal"],
    ["no signature", () => signedPath().replace(/&signature=[0-9a-f]+/, "")],
    ["a forged signature", () => signedPath().replace(/signature=[0-9a-f]+/, `signature=${"ab".repeat(32)}`)],
    ["another secret", () => signedPath("locale=en", { secret: "not-the-app-secret" })],
    ["a parameter added after signing", () => `${signedPath()}&orderNumber=1001`],
    ["shop twice", () => `${signedPath()}&shop=${hostile().app.shop}`],
    ["a timestamp of an hour ago", () => signedPath("locale=en", { nowSeconds: Math.floor(Date.now() / 1000) - 3600 })],
    [
      "a signature of 10 000 characters",
      () => signedPath().replace(/signature=[0-9a-f]+/, `signature=${"a".repeat(10_000)}`),
    ],
    [
      "broken percent-encoding in the signature",
      () => signedPath().replace(/signature=[0-9a-f]+/, "signature=%ZZ%E0%A4%A"),
    ],
  ];
  for (const [name, path] of cases) {
    it(`${name} → 401`, async () => {
      const get = await send(path());
      expect(get.status, get.text).toBe(401);
      expect(get.text).not.toContain('name="token"');
      const post = await send(path(), { method: "POST", headers: FORM, body: "step=lookup&orderNumber=1001" });
      expect(post.status, post.text).toBe(401);
    });
  }

  it("a signed query for a shop that is not a myshopify domain → 401", async () => {
    expect((await send(signedPath("locale=en", { shop: "evil.example.com" }))).status).toBe(401);
  });

  it("signed, with broken percent-encoding in a visitor parameter → 200 or 4xx", async () => {
    const answer = await send(`${signedPath()}`.replace("locale=en", "locale=%E0%A4%A"));
    expect(answer.status).toBeLessThan(500);
  });

  it("PUT, DELETE, PATCH → 405 (signed) or 401", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      expect((await send(signedPath(), { method, headers: FORM, body: "a=1" })).status).toBe(405);
      expect((await send("/proxy/withdrawal", { method, headers: FORM, body: "a=1" })).status).toBe(401);
    }
  });
});

group("proxy: forms", () => {
  it("a POST without a form token, or with a forged one → 403, nothing looked up", async () => {
    for (const token of ["", "abc.def", "x".repeat(600), `${(await lookupToken()).slice(0, -2)}AA`]) {
      const answer = await send(signedPath(), {
        method: "POST",
        headers: FORM,
        body: new URLSearchParams({ step: "lookup", token, name: "A", orderNumber: "1001", email: "a@b.c" }).toString(),
      });
      expect(answer.status, answer.text).toBe(403);
    }
  });

  it("a 20 KiB form (over the 16 KiB /proxy limit) → 413", async () => {
    const answer = await send(signedPath(), { method: "POST", headers: FORM, body: `name=${"x".repeat(20 * KiB)}` });
    expect(answer.status).toBe(413);
  });

  it("hostile and broken values with a valid token → the form again, escaped, no 500", async () => {
    const token = await lookupToken();
    const bodies = [
      `step=lookup&token=${encodeURIComponent(token)}&name=%ZZ%E0%A4%A&orderNumber=%00%FF%FE&email=%C0%AF`,
      `step=lookup&token=${encodeURIComponent(token)}&name=${encodeURIComponent("<script>alert(1)</script>{{ shop.name }}")}&orderNumber=1001&email=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
      `step=lookup&token=${encodeURIComponent(token)}&name=${"é".repeat(5000)}&orderNumber=${"9".repeat(500)}&email=x`,
    ];
    for (const body of bodies) {
      const answer = await send(signedPath(), {
        method: "POST",
        headers: { ...FORM, "X-Forwarded-For": "203.0.113.8" },
        body,
      });
      expect([200, 400], answer.text).toContain(answer.status);
      expect(answer.text).not.toContain("<script>alert");
      expect(answer.text).not.toContain("<img src=x");
      expect(answer.text).not.toContain("{{ shop.name }}");
    }
  });

  it("invalid UTF-8 bytes, multipart, JSON or no body → 403 (no token read), never 500", async () => {
    const invalid = new Uint8Array([0x73, 0x74, 0x65, 0x70, 0x3d, 0xff, 0xfe, 0xc0, 0xaf]);
    for (const [headers, body] of [
      [FORM, invalid],
      [
        { "Content-Type": "multipart/form-data; boundary=x" },
        '--x\r\nContent-Disposition: form-data; name="step"\r\n\r\nlookup\r\n--x--',
      ],
      [{ "Content-Type": "application/json" }, JSON.stringify({ step: "lookup" })],
      [FORM, ""],
    ] as const) {
      const answer = await send(signedPath(), { method: "POST", headers, body });
      expect(answer.status, answer.text).toBe(403);
    }
  });

  it("a confirm step with a lookup token (or a lookup token as confirm) → 403", async () => {
    const token = await lookupToken();
    const answer = await send(signedPath(), {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ step: "confirm", token, name: "A", scope: "whole" }).toString(),
    });
    expect(answer.status, answer.text).toBe(403);
  });
});
