// @ts-check
/* global document, window, fetch, localStorage, crypto */
/**
 * The demo's customer page: what a customer account extension does, in plain JS. Every action goes through
 * the app's real customer API (cross-origin, like an extension) with a session token the demo server mints
 * for the chosen customer. Reasons and errors are shown as the API returns them, in the customer's language.
 */

const STRINGS = {
  en: {
    eyebrow: "Amend demo · customer account of",
    title: "My orders",
    customer: "Demo customer",
    intro: "You are signed in as {name}. Everything below is answered by Amend's customer API.",
    order: "Order {name}",
    placed: "Placed {date} · {total} · payment {financial} · {fulfillment}",
    cancelled: "cancelled",
    address: "Shipping address",
    current: "Ships to:",
    changeAddress: "Change the address",
    addressNotAllowed: "The address cannot be changed:",
    cancellation: "Cancellation",
    requestCancellation: "Request cancellation",
    cancellationNotAllowed: "A cancellation cannot be requested:",
    approvalNote: "The store reviews cancellation requests.",
    reason: "Reason",
    note: "Message to the store (optional)",
    requests: "Your requests",
    noRequests: "No request for this order.",
    withdraw: "Withdraw request",
    answer: "Your answer",
    sendAnswer: "Send answer",
    storeSaid: "The store wrote:",
    loading: "Loading…",
    noOrders: "No orders.",
    fields: {
      firstName: "First name",
      lastName: "Last name",
      address1: "Address",
      address2: "Apartment, suite, etc.",
      city: "City",
      zip: "Postal code",
      countryCode: "Country",
      provinceCode: "State / province",
      phone: "Phone",
    },
    done: {
      address: "Address change: {status}.",
      cancellation: "Cancellation request: {status}.",
      withdraw: "Request withdrawn.",
      reply: "Answer sent to the store.",
    },
    failed: "Refused ({status}):",
  },
  fr: {
    eyebrow: "Démo Amend · espace client de",
    title: "Mes commandes",
    customer: "Client de démonstration",
    intro: "Vous êtes connecté·e en tant que {name}. Tout ce qui suit est répondu par l’API client d’Amend.",
    order: "Commande {name}",
    placed: "Passée le {date} · {total} · paiement {financial} · {fulfillment}",
    cancelled: "annulée",
    address: "Adresse de livraison",
    current: "Livraison à :",
    changeAddress: "Modifier l’adresse",
    addressNotAllowed: "L’adresse ne peut pas être modifiée :",
    cancellation: "Annulation",
    requestCancellation: "Demander l’annulation",
    cancellationNotAllowed: "L’annulation ne peut pas être demandée :",
    approvalNote: "La boutique examine les demandes d’annulation.",
    reason: "Motif",
    note: "Message à la boutique (facultatif)",
    requests: "Vos demandes",
    noRequests: "Aucune demande pour cette commande.",
    withdraw: "Retirer la demande",
    answer: "Votre réponse",
    sendAnswer: "Envoyer la réponse",
    storeSaid: "La boutique a écrit :",
    loading: "Chargement…",
    noOrders: "Aucune commande.",
    fields: {
      firstName: "Prénom",
      lastName: "Nom",
      address1: "Adresse",
      address2: "Appartement, étage, etc.",
      city: "Ville",
      zip: "Code postal",
      countryCode: "Pays",
      provinceCode: "Région / province",
      phone: "Téléphone",
    },
    done: {
      address: "Modification d’adresse : {status}.",
      cancellation: "Demande d’annulation : {status}.",
      withdraw: "Demande retirée.",
      reply: "Réponse envoyée à la boutique.",
    },
    failed: "Refusé ({status}) :",
  },
};

/** @type {{ appUrl: string, shop: string, customers: { id: string, name: string, locale: "en" | "fr" }[] }} */
let config;
/** @type {{ id: string, name: string, locale: "en" | "fr" }} */
let customer;
/** @type {{ token: string, expiresAt: number } | null} */
let session = null;
/** The last outcome shown under each order (kept across re-renders). @type {Map<string, HTMLElement>} */
const outcomes = new Map();

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const t = () => STRINGS[customer.locale];
const fill = (/** @type {string} */ s, /** @type {Record<string, unknown>} */ v) =>
  s.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? ""));

/**
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {(Node | string | null | undefined | false)[]} [children]
 */
function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

async function token() {
  if (session && session.expiresAt - Date.now() > 60_000) return session.token;
  const res = await fetch("/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ customerId: customer.id }),
  });
  session = await res.json();
  return /** @type {{token: string}} */ (session).token;
}

/**
 * One call to the app's customer API, as the extension makes it.
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<{ status: number, body: any }>}
 */
async function api(method, path, body) {
  /** @type {Record<string, string>} */
  const headers = { Authorization: `Bearer ${await token()}`, "Accept-Language": customer.locale };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    headers["Idempotency-Key"] = crypto.randomUUID();
  }
  try {
    const res = await fetch(`${config.appUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  } catch (error) {
    return { status: 0, body: { error: { code: "NETWORK", message: String(error) } } };
  }
}

/** @param {{ code: string, message: string, field?: string }[]} reasons */
function reasonList(reasons) {
  return el(
    "ul",
    { class: "reasons" },
    reasons.map((r) => el("li", { "data-code": r.code }, [`${r.message} `, el("code", { text: r.code })])),
  );
}

/** An API answer as a message under the order: success, or the error's message and every reason. */
function outcome(
  /** @type {string} */ orderId,
  /** @type {{status: number, body: any}} */ res,
  /** @type {string} */ ok,
) {
  const node =
    res.status >= 200 && res.status < 300
      ? el("p", { class: "ok", role: "status" }, [ok])
      : el("div", { class: "error", role: "alert" }, [
          el("p", {}, [`${fill(t().failed, { status: res.status })} ${res.body?.error?.message ?? ""}`]),
          res.body?.error?.reasons?.length ? reasonList(res.body.error.reasons) : null,
        ]);
  outcomes.set(orderId, node);
  $("live").textContent = node.textContent ?? "";
}

function addressText(/** @type {any} */ a) {
  if (!a) return "—";
  return [
    [a.firstName, a.lastName].filter(Boolean).join(" "),
    a.address1,
    a.address2,
    [a.zip, a.city].filter(Boolean).join(" "),
    a.countryCode,
  ]
    .filter(Boolean)
    .join(", ");
}

/** @param {any} order @param {any} options */
function addressPane(order, options) {
  const s = t();
  const change = options.addressChange;
  const pane = el("section", { class: "pane", "aria-labelledby": `addr-${order.id}` }, [
    el("h3", { id: `addr-${order.id}`, text: s.address }),
    el("p", {}, [`${s.current} ${addressText(change.currentAddress)}`]),
  ]);
  if (!change.allowed) {
    pane.append(el("p", { text: s.addressNotAllowed }), reasonList(change.reasons));
    return pane;
  }
  const current = change.currentAddress ?? {};
  const id = (/** @type {string} */ f) => `a-${order.id}-${f}`;
  const input = (/** @type {string} */ f, /** @type {Record<string, any>} */ extra = {}) => [
    el("label", { for: id(f), text: s.fields[/** @type {keyof typeof s.fields} */ (f)] }),
    el("input", { id: id(f), name: f, value: current[f] ?? "", ...extra }),
  ];
  const country =
    change.countries.find((/** @type {any} */ c) => c.code === current.countryCode) ?? change.countries[0];
  const form = el("form", { "aria-label": s.changeAddress }, [
    el("div", { class: "row" }, [
      el("div", {}, input("firstName", { autocomplete: "given-name" })),
      el("div", {}, input("lastName", { autocomplete: "family-name" })),
    ]),
    ...input("address1", { required: true, autocomplete: "address-line1" }),
    ...input("address2", { autocomplete: "address-line2" }),
    el("div", { class: "row" }, [
      el("div", {}, input("zip", { autocomplete: "postal-code" })),
      el("div", {}, input("city", { required: true, autocomplete: "address-level2" })),
    ]),
    el("label", { for: id("countryCode"), text: s.fields.countryCode }),
    el(
      "select",
      { id: id("countryCode"), name: "countryCode" },
      change.countries.map((/** @type {any} */ c) =>
        el("option", { value: c.code, selected: c.code === current.countryCode, text: c.name }),
      ),
    ),
    country?.provinces?.length
      ? el("div", {}, [
          el("label", { for: id("provinceCode"), text: s.fields.provinceCode }),
          el(
            "select",
            { id: id("provinceCode"), name: "provinceCode" },
            country.provinces.map((/** @type {any} */ p) =>
              el("option", { value: p.code, selected: p.code === current.provinceCode, text: p.name }),
            ),
          ),
        ])
      : null,
    ...input("phone", { type: "tel", autocomplete: "tel" }),
    el("button", { type: "submit", text: s.changeAddress }),
  ]);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new window.FormData(/** @type {HTMLFormElement} */ (form)));
    const address = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v).trim() || null]));
    await act(
      form,
      order.id,
      () => api("POST", `/api/customer/orders/${order.id}/address-change`, { address }),
      (b) => fill(t().done.address, { status: b.request?.statusLabel ?? b.request?.status }),
    );
  });
  pane.append(form);
  return pane;
}

/** @param {any} order @param {any} options */
function cancellationPane(order, options) {
  const s = t();
  const c = options.cancellation;
  const pane = el("section", { class: "pane", "aria-labelledby": `cancel-${order.id}` }, [
    el("h3", { id: `cancel-${order.id}`, text: s.cancellation }),
  ]);
  if (!c.allowed) {
    pane.append(el("p", { text: s.cancellationNotAllowed }), reasonList(c.reasons));
    return pane;
  }
  const form = el("form", { "aria-label": s.requestCancellation }, [
    c.requiresApproval ? el("p", { class: "meta", text: s.approvalNote }) : null,
    el("label", { for: `c-${order.id}-reason`, text: s.reason }),
    el(
      "select",
      { id: `c-${order.id}-reason`, name: "reason" },
      c.customerReasons.map((/** @type {any} */ r) => el("option", { value: r.code, text: r.label })),
    ),
    el("label", { for: `c-${order.id}-note`, text: s.note }),
    el("textarea", { id: `c-${order.id}-note`, name: "note", rows: 2, maxlength: 1000 }),
    el("button", { type: "submit", text: s.requestCancellation }),
  ]);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new window.FormData(/** @type {HTMLFormElement} */ (form));
    const note = String(data.get("note") ?? "").trim();
    await act(
      form,
      order.id,
      () =>
        api("POST", `/api/customer/orders/${order.id}/cancellation`, {
          reason: data.get("reason"),
          ...(note ? { note } : {}),
        }),
      (b) => fill(t().done.cancellation, { status: b.request?.statusLabel ?? b.request?.status }),
    );
  });
  pane.append(form);
  return pane;
}

/** @param {any} order @param {any} options */
function requestsPane(order, options) {
  const s = t();
  const pane = el("section", { class: "pane", "aria-labelledby": `req-${order.id}` }, [
    el("h3", { id: `req-${order.id}`, text: s.requests }),
  ]);
  if (!options.requests.length) pane.append(el("p", { class: "meta", text: s.noRequests }));
  for (const r of options.requests) {
    const box = el("article", { class: "request", "aria-label": `${r.kindLabel} — ${r.statusLabel}` }, [
      el("p", {}, [el("strong", { text: r.kindLabel }), " ", el("span", { class: "badge", text: r.statusLabel })]),
      r.kind === "ADDRESS_CHANGE"
        ? el("p", { class: "meta" }, [`→ ${addressText(r.address)}`])
        : el("p", { class: "meta" }, [[r.reasonLabel, r.note].filter(Boolean).join(" — ")]),
      r.decisionNote ? el("p", {}, [`${s.storeSaid} ${r.decisionNote}`]) : null,
      r.messages?.length
        ? el(
            "ol",
            {},
            r.messages.map((/** @type {any} */ m) => el("li", {}, [`${m.author === "STAFF" ? "🏬" : "🙋"} ${m.body}`])),
          )
        : null,
    ]);
    if (r.canReply) {
      const form = el("form", { "aria-label": s.answer }, [
        el("label", { for: `r-${r.id}`, text: s.answer }),
        el("textarea", { id: `r-${r.id}`, name: "body", rows: 2, required: true }),
        el("button", { type: "submit", text: s.sendAnswer }),
      ]);
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const body = String(new window.FormData(/** @type {HTMLFormElement} */ (form)).get("body") ?? "");
        await act(
          form,
          order.id,
          () => api("POST", `/api/customer/requests/${r.id}/messages`, { body }),
          () => t().done.reply,
        );
      });
      box.append(form);
    }
    if (r.canWithdraw) {
      const button = el("button", { type: "button", class: "secondary", text: s.withdraw });
      button.addEventListener("click", () =>
        act(
          button,
          order.id,
          () => api("POST", `/api/customer/requests/${r.id}/withdraw`, {}),
          () => t().done.withdraw,
        ),
      );
      box.append(button);
    }
    pane.append(box);
  }
  return pane;
}

/**
 * Runs one API call from a form or button, shows its outcome under the order, then reloads the order.
 * @param {HTMLElement} control @param {string} orderId
 * @param {() => Promise<{status: number, body: any}>} call @param {(body: any) => string} ok
 */
async function act(control, orderId, call, ok) {
  const buttons = control.tagName === "BUTTON" ? [control] : [...control.querySelectorAll("button")];
  buttons.forEach((b) => b.setAttribute("disabled", ""));
  const res = await call();
  outcome(orderId, res, res.status < 300 ? ok(res.body) : "");
  await refreshOrder(orderId);
}

/** @type {Map<string, any>} */
const orders = new Map();

async function refreshOrder(/** @type {string} */ orderId) {
  const list = await (await fetch(`/orders?customer=${customer.id}`)).json();
  for (const o of list.orders) orders.set(o.id, o);
  const section = document.getElementById(`order-${orderId}`);
  if (section) section.replaceWith(await renderOrder(orders.get(orderId)));
}

/** @param {any} order */
async function renderOrder(order) {
  const s = t();
  const locale = customer.locale === "fr" ? "fr-FR" : "en-GB";
  const total = order.total
    ? new Intl.NumberFormat(locale, { style: "currency", currency: order.total.currencyCode }).format(
        Number(order.total.amount),
      )
    : "";
  const section = el("section", { class: "order", id: `order-${order.id}`, "aria-labelledby": `title-${order.id}` }, [
    el("h2", { id: `title-${order.id}`, text: fill(s.order, { name: order.name }) }),
    el("p", { class: "meta" }, [
      fill(s.placed, {
        date: new Date(order.createdAt).toLocaleDateString(locale, { dateStyle: "medium" }),
        total,
        financial: order.financialStatus.toLowerCase(),
        fulfillment: order.cancelled ? s.cancelled : order.fulfillmentStatus.toLowerCase().replace("_", " "),
      }),
    ]),
    el("p", { class: "meta" }, [order.items.map((/** @type {any} */ i) => `${i.quantity} × ${i.title}`).join(" · ")]),
  ]);
  const res = await api("GET", `/api/customer/orders/${order.id}/options`);
  if (res.status !== 200) {
    section.append(
      el("div", { class: "error", role: "alert" }, [
        `${fill(s.failed, { status: res.status })} ${res.body?.error?.message ?? ""}`,
      ]),
    );
    return section;
  }
  const last = outcomes.get(order.id);
  if (last) section.append(last);
  section.append(
    el("div", { class: "panes" }, [
      addressPane(order, res.body),
      cancellationPane(order, res.body),
      requestsPane(order, res.body),
    ]),
  );
  return section;
}

async function showCustomer(/** @type {string} */ id) {
  customer = config.customers.find((c) => c.id === id) ?? config.customers[0];
  session = null;
  outcomes.clear();
  localStorage.setItem("amend-demo-customer", customer.id);
  const s = t();
  document.documentElement.lang = customer.locale;
  $("eyebrow").textContent = `${s.eyebrow} ${config.shop}`;
  $("title").textContent = s.title;
  $("customer-label").textContent = s.customer;
  $("intro").textContent = fill(s.intro, { name: customer.name });
  $("live").textContent = "";
  const main = $("orders");
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(el("p", { text: s.loading }));
  const list = await (await fetch(`/orders?customer=${customer.id}`)).json();
  orders.clear();
  for (const o of list.orders) orders.set(o.id, o);
  const sections = await Promise.all(list.orders.map(renderOrder));
  main.replaceChildren(...(sections.length ? sections : [el("p", { text: s.noOrders })]));
  main.setAttribute("aria-busy", "false");
}

async function start() {
  config = await (await fetch("/config.json")).json();
  const select = /** @type {HTMLSelectElement} */ ($("customer"));
  for (const c of config.customers) {
    select.append(el("option", { value: c.id, text: `${c.name} (${c.locale === "fr" ? "français" : "English"})` }));
  }
  const wanted =
    new URL(window.location.href).searchParams.get("customer") ?? localStorage.getItem("amend-demo-customer");
  select.value = config.customers.some((c) => c.id === wanted)
    ? /** @type {string} */ (wanted)
    : config.customers[0].id;
  select.addEventListener("change", () => showCustomer(select.value));
  await showCustomer(select.value);
}

start();
