import type { Place, Target } from "./extensions";

/** The preview's pages: the look of Shopify's customer account, thank-you page and admin, around the extensions. */

export type Lang = "en" | "fr";

export interface Customer {
  id: string;
  name: string;
  firstName: string;
  email: string | null;
  lang: Lang;
}

type Money = { amount: string; currencyCode: string } | null;

export interface PreviewOrder {
  id: string;
  gid: string;
  name: string;
  customerId: string;
  createdAt: string;
  financialStatus: string;
  fulfillmentStatus: string;
  cancelledAt: string | null;
  email: string | null;
  total: Money;
  shipping: Money;
  shippingTitle: string | null;
  address: Record<string, string | null> | null;
  holds: boolean;
  items: { title: string; quantity: number; price: Money }[];
}

export interface PageContext {
  lang: Lang;
  customer: Customer;
  customers: Customer[];
  /** The logo is the store's (its `emailLogoUrl`, a path on this server); without one, its name. */
  shop: { name: string; domain: string; logoUrl: string | null };
  orders: PreviewOrder[];
  inPlace: (place: Place) => { handle: string; target: Target }[];
  extensionName: (handle: string) => string;
}

const STRINGS = {
  en: {
    orders: "Orders",
    profile: "Profile",
    order: "Order {name}",
    placed: "Confirmed {date}",
    noOrders: "You have no orders yet.",
    items: "Items",
    quantity: "Quantity {n}",
    shippingAddress: "Shipping address",
    shippingMethod: "Shipping method",
    payment: "Payment",
    total: "Total",
    back: "Back to orders",
    backToOrder: "Back to order {name}",
    thanks: "Thank you, {name}!",
    confirmed: "Your order is confirmed",
    confirmedText: "You’ll receive a confirmation email with your order number shortly.",
    orderDetails: "Order details",
    contact: "Contact information",
    adminOrders: "Orders",
    adminOrder: "Order {name}",
    customer: "Customer",
    unfulfilled: "Unfulfilled",
    notFound: "Page not found",
    notFoundText: "This page does not exist in the demo.",
    extension: "Extension: {name}",
    cancelled: "Cancelled",
    onHold: "On hold",
    fin: {
      AUTHORIZED: "Payment authorized",
      PAID: "Paid",
      PENDING: "Payment pending",
      PARTIALLY_PAID: "Partially paid",
      REFUNDED: "Refunded",
      PARTIALLY_REFUNDED: "Partially refunded",
      VOIDED: "Voided",
    } as Record<string, string>,
    ful: {
      UNFULFILLED: "Unfulfilled",
      FULFILLED: "Fulfilled",
      PARTIALLY_FULFILLED: "Partially fulfilled",
      IN_PROGRESS: "In progress",
      ON_HOLD: "On hold",
      SCHEDULED: "Scheduled",
    } as Record<string, string>,
    preview: "Extension preview",
  },
  fr: {
    orders: "Commandes",
    profile: "Profil",
    order: "Commande {name}",
    placed: "Confirmée le {date}",
    noOrders: "Vous n’avez pas encore de commande.",
    items: "Articles",
    quantity: "Quantité {n}",
    shippingAddress: "Adresse de livraison",
    shippingMethod: "Mode d’expédition",
    payment: "Paiement",
    total: "Total",
    back: "Retour aux commandes",
    backToOrder: "Retour à la commande {name}",
    thanks: "Merci, {name} !",
    confirmed: "Votre commande est confirmée",
    confirmedText: "Vous allez recevoir un e-mail de confirmation avec votre numéro de commande.",
    orderDetails: "Détails de la commande",
    contact: "Coordonnées",
    adminOrders: "Commandes",
    adminOrder: "Commande {name}",
    customer: "Client",
    unfulfilled: "Non traitée",
    notFound: "Page introuvable",
    notFoundText: "Cette page n’existe pas dans la démo.",
    extension: "Extension : {name}",
    cancelled: "Annulée",
    onHold: "En attente",
    fin: {
      AUTHORIZED: "Paiement autorisé",
      PAID: "Payée",
      PENDING: "Paiement en attente",
      PARTIALLY_PAID: "Partiellement payée",
      REFUNDED: "Remboursée",
      PARTIALLY_REFUNDED: "Partiellement remboursée",
      VOIDED: "Annulé",
    } as Record<string, string>,
    ful: {
      UNFULFILLED: "Non traitée",
      FULFILLED: "Expédiée",
      PARTIALLY_FULFILLED: "Partiellement expédiée",
      IN_PROGRESS: "En préparation",
      ON_HOLD: "En attente",
      SCHEDULED: "Planifiée",
    } as Record<string, string>,
    preview: "Aperçu des extensions",
  },
};

type Strings = (typeof STRINGS)["en"];
type Key = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

const s = (lang: Lang, key: Key, values: Record<string, string | number> = {}) =>
  STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** Escapes text for HTML content and quoted attributes. */
export function esc(value: unknown): string {
  return String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const formatMoney = (lang: Lang, m: Money) =>
  m ? new Intl.NumberFormat(lang, { style: "currency", currency: m.currencyCode }).format(Number(m.amount)) : "";
const formatDate = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(iso));

function document(lang: Lang, title: string, body: string, kind: "account" | "checkout" | "admin" | "home") {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width,initial-scale=1" />
<title>${esc(title)}</title>
<link rel="stylesheet" href="/client/pages.css" />
<script type="module" src="/client/page.js"></script>
</head>
<body class="page-${kind}">
${body}
</body>
</html>`;
}

/**
 * One extension target's frame. `data-place` says where it sits; the host page sizes it to its content
 * (client/page.js), as Shopify sizes an extension's sandboxed frame.
 */
function frame(
  ctx: PageContext,
  order: PreviewOrder,
  x: { handle: string; target: Target },
  extra: Record<string, string> = {},
) {
  const query = new URLSearchParams({
    target: x.target,
    lang: ctx.lang,
    customer: ctx.customer.id,
    order: order.id,
    ...extra,
  });
  return `<iframe class="extension-frame" data-handle="${esc(x.handle)}" data-order="${esc(order.id)}" data-target="${esc(x.target)}" title="${esc(
    `${s(ctx.lang, "extension", { name: ctx.extensionName(x.handle) })} · ${order.name}`,
  )}" src="/frame/${esc(x.handle)}?${esc(query.toString())}"></iframe>`;
}

function logo(ctx: PageContext, height: number) {
  return ctx.shop.logoUrl
    ? `<img src="${esc(ctx.shop.logoUrl)}" alt="${esc(ctx.shop.name)}" height="${height}" />`
    : `<span>${esc(ctx.shop.name)}</span>`;
}

/** The dialogs an order's action menu items open (their frame is made when one opens: client/page.js). */
function actionModals(ctx: PageContext, o: PreviewOrder) {
  return ctx
    .inPlace("order-action-modal")
    .map(
      (x) =>
        `<dialog class="action-modal" data-handle="${esc(x.handle)}" data-order="${esc(o.id)}" data-src="/frame/${esc(x.handle)}?${esc(
          new URLSearchParams({ target: x.target, lang: ctx.lang, customer: ctx.customer.id, order: o.id }).toString(),
        )}" aria-label="${esc(ctx.extensionName(x.handle))}"></dialog>`,
    );
}

function accountHeader(ctx: PageContext) {
  return `<header class="account-header">
  <a class="shop" href="/account/${esc(ctx.customer.id)}">${logo(ctx, 36)}</a>
  <nav aria-label="${esc(s(ctx.lang, "orders"))}">
    <a href="/account/${esc(ctx.customer.id)}" aria-current="page">${esc(s(ctx.lang, "orders"))}</a>
    <span class="nav-muted">${esc(s(ctx.lang, "profile"))}</span>
  </nav>
  <span class="avatar" title="${esc(ctx.customer.name)}" aria-label="${esc(ctx.customer.name)}">${esc(ctx.customer.firstName.slice(0, 1))}</span>
</header>`;
}

function statusBadges(lang: Lang, o: PreviewOrder) {
  const badges: string[] = [];
  if (o.cancelledAt) badges.push(`<span class="badge critical">${esc(s(lang, "cancelled"))}</span>`);
  badges.push(`<span class="badge">${esc(STRINGS[lang].fin[o.financialStatus] ?? o.financialStatus)}</span>`);
  if (!o.cancelledAt)
    badges.push(
      `<span class="badge ${o.holds ? "warning" : ""}">${esc(o.holds ? s(lang, "onHold") : (STRINGS[lang].ful[o.fulfillmentStatus] ?? o.fulfillmentStatus))}</span>`,
    );
  return badges.join(" ");
}

function addressLines(a: PreviewOrder["address"]) {
  if (!a) return "";
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  const town = [a.zip, a.city].filter(Boolean).join(" ");
  return [name, a.company, a.address1, a.address2, town, a.provinceCode, a.countryCodeV2 ?? a.countryCode]
    .filter(Boolean)
    .map((l) => `${esc(l)}<br />`)
    .join("");
}

function items(lang: Lang, o: PreviewOrder) {
  return `<ul class="items">${o.items
    .map(
      (i) =>
        `<li><span class="thumb" aria-hidden="true"></span><span class="item-title">${esc(i.title)}<small>${esc(
          s(lang, "quantity", { n: i.quantity }),
        )}</small></span><span>${esc(formatMoney(lang, i.price))}</span></li>`,
    )
    .join("")}</ul>`;
}

function notFound(lang: Lang) {
  return document(
    lang,
    s(lang, "notFound"),
    `<main class="narrow"><h1>${esc(s(lang, "notFound"))}</h1><p>${esc(s(lang, "notFoundText"))}</p><p><a href="/">${esc(
      s(lang, "preview"),
    )}</a></p></main>`,
    "account",
  );
}

export const pages = {
  notFound,

  /** The preview's index: each customer's pages, in their language. */
  home(customers: Customer[], all: { orders: PreviewOrder[] }) {
    const columns = customers
      .map((c) => {
        const first = all.orders.filter((o) => o.customerId === c.id).at(-1);
        const l = c.lang;
        return `<section class="card" lang="${l}" aria-labelledby="who-${esc(c.id)}">
  <h2 id="who-${esc(c.id)}">${esc(c.name)} <span class="badge">${esc(l)}</span></h2>
  <ul class="links">
    <li><a href="/account/${esc(c.id)}">${esc(l === "fr" ? "Espace client" : "Customer account")}</a> — ${esc(
      l === "fr"
        ? "commandes, menu d’actions, fenêtre, bloc de statut, page d’adresse"
        : "orders, action menu, modal, status block, address page",
    )}</li>
    ${first ? `<li><a href="/checkout/${esc(c.id)}/thank-you/${esc(first.id)}">${esc(l === "fr" ? "Page de remerciement" : "Thank-you page")}</a> — ${esc(first.name)}</li>` : ""}
    ${first ? `<li><a href="/admin/${esc(l)}/orders/${esc(first.id)}">${esc(l === "fr" ? "Page de commande de l’admin" : "Admin order page")}</a> — ${esc(first.name)}</li>` : ""}
  </ul>
</section>`;
      })
      .join("\n");
    return document(
      "en",
      "Amend — extension preview · aperçu des extensions",
      `<main class="narrow"><h1>Amend — extension preview · <span lang="fr">aperçu des extensions</span></h1>
<p class="muted">Each customer’s pages as Shopify shows them. Every button, block, modal and page of Amend in them is the
extension’s real bundle (<code>extensions/*/dist</code>, built by <code>shopify app build</code>), calling the demo’s app.</p>
<p class="muted" lang="fr">Les pages de chaque client telles que Shopify les affiche. Chaque bouton, bloc, fenêtre et page
d’Amend y est le vrai bundle de l’extension (<code>extensions/*/dist</code>, construit par <code>shopify app build</code>),
qui appelle l’app de la démo.</p>
${columns}</main>`,
      "home",
    );
  },

  orders(ctx: PageContext) {
    const l = ctx.lang;
    const cards = ctx.orders.length
      ? ctx.orders
          .map(
            (o) => `<li class="card order-card">
  <a class="order-link" href="/account/${esc(ctx.customer.id)}/orders/${esc(o.id)}">${esc(s(l, "order", { name: o.name }))}</a>
  <p class="muted">${esc(s(l, "placed", { date: formatDate(l, o.createdAt) }))}</p>
  <p>${statusBadges(l, o)}</p>
  <p class="total">${esc(formatMoney(l, o.total))} · ${o.items.reduce((n, i) => n + i.quantity, 0)} ×</p>
  <div class="action-menu" role="group" aria-label="${esc(s(l, "order", { name: o.name }))}">${ctx
    .inPlace("order-action-menu")
    .map((x) => frame(ctx, o, x))
    .join("")}</div>${actionModals(ctx, o).join("")}
</li>`,
          )
          .join("")
      : `<li class="card">${esc(s(l, "noOrders"))}</li>`;
    return document(
      l,
      `${s(l, "orders")} — ${ctx.shop.name}`,
      `${accountHeader(ctx)}<main><h1>${esc(s(l, "orders"))}</h1><ul class="order-grid">${cards}</ul></main>`,
      "account",
    );
  },

  order(ctx: PageContext, o: PreviewOrder, preAuthenticated: boolean) {
    const l = ctx.lang;
    const extra: Record<string, string> = preAuthenticated ? { auth: "pre" } : {};
    const menu = ctx.inPlace("order-action-menu").map((x) => frame(ctx, o, x, extra));
    const blocks = ctx.inPlace("order-status-block").map((x) => frame(ctx, o, x, extra));
    const modals = actionModals(ctx, o);
    return document(
      l,
      `${s(l, "order", { name: o.name })} — ${ctx.shop.name}`,
      `${accountHeader(ctx)}
<main>
  <a class="back" href="/account/${esc(ctx.customer.id)}">← ${esc(s(l, "back"))}</a>
  <div class="order-head">
    <div><h1>${esc(s(l, "order", { name: o.name }))}</h1><p class="muted">${esc(s(l, "placed", { date: formatDate(l, o.createdAt) }))}</p></div>
    <div class="action-menu" role="group" aria-label="${esc(s(l, "order", { name: o.name }))}">${menu.join("")}</div>
  </div>
  <div class="columns">
    <div class="main-column">
      <section class="card" aria-labelledby="status-h"><h2 id="status-h">${statusBadges(l, o)}</h2>${items(l, o)}</section>
      ${blocks.map((b) => `<div class="block-slot">${b}</div>`).join("")}
    </div>
    <aside class="card side">
      <h2>${esc(s(l, "orderDetails"))}</h2>
      <h3>${esc(s(l, "shippingAddress"))}</h3><address>${addressLines(o.address)}</address>
      <h3>${esc(s(l, "shippingMethod"))}</h3><p>${esc(o.shippingTitle)} ${o.shipping ? `· ${esc(formatMoney(l, o.shipping))}` : ""}</p>
      <h3>${esc(s(l, "payment"))}</h3><p>${esc(STRINGS[l].fin[o.financialStatus] ?? o.financialStatus)}</p>
      <h3>${esc(s(l, "total"))}</h3><p class="total">${esc(formatMoney(l, o.total))}</p>
    </aside>
  </div>
</main>
${modals.join("")}`,
      "account",
    );
  },

  fullPage(ctx: PageContext, o: PreviewOrder, x: { handle: string; target: Target }) {
    const l = ctx.lang;
    return document(
      l,
      `${ctx.extensionName(x.handle)} — ${ctx.shop.name}`,
      `${accountHeader(ctx)}<main class="full-page">${frame(ctx, o, x)}</main>`,
      "account",
    );
  },

  thankYou(ctx: PageContext, o: PreviewOrder) {
    const l = ctx.lang;
    const blocks = ctx.inPlace("thank-you-block").map((x) => frame(ctx, o, x));
    return document(
      l,
      `${s(l, "thanks", { name: ctx.customer.firstName })} — ${ctx.shop.name}`,
      `<header class="checkout-header">${logo(ctx, 44)}</header>
<div class="checkout">
  <main>
    <div class="thanks"><span class="check" aria-hidden="true">✓</span><div><p class="muted">${esc(s(l, "order", { name: o.name }))}</p><h1>${esc(
      s(l, "thanks", { name: ctx.customer.firstName }),
    )}</h1></div></div>
    <section class="card"><h2>${esc(s(l, "confirmed"))}</h2><p>${esc(s(l, "confirmedText"))}</p></section>
    ${blocks.map((b) => `<div class="block-slot">${b}</div>`).join("")}
    <section class="card"><h2>${esc(s(l, "orderDetails"))}</h2>
      <div class="details-grid">
        <div><h3>${esc(s(l, "contact"))}</h3><p>${esc(o.email)}</p><h3>${esc(s(l, "shippingAddress"))}</h3><address>${addressLines(o.address)}</address></div>
        <div><h3>${esc(s(l, "shippingMethod"))}</h3><p>${esc(o.shippingTitle)}</p><h3>${esc(s(l, "payment"))}</h3><p>${esc(
          STRINGS[l].fin[o.financialStatus] ?? o.financialStatus,
        )}</p></div>
      </div>
    </section>
  </main>
  <aside class="summary">${items(l, o)}<p class="total-line"><span>${esc(s(l, "total"))}</span><strong>${esc(
    formatMoney(l, o.total),
  )}</strong></p></aside>
</div>`,
      "checkout",
    );
  },

  admin(ctx: PageContext, o: PreviewOrder) {
    const l = ctx.lang;
    const blocks = ctx.inPlace("admin-order-block").map((x) => frame(ctx, o, x));
    return document(
      l,
      `${s(l, "adminOrder", { name: o.name })} · ${ctx.shop.name} · Shopify`,
      `<header class="admin-top"><span class="admin-logo">shopify</span><span class="admin-shop">${esc(ctx.shop.name)}</span></header>
<div class="admin-body">
  <nav class="admin-nav" aria-label="Shopify"><a aria-current="page">${esc(s(l, "adminOrders"))}</a></nav>
  <main class="admin-main">
    <div class="admin-title"><h1>${esc(o.name)}</h1>${statusBadges(l, o)}<span class="muted">${esc(formatDate(l, o.createdAt))}</span></div>
    <div class="admin-columns">
      <div class="admin-left">
        <section class="admin-card" aria-labelledby="admin-items"><h2 id="admin-items"><span class="badge ${o.holds ? "warning" : ""}">${esc(
          o.holds ? s(l, "onHold") : (STRINGS[l].ful[o.fulfillmentStatus] ?? o.fulfillmentStatus),
        )}</span></h2>${items(l, o)}</section>
        <section class="admin-card"><h2><span class="badge">${esc(STRINGS[l].fin[o.financialStatus] ?? o.financialStatus)}</span></h2><p class="total-line"><span>${esc(
          s(l, "total"),
        )}</span><strong>${esc(formatMoney(l, o.total))}</strong></p></section>
      </div>
      <div class="admin-right">
        <section class="admin-card"><h2>${esc(s(l, "customer"))}</h2><p><a>${esc(ctx.customer.name)}</a><br />${esc(o.email)}</p><h3>${esc(
          s(l, "shippingAddress"),
        )}</h3><address>${addressLines(o.address)}</address></section>
        ${blocks.map((b) => `<div class="block-slot">${b}</div>`).join("")}
      </div>
    </div>
  </main>
</div>`,
      "admin",
    );
  },

  /** The document of one target: its config, the elements, the `shopify` global, then the extension's bundle. */
  frame(config: Record<string, unknown> & { handle: string; target: Target; lang: Lang }) {
    const json = JSON.stringify(config).replace(/</g, "\\u003c");
    const surface = config.target.startsWith("admin.")
      ? "admin"
      : config.target.startsWith("purchase.")
        ? "checkout"
        : "account";
    return `<!doctype html>
<html lang="${config.lang}" class="frame ${surface}" data-target="${esc(config.target)}">
<head>
<meta charset="utf-8" />
<link rel="stylesheet" href="/client/frame.css" />
<script type="application/json" id="preview-config">${json}</script>
<script src="/client/elements.js"></script>
<script src="/client/host.js"></script>
<script src="/bundles/${esc(config.handle)}.js"></script>
</head>
<body></body>
</html>`;
  },
};
