import { describe, expect, it } from "vitest";
import { proxyLocale, visitorIp } from "./proxy.server";

describe("proxyLocale", () => {
  it.each([
    ["?locale=fr", null, "fr"],
    ["?locale=fr-CA", "en", "fr"],
    ["?locale=en", "fr-FR", "en"],
    ["", "fr-FR,fr;q=0.9", "fr"],
    ["", null, "en"],
    ["?locale=de", "fr", "en"],
    ["?locale=<script>", "fr-FR", "fr"],
    ["?locale=" + "f".repeat(500), "fr", "fr"],
  ])("GIVEN the link's %j and Accept-Language %j THEN %s", (search, accept, locale) => {
    expect(proxyLocale(new URL(`https://app.example.com/proxy/withdrawal${search}`), accept)).toBe(locale);
  });
});

describe("visitorIp", () => {
  const ip = (header?: string) =>
    visitorIp(new Request("https://app.example.com/", { headers: header ? { "X-Forwarded-For": header } : {} }));
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7, 10.0.0.1", "203.0.113.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["not an address", "unknown"],
    ["x".repeat(100), "unknown"],
    [undefined, "unknown"],
  ])("GIVEN X-Forwarded-For %j THEN %s", (header, expected) => {
    expect(ip(header)).toBe(expected);
  });
});
