import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { SmsSink } from "../sms-sink/server";
import type { SmtpSink } from "../smtp-sink/server";
import { closeServer, listen, readBody, sendJson, serveFile } from "../launcher/http";
import { PLACES, PREVIEW_EXTENSIONS, type PreviewExtension, type Target, readExtension } from "./extensions";
import { type Customer, type Lang, type PageContext, type PreviewOrder, pages } from "./pages";
import { adminSessionToken, customerSessionToken } from "./tokens";

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, "../..");
const CLIENT = path.join(HERE, "client");
const ASSETS = path.resolve(HERE, "../assets");

export interface PreviewServerOptions {
  port: number;
  variable: string;
  appUrl: string;
  shop: string;
  apiKey: string;
  apiSecret: string;
  /** The simulator's origin: orders are read from its /demo/state, as Shopify's pages would show them. */
  simulatorUrl: string;
  customers: Rec[];
  smtp: SmtpSink;
  sms: SmsSink;
  /** Resolves once the extensions' bundles are built (the bundles are served only then). */
  bundles: Promise<void>;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** The sinks' messages as JSON (the app's GET /demo/mailbox reads it). */
  mailboxUrl: string;
  close(): Promise<void>;
}

/** The app's URL as the extensions have it (shopify.app.toml): the preview routes it to the demo's app. */
function applicationUrl(): string {
  const toml = fs.readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8");
  return toml.match(/^application_url\s*=\s*"([^"]+)"/m)?.[1] ?? "";
}

const money = (set: Rec | undefined) =>
  set?.shopMoney ? { amount: String(set.shopMoney.amount), currencyCode: String(set.shopMoney.currencyCode) } : null;

/**
 * The local extension preview (docs/preview.md): pages in the look of Shopify's customer account, thank-you page
 * and admin order page, where each extension target runs its real bundle in a frame of its own, with the `shopify`
 * global that target gets (client/host.js) and the Polaris web components (client/elements.js).
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const customers: Customer[] = options.customers.map((c) => ({
    id: String(c.id).split("/").pop()!,
    name: [c.firstName, c.lastName].filter(Boolean).join(" "),
    firstName: String(c.firstName ?? ""),
    email: c.email ?? null,
    lang: c.locale === "fr" ? "fr" : "en",
  }));
  const extensions = new Map<string, PreviewExtension>(PREVIEW_EXTENSIONS.map((h) => [h, readExtension(h)]));
  const appTomlUrl = applicationUrl();

  const state = async () => (await (await fetch(`${options.simulatorUrl}/demo/state`)).json()) as Rec;
  const ordersOf = async (customerId: string): Promise<{ shop: Rec; orders: PreviewOrder[] }> => {
    const s = await state();
    const orders = (s.orders as Rec[])
      .filter((o) => customerId === "*" || String(o.customer?.id ?? "").endsWith(`/${customerId}`))
      .map((o): PreviewOrder => ({
        id: String(o.id).split("/").pop()!,
        gid: String(o.id),
        name: String(o.name),
        customerId:
          String(o.customer?.id ?? "")
            .split("/")
            .pop() ?? "",
        createdAt: String(o.createdAt),
        financialStatus: String(o.displayFinancialStatus ?? ""),
        fulfillmentStatus: String(o.displayFulfillmentStatus ?? ""),
        cancelledAt: o.cancelledAt ?? null,
        email: o.email ?? null,
        total: money(o.totalPriceSet),
        shipping: money(o.shippingLines?.nodes?.[0]?.originalPriceSet),
        shippingTitle: o.shippingLines?.nodes?.[0]?.title ?? null,
        address: o.shippingAddress ?? null,
        holds: (o.fulfillmentOrders?.nodes ?? []).some((f: Rec) => f.status === "ON_HOLD"),
        items: (o.lineItems?.nodes ?? []).map((l: Rec) => ({
          title: String(l.title),
          quantity: Number(l.currentQuantity ?? l.quantity),
          price: money(l.originalUnitPriceSet),
        })),
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { shop: s.shop ?? {}, orders };
  };

  const html = (res: http.ServerResponse, status: number, body: string) => {
    res.writeHead(status, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
    });
    res.end(body);
  };

  /** The targets of the registered extensions that go in `place`, in registration order. */
  const inPlace = (place: string) =>
    [...extensions.values()].flatMap((e) =>
      e.targets.filter((t) => PLACES[t] === place).map((target) => ({ handle: e.handle, target })),
    );

  const context = async (customer: Customer, lang: Lang): Promise<PageContext> => {
    const { shop, orders } = await ordersOf(customer.id);
    return {
      lang,
      customer,
      customers,
      shop: {
        name: String(shop.name ?? options.shop),
        domain: options.shop,
        logoUrl: typeof shop.emailLogoUrl === "string" && shop.emailLogoUrl.startsWith("/") ? shop.emailLogoUrl : null,
      },
      orders,
      inPlace,
      extensionName: (handle) => {
        const e = extensions.get(handle);
        const messages = (e?.locales[lang] ?? e?.locales[e.defaultLocale ?? "en"]) as Rec | undefined;
        return String(messages?.name ?? handle);
      },
    };
  };

  const findCustomer = (id: string | undefined) => customers.find((c) => c.id === id);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const p = url.pathname;
    const get = req.method === "GET" || req.method === "HEAD";
    let m: RegExpMatchArray | null;

    if (get && p === "/") return html(res, 200, pages.home(customers, await ordersOf("*")));
    if (get && p.startsWith("/client/") && serveFile(req, res, CLIENT, p.slice("/client".length))) return;
    if (p.startsWith("/demo/assets/") && serveFile(req, res, ASSETS, p.slice("/demo/assets".length))) return;

    // the customer account: orders, an order, a full-page extension of an order
    if (get && (m = p.match(/^\/account\/(\d+)(?:\/orders\/(\d+)(?:\/pages\/([a-z0-9-]+))?)?\/?$/))) {
      const customer = findCustomer(m[1]);
      if (!customer) return html(res, 404, pages.notFound("en"));
      const ctx = await context(customer, customer.lang);
      if (!m[2]) return html(res, 200, pages.orders(ctx));
      const order = ctx.orders.find((o) => o.id === m![2]);
      if (!order) return html(res, 404, pages.notFound(customer.lang));
      if (!m[3]) return html(res, 200, pages.order(ctx, order, url.searchParams.get("auth") === "pre"));
      const full = inPlace("order-full-page").find((x) => x.handle === m![3]);
      if (!full) return html(res, 404, pages.notFound(customer.lang));
      return html(res, 200, pages.fullPage(ctx, order, full));
    }
    if (get && (m = p.match(/^\/checkout\/(\d+)\/thank-you\/(\d+)\/?$/))) {
      const customer = findCustomer(m[1]);
      const ctx = customer && (await context(customer, customer.lang));
      const order = ctx?.orders.find((o) => o.id === m![2]);
      if (!ctx || !order) return html(res, 404, pages.notFound(customer?.lang ?? "en"));
      return html(res, 200, pages.thankYou(ctx, order));
    }
    if (get && (m = p.match(/^\/admin\/(en|fr)\/orders\/(\d+)\/?$/))) {
      const lang = m[1] as Lang;
      const { orders } = await ordersOf("*");
      const order = orders.find((o) => o.id === m![2]);
      const owner = findCustomer(order?.customerId);
      if (!order || !owner) return html(res, 404, pages.notFound(lang));
      return html(res, 200, pages.admin(await context(owner, lang), order));
    }

    // one extension target in its own document: its bundle, the `shopify` global of its target, the elements
    if (get && (m = p.match(/^\/frame\/([a-z0-9-]+)$/))) {
      const extension = extensions.get(m[1]!);
      const target = url.searchParams.get("target") as Target;
      const lang = (url.searchParams.get("lang") === "fr" ? "fr" : "en") as Lang;
      const customer = findCustomer(url.searchParams.get("customer") ?? undefined);
      const orderId = url.searchParams.get("order") ?? "";
      if (!extension || !extension.targets.includes(target) || !customer) return html(res, 404, pages.notFound(lang));
      const { shop, orders } = await ordersOf("*");
      const order = orders.find((o) => o.id === orderId);
      if (!order) return html(res, 404, pages.notFound(lang));
      const messages = extension.locales[lang] ?? extension.locales[extension.defaultLocale];
      return html(
        res,
        200,
        pages.frame({
          handle: extension.handle,
          target,
          apiVersion: extension.apiVersion,
          lang,
          // the extension's own strings in the shopper's language, and its default locale for missing keys
          messages,
          fallback: extension.locales[extension.defaultLocale],
          customer: { id: customer.id, gid: `gid://shopify/Customer/${customer.id}` },
          order: { gid: order.gid, id: order.id, name: order.name, processedAt: order.createdAt },
          orderCancelledAt: order.cancelledAt,
          shop: {
            id: String(shop.id ?? ""),
            name: String(shop.name ?? ""),
            myshopifyDomain: options.shop,
            storefrontUrl: String(shop.url ?? `https://${options.shop}`),
          },
          authenticationState: url.searchParams.get("auth") === "pre" ? "pre_authenticated" : "fully_authenticated",
          appUrl: options.appUrl,
          applicationUrl: appTomlUrl,
          accountUrl: `/account/${customer.id}`,
        }),
      );
    }
    if (get && (m = p.match(/^\/bundles\/([a-z0-9-]+)\.js$/))) {
      const extension = extensions.get(m[1]!);
      if (!extension) return sendJson(res, 404, { error: { code: "NOT_FOUND", message: p } });
      await options.bundles;
      if (!fs.existsSync(extension.bundle))
        return sendJson(res, 404, {
          error: { code: "NOT_BUILT", message: `No ${extension.handle} bundle: run npm run build:extensions` },
        });
      const body = fs.readFileSync(extension.bundle);
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" });
      return res.end(body);
    }

    // what `shopify.sessionToken.get()` (and an admin extension's fetch) gets: minted here, never in the browser
    if (req.method === "POST" && p === "/session-token") {
      let body: { target?: string; customer?: string };
      try {
        body = JSON.parse((await readBody(req, 4096)) || "{}") as typeof body;
      } catch {
        return sendJson(res, 400, { error: { code: "INVALID_BODY", message: "Send JSON: { target, customer }" } });
      }
      const target = body.target as Target;
      if (typeof target !== "string" || !Object.hasOwn(PLACES, target))
        return sendJson(res, 400, { error: { code: "UNKNOWN_TARGET", message: "No such extension target" } });
      const input = { shop: options.shop, apiKey: options.apiKey, apiSecret: options.apiSecret };
      if (target.startsWith("admin."))
        return sendJson(res, 200, await adminSessionToken({ ...input, staffId: "1", sessionId: "preview-admin" }));
      const customer = findCustomer(body.customer);
      if (!customer)
        return sendJson(res, 404, { error: { code: "UNKNOWN_CUSTOMER", message: "No such demo customer" } });
      return sendJson(res, 200, await customerSessionToken({ ...input, customerId: customer.id }));
    }

    if (get && p === "/mailbox.json") {
      return sendJson(res, 200, {
        emails: options.smtp.messages.map((msg) => ({
          messageId: msg.messageId,
          from: msg.from,
          to: msg.to,
          subject: msg.subject,
          html: msg.html,
          text: msg.text,
          receivedAt: msg.receivedAt.toISOString(),
        })),
        sms: options.sms.messages.map((msg) => ({
          sid: msg.sid,
          to: msg.to,
          from: msg.from,
          body: msg.body,
          receivedAt: msg.receivedAt.toISOString(),
        })),
      });
    }
    html(res, 404, pages.notFound("en"));
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: "INTERNAL", message: error.message } });
      else res.end();
    });
  });
  const port = await listen(server, options.port, options.variable);
  const url = `http://localhost:${port}`;
  return { url, port, mailboxUrl: `http://127.0.0.1:${port}/mailbox.json`, close: () => closeServer(server) };
}
