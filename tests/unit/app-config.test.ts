import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";

const toml = fs.readFileSync("shopify.app.toml", "utf8");

describe("shopify.app.toml", () => {
  it("uses the app's one Admin API version for webhooks", () => {
    expect(toml).toMatch(new RegExp(`\\[webhooks\\]\\s*\\n(?:#.*\\n)*api_version = "${ADMIN_API_VERSION}"`));
  });

  const uris = [...toml.matchAll(/^\s*uri = "([^"]+)"/gm)].map((m) => m[1]);
  it("subscribes to the topics the design needs", () => {
    for (const topic of [
      "app/uninstalled",
      "app/scopes_update",
      "orders/create",
      "orders/updated",
      "orders/fulfilled",
      "orders/cancelled",
      "customers/data_request",
      "customers/redact",
      "shop/redact",
    ]) {
      expect(uris).toContain(`/webhooks/${topic}`);
    }
  });

  it.each(uris)("%s has a route file", (uri) => {
    const file = path.join("app/routes", `${uri.slice(1).replaceAll("/", ".")}.tsx`);
    expect(fs.existsSync(file), `${file} should exist`).toBe(true);
  });

  it("asks for every scope the mission needs", () => {
    const scopes = toml.match(/^scopes = "([^"]+)"/m)![1].split(",");
    for (const scope of [
      "read_orders",
      "write_orders",
      "write_order_edits",
      "write_merchant_managed_fulfillment_orders",
      "write_third_party_fulfillment_orders",
      "write_draft_orders",
      "write_returns",
      "read_customers",
      "write_app_proxy",
    ]) {
      expect(scopes).toContain(scope);
    }
  });

  it("proxies the storefront's /apps/amend/* to the app's /proxy/*", () => {
    const section = toml.match(/^\[app_proxy\]\n((?:[a-z_]+ = "[^"]*"\n)+)/m)?.[1] ?? "";
    const value = (key: string) => section.match(new RegExp(`^${key} = "([^"]*)"`, "m"))?.[1];
    const appUrl = toml.match(/^application_url = "([^"]+)"/m)![1];
    expect(value("url")).toBe(`${appUrl}/proxy`);
    expect(value("prefix")).toBe("apps");
    expect(value("subpath")).toBe("amend");
    expect(fs.existsSync("app/routes/proxy.withdrawal.tsx")).toBe(true);
  });
});
