import { canonicalizeHeaderName, getHeader } from "@shopify/shopify-api/runtime";
import { describe, expect, it } from "vitest";

// patches/@shopify+shopify-api+15.0.0.patch memoizes the library's header-name canonicalization (the largest
// cost of verifying a webhook). The names it gives must be the library's own, first call or cached.
describe("the patched header canonicalization", () => {
  it.each([
    ["x-shopify-hmac-sha256", "X-Shopify-Hmac-Sha256"],
    ["X-SHOPIFY-TOPIC", "X-Shopify-Topic"],
    ["content-type", "Content-Type"],
    ["shopify-event-id", "Shopify-Event-Id"],
    ["authorization", "Authorization"],
  ])("%s → %s, the same when asked again", (name, canonical) => {
    expect(canonicalizeHeaderName(name)).toBe(canonical);
    expect(canonicalizeHeaderName(name)).toBe(canonical);
  });

  it("finds a header whatever its case", () => {
    const headers = { "x-shopify-topic": "orders/updated", "X-Shopify-Shop-Domain": "a.myshopify.com" };
    expect(getHeader(headers, "X-Shopify-Topic")).toBe("orders/updated");
    expect(getHeader(headers, "x-shopify-shop-domain")).toBe("a.myshopify.com");
    expect(getHeader(headers, "X-Shopify-Hmac-Sha256")).toBeUndefined();
  });

  it("stays bounded when a client sends endless distinct header names", () => {
    for (let i = 0; i < 5000; i++) expect(canonicalizeHeaderName(`x-junk-${i}`)).toBe(`X-Junk-${i}`);
    expect(canonicalizeHeaderName("x-shopify-topic")).toBe("X-Shopify-Topic");
  });
});
