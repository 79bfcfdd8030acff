import { env } from "~/env.server";

/**
 * The offline demo's pages (`npm run demo`, DEMO_MODE=true): what the simulator holds and what the sinks
 * captured, as JSON or as a plain HTML page for a browser. Never reachable outside demo mode.
 */

export interface MailboxEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string;
  receivedAt: string;
}
export interface MailboxSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  receivedAt: string;
}
export interface Mailbox {
  emails: MailboxEmail[];
  sms: MailboxSms[];
}

/** 404 unless the app runs in demo mode (production never serves these pages). */
export function requireDemo(): ReturnType<typeof env> {
  const config = env();
  if (!config.DEMO_MODE) throw new Response("Not Found", { status: 404 });
  return config;
}

export function wantsHtml(request: Request): boolean {
  return (request.headers.get("Accept") ?? "").includes("text/html");
}

async function fetchJson<T>(url: string, what: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new Response(`${what} is not reachable at ${url}: ${(error as Error).message}`, { status: 502 });
  }
  if (!res.ok) throw new Response(`${what} answered ${res.status}`, { status: 502 });
  return (await res.json()) as T;
}

/** The simulator's state (its GET /demo/state): the orders as Shopify would now hold them. */
export function simulatorState(): Promise<{ shop: Record<string, unknown>; orders: Record<string, unknown>[] }> {
  const origin = requireDemo().SHOPIFY_ADMIN_API_ORIGIN;
  if (!origin) throw new Response("SHOPIFY_ADMIN_API_ORIGIN is not set: no simulator to read", { status: 503 });
  return fetchJson(`${origin.replace(/\/$/, "")}/demo/state`, "The Admin API simulator");
}

/** The emails and SMS the demo's sinks captured, oldest first. */
export function mailbox(): Promise<Mailbox> {
  const url = requireDemo().DEMO_MAILBOX_URL;
  if (!url) throw new Response("DEMO_MAILBOX_URL is not set: no mailbox to read", { status: 503 });
  return fetchJson(url, "The demo mailbox");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);

function page(title: string, body: string): Response {
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — Amend demo</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1f1f1f; background: #f6f6f7; }
  header, main { max-width: 1100px; margin: 0 auto; padding: 16px; }
  header { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
  h1 { font-size: 22px; margin: 0; }
  nav a { margin-right: 12px; }
  article { background: #fff; border: 1px solid #e1e3e5; border-radius: 10px; padding: 12px 16px; margin: 0 0 12px; }
  h2 { font-size: 17px; margin: 0 0 4px; }
  .meta { color: #616161; font-size: 13px; }
  iframe { width: 100%; height: 480px; border: 1px solid #e1e3e5; border-radius: 6px; background: #fff; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e1e3e5; vertical-align: top; }
  .badge { display: inline-block; padding: 0 8px; border-radius: 8px; background: #e4e5e7; font-size: 13px; }
  .held { background: #ffd79d; } .cancelled { background: #fed1d7; } .ok { background: #cdfee1; }
  pre { white-space: pre-wrap; margin: 4px 0 0; }
</style>
</head>
<body>
<header><h1>${esc(title)}</h1><nav aria-label="Demo"><a href="/app/requests">Admin: requests</a><a href="/demo/state">Store state</a><a href="/demo/mailbox">Mailbox</a></nav></header>
<main>${body}</main>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function addressLine(a: Rec | null | undefined): string {
  if (!a) return "—";
  return [a.address1, a.address2, [a.zip, a.city].filter(Boolean).join(" "), a.countryCodeV2 ?? a.countryCode]
    .filter(Boolean)
    .join(", ");
}

/** GET /demo/state for a browser: one row per order, with what the demo is about (address, holds, cancellation). */
export function statePage(state: { shop: Rec; orders: Rec[] }): Response {
  const rows = state.orders
    .map((o) => {
      const fos: Rec[] = o.fulfillmentOrders?.nodes ?? [];
      const held = fos.some((f) => f.status === "ON_HOLD");
      const status = o.cancelledAt
        ? `<span class="badge cancelled">cancelled ${esc(o.cancelReason ?? "")}</span>`
        : held
          ? `<span class="badge held">on hold</span>`
          : `<span class="badge">${esc(o.displayFulfillmentStatus)}</span>`;
      return `<tr>
  <th scope="row">${esc(o.name)}</th>
  <td>${esc(o.customer?.id?.split("/").pop() ?? "")}</td>
  <td>${esc(o.displayFinancialStatus)}</td>
  <td>${status}<div class="meta">${fos.map((f) => `${esc(f.status)}${f.fulfillmentHolds?.length ? ` (${f.fulfillmentHolds.length} hold)` : ""}`).join(", ")}</div></td>
  <td>${esc(addressLine(o.shippingAddress))}</td>
  <td class="meta">${esc(o.note ?? "")}</td>
</tr>`;
    })
    .join("\n");
  return page(
    `${state.shop?.name ?? "Store"} — orders in the simulator`,
    `<p class="meta">What Shopify (the Admin API simulator) holds now. The same URL answers JSON to a client that does not ask for HTML.</p>
<table><thead><tr><th scope="col">Order</th><th scope="col">Customer</th><th scope="col">Payment</th><th scope="col">Fulfillment</th><th scope="col">Shipping address</th><th scope="col">Demonstrates</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

/** GET /demo/mailbox for a browser: every email (rendered in a sandboxed frame) and SMS, newest first. */
export function mailboxPage(box: Mailbox): Response {
  const emails = [...box.emails]
    .reverse()
    .map(
      (m, i) => `<article aria-labelledby="mail-${i}">
  <h2 id="mail-${i}">${esc(m.subject)}</h2>
  <p class="meta">To ${esc(m.to.join(", "))} · from ${esc(m.from)} · ${esc(m.receivedAt)}</p>
  ${
    m.html
      ? `<iframe sandbox="" title="${esc(m.subject)}" srcdoc="${esc(m.html)}" loading="lazy"></iframe>`
      : `<pre>${esc(m.text)}</pre>`
  }
</article>`,
    )
    .join("\n");
  const sms = [...box.sms]
    .reverse()
    .map(
      (s, i) => `<article aria-labelledby="sms-${i}">
  <h2 id="sms-${i}">SMS to ${esc(s.to)}</h2>
  <p class="meta">from ${esc(s.from)} · ${esc(s.receivedAt)}</p>
  <pre>${esc(s.body)}</pre>
</article>`,
    )
    .join("\n");
  return page(
    "Mailbox",
    `<p class="meta">Emails caught by the SMTP sink and SMS caught by the SMS sink (nothing leaves this machine). Reload to see new ones.</p>
<section aria-labelledby="emails"><h2 id="emails">Emails (${box.emails.length})</h2>${emails || "<p>No email yet.</p>"}</section>
<section aria-labelledby="sms"><h2 id="sms">SMS (${box.sms.length})</h2>${sms || "<p>No SMS yet. SMS are off by default: switch them on in Notifications.</p>"}</section>`,
  );
}
