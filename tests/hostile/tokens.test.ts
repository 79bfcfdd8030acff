/**
 * Forged, stale and misaddressed credentials on every kind of endpoint: customer-account and checkout session
 * tokens (customer API), admin session tokens (admin API), Flow action signatures.
 */
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { group, outcome, send } from "./support/recorder";
import {
  adminSessionToken,
  bearer,
  customerClaims,
  customerSessionToken,
  flowCall,
  signJwt,
  strangerId,
} from "./support/signing";

const OTHER_SHOP = "hostile-other-shop.myshopify.com";
const now = () => Math.floor(Date.now() / 1000);

group("tokens: customer API (customer-account session tokens)", () => {
  const order = () => hostile().slots.tokens;
  const options = () => `/api/customer/orders/${order().id}/options`;
  const claims = () => customerClaims(order().customerId);

  it("a valid token of the order's customer → 200 (the control case)", async () => {
    const answer = await send(options(), {
      headers: bearer(await customerSessionToken(hostile().app, order().customerId)),
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.order.name).toBe(order().name);
  });

  const refused: [string, () => Record<string, string>][] = [
    ["no Authorization header", () => ({})],
    ["a Bearer that is not a JWT", () => bearer("not-a-token")],
    ["an empty Bearer", () => ({ Authorization: "Bearer " })],
    ["unsigned (alg none)", () => bearer(signJwt(claims(), { alg: "none" }))],
    ["signed with another secret", () => bearer(signJwt(claims(), { secret: "not-the-app-secret" }))],
    ["expired an hour ago", () => bearer(signJwt({ ...claims(), exp: now() - 3600, nbf: now() - 7200 }))],
    ["not valid for another hour (nbf)", () => bearer(signJwt({ ...claims(), nbf: now() + 3600 }))],
    ["for another app (aud)", () => bearer(signJwt({ ...claims(), aud: "another-apps-client-id" }))],
    ["with no aud", () => bearer(signJwt({ ...claims(), aud: undefined }))],
    ["with no dest", () => bearer(signJwt({ ...claims(), dest: undefined }))],
    ["whose dest is not a URL", () => bearer(signJwt({ ...claims(), dest: "not a url" }))],
    ["whose dest is a bare shop domain", () => bearer(signJwt({ ...claims(), dest: hostile().app.shop }))],
    ["whose dest is http://", () => bearer(signJwt({ ...claims(), dest: `http://${hostile().app.shop}` }))],
    [
      "whose dest is not a myshopify.com shop",
      () => bearer(signJwt({ ...claims(), dest: "https://evil.example.com" })),
    ],
    ["whose dest is a number", () => bearer(signJwt({ ...claims(), dest: 42 }))],
    ["with no sub", () => bearer(signJwt({ ...claims(), sub: undefined }))],
    ["whose sub is not a customer", () => bearer(signJwt({ ...claims(), sub: "gid://shopify/StaffMember/1" }))],
    ["whose sub is an object", () => bearer(signJwt({ ...claims(), sub: { id: 1 } }))],
    [
      "that is an admin's (staff) token",
      () => bearer(signJwt({ ...claims(), iss: `https://${hostile().app.shop}/admin`, sub: "42" })),
    ],
  ];
  for (const [name, headers] of refused) {
    it(`a token ${name} → 401`, async () => {
      const answer = await send(options(), { headers: headers() });
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain(order().name);
    });
  }

  it("another customer's valid token on this order → 404 ORDER_NOT_FOUND / 403 NOT_ORDER_OWNER, nothing shown", async () => {
    const answer = await send(options(), { headers: bearer(await customerSessionToken(hostile().app, strangerId())) });
    expect([403, 404]).toContain(answer.status);
    expect(["ORDER_NOT_FOUND", "NOT_ORDER_OWNER"]).toContain(outcome(answer).code);
    expect(answer.text).not.toContain(order().name);
  });

  it("a token for another shop, same customer id, on this shop's order → 404 ORDER_NOT_FOUND, nothing shown", async () => {
    const token = signJwt({ ...claims(), dest: `https://${OTHER_SHOP}` });
    const answer = await send(options(), { headers: bearer(token) });
    expect(outcome(answer)).toEqual({ status: 404, code: "ORDER_NOT_FOUND" });
    expect(answer.text).not.toContain(order().name);
  });

  it("a forged token on a write (cancellation) → 401 and no request made", async () => {
    const answer = await send(`/api/customer/orders/${order().id}/cancellation`, {
      headers: bearer(signJwt(claims(), { secret: "not-the-app-secret" })),
      body: { reason: "CHANGED_MIND" },
    });
    expect(answer.status).toBe(401);
  });
});

group("tokens: checkout API (checkout session tokens)", () => {
  const order = () => hostile().slots.tokens;
  const options = () => `/api/checkout/orders/${order().id}/options`;

  it("a valid checkout token of the order's customer → 200", async () => {
    const answer = await send(options(), { headers: bearer(signJwt(customerClaims(order().customerId))) });
    expect(answer.status).toBe(200);
  });

  for (const [name, token] of [
    ["unsigned", () => signJwt(customerClaims(order().customerId), { alg: "none" })],
    ["wrong secret", () => signJwt(customerClaims(order().customerId), { secret: "x" })],
    ["expired", () => signJwt({ ...customerClaims(order().customerId), exp: now() - 60, nbf: now() - 120 })],
    ["wrong aud", () => signJwt({ ...customerClaims(order().customerId), aud: "someone-else" })],
    ["dest missing", () => signJwt({ ...customerClaims(order().customerId), dest: undefined })],
  ] as const) {
    it(`a checkout token ${name} → 401`, async () => {
      expect((await send(options(), { headers: bearer(token()) })).status).toBe(401);
    });
  }
});

group("tokens: admin API and admin pages (admin session tokens)", () => {
  const order = () => hostile().slots.tokens;
  const adminClaims = () => ({
    iss: `https://${hostile().app.shop}/admin`,
    dest: `https://${hostile().app.shop}`,
    aud: hostile().app.apiKey,
    sub: "42",
    exp: now() + 300,
    nbf: now() - 5,
    iat: now() - 5,
    jti: crypto.randomUUID(),
    sid: crypto.randomUUID(),
  });
  const list = () => `/api/admin/orders/${order().id}/requests`;

  it("a valid admin token → 200", async () => {
    const answer = await send(list(), { headers: bearer(await adminSessionToken(hostile().app)) });
    expect(answer.status).toBe(200);
    expect(answer.json.requests).toEqual(expect.any(Array));
  });

  it("the admin API with no Authorization → the library's redirect to the login (302), no data", async () => {
    const answer = await send(list());
    expect(answer.status).toBe(302);
    expect(answer.json?.requests).toBeUndefined();
  });

  for (const [name, headers] of [
    ["unsigned", () => bearer(signJwt(adminClaims(), { alg: "none" }))],
    ["wrong secret", () => bearer(signJwt(adminClaims(), { secret: "x" }))],
    ["expired", () => bearer(signJwt({ ...adminClaims(), exp: now() - 60, nbf: now() - 120 }))],
    ["wrong aud", () => bearer(signJwt({ ...adminClaims(), aud: "someone-else" }))],
    ["a customer's token", () => bearer(signJwt(customerClaims(order().customerId)))],
  ] as const) {
    it(`the admin API with ${name} → 401, no data`, async () => {
      const answer = await send(list(), { headers: headers() });
      expect(answer.status).toBe(401);
      expect(answer.json?.requests).toBeUndefined();
    });
    it(`a decision with ${name} → 401`, async () => {
      const answer = await send("/api/admin/requests/anything/decision", {
        headers: headers(),
        body: { action: "approve" },
      });
      expect(answer.status).toBe(401);
    });
  }

  it("an admin page with a forged token → 401 (no page)", async () => {
    const answer = await send("/app/requests", { headers: bearer(signJwt(adminClaims(), { secret: "x" })) });
    expect(answer.status).toBe(401);
  });

  it("an admin page with no credentials at all → a redirect to the login or bounce page, not the page", async () => {
    const answer = await send("/app/requests");
    expect([302, 401]).toContain(answer.status);
  });
});

group("tokens: Flow actions (HMAC of the body)", () => {
  const approve = "/flow/actions/approve-cancellation";

  it("no signature → 401 UNAUTHORIZED", async () => {
    const { body } = flowCall({ order_id: hostile().slots.flow.id });
    const answer = await send(approve, { body, headers: { "Content-Type": "application/json" } });
    expect(outcome(answer)).toEqual({ status: 401, code: "UNAUTHORIZED" });
  });

  it("signed with another secret → 401 UNAUTHORIZED", async () => {
    const { body } = flowCall({ order_id: hostile().slots.flow.id });
    const forged = (await import("./support/signing")).hmac(body, "not-the-app-secret");
    const answer = await send(approve, {
      body,
      headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": forged },
    });
    expect(outcome(answer)).toEqual({ status: 401, code: "UNAUTHORIZED" });
  });

  it("the signature of another body → 401 UNAUTHORIZED", async () => {
    const signed = flowCall({ order_id: hostile().slots.flow.id });
    const other = flowCall({ order_id: "1" });
    const answer = await send(approve, { body: other.body, headers: signed.headers });
    expect(outcome(answer)).toEqual({ status: 401, code: "UNAUTHORIZED" });
  });

  it("validly signed for a shop that never installed Amend → 404 ORDER_NOT_FOUND", async () => {
    const { body, headers } = flowCall({ order_id: hostile().slots.flow.id }, OTHER_SHOP);
    const answer = await send(approve, { body, headers });
    expect(outcome(answer)).toEqual({ status: 404, code: "ORDER_NOT_FOUND" });
  });

  it("validly signed, an order with no request to approve → a 4xx naming why", async () => {
    const { body, headers } = flowCall({ order_id: hostile().slots.flow.id });
    const answer = await send(approve, { body, headers });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(outcome(answer).code).toEqual(expect.any(String));
  });
});
