import { describe, expect, it } from "vitest";
import { FORM_TOKEN_TTL_SECONDS, issueFormToken, readFormToken } from "./form-token.server";

const SECRET = "form-token-secret";
const SHOP = "maison.myshopify.com";
const NOW = 1_796_000_000;

const confirmToken = (more: Partial<Parameters<typeof issueFormToken>[0]> = {}) =>
  issueFormToken({ secret: SECRET, shop: SHOP, purpose: "confirm", orderId: "5001", nowSeconds: NOW, ...more });
const read = (token: unknown, more: Partial<Parameters<typeof readFormToken>[1]> = {}) =>
  readFormToken(token, { secret: SECRET, shop: SHOP, purpose: "confirm", nowSeconds: NOW, ...more });

describe("storefront form tokens", () => {
  it("GIVEN a confirm token for an order THEN it reads back with the order and a nonce", () => {
    const token = read(confirmToken());
    expect(token).toMatchObject({ shop: SHOP, purpose: "confirm", orderId: "5001" });
    expect(token!.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(token!.expiresAt).toBe(NOW + FORM_TOKEN_TTL_SECONDS.confirm);
  });

  it("GIVEN two forms shown THEN each has its own nonce (its submission's idempotency key)", () => {
    expect(read(confirmToken())!.nonce).not.toBe(read(confirmToken())!.nonce);
  });

  it("GIVEN a lookup token THEN it names no order, and is no confirm token", () => {
    const token = issueFormToken({ secret: SECRET, shop: SHOP, purpose: "lookup", orderId: null, nowSeconds: NOW });
    expect(read(token, { purpose: "lookup" })).toMatchObject({ purpose: "lookup", orderId: null });
    expect(read(token)).toBeNull();
  });

  it("GIVEN a confirm token THEN it is no lookup token", () => {
    expect(read(confirmToken(), { purpose: "lookup" })).toBeNull();
  });

  it.each([
    ["expired", () => read(confirmToken(), { nowSeconds: NOW + FORM_TOKEN_TTL_SECONDS.confirm + 1 })],
    ["for another shop", () => read(confirmToken(), { shop: "other.myshopify.com" })],
    ["signed with another secret", () => read(confirmToken({ secret: "other" }))],
    ["absent", () => read(undefined)],
    ["empty", () => read("")],
    ["not a string", () => read({ token: 1 })],
    ["without a signature", () => read(confirmToken().split(".")[0])],
    ["with a third part", () => read(`${confirmToken()}.x`)],
    ["very long", () => read("a".repeat(10_000))],
    [
      "with its payload changed to another order",
      () => {
        const [body, signature] = confirmToken().split(".");
        const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
        payload.o = "5002";
        return read(`${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`);
      },
    ],
    ["with a signature of the wrong length", () => read(`${confirmToken().split(".")[0]}.AAAA`)],
    ["not base64 at all", () => read("%%%.%%%")],
  ])("GIVEN a token %s THEN it is refused", (_name, attempt) => {
    expect(attempt()).toBeNull();
  });
});
