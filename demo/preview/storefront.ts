import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { Liquid } from "liquidjs";
import { shopifyProxyQuery } from "../../app/http/app-proxy.server";
import { serveFile } from "../launcher/http";

/**
 * The demo's online store, as Shopify serves it: a store page whose theme has Amend's app embed turned on (the
 * theme app extension's own Liquid, rendered here), and the app proxy — a request to `/apps/amend/…` goes to the
 * app's `/proxy/…` without cookies, its query extended and signed with the app's secret as Shopify does, and an
 * `application/liquid` answer is rendered as Liquid inside the store's layout. The app's real signature check runs.
 */

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/withdrawal-link");
export const PROXY_PREFIX = "/apps/amend";
/** A storefront request's headers Shopify forwards to the app (cookies are not among them). */
const FORWARDED = ["content-type", "accept-language", "user-agent", "accept"];
const LOCALES = ["en", "fr"] as const;
type StoreLocale = (typeof LOCALES)[number];

export interface StorefrontOptions {
  appUrl: string;
  shop: string;
  shopName: string;
  apiSecret: string;
}

/** The extension's storefront texts (`locales/en.default.json`, `fr.json`), as the `t` filter reads them. */
function extensionTexts(locale: StoreLocale): Record<string, unknown> {
  const file = locale === "en" ? "en.default.json" : `${locale}.json`;
  return JSON.parse(fs.readFileSync(path.join(EXTENSION, "locales", file), "utf8")) as Record<string, unknown>;
}

/** A block's Liquid without its `{% schema %}`, and the schema's setting defaults (what a new install has). */
function readBlock(name: string): { liquid: string; settings: Record<string, unknown> } {
  const source = fs.readFileSync(path.join(EXTENSION, "blocks", `${name}.liquid`), "utf8");
  const schema = /\{%\s*schema\s*%\}([\s\S]*?)\{%\s*endschema\s*%\}/.exec(source)?.[1] ?? "{}";
  const parsed = JSON.parse(schema) as { settings?: { id?: string; default?: unknown }[] };
  const settings = Object.fromEntries(
    (parsed.settings ?? []).filter((s) => s.id).map((s) => [s.id as string, s.default]),
  );
  return { liquid: source.replace(/\{%\s*schema\s*%\}[\s\S]*?\{%\s*endschema\s*%\}/, ""), settings };
}

function engineFor(locale: StoreLocale): Liquid {
  const engine = new Liquid({
    root: path.join(EXTENSION, "snippets"),
    extname: ".liquid",
    // as in a Shopify theme, nothing outside the extension is readable
    relativeReference: false,
    // Shopify's global objects, which snippets see too
    globals: { request: { locale: { iso_code: locale } } },
  });
  const texts = extensionTexts(locale);
  engine.registerFilter("t", (key: string) => {
    const value = String(key)
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
    return typeof value === "string" ? value : `translation missing: ${locale}.${key}`;
  });
  return engine;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The store's layout (theme.liquid's part): header, the page, footer, and the app embed's output. */
async function layout(input: { locale: StoreLocale; shopName: string; content: string }): Promise<string> {
  const engine = engineFor(input.locale);
  const embed = readBlock("withdrawal-embed");
  const block = readBlock("withdrawal-link");
  const embedHtml = await engine.parseAndRender(embed.liquid, { block: { settings: embed.settings } });
  const footerBlock = await engine.parseAndRender(block.liquid, {
    block: { settings: block.settings, shopify_attributes: "" },
  });
  const other = input.locale === "fr" ? "en" : "fr";
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.shopName)}</title>
<link rel="stylesheet" href="/store/assets/withdrawal-link.css">
<style>body{margin:0;font-family:Georgia,serif;color:#1a1a1a}header,footer{padding:1rem 2rem;background:#f4efe8}
header a{color:inherit;text-decoration:none;font-size:1.4rem}nav{float:right;font-family:system-ui,sans-serif;font-size:.9rem}
main{min-height:60vh;padding:1rem 2rem;font-family:system-ui,sans-serif}footer{font-family:system-ui,sans-serif;font-size:.9rem}</style>
</head><body>
<header><nav><a href="?locale=${other}">${other === "fr" ? "Français" : "English"}</a></nav><a href="/store?locale=${input.locale}">${escapeHtml(input.shopName)}</a></header>
<main>${input.content}</main>
<footer>${footerBlock}</footer>
${embedHtml}
</body></html>`;
}

function localeOf(url: URL, req: http.IncomingMessage): StoreLocale {
  const asked = url.searchParams.get("locale") ?? String(req.headers["accept-language"] ?? "").slice(0, 2);
  return (LOCALES as readonly string[]).includes(asked) ? (asked as StoreLocale) : "en";
}

async function readRaw(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Serves the store's pages and its app proxy; false when the path is not the storefront's. */
export async function handleStorefront(
  options: StorefrontOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const p = url.pathname;
  if (p === "/store/assets/withdrawal-link.css")
    return serveFile(req, res, path.join(EXTENSION, "assets"), "/withdrawal-link.css");
  if (p === "/store" || p === "/store/") {
    const locale = localeOf(url, req);
    const content =
      locale === "fr"
        ? `<h1>Luminaires faits main</h1><p>Bienvenue chez ${escapeHtml(options.shopName)}. Le lien « Renoncer au contrat ici » reste visible en bas de chaque page, sans connexion.</p>`
        : `<h1>Handmade lighting</h1><p>Welcome to ${escapeHtml(options.shopName)}. The link "Withdraw from contract here" stays visible at the bottom of every page, no sign-in needed.</p>`;
    const html = await layout({ locale, shopName: options.shopName, content });
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html);
    return true;
  }
  if (p !== PROXY_PREFIX && !p.startsWith(`${PROXY_PREFIX}/`)) return false;

  // Shopify's proxy: the rest of the path under the app's proxy URL, the visitor's query signed with Shopify's own
  const query = shopifyProxyQuery({
    visitorQuery: url.searchParams,
    shop: options.shop,
    pathPrefix: PROXY_PREFIX,
    loggedInCustomerId: null,
    nowSeconds: Math.floor(Date.now() / 1000),
    secret: options.apiSecret,
  });
  const target = `${options.appUrl}/proxy${p.slice(PROXY_PREFIX.length)}?${query.toString()}`;
  const headers = new Headers({
    "X-Forwarded-For": req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
    "X-Forwarded-Host": options.shop,
  });
  for (const name of FORWARDED) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? await readRaw(req, 2 * 1024 * 1024) : null;
  if (hasBody && body === null) {
    res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" }).end("Request Entity Too Large");
    return true;
  }
  const answer = await fetch(target, {
    method: req.method,
    headers,
    body: body ? new Uint8Array(body) : undefined,
    redirect: "manual",
  });
  const type = answer.headers.get("content-type") ?? "";
  if (/^application\/liquid\b/i.test(type)) {
    // rendered as Liquid in the theme, as Shopify does (the app escapes what it must not run)
    const content = await engineFor(localeOf(url, req)).parseAndRender(await answer.text(), {
      shop: { name: options.shopName, permanent_domain: options.shop },
    });
    const html = await layout({ locale: localeOf(url, req), shopName: options.shopName, content });
    res.writeHead(answer.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html);
    return true;
  }
  const passed: Record<string, string> = {};
  for (const name of ["content-type", "retry-after", "location", "allow", "cache-control"]) {
    const value = answer.headers.get(name);
    if (value) passed[name] = value;
  }
  res.writeHead(answer.status, passed);
  res.end(Buffer.from(await answer.arrayBuffer()));
  return true;
}
