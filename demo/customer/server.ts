import { createSecretKey, randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { SignJWT } from "jose";
import type { SmsSink } from "../sms-sink/server";
import type { SmtpSink } from "../smtp-sink/server";
import { closeServer, listen, readBody, sendJson, serveFile } from "../launcher/http";
import { handleStorefront } from "./storefront";

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HERE = import.meta.dirname;
const ASSETS = path.resolve(HERE, "../assets");
const TOKEN_SECONDS = 600;

export interface CustomerServerOptions {
  port: number;
  variable: string;
  appUrl: string;
  shop: string;
  /** The store's name, shown by the storefront pages. */
  shopName: string;
  apiKey: string;
  apiSecret: string;
  /** The simulator's origin: the customer's orders are read from its /demo/state. */
  simulatorUrl: string;
  customers: Rec[];
  smtp: SmtpSink;
  sms: SmsSink;
}

export interface CustomerServer {
  url: string;
  port: number;
  /** The sinks' messages as JSON (the app's GET /demo/mailbox reads it). */
  mailboxUrl: string;
  close(): Promise<void>;
}

/**
 * A customer-account session token as Shopify signs it for a customer account UI extension (HS256 with the
 * app's secret; aud = the app's client id, dest = the shop, sub = the customer). Minted here, server side:
 * the secret never reaches the browser.
 */
export async function customerSessionToken(input: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  customerId: string;
  seconds?: number;
}): Promise<{ token: string; expiresAt: number }> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (input.seconds ?? TOKEN_SECONDS);
  const token = await new SignJWT({
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: `gid://shopify/Customer/${input.customerId}`,
    jti: randomUUID(),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(exp)
    .sign(createSecretKey(Buffer.from(input.apiSecret)));
  return { token, expiresAt: exp * 1000 };
}

const money = (set: Rec | undefined) =>
  set?.shopMoney ? { amount: set.shopMoney.amount, currencyCode: set.shopMoney.currencyCode } : null;

/**
 * The demo's customer page (demo/customer/index.html + app.js) on its own origin, like a customer account
 * extension: it calls the app's real customer API cross-origin with a token this server mints.
 */
export async function startCustomerServer(options: CustomerServerOptions): Promise<CustomerServer> {
  const customers = options.customers.map((c) => ({
    id: String(c.id).split("/").pop()!,
    name: [c.firstName, c.lastName].filter(Boolean).join(" "),
    email: c.email ?? null,
    locale: c.locale === "fr" ? "fr" : "en",
  }));

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const p = url.pathname;
    // the online store and its app proxy (/store, /apps/amend/…), as Shopify serves them
    if (await handleStorefront(options, req, res)) return;
    if (req.method === "GET" && (p === "/" || p === "/index.html")) {
      serveFile(req, res, HERE, "/index.html");
      return;
    }
    if (req.method === "GET" && (p === "/app.js" || p === "/style.css")) {
      serveFile(req, res, HERE, p);
      return;
    }
    if (p.startsWith("/demo/assets/") && serveFile(req, res, ASSETS, p.slice("/demo/assets".length))) return;
    if (req.method === "GET" && p === "/config.json") {
      return sendJson(res, 200, { appUrl: options.appUrl, shop: options.shop, customers });
    }
    if (req.method === "POST" && p === "/token") {
      const body = JSON.parse((await readBody(req)) || "{}") as { customerId?: string };
      const customer = customers.find((c) => c.id === body.customerId);
      if (!customer)
        return sendJson(res, 404, { error: { code: "UNKNOWN_CUSTOMER", message: "No such demo customer" } });
      return sendJson(
        res,
        200,
        await customerSessionToken({
          shop: options.shop,
          apiKey: options.apiKey,
          apiSecret: options.apiSecret,
          customerId: customer.id,
        }),
      );
    }
    if (req.method === "GET" && p === "/orders") {
      const customerId = url.searchParams.get("customer") ?? "";
      const state = (await (await fetch(`${options.simulatorUrl}/demo/state`)).json()) as { orders: Rec[] };
      const orders = state.orders
        .filter((o) => String(o.customer?.id ?? "").endsWith(`/${customerId}`))
        .map((o) => ({
          id: String(o.id).split("/").pop(),
          name: o.name,
          createdAt: o.createdAt,
          financialStatus: o.displayFinancialStatus,
          fulfillmentStatus: o.displayFulfillmentStatus,
          cancelled: Boolean(o.cancelledAt),
          total: money(o.totalPriceSet),
          items: (o.lineItems?.nodes ?? []).map((l: Rec) => ({
            title: l.title,
            quantity: l.currentQuantity ?? l.quantity,
          })),
        }));
      return sendJson(res, 200, { orders });
    }
    if (req.method === "GET" && p === "/mailbox.json") {
      return sendJson(res, 200, {
        emails: options.smtp.messages.map((m) => ({
          messageId: m.messageId,
          from: m.from,
          to: m.to,
          subject: m.subject,
          html: m.html,
          text: m.text,
          receivedAt: m.receivedAt.toISOString(),
        })),
        sms: options.sms.messages.map((m) => ({
          sid: m.sid,
          to: m.to,
          from: m.from,
          body: m.body,
          receivedAt: m.receivedAt.toISOString(),
        })),
      });
    }
    sendJson(res, 404, { error: { code: "NOT_FOUND", message: `${req.method} ${p}` } });
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
