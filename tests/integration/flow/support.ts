import fs from "node:fs";
import path from "node:path";
import { API_SECRET_KEY, getHmac } from "@shopify/shopify-api/test-helpers";

/** The few TOML forms the Flow extensions use: [[extensions]], [settings], [[settings.fields]], key = "string" | bool. */
export function readExtensionToml(dir: string) {
  const text = fs.readFileSync(path.join("extensions", dir, "shopify.extension.toml"), "utf8");
  const extension: Record<string, string | boolean> = {};
  const fields: Record<string, string | boolean>[] = [];
  let target: Record<string, string | boolean> | null = null;
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (!line || line.startsWith("#")) continue;
    if (line === "[[extensions]]") target = extension;
    else if (line === "[settings]") target = null;
    else if (line === "[[settings.fields]]") fields.push((target = {}));
    else {
      const m = /^([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(true|false))$/.exec(line);
      if (!m || !target) throw new Error(`${dir}: cannot read "${line}"`);
      target[m[1]] = m[3] ? m[3] === "true" : m[2];
    }
  }
  return { extension, fields };
}

/** The payload key Flow expects for a field: `<object>_id` for a reference, else the field's key. */
export function payloadKeyOf(field: Record<string, string | boolean>): string {
  const type = String(field.type);
  return type.endsWith("_reference") ? `${type.replace(/_reference$/, "")}_id` : String(field.key);
}

/** A POST as Flow sends it: JSON, signed with the app's secret (Shopify's test helper). */
export function flowRequest(url: string, body: unknown, options: { secret?: string; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  return new Request(url, {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": getHmac(raw, options.secret ?? API_SECRET_KEY),
    },
  });
}

export const call = (route: (args: never) => Promise<Response>, request: Request) =>
  route({ request, params: {}, context: {} } as never).catch((e: unknown) => {
    if (e instanceof Response) return e;
    throw e;
  });
