import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/node";
import { describe, expect, it } from "vitest";
import {
  APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS,
  appProxyMessage,
  shopifyProxyQuery,
  signAppProxyQuery,
  verifyAppProxyQuery,
} from "./app-proxy.server";

const SECRET = "app-proxy-test-secret";
const SHOP = "maison.myshopify.com";
const NOW = 1_796_000_000;

function signed(visitor = "", more: Partial<Parameters<typeof shopifyProxyQuery>[0]> = {}) {
  return shopifyProxyQuery({
    visitorQuery: new URLSearchParams(visitor),
    shop: SHOP,
    pathPrefix: "/apps/amend",
    nowSeconds: NOW,
    secret: SECRET,
    ...more,
  });
}

const verify = (query: URLSearchParams, nowSeconds = NOW, secret = SECRET) =>
  verifyAppProxyQuery(query, { secret, nowSeconds });

describe("appProxyMessage / signAppProxyQuery", () => {
  it("GIVEN Shopify's documented example THEN the signature is the documented one", () => {
    // shopify.dev, "Authenticate app proxies": secret "hush", extra=1&extra=2, customer 1, prefix /apps/awesome_reviews
    const query = new URLSearchParams(
      "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555",
    );
    expect(appProxyMessage(query)).toBe(
      "extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555",
    );
    expect(signAppProxyQuery(query, "hush")).toBe("4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");
  });

  it("leaves `signature` itself out of what is signed", () => {
    const query = signed("a=1");
    expect(appProxyMessage(query)).not.toContain("signature=");
  });
});

describe("verifyAppProxyQuery", () => {
  it("GIVEN a query signed as Shopify signs it THEN it is accepted with the shop, prefix and customer", () => {
    expect(verify(signed("", { loggedInCustomerId: "42" }))).toEqual({
      ok: true,
      context: { shop: SHOP, pathPrefix: "/apps/amend", loggedInCustomerId: "42" },
    });
    expect(verify(signed())).toMatchObject({ ok: true, context: { loggedInCustomerId: null } });
  });

  it("GIVEN the same parameters in another order THEN it is accepted (Shopify signs them sorted)", () => {
    const query = signed("locale=fr&b=2");
    const reordered = new URLSearchParams([...query].reverse());
    expect(reordered.toString()).not.toBe(query.toString());
    expect(verify(reordered).ok).toBe(true);
  });

  it("GIVEN a visitor's repeated parameter THEN it is signed joined with ',' and accepted", () => {
    expect(verify(signed("tag=a&tag=b")).ok).toBe(true);
  });

  it.each([
    ["no signature", (q: URLSearchParams) => q.delete("signature"), "MISSING_SIGNATURE"],
    ["an empty signature", (q: URLSearchParams) => q.set("signature", ""), "MISSING_SIGNATURE"],
    ["a signature that is not hex", (q: URLSearchParams) => q.set("signature", "z".repeat(64)), "BAD_SIGNATURE"],
    ["a short signature", (q: URLSearchParams) => q.set("signature", "ab12"), "BAD_SIGNATURE"],
    ["a forged signature", (q: URLSearchParams) => q.set("signature", "0".repeat(64)), "BAD_SIGNATURE"],
    ["another shop", (q: URLSearchParams) => q.set("shop", "other.myshopify.com"), "BAD_SIGNATURE"],
    ["a customer id added", (q: URLSearchParams) => q.set("logged_in_customer_id", "7"), "BAD_SIGNATURE"],
    ["a parameter added", (q: URLSearchParams) => q.append("order", "1001"), "BAD_SIGNATURE"],
    ["a visitor parameter's value changed", (q: URLSearchParams) => q.set("locale", "en"), "BAD_SIGNATURE"],
    ["a repeated value dropped", (q: URLSearchParams) => q.set("tag", "a"), "BAD_SIGNATURE"],
    ["the timestamp moved", (q: URLSearchParams) => q.set("timestamp", String(NOW + 1)), "BAD_SIGNATURE"],
    ["shop twice", (q: URLSearchParams) => q.append("shop", SHOP), "DUPLICATE_PARAMETER"],
    ["timestamp twice", (q: URLSearchParams) => q.append("timestamp", String(NOW)), "DUPLICATE_PARAMETER"],
    ["signature twice", (q: URLSearchParams) => q.append("signature", q.get("signature")!), "DUPLICATE_PARAMETER"],
    ["path_prefix twice", (q: URLSearchParams) => q.append("path_prefix", "/apps/x"), "DUPLICATE_PARAMETER"],
  ])("GIVEN %s THEN it is refused (%s)", (_name, tamper, reason) => {
    const query = signed("locale=fr&tag=a&tag=b");
    tamper(query);
    expect(verify(query)).toEqual({ ok: false, reason });
  });

  it("GIVEN the wrong secret THEN it is refused", () => {
    expect(verify(signed(), NOW, "another-secret")).toEqual({ ok: false, reason: "BAD_SIGNATURE" });
  });

  it("GIVEN a visitor who puts `shop=` in the link THEN Shopify's own makes a duplicate and it is refused", () => {
    expect(verify(signed(`shop=${SHOP}`))).toEqual({ ok: false, reason: "DUPLICATE_PARAMETER" });
  });

  it.each([
    [APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS, true],
    [-APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS, true],
    [APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS + 1, false],
    [-(APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS + 1), false],
    [86_400, false],
  ])("GIVEN a timestamp %i s from now THEN accepted = %s", (offset, ok) => {
    const verdict = verify(signed(), NOW + offset);
    expect(verdict.ok).toBe(ok);
    if (!ok) expect(verdict).toEqual({ ok: false, reason: "STALE_TIMESTAMP" });
  });

  it.each([
    ["shop not a myshopify domain", { shop: "evil.example.com" }, "BAD_SHOP"],
    ["shop with a path", { shop: "maison.myshopify.com/x" }, "BAD_SHOP"],
  ])("GIVEN a correctly signed query with %s THEN it is refused", (_name, more, reason) => {
    expect(verify(signed("", more))).toEqual({ ok: false, reason });
  });

  it("GIVEN a correctly signed query with a timestamp that is not a number THEN it is refused", () => {
    const query = new URLSearchParams({ shop: SHOP, path_prefix: "/apps/amend", timestamp: "soon" });
    query.set("signature", signAppProxyQuery(query, SECRET));
    expect(verify(query)).toEqual({ ok: false, reason: "BAD_TIMESTAMP" });
  });

  it("GIVEN an odd path_prefix or customer id (signed) THEN the default prefix and no customer are used", () => {
    const query = new URLSearchParams({
      shop: SHOP,
      path_prefix: "/apps/<script>",
      logged_in_customer_id: "gid://x",
      timestamp: String(NOW),
    });
    query.set("signature", signAppProxyQuery(query, SECRET));
    expect(verify(query)).toEqual({
      ok: true,
      context: { shop: SHOP, pathPrefix: "/apps/amend", loggedInCustomerId: null },
    });
  });

  it("GIVEN a value with non-ASCII characters THEN it is signed as UTF-8 and accepted", () => {
    expect(verify(signed("name=Zoé+Ærø&note=日本")).ok).toBe(true);
  });
});

describe("agreement with the library (@shopify/shopify-api validateHmac, signator appProxy)", () => {
  const api = shopifyApi({
    apiKey: "k",
    apiSecretKey: SECRET,
    apiVersion: ApiVersion.October26,
    hostName: "amend.example.com",
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
  const library = async (query: URLSearchParams) => {
    try {
      return await api.utils.validateHmac(query, { signator: "appProxy" });
    } catch {
      return false;
    }
  };

  it.each(["", "locale=fr", "tag=a&tag=b", "name=Zoé&x=%26%3D", "z=1&a=2&m=3"])(
    "GIVEN the visitor query %j signed now THEN both accept it, and both refuse it tampered",
    async (visitor) => {
      const nowSeconds = Math.floor(Date.now() / 1000);
      const query = signed(visitor, { nowSeconds });
      expect(await library(query)).toBe(true);
      expect(verify(query, nowSeconds).ok).toBe(true);
      query.append("extra", "1");
      expect(await library(query)).toBe(false);
      expect(verify(query, nowSeconds).ok).toBe(false);
    },
  );
});
