// @ts-check
/* global document, window, HTMLElement, customElements, MutationObserver, queueMicrotask, Event */
/**
 * Polaris web components for the extension preview: a real custom element for each `s-*` element the extensions
 * use, with the properties, slots and events Shopify documents for API 2026-07 (s-button `click` and `href`,
 * fields' `input` / `change` with `value`, `slot="primary-action"` / `"secondary-actions"` / `"breadcrumb-actions"`,
 * s-banner `dismiss` / `afterhide`, …) and a look close to Shopify's customer account, checkout and admin.
 * Properties are set as properties (as Preact does for custom elements) or as attributes.
 */
(() => {
  const SPACE = {
    none: "0",
    "small-500": "2px",
    "small-400": "4px",
    "small-300": "6px",
    "small-200": "6px",
    "small-100": "8px",
    small: "8px",
    base: "12px",
    "large-100": "20px",
    large: "16px",
    "large-200": "24px",
    "large-300": "32px",
    "large-400": "40px",
    "large-500": "48px",
  };
  const space = (value) =>
    String(value || "none")
      .split(/\s+/)
      .map((v) => SPACE[v] ?? "0")
      .join(" ");

  const BASE = `
:host { box-sizing: border-box; }
:host([hidden]) { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }
:focus-visible { outline: 2px solid var(--s-focus, #005bd3); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

  let uid = 0;
  const nextId = (prefix) => `${prefix}-${++uid}`;
  const isFrench = () => document.documentElement.lang === "fr";

  /** The base: properties (name → "string" | "boolean" | "number") with attribute fallbacks, one render per task. */
  class Base extends HTMLElement {
    static props = {};
    static styles = "";
    constructor() {
      super();
      /** @type {Record<string, any>} */ this._p = {};
      this._built = false;
      this._queued = false;
    }
    static get observedAttributes() {
      return Object.keys(this.props).map((n) => n.toLowerCase());
    }
    attributeChangedCallback() {
      this._changed();
    }
    connectedCallback() {
      if (!this._built) {
        this._built = true;
        const root = this.attachShadow({ mode: "open", delegatesFocus: this.constructor.focusable === true });
        root.innerHTML = `<style>${BASE}${/** @type {any} */ (this.constructor).styles}</style><style data-dynamic></style>${this.template()}`;
        this._dynamic = root.querySelector("style[data-dynamic]");
        this.setup();
      }
      this.update();
    }
    _changed() {
      if (!this._built || this._queued) return;
      this._queued = true;
      queueMicrotask(() => {
        this._queued = false;
        this.update();
      });
    }
    /** @param {string} selector */
    $(selector) {
      return /** @type {any} */ (this.shadowRoot).querySelector(selector);
    }
    css(text) {
      if (this._dynamic && this._dynamic.textContent !== text) this._dynamic.textContent = text;
    }
    template() {
      return "<slot></slot>";
    }
    setup() {}
    update() {}
  }

  /** Defines `tag` with an accessor for each of its props (what Preact sets when `name in element`). */
  function define(tag, cls) {
    for (const [name, type] of Object.entries(cls.props)) {
      Object.defineProperty(cls.prototype, name, {
        configurable: true,
        get() {
          if (name in this._p) return this._p[name];
          const attr = this.getAttribute(name.toLowerCase());
          if (type === "boolean") return attr !== null && attr !== "false";
          if (type === "number") return attr === null ? undefined : Number(attr);
          return attr ?? undefined;
        },
        set(value) {
          this._p[name] = type === "boolean" ? Boolean(value) : value;
          this._changed();
        },
      });
    }
    customElements.define(tag, cls);
  }

  const A11Y = { accessibilityLabel: "string", id: "string" };

  // ---------------------------------------------------------------- layout
  class Stack extends Base {
    static props = Object.assign({}, A11Y, {
      direction: "string",
      gap: "string",
      rowGap: "string",
      columnGap: "string",
      alignItems: "string",
      justifyContent: "string",
      padding: "string",
      accessibilityRole: "string",
    });
    static styles = `:host { display: flex; flex-direction: column; min-width: 0; }`;
    update() {
      const inline = this.direction === "inline";
      this.css(`:host { flex-direction: ${inline ? "row" : "column"}; flex-wrap: ${inline ? "wrap" : "nowrap"};
        gap: ${space(this.gap || "none")}; align-items: ${this.alignItems || (inline ? "center" : "stretch")};
        justify-content: ${this.justifyContent || "normal"}; padding: ${space(this.padding || "none")}; }`);
      if (this.accessibilityLabel) {
        this.setAttribute("role", "group");
        this.setAttribute("aria-label", this.accessibilityLabel);
      } else if (this.getAttribute("role") === "group") {
        this.removeAttribute("role");
        this.removeAttribute("aria-label");
      }
    }
  }
  define("s-stack", Stack);

  class Grid extends Base {
    static props = { gridTemplateColumns: "string", gap: "string", alignItems: "string" };
    static styles = `:host { display: grid; min-width: 0; }`;
    update() {
      this
        .css(`:host { grid-template-columns: ${this.gridTemplateColumns || "1fr"}; gap: ${space(this.gap || "none")}; align-items: ${this.alignItems || "start"}; }
        @media (max-width: 420px) { :host { grid-template-columns: 1fr; } }`);
    }
  }
  define("s-grid", Grid);

  class Divider extends Base {
    static props = { direction: "string" };
    static styles = `:host { display: block; } hr { border: 0; border-top: 1px solid var(--s-border, #dedede); margin: 4px 0; }`;
    template() {
      return `<hr />`;
    }
  }
  define("s-divider", Divider);

  // ---------------------------------------------------------------- text
  class Text extends Base {
    static props = { type: "string", color: "string", tone: "string", accessibilityVisibility: "string" };
    static styles = `:host { display: inline; }
      :host([data-type="strong"]) { font-weight: 600; }
      :host([data-type="address"]) { display: block; font-style: normal; }
      :host([data-type="small"]) { font-size: 0.857em; }
      :host([data-type="emphasis"]) { font-style: italic; }
      :host([data-color="subdued"]) { color: var(--s-subdued, #707070); }
      :host([data-tone="critical"]) { color: var(--s-critical, #c70a24); }
      :host([data-tone="success"]) { color: var(--s-success, #0a7a3a); }
      :host([data-tone="warning"]) { color: #8a6116; }`;
    update() {
      this.dataset.type = this.type || "generic";
      this.dataset.color = this.color || "base";
      this.dataset.tone = this.tone || "auto";
    }
  }
  define("s-text", Text);

  class Paragraph extends Text {
    static styles = Text.styles + `:host { display: block; margin: 0; }`;
  }
  define("s-paragraph", Paragraph);

  class Heading extends Base {
    static props = Object.assign({}, A11Y);
    static styles = `:host { display: block; } [role=heading] { margin: 0; font-size: 1.07em; font-weight: 600; line-height: 1.3; }`;
    template() {
      return `<div role="heading" aria-level="3"><slot></slot></div>`;
    }
    update() {
      // one level below the section it is in
      let level = 2;
      for (let n = this.parentElement; n; n = n.parentElement) if (n.localName === "s-section") level++;
      this.$("[role=heading]").setAttribute("aria-level", String(Math.min(level, 6)));
    }
  }
  define("s-heading", Heading);

  class Badge extends Base {
    static props = { tone: "string", color: "string", size: "string" };
    static styles = `:host { display: inline-flex; align-items: center; border-radius: 8px; padding: 2px 8px;
        font-size: 0.857em; font-weight: 500; line-height: 1.4; background: #ebebeb; color: #303030; white-space: nowrap; }
      :host([data-tone="critical"]) { background: #fee8eb; color: #8e0b21; }
      :host([data-tone="success"]) { background: #cdfee1; color: #0c5132; }
      :host([data-tone="warning"]) { background: #ffeb78; color: #4f4700; }
      :host([data-tone="info"]) { background: #e0f0ff; color: #00527c; }
      :host([data-tone="neutral"]) { background: #f1f1f1; color: #616161; }`;
    update() {
      this.dataset.tone = this.tone || "auto";
    }
  }
  define("s-badge", Badge);

  class UnorderedList extends Base {
    static styles = `:host { display: block; } .list { margin: 0; padding-inline-start: 1.3em; display: flex; flex-direction: column; gap: 4px; }
      ::slotted(s-list-item) { display: list-item; }`;
    template() {
      return `<div class="list" role="list" style="list-style: disc"><slot></slot></div>`;
    }
  }
  define("s-unordered-list", UnorderedList);
  class OrderedList extends UnorderedList {
    template() {
      return `<div class="list" role="list" style="list-style: decimal"><slot></slot></div>`;
    }
  }
  define("s-ordered-list", OrderedList);
  class ListItem extends Base {
    static styles = `:host { display: list-item; }`;
    update() {
      this.setAttribute("role", "listitem");
    }
  }
  define("s-list-item", ListItem);

  class SkeletonParagraph extends Base {
    static props = { content: "string" };
    static styles = `:host { display: block; } .line { height: 12px; border-radius: 6px; margin: 6px 0;
        background: linear-gradient(90deg, #ececec 0%, #f6f6f6 50%, #ececec 100%); background-size: 200% 100%;
        animation: shimmer 1.4s ease-in-out infinite; }
      .line:last-child { width: 60%; }
      @keyframes shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
      @media (prefers-reduced-motion: reduce) { .line { animation: none; } }`;
    template() {
      return `<div aria-hidden="true"><div class="line"></div><div class="line"></div></div>`;
    }
  }
  define("s-skeleton-paragraph", SkeletonParagraph);

  // ---------------------------------------------------------------- containers
  class Section extends Base {
    static props = Object.assign({}, A11Y, { heading: "string", padding: "string" });
    static styles = `:host { display: block; }
      section { background: #fff; border-radius: 12px; padding: 20px; border: 1px solid var(--s-border, #e3e3e3); }
      :host([data-nested]) section { background: transparent; border: 0; padding: 0; border-radius: 0; }
      h2 { margin: 0 0 12px; font-size: 1.14em; font-weight: 600; line-height: 1.3; }
      :host([data-nested]) h2 { font-size: 1em; margin-bottom: 8px; }
      h2:empty { display: none; }`;
    template() {
      const id = nextId("section");
      return `<section aria-labelledby="${id}"><h2 id="${id}"></h2><slot></slot></section>`;
    }
    update() {
      const parent =
        this.parentElement && this.parentElement.closest("s-section, s-customer-account-action, s-admin-block");
      this.toggleAttribute("data-nested", Boolean(parent));
      const h = this.$("h2");
      h.textContent = this.heading || "";
      if (this.heading) this.$("section").setAttribute("aria-labelledby", h.id);
      else if (this.accessibilityLabel) this.$("section").setAttribute("aria-label", this.accessibilityLabel);
      else this.$("section").removeAttribute("aria-labelledby");
    }
  }
  define("s-section", Section);

  class Page extends Base {
    static props = Object.assign({}, A11Y, { heading: "string", subheading: "string", inlineSize: "string" });
    static styles = `:host { display: block; }
      .page { max-width: 720px; margin: 0 auto; }
      :host([data-size="large"]) .page { max-width: 1100px; }
      header { display: flex; align-items: center; gap: 12px; margin-bottom: 20px; flex-wrap: wrap; }
      .titles { flex: 1; min-width: 0; }
      h1 { margin: 0; font-size: 1.57em; font-weight: 600; line-height: 1.25; }
      .sub { margin: 2px 0 0; color: var(--s-subdued, #707070); }
      .sub:empty { display: none; }
      .actions { display: flex; gap: 8px; }
      .content { display: flex; flex-direction: column; gap: 16px; }`;
    template() {
      return `<div class="page"><header><slot name="breadcrumb-actions"></slot><div class="titles"><h1></h1><p class="sub"></p></div>
        <div class="actions"><slot name="secondary-actions"></slot><slot name="primary-action"></slot></div></header>
        <div class="content"><slot></slot></div></div>`;
    }
    update() {
      this.$("h1").textContent = this.heading || "";
      this.$(".sub").textContent = this.subheading || "";
      this.dataset.size = this.inlineSize || "base";
    }
  }
  define("s-page", Page);

  /** The action modal's content: heading and close button, body, and the footer's slotted actions. */
  class CustomerAccountAction extends Base {
    static props = Object.assign({}, A11Y, { heading: "string" });
    static styles = `:host { display: block; }
      .modal { display: flex; flex-direction: column; background: #fff; }
      header { display: flex; align-items: center; gap: 12px; padding: 16px 20px; border-bottom: 1px solid #e3e3e3; }
      h2 { flex: 1; margin: 0; font-size: 1.14em; font-weight: 600; }
      .close { border: 0; background: transparent; border-radius: 8px; width: 32px; height: 32px; cursor: pointer; font-size: 20px; line-height: 1; color: #303030; }
      .close:hover { background: #f1f1f1; }
      .body { padding: 20px; display: flex; flex-direction: column; gap: 20px; overflow: auto; }
      footer { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 20px; border-top: 1px solid #e3e3e3; flex-wrap: wrap; }`;
    template() {
      return `<div class="modal"><header><h2 id="heading"></h2><button class="close" type="button">×</button></header>
        <div class="body"><slot></slot></div>
        <footer><slot name="secondary-actions"></slot><slot name="primary-action"></slot></footer></div>`;
    }
    setup() {
      this.$(".close").addEventListener("click", () => /** @type {any} */ (window).shopify.close());
    }
    update() {
      this.$("h2").textContent = this.heading || "";
      this.$(".close").setAttribute("aria-label", isFrench() ? "Fermer la fenêtre" : "Close this window");
      document.title = this.heading || "";
    }
  }
  define("s-customer-account-action", CustomerAccountAction);

  class AdminBlock extends Base {
    static props = Object.assign({}, A11Y, { heading: "string", collapsedSummary: "string" });
    static styles = `:host { display: block; }
      section { background: #fff; border-radius: 12px; padding: 16px; box-shadow: 0 1px 0 rgba(26,26,26,.07), inset 0 -1px 0 rgba(0,0,0,.13), inset 0 0 0 1px rgba(0,0,0,.06); }
      h2 { margin: 0 0 12px; font-size: 13px; font-weight: 650; }`;
    template() {
      return `<section aria-labelledby="h"><h2 id="h"></h2><slot></slot></section>`;
    }
    update() {
      this.$("h2").textContent = this.heading || "";
    }
  }
  define("s-admin-block", AdminBlock);

  class Banner extends Base {
    static props = Object.assign({}, A11Y, {
      heading: "string",
      tone: "string",
      dismissible: "boolean",
      collapsible: "boolean",
    });
    static styles = `:host { display: block; }
      .banner { display: flex; gap: 10px; padding: 12px 14px; border-radius: 10px; border: 1px solid #a9cbe6; background: #eef6fd; }
      :host([data-tone="success"]) .banner { border-color: #94d3b0; background: #ecf8f1; }
      :host([data-tone="warning"]) .banner { border-color: #eecb83; background: #fff6e4; }
      :host([data-tone="critical"]) .banner { border-color: #efa8b3; background: #fdeff1; }
      .icon { flex: none; width: 20px; height: 20px; border-radius: 50%; display: grid; place-items: center; color: #fff; font-size: 12px; font-weight: 700; background: #1f6fb2; margin-top: 1px; }
      :host([data-tone="success"]) .icon { background: #1a7f4b; }
      :host([data-tone="warning"]) .icon { background: #b5790b; }
      :host([data-tone="critical"]) .icon { background: #c70a24; }
      .main { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
      .heading { margin: 0; font-weight: 600; }
      .heading:empty { display: none; }
      .dismiss { border: 0; background: transparent; cursor: pointer; font-size: 18px; line-height: 1; border-radius: 6px; width: 28px; height: 28px; }
      .dismiss[hidden] { display: none; }`;
    template() {
      return `<div class="banner"><span class="icon" aria-hidden="true"></span><div class="main"><p class="heading"></p><slot></slot></div>
        <button class="dismiss" type="button" hidden>×</button></div>`;
    }
    setup() {
      this.$(".dismiss").addEventListener("click", () => {
        this.dispatchEvent(new Event("dismiss"));
        this.hidden = true;
        this.dispatchEvent(new Event("afterhide"));
      });
    }
    update() {
      const tone = this.tone || "auto";
      this.dataset.tone = tone;
      this.$(".icon").textContent = { success: "✓", warning: "!", critical: "!" }[tone] || "i";
      this.$(".heading").textContent = this.heading || "";
      // a problem interrupts; anything else is announced politely
      this.$(".banner").setAttribute("role", tone === "critical" ? "alert" : "status");
      const dismiss = this.$(".dismiss");
      dismiss.hidden = !this.dismissible;
      dismiss.setAttribute("aria-label", isFrench() ? "Fermer" : "Dismiss");
    }
  }
  define("s-banner", Banner);

  class Details extends Base {
    static props = { open: "boolean" };
    static styles = `:host { display: block; } summary { cursor: pointer; font-weight: 500; color: var(--s-accent, #1773b0); padding: 2px 0; }
      .content { padding-top: 8px; }`;
    template() {
      return `<details><summary><slot name="summary"></slot></summary><div class="content"><slot></slot></div></details>`;
    }
    setup() {
      this.$("details").addEventListener("toggle", () => {
        this._p.open = this.$("details").open;
        this.dispatchEvent(new Event("toggle"));
      });
    }
    update() {
      this.$("details").open = this.open;
    }
  }
  define("s-details", Details);
  class Summary extends Base {
    update() {
      // the summary goes in its details' summary slot
      if (!this.getAttribute("slot")) this.setAttribute("slot", "summary");
    }
  }
  define("s-summary", Summary);

  // ---------------------------------------------------------------- actions
  const SPINNER = `<span class="spinner" aria-hidden="true"></span>`;
  const SPINNER_CSS = `.spinner { position: absolute; inset: 0; margin: auto; width: 16px; height: 16px; border-radius: 50%;
      border: 2px solid currentColor; border-right-color: transparent; animation: spin .7s linear infinite; display: none; }
    @keyframes spin { to { transform: rotate(360deg); } }
    @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 2s; } }`;

  class Button extends Base {
    static focusable = true;
    static props = Object.assign({}, A11Y, {
      variant: "string",
      tone: "string",
      href: "string",
      target: "string",
      type: "string",
      disabled: "boolean",
      loading: "boolean",
      command: "string",
      commandFor: "string",
      inlineSize: "string",
    });
    static styles = `:host { display: inline-flex; vertical-align: middle; }
      :host([data-fill]) { display: flex; }
      .control { position: relative; display: inline-flex; align-items: center; justify-content: center; gap: 6px; width: 100%;
        min-height: 44px; padding: 10px 18px; border-radius: 10px; font: inherit; font-weight: 600; line-height: 1.2;
        text-decoration: none; cursor: pointer; border: 1px solid transparent; transition: background .12s, box-shadow .12s; }
      .control[data-variant="primary"] { background: var(--s-accent, #1773b0); color: #fff; }
      .control[data-variant="primary"]:hover { background: var(--s-accent-hover, #135f93); }
      .control[data-variant="secondary"] { background: #fff; color: var(--s-accent, #1773b0); border-color: #d4d4d4; }
      .control[data-variant="secondary"]:hover { background: #f7f7f7; }
      .control[data-tone="critical"][data-variant="primary"] { background: #c70a24; }
      .control[data-tone="critical"][data-variant="primary"]:hover { background: #a30a1f; }
      .control[data-tone="critical"][data-variant="secondary"] { color: #c70a24; }
      .control[data-menu] { min-height: 40px; padding: 8px 16px; color: #303030; }
      .control[data-icon] { min-height: 36px; width: 36px; padding: 0; border-radius: 50%; }
      .control[aria-disabled="true"] { opacity: .5; cursor: not-allowed; }
      .control[data-loading] { cursor: progress; opacity: 1; }
      .control[data-loading] .label { visibility: hidden; }
      .control[data-loading] .spinner { display: block; }
      .arrow { display: none; font-size: 18px; }
      .control[data-icon] .arrow { display: inline; }
      ${SPINNER_CSS}`;
    template() {
      return `<button class="control" part="control" type="button">${SPINNER}<span class="arrow" aria-hidden="true">←</span><span class="label"><slot></slot></span></button>`;
    }
    setup() {
      // a disabled or loading button does nothing: its click never reaches the extension
      this.addEventListener(
        "click",
        (e) => {
          if (this.disabled || this.loading) {
            e.stopImmediatePropagation();
            e.preventDefault();
          }
        },
        { capture: true },
      );
    }
    update() {
      const href = this.href;
      // a link is an <a>, everything else a <button>
      let control = this.$(".control");
      const wantLink = Boolean(href) && !this.disabled;
      if (wantLink !== (control.localName === "a")) {
        const next = document.createElement(wantLink ? "a" : "button");
        next.className = "control";
        next.setAttribute("part", "control");
        next.innerHTML = control.innerHTML;
        control.replaceWith(next);
        control = next;
      }
      if (wantLink) control.setAttribute("href", href);
      else control.setAttribute("type", this.type === "submit" ? "submit" : "button");
      const slot = this.getAttribute("slot") || "";
      const inMenu = document.documentElement.dataset.target === "customer-account.order.action.menu-item.render";
      const iconOnly = slot === "breadcrumb-actions" && !this.textContent.trim();
      const variant =
        this.variant && this.variant !== "auto"
          ? this.variant
          : inMenu || slot === "secondary-actions" || slot === "breadcrumb-actions"
            ? "secondary"
            : "primary";
      control.dataset.variant = variant;
      control.dataset.tone = this.tone || "auto";
      control.toggleAttribute("data-menu", inMenu);
      control.toggleAttribute("data-icon", iconOnly);
      control.toggleAttribute("data-loading", Boolean(this.loading));
      const inactive = Boolean(this.disabled || this.loading);
      control.setAttribute("aria-disabled", String(inactive));
      if (this.loading) control.setAttribute("aria-busy", "true");
      else control.removeAttribute("aria-busy");
      if (this.accessibilityLabel) control.setAttribute("aria-label", this.accessibilityLabel);
      else control.removeAttribute("aria-label");
      this.toggleAttribute("data-fill", this.inlineSize === "fill");
    }
  }
  define("s-button", Button);

  class Link extends Base {
    static focusable = true;
    static props = Object.assign({}, A11Y, { href: "string", target: "string", tone: "string" });
    static styles = `:host { display: inline; } a { color: var(--s-accent, #1773b0); text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
      a:hover { text-decoration-thickness: 2px; }`;
    template() {
      return `<a part="link"><slot></slot></a>`;
    }
    update() {
      const a = this.$("a");
      if (this.href) a.setAttribute("href", this.href);
      else {
        a.removeAttribute("href");
        a.setAttribute("role", "button");
        a.setAttribute("tabindex", "0");
      }
      if (this.accessibilityLabel) a.setAttribute("aria-label", this.accessibilityLabel);
      else a.removeAttribute("aria-label");
    }
  }
  define("s-link", Link);

  // ---------------------------------------------------------------- forms
  const FIELD_CSS = `:host { display: block; }
    .field { position: relative; }
    label { position: absolute; left: 12px; top: 50%; transform: translateY(-50%); color: #707070; pointer-events: none;
      transition: top .1s, font-size .1s; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: calc(100% - 24px); }
    .field[data-filled] label, .field:focus-within label { top: 12px; font-size: 12px; }
    .field.multiline label { top: 20px; }
    .field.multiline[data-filled] label, .field.multiline:focus-within label { top: 12px; }
    .control { width: 100%; font: inherit; color: inherit; background: #fff; border: 1px solid #d4d4d4; border-radius: 8px;
      min-height: 48px; padding: 20px 12px 6px; outline: none; }
    textarea.control { padding-top: 24px; resize: vertical; }
    select.control { appearance: none; padding-right: 36px; cursor: pointer; }
    .control:focus { border-color: var(--s-accent, #1773b0); box-shadow: 0 0 0 1px var(--s-accent, #1773b0); }
    .control[aria-invalid="true"] { border-color: #c70a24; box-shadow: 0 0 0 1px #c70a24; }
    .control:disabled { background: #f5f5f5; color: #8a8a8a; cursor: not-allowed; }
    .error { display: flex; gap: 6px; margin: 6px 0 0; color: #c70a24; font-size: 0.929em; }
    .error:empty { display: none; }
    .chevron { position: absolute; right: 12px; top: 50%; transform: translateY(-50%); pointer-events: none; color: #707070; }`;

  /** Text field, text area and select share label, value, error, disabled, required and the input/change events. */
  class Field extends Base {
    static focusable = true;
    static props = Object.assign({}, A11Y, {
      label: "string",
      name: "string",
      value: "string",
      defaultValue: "string",
      error: "string",
      disabled: "boolean",
      readOnly: "boolean",
      required: "boolean",
      placeholder: "string",
      autocomplete: "string",
      maxLength: "number",
      minLength: "number",
      rows: "number",
      labelAccessibilityVisibility: "string",
    });
    static styles = FIELD_CSS;
    controlHtml(id, errorId) {
      return `<input class="control" id="${id}" aria-describedby="${errorId}" />`;
    }
    template() {
      const id = nextId("field");
      return `<div class="field"><label for="${id}"></label>${this.controlHtml(id, `${id}-error`)}</div><p class="error" id="${id}-error"></p>`;
    }
    setup() {
      const control = this.$(".control");
      // the value is the control's as soon as it changes, before the extension's listeners run
      control.addEventListener("input", () => {
        this._p.value = control.value;
        this.$(".field").toggleAttribute("data-filled", control.value !== "");
      });
      // `change` does not cross the shadow boundary by itself
      control.addEventListener("change", (e) => {
        this._p.value = control.value;
        e.stopPropagation();
        this.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
    get _value() {
      const v = this.value;
      return v === undefined || v === null ? (this.defaultValue ?? "") : String(v);
    }
    update() {
      const control = this.$(".control");
      const value = this._value;
      if (control.value !== value) control.value = value;
      this.$("label").textContent = this.label || "";
      control.disabled = Boolean(this.disabled);
      control.readOnly = Boolean(this.readOnly);
      control.required = Boolean(this.required);
      if (this.name) control.name = this.name;
      if (this.autocomplete) control.setAttribute("autocomplete", this.autocomplete);
      if (this.maxLength !== undefined && control.localName !== "select") control.maxLength = this.maxLength;
      if (this.rows && control.localName === "textarea") control.rows = this.rows;
      if (this.accessibilityLabel) control.setAttribute("aria-label", this.accessibilityLabel);
      const error = this.error || "";
      this.$(".error").textContent = error;
      control.setAttribute("aria-invalid", String(Boolean(error)));
      this.$(".field").toggleAttribute("data-filled", value !== "" || control.localName === "select");
    }
  }
  class TextField extends Field {}
  define("s-text-field", TextField);
  /** An email address: a native email input (the keyboard and autofill for addresses; no validation of its own). */
  class EmailField extends Field {
    controlHtml(id, errorId) {
      return `<input class="control" type="email" inputmode="email" id="${id}" aria-describedby="${errorId}" />`;
    }
  }
  define("s-email-field", EmailField);
  /** A phone number: a native tel input; `type` ("mobile" or "") only styles it in Shopify, and validates nothing. */
  class PhoneField extends Field {
    static props = Object.assign({}, Field.props, { type: "string" });
    controlHtml(id, errorId) {
      return `<input class="control" type="tel" inputmode="tel" id="${id}" aria-describedby="${errorId}" />`;
    }
  }
  define("s-phone-field", PhoneField);
  class TextArea extends Field {
    controlHtml(id, errorId) {
      return `<textarea class="control" id="${id}" aria-describedby="${errorId}"></textarea>`;
    }
    template() {
      return super.template().replace('class="field"', 'class="field multiline"');
    }
  }
  define("s-text-area", TextArea);

  /** A native <select> whose options are the element's s-option children. */
  class Select extends Field {
    controlHtml(id, errorId) {
      return `<select class="control" id="${id}" aria-describedby="${errorId}"></select><span class="chevron" aria-hidden="true">▾</span>`;
    }
    setup() {
      super.setup();
      new MutationObserver(() => this._changed()).observe(this, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
    }
    update() {
      const control = this.$(".control");
      const options = [...this.querySelectorAll("s-option")].map((o) => ({
        value: String(o.value ?? ""),
        label: o.textContent || "",
        disabled: Boolean(o.disabled),
      }));
      const value = this._value;
      const wanted = (
        this.placeholder || value === "" ? [{ value: "", label: this.placeholder || "", disabled: true }] : []
      ).concat(options);
      const same =
        control.options.length === wanted.length &&
        wanted.every((w, i) => control.options[i].value === w.value && control.options[i].text === w.label);
      if (!same) {
        control.replaceChildren(
          ...wanted.map((w) => {
            const option = document.createElement("option");
            option.value = w.value;
            option.textContent = w.label;
            option.disabled = w.disabled;
            return option;
          }),
        );
      }
      super.update();
      if (control.value !== value) control.value = value;
    }
  }
  define("s-select", Select);

  /** A number field: a text field whose control is a number input, with min, max, step, prefix and suffix. */
  class NumberField extends Field {
    static props = Object.assign({}, Field.props, {
      min: "number",
      max: "number",
      step: "number",
      prefix: "string",
      suffix: "string",
      inputMode: "string",
    });
    static styles =
      FIELD_CSS +
      `.affix { position: absolute; top: 21px; color: #707070; pointer-events: none; }
      .suffix { right: 12px; } .prefix { left: 12px; } .affix:empty { display: none; }
      .field[data-suffix] .control { padding-right: 96px; }`;
    controlHtml(id, errorId) {
      return `<input class="control" type="number" id="${id}" aria-describedby="${errorId} ${id}-suffix" /><span class="affix suffix" id="${id}-suffix"></span>`;
    }
    update() {
      super.update();
      const control = this.$(".control");
      for (const name of ["min", "max", "step"]) {
        const v = this[name];
        if (v === undefined || v === null) control.removeAttribute(name);
        else control.setAttribute(name, String(v));
      }
      this.$(".suffix").textContent = this.suffix || "";
      this.$(".field").toggleAttribute("data-suffix", Boolean(this.suffix));
    }
  }
  define("s-number-field", NumberField);

  const CHOICE_CSS = `:host { display: block; }
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { padding: 0; margin-bottom: 8px; font-weight: 500; }
    legend:empty { display: none; }
    .choices { display: flex; flex-direction: column; gap: 10px; }
    label.choice { display: flex; gap: 10px; align-items: flex-start; cursor: pointer; }
    input { width: 18px; height: 18px; margin: 1px 0 0; accent-color: var(--s-accent, #1773b0); flex: none; cursor: pointer; }
    input:disabled, input:disabled + span { cursor: not-allowed; opacity: .6; }
    .error { display: flex; gap: 6px; margin: 6px 0 0; color: #c70a24; font-size: 0.929em; }
    .error:empty { display: none; }`;

  /** A checkbox: `checked` follows the box before the extension's change listener runs. */
  class Checkbox extends Base {
    static focusable = true;
    static props = Object.assign({}, A11Y, {
      label: "string",
      checked: "boolean",
      defaultChecked: "boolean",
      disabled: "boolean",
      required: "boolean",
      name: "string",
      value: "string",
      error: "string",
    });
    static styles = CHOICE_CSS;
    template() {
      const id = nextId("checkbox");
      return `<label class="choice"><input type="checkbox" id="${id}" aria-describedby="${id}-error" /><span class="label"><slot></slot></span></label><p class="error" id="${id}-error"></p>`;
    }
    setup() {
      const box = this.$("input");
      box.addEventListener("input", () => (this._p.checked = box.checked));
      box.addEventListener("change", (e) => {
        this._p.checked = box.checked;
        e.stopPropagation();
        this.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
    update() {
      const box = this.$("input");
      const checked = "checked" in this._p || this.hasAttribute("checked") ? this.checked : this.defaultChecked;
      box.checked = Boolean(checked);
      box.disabled = Boolean(this.disabled);
      box.required = Boolean(this.required);
      if (this.name) box.name = this.name;
      // the label is the property's text, else the element's children
      const label = this.$(".label");
      if (this.label) label.textContent = this.label;
      else if (!label.querySelector("slot")) label.innerHTML = "<slot></slot>";
      if (this.accessibilityLabel) box.setAttribute("aria-label", this.accessibilityLabel);
      const error = this.error || "";
      this.$(".error").textContent = error;
      box.setAttribute("aria-invalid", String(Boolean(error)));
    }
  }
  define("s-checkbox", Checkbox);

  /** Radio buttons (or checkboxes with `multiple`) for its s-choice children; `values` is what is selected. */
  class ChoiceList extends Base {
    static props = Object.assign({}, A11Y, {
      label: "string",
      name: "string",
      values: "string",
      multiple: "boolean",
      disabled: "boolean",
      error: "string",
      variant: "string",
    });
    static styles = CHOICE_CSS;
    template() {
      const id = nextId("choices");
      this._name = id;
      return `<fieldset aria-describedby="${id}-error"><legend></legend><div class="choices" role="presentation"></div></fieldset><p class="error" id="${id}-error"></p>`;
    }
    setup() {
      new MutationObserver(() => this._changed()).observe(this, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      this.$(".choices").addEventListener("change", (e) => {
        e.stopPropagation();
        this._p.values = [...this.$(".choices").querySelectorAll("input")].filter((i) => i.checked).map((i) => i.value);
        this.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
    get _values() {
      const v = this._p.values ?? this.getAttribute("values");
      if (Array.isArray(v)) return v.map(String);
      if (typeof v === "string") return v ? v.split(",") : [];
      return [...this.querySelectorAll("s-choice")].filter((c) => c.selected).map((c) => String(c.value));
    }
    update() {
      const choices = [...this.querySelectorAll("s-choice")].map((c) => ({
        value: String(c.value ?? ""),
        label: c.textContent || "",
        disabled: Boolean(c.disabled),
      }));
      const box = this.$(".choices");
      const type = this.multiple ? "checkbox" : "radio";
      const current = [...box.querySelectorAll("input")];
      const same =
        current.length === choices.length &&
        current.every((input, i) => input.type === type && input.value === choices[i].value) &&
        [...box.querySelectorAll("span")].every((span, i) => span.textContent === choices[i].label);
      if (!same) {
        box.replaceChildren(
          ...choices.map((c) => {
            const label = document.createElement("label");
            label.className = "choice";
            const input = document.createElement("input");
            input.type = type;
            input.name = this.name || this._name;
            input.value = c.value;
            const text = document.createElement("span");
            text.textContent = c.label;
            label.append(input, text);
            return label;
          }),
        );
      }
      const values = this._values;
      box.querySelectorAll("input").forEach((input, i) => {
        input.checked = values.includes(input.value);
        input.disabled = Boolean(this.disabled || choices[i].disabled);
      });
      this.$("legend").textContent = this.label || "";
      const error = this.error || "";
      this.$(".error").textContent = error;
      this.$("fieldset").setAttribute("aria-invalid", String(Boolean(error)));
    }
  }
  define("s-choice-list", ChoiceList);
  // `values` is an array of the selected choices' values
  Object.defineProperty(ChoiceList.prototype, "values", {
    configurable: true,
    get() {
      return this._values;
    },
    set(value) {
      this._p.values = value;
      this._changed();
    },
  });

  class Choice extends Base {
    static props = { value: "string", selected: "boolean", disabled: "boolean", defaultSelected: "boolean" };
    static styles = `:host { display: none; }`;
    update() {
      const list = this.closest("s-choice-list");
      if (list) /** @type {any} */ (list)._changed();
    }
  }
  define("s-choice", Choice);

  class Option extends Base {
    static props = { value: "string", disabled: "boolean", selected: "boolean" };
    static styles = `:host { display: none; }`;
    update() {
      const select = this.closest("s-select");
      if (select) /** @type {any} */ (select)._changed();
    }
  }
  define("s-option", Option);
})();
