// @ts-check
/* global document, window, localStorage, ResizeObserver, MutationObserver, Headers, HTMLElement */
/**
 * The `shopify` global of one extension target, as Shopify's host gives it (API 2026-07): the target's own data
 * (orderId, order, orderConfirmation, data.selected), i18n with the extension's locale files, localization,
 * session tokens (minted by the preview server: the app's secret never reaches the browser), navigation, close
 * for modals, and `shopify.extend`, which the CLI's bundle calls for each of its targets.
 * Anything else an extension reads from `shopify` throws an error naming it (docs/preview.md).
 */
(() => {
  const configElement = document.getElementById("preview-config");
  const config = JSON.parse(configElement ? configElement.textContent || "{}" : "{}");
  const target = String(config.target);
  const isAdmin = target.startsWith("admin.");
  const isCheckout = target.startsWith("purchase.");
  /**
   * The preview page around this frame (same origin). Looked up when needed: page.js is a module script, so it may
   * run after this frame's scripts.
   */
  const host = () => /** @type {any} */ (window.parent).__preview;

  /** Every signal of this API: `setSignals` makes each a real Preact signal, so that reading it re-renders. */
  const signals = [];
  /** A SubscribableSignalLike: `value`, and `subscribe(fn)` returning the unsubscribe function. */
  function signal(initial) {
    let value = initial;
    /** @type {any} */ let real = null;
    const listeners = new Set();
    const s = {
      get value() {
        return real ? real.value : value;
      },
      subscribe(fn) {
        if (real) return real.subscribe(fn);
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
      /** @param {any} SignalClass */
      _adopt(SignalClass) {
        real = new SignalClass(value);
        listeners.forEach((fn) => real.subscribe(fn));
      },
    };
    signals.push(s);
    return s;
  }

  // ----- i18n: the extension's locale files, `{{name}}` replacements and `count` plurals, as Shopify does -----
  const locale = config.lang === "fr" ? "fr-FR" : "en-US";
  const plural = new Intl.PluralRules(config.lang);
  const lookup = (messages, key) =>
    key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), messages);
  function translate(key, options) {
    let message = lookup(config.messages, key);
    if (message === undefined) message = lookup(config.fallback, key);
    if (message && typeof message === "object" && options && typeof options.count === "number") {
      const form = options.count === 0 && "zero" in message ? "zero" : plural.select(options.count);
      message = message[form] ?? message.other;
    }
    if (typeof message !== "string") {
      console.warn(`[preview] ${config.handle}: no translation for "${key}"`);
      return key;
    }
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) =>
      options && name in options ? String(options[name]) : whole,
    );
  }
  const i18n = {
    translate,
    formatDate: (date, options = {}) => new Intl.DateTimeFormat(locale, options).format(date),
    formatNumber: (number, options = {}) => new Intl.NumberFormat(locale, options).format(number),
    formatCurrency: (number, options = {}) =>
      new Intl.NumberFormat(locale, Object.assign({ style: "currency", currency: "EUR" }, options)).format(number),
  };
  const language = signal({ isoCode: config.lang });
  const localization = {
    language,
    extensionLanguage: signal({ isoCode: config.lang }),
    country: signal({ isoCode: config.lang === "fr" ? "FR" : "US" }),
    currency: signal({ isoCode: "EUR" }),
    timezone: signal("Europe/Paris"),
  };

  // ----- session tokens: asked of the preview server, reused until shortly before they expire -----
  let cached = null;
  function getToken() {
    if (cached && cached.expiresAt - 10_000 > Date.now()) return Promise.resolve(cached.token);
    return fetchNative("/session-token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ target, customer: config.customer.id }),
    })
      .then((res) => {
        if (!res.ok) throw new Error(`the preview could not mint a session token (HTTP ${res.status})`);
        return res.json();
      })
      .then((answer) => {
        cached = answer;
        return answer.token;
      });
  }
  const sessionToken = { get: getToken };

  // ----- the network: the app's URL (shopify.app.toml) is the demo's app; an admin extension's relative fetch
  // goes to the app with the session token, as Shopify does for admin extensions -----
  const fetchNative = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (config.applicationUrl && url.startsWith(config.applicationUrl))
      return fetchNative(config.appUrl + url.slice(config.applicationUrl.length), init);
    if (isAdmin && url.startsWith("/")) {
      return getToken().then((token) => {
        const headers = new Headers(init && init.headers);
        if (!headers.has("Authorization")) headers.set("Authorization", `Bearer ${token}`);
        return fetchNative(config.appUrl + url, Object.assign({}, init, { headers }));
      });
    }
    return fetchNative(input, init);
  };

  // ----- navigation: Shopify's URL schemes become the preview's pages -----
  const orderPath = (orderId) => `${config.accountUrl}/orders/${orderId}`;
  function resolve(href) {
    let m;
    if ((m = href.match(/^extension:([a-z0-9-]+)(?:\/([^/?]+))?(?:\/(\d+))?(\?[^#]*)?/)))
      return `${orderPath(m[3] || config.order.id)}/pages/${m[1]}${m[4] || ""}`;
    if ((m = href.match(/^shopify:customer-account\/orders\/(\d+)/))) return orderPath(m[1]);
    if ((m = href.match(/^shopify:customer-account\/?(orders)?\/?$/))) return config.accountUrl;
    // the order's page in the shop's customer account, as the thank-you page links to it
    if ((m = href.match(/^https:\/\/shopify\.com\/\d+\/account\/orders\/(\d+)/))) return orderPath(m[1]);
    return null;
  }
  function navigate(href) {
    const to = resolve(href);
    if (to) window.top.location.assign(to);
    else window.open(href, "_blank", "noopener");
  }
  const navigation = {
    navigate,
    currentEntry: { key: "preview", url: window.top.location.href, getState: () => undefined },
    updateCurrentEntry() {},
    addEventListener() {},
    removeEventListener() {},
  };
  // A customer-account target's global `navigation` is Shopify's (its URL is the page's, query included), not the
  // browser's Navigation API of this frame.
  if (!isAdmin && !isCheckout) Object.defineProperty(window, "navigation", { value: navigation, configurable: true });

  // Buttons and links with an href navigate, after the extension's own click handler ran; in the action menu, a
  // button without href opens the extension's modal target (customer-account.order.action.render).
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented) return;
    const control = event
      .composedPath()
      .find((n) => n instanceof HTMLElement && (n.localName === "s-button" || n.localName === "s-link"));
    if (!control || control.disabled || control.loading) return;
    const href = control.getAttribute("href") || control.href;
    if (href) {
      event.preventDefault();
      navigate(href);
    } else if (target === "customer-account.order.action.menu-item.render" && host()) {
      host().openModal(config.handle, config.order.id);
    }
  });

  // ----- this frame's size follows its content, as Shopify sizes an extension -----
  const frame = window.frameElement;
  if (frame) {
    const fit = () => {
      const body = document.body;
      if (!body) return;
      frame.style.height = `${Math.ceil(document.documentElement.getBoundingClientRect().height)}px`;
      if (target === "customer-account.order.action.menu-item.render") {
        const first = body.firstElementChild;
        frame.style.width = first ? `${Math.ceil(first.getBoundingClientRect().width) + 8}px` : "0px";
      }
      frame.toggleAttribute("data-empty", !body.firstElementChild);
    };
    new ResizeObserver(fit).observe(document.documentElement);
    document.addEventListener("DOMContentLoaded", () => {
      new ResizeObserver(fit).observe(document.body);
      // a frame hidden while empty has no layout to observe: its first content shows it
      new MutationObserver(fit).observe(document.body, { childList: true });
      fit();
    });
  }

  // Escape closes a modal, as the host's dialog does
  if (target === "customer-account.order.action.render")
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && host()) host().closeModal(config.handle);
    });

  // ----- storage: per extension, in this browser -----
  const storageKey = (key) => `preview:${config.handle}:${key}`;
  const storage = {
    read: (key) => Promise.resolve(JSON.parse(localStorage.getItem(storageKey(key)) ?? "null")),
    write: (key, value) => Promise.resolve(localStorage.setItem(storageKey(key), JSON.stringify(value))),
    delete: (key) => Promise.resolve(localStorage.removeItem(storageKey(key))),
  };
  const toast = { show: (message) => host()?.toast(String(message)) };

  // ----- the API of this target -----
  const extension = {
    target,
    apiVersion: config.apiVersion,
    capabilities: signal(["api_access", "network_access"]),
    editor: undefined,
    rendered: signal(true),
  };
  const orderGid = config.order.gid;
  const api = {
    extension,
    extensionPoint: target,
    i18n,
    localization,
    sessionToken,
    storage,
    toast,
    version: config.apiVersion,
  };
  if (isAdmin) {
    Object.assign(api, {
      data: { selected: [{ id: orderGid }] },
      auth: { idToken: getToken },
      navigation: { navigate },
      intents: {},
    });
  } else if (isCheckout) {
    Object.assign(api, {
      orderConfirmation: signal({
        order: { id: orderGid },
        number: config.order.name.replace(/^#/, ""),
        isFirstOrder: false,
      }),
      shop: config.shop,
      buyerIdentity: { customer: signal({ id: config.customer.gid }) },
      settings: signal({}),
    });
  } else {
    Object.assign(api, {
      navigation,
      settings: signal({}),
      authenticatedAccount: { customer: signal({ id: config.customer.gid }) },
    });
    if (target.startsWith("customer-account.order.action.")) api.orderId = orderGid;
    if (target === "customer-account.order.action.render") api.close = () => host()?.closeModal(config.handle);
    if (target === "customer-account.order-status.block.render" || target === "customer-account.order.page.render") {
      Object.assign(api, {
        order: signal({
          id: orderGid,
          name: config.order.name,
          processedAt: config.order.processedAt,
          cancelledAt: config.orderCancelledAt || undefined,
        }),
        shop: config.shop,
        authenticationState: signal(config.authenticationState),
        // logging in again takes the customer back to the same page, fully authenticated
        requireLogin: () => {
          const url = new URL(window.top.location.href);
          url.searchParams.delete("auth");
          window.top.location.assign(url.href);
          return Promise.resolve();
        },
      });
    }
  }

  // ----- shopify.extend: the CLI's bundle registers each target's function; this frame runs its own -----
  let ran = false;
  // `import "@shopify/ui-extensions/preact"` hands over its Signal class, as Shopify's host expects
  api.setSignals = (SignalClass) => signals.forEach((s) => s._adopt(SignalClass));
  api.extend = (name, fn) => {
    if (name !== target || ran) return;
    ran = true;
    const run = () =>
      Promise.resolve()
        .then(() => fn(api))
        .catch((error) => console.error(`[preview] ${config.handle} (${target}) failed:`, error));
    if (document.body) void run();
    else document.addEventListener("DOMContentLoaded", () => void run());
  };

  /** @type {any} */ (window).shopify = new Proxy(api, {
    get(obj, key) {
      if (typeof key === "symbol" || key in obj || key === "then" || key === "toJSON") return obj[key];
      throw new Error(`shopify.${key} is not provided by the extension preview for ${target} (docs/preview.md)`);
    },
  });
})();
