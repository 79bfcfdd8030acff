import type { Locale } from "~/domain/types";
import { storefrontTexts, type StorefrontTexts } from "~/i18n/storefront";

/**
 * The storefront withdrawal page's three steps as HTML, pure: what to show comes in as arguments. The page is
 * answered as `application/liquid`, so Shopify renders it inside the store's theme as Liquid: every value is
 * escaped for HTML *and* has its braces turned into entities, so nothing a visitor typed (or an order holds)
 * can become a Liquid tag. Plain forms (no script): they work with a keyboard and without JavaScript.
 */

/** The item lines the statement offers (the options' `withdrawal.items`). */
export interface StatementItem {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  withdrawableQuantity: number;
  exempt: boolean;
  exemptReason: "PERSONALISED" | "PERISHABLE" | "SEALED_HYGIENE" | "SEALED_MEDIA" | "OTHER" | null;
}

/** Step 2: the matched order's withdrawal options, as the statement shows them. */
export interface StatementView {
  orderName: string;
  customerName: string;
  offered: boolean;
  allowed: boolean;
  /** Why not, already in the visitor's language. */
  reasons: { code: string; message: string }[];
  periodDays: number;
  periodEndsAt: string | null;
  items: StatementItem[];
  /** Masked, as the customer API shows them. */
  contact: { email: string | null; phone: string | null };
}

/** Step 3: the registered withdrawal (the submission's `withdrawal`). */
export interface AcknowledgementView {
  submittedAt: string;
  statement: {
    name: string;
    orderName: string;
    items: { lineItemId: string; title: string; quantity: number }[];
    wholeOrder: boolean;
  };
  acknowledgement: { email: string | null; sms: string | null };
  outcome: "CANCELLATION" | "RETURN";
  reimbursementDueBy: string | null;
}

/** What the visitor typed in step 1, shown again (escaped) after a refusal. */
export interface LookupValues {
  name: string;
  orderNumber: string;
  email: string;
}

/** Text and attribute values: HTML-escaped, and `{`/`}` as entities so that Liquid never sees a tag. */
export function esc(value: unknown): string {
  return String(value ?? "").replace(
    /[&<>"'{}]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "{": "&#123;", "}": "&#125;" })[c]!,
  );
}

const t = (locale: Locale): StorefrontTexts => storefrontTexts[locale];
/** A text with its `{placeholders}` filled, all of it escaped. */
const fill = (template: string, params: Record<string, string | number>) =>
  template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return esc(name !== undefined && name in params ? params[name] : part);
    })
    .join("");

/** "5 December 2026" / "5 décembre 2026", in UTC (the acknowledgement states UTC too). */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(iso));
}

export function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZone: "UTC",
  }).format(new Date(iso));
}

const STYLE = `<style>
.amend-withdrawal{max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.amend-withdrawal h1{font-size:1.6rem;margin:0 0 .25rem}
.amend-withdrawal .amend-step{color:#616161;font-size:.875rem;margin:0 0 1rem}
.amend-withdrawal label{display:block;font-weight:600;margin:1rem 0 .25rem}
.amend-withdrawal .amend-hint{font-size:.875rem;color:#616161;margin:.25rem 0 0}
.amend-withdrawal input[type=text],.amend-withdrawal input[type=email],.amend-withdrawal input[type=number]{width:100%;max-width:28rem;padding:.5rem;font:inherit;border:1px solid #8a8a8a;border-radius:4px;box-sizing:border-box}
.amend-withdrawal input[type=number]{max-width:6rem}
.amend-withdrawal fieldset{border:1px solid #d0d0d0;border-radius:6px;margin:1rem 0;padding:.5rem 1rem 1rem}
.amend-withdrawal legend{font-weight:600;padding:0 .25rem}
.amend-withdrawal .amend-choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.5rem 0}
.amend-withdrawal .amend-item{border-top:1px solid #ececec;padding:.5rem 0}
.amend-withdrawal .amend-item label{font-weight:400;margin:.25rem 0}
.amend-withdrawal .amend-exempt{color:#8e1f0b}
.amend-withdrawal .amend-statement{background:#f6f6f6;border-left:4px solid #303030;padding:.75rem 1rem;margin:1rem 0}
.amend-withdrawal .amend-error{background:#fee9e8;border:1px solid #e0b3b2;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.amend-withdrawal .amend-success{background:#e8f5ee;border:1px solid #b3d9c4;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.amend-withdrawal button{margin-top:1.25rem;padding:.75rem 1.25rem;font:inherit;font-weight:600;border:0;border-radius:6px;background:#303030;color:#fff;cursor:pointer}
.amend-withdrawal button:focus-visible,.amend-withdrawal input:focus-visible,.amend-withdrawal a:focus-visible{outline:2px solid #005bd3;outline-offset:2px}
</style>`;

function frame(locale: Locale, step: number | null, body: string): string {
  const texts = t(locale);
  return `${STYLE}
<div class="amend-withdrawal" lang="${locale}">
<h1>${esc(texts.title)}</h1>
${step ? `<p class="amend-step">${fill(texts.stepLabel, { step })}</p>` : ""}
${body}
</div>`;
}

const errorBox = (message: string) => `<div class="amend-error" role="alert" id="amend-error">${message}</div>`;

/** Step 1: name, order number and email. `error` is shown as is (already escaped text). */
export function renderLookup(input: {
  locale: Locale;
  action: string;
  token: string;
  values?: LookupValues;
  error?: string | null;
}): string {
  const texts = t(input.locale).lookup;
  const v = input.values ?? { name: "", orderNumber: "", email: "" };
  const invalid = input.error ? ' aria-describedby="amend-error"' : "";
  return frame(
    input.locale,
    1,
    `<p>${esc(texts.intro)}</p>
${input.error ? errorBox(input.error) : ""}
<form method="post" action="${esc(input.action)}" novalidate>
<input type="hidden" name="step" value="lookup">
<input type="hidden" name="token" value="${esc(input.token)}">
<label for="amend-name">${esc(texts.name)}</label>
<input type="text" id="amend-name" name="name" value="${esc(v.name)}" autocomplete="name" maxlength="200" required${invalid}>
<label for="amend-order">${esc(texts.orderNumber)}</label>
<input type="text" id="amend-order" name="orderNumber" value="${esc(v.orderNumber)}" inputmode="numeric" maxlength="40" required aria-describedby="amend-order-hint">
<p class="amend-hint" id="amend-order-hint">${esc(texts.orderNumberHint)}</p>
<label for="amend-email">${esc(texts.email)}</label>
<input type="email" id="amend-email" name="email" value="${esc(v.email)}" autocomplete="email" maxlength="320" required${invalid}>
<button type="submit">${esc(texts.submit)}</button>
</form>`,
  );
}

export function lookupNotFoundMessage(locale: Locale): string {
  return esc(t(locale).lookup.notFound);
}

export function lookupMissingMessage(locale: Locale, fields: ("name" | "orderNumber" | "email")[]): string {
  const texts = t(locale).lookup;
  return fill(texts.missing, { fields: fields.map((f) => texts[f]).join(", ") });
}

/** Step 2: the statement, the items, the acknowledgement's means and "Confirm withdrawal". */
export function renderStatement(input: {
  locale: Locale;
  action: string;
  restartAction: string;
  token: string;
  view: StatementView;
  /** The name typed in step 1 (or corrected here), pre-filled. */
  name: string;
  error?: string | null;
}): string {
  const { locale, view } = input;
  const texts = t(locale).statement;
  const startAgain = `<p><a href="${esc(input.restartAction)}">${esc(texts.startAgain)}</a></p>`;
  if (!view.offered) return frame(locale, 2, `<p>${esc(texts.notOffered)}</p>${startAgain}`);
  if (!view.allowed) {
    return frame(
      locale,
      2,
      `<p>${esc(texts.notAllowed)}</p>
<ul>${view.reasons.map((r) => `<li>${esc(r.message)}</li>`).join("")}</ul>
${startAgain}`,
    );
  }
  const period = view.periodEndsAt
    ? fill(texts.period, { date: formatDate(view.periodEndsAt, locale) })
    : view.periodDays === 14
      ? esc(texts.periodNotStarted)
      : fill(texts.periodNotStartedDays, { days: view.periodDays });
  const items = view.items
    .map((item) => {
      const title = item.variantTitle ? `${item.title} — ${item.variantTitle}` : item.title;
      if (item.exempt || item.withdrawableQuantity < 1) {
        const why = item.exempt
          ? fill(texts.exempt, { reason: t(locale).exemptReasons[item.exemptReason ?? "OTHER"] })
          : esc(texts.alreadyWithdrawn);
        return `<div class="amend-item"><div>${esc(title)} × ${esc(item.quantity)}</div><div class="amend-exempt">${why}</div></div>`;
      }
      const id = `amend-qty-${esc(item.lineItemId)}`;
      return `<div class="amend-item"><div>${esc(title)}</div>
<label for="${id}">${fill(texts.quantity, { count: item.withdrawableQuantity })}</label>
<input type="number" id="${id}" name="qty.${esc(item.lineItemId)}" min="0" max="${esc(item.withdrawableQuantity)}" step="1" value="${esc(item.withdrawableQuantity)}"></div>`;
    })
    .join("\n");
  return frame(
    locale,
    2,
    `<h2>${esc(texts.heading)}</h2>
<p class="amend-statement">${fill(texts.text, { name: input.name || view.customerName, order: view.orderName })}</p>
<p>${period}</p>
${input.error ? errorBox(input.error) : ""}
<form method="post" action="${esc(input.action)}">
<input type="hidden" name="step" value="confirm">
<input type="hidden" name="token" value="${esc(input.token)}">
<label for="amend-statement-name">${esc(texts.nameLabel)}</label>
<input type="text" id="amend-statement-name" name="name" value="${esc(input.name || view.customerName)}" autocomplete="name" maxlength="200" required>
<fieldset>
<legend>${esc(texts.itemsLegend)}</legend>
<label class="amend-choice"><input type="radio" name="scope" value="whole" checked> ${esc(texts.wholeOrder)}</label>
<label class="amend-choice"><input type="radio" name="scope" value="items"> ${esc(texts.someItems)}</label>
${items}
</fieldset>
<fieldset>
<legend>${esc(texts.acknowledgementLegend)}</legend>
${view.contact.email ? `<label class="amend-choice"><input type="checkbox" checked disabled> ${fill(texts.byEmail, { email: view.contact.email })}</label>` : ""}
${view.contact.phone ? `<label class="amend-choice"><input type="checkbox" name="sms" value="1"> ${fill(texts.bySms, { phone: view.contact.phone })}</label>` : ""}
</fieldset>
<p class="amend-hint">${esc(texts.confirmHint)}</p>
<button type="submit">${esc(texts.confirm)}</button>
</form>
${startAgain}`,
  );
}

/** Step 3: the acknowledgement: the statement as registered, with the date and time it was submitted. */
export function renderAcknowledgement(input: { locale: Locale; view: AcknowledgementView }): string {
  const { locale, view } = input;
  const texts = t(locale).acknowledgement;
  const statement = t(locale).statement;
  const destinations = [view.acknowledgement.email, view.acknowledgement.sms].filter(Boolean).join(", ");
  const what = view.statement.wholeOrder
    ? `<p>${fill(texts.wholeOrder, { order: view.statement.orderName })}</p>`
    : `<p>${fill(texts.items, { order: view.statement.orderName })}</p>
<ul>${view.statement.items.map((i) => `<li>${fill(texts.itemLine, { title: i.title, quantity: i.quantity })}</li>`).join("")}</ul>`;
  const due = view.reimbursementDueBy ? formatDate(view.reimbursementDueBy, locale) : "";
  return frame(
    locale,
    3,
    `<div class="amend-success" role="status"><strong>${esc(texts.heading)}</strong><br>
${fill(texts.submittedAt, { date: formatDate(view.submittedAt, locale), time: formatTime(view.submittedAt, locale) })}</div>
<h2>${esc(texts.statement)}</h2>
<p class="amend-statement">${fill(statement.text, { name: view.statement.name, order: view.statement.orderName })}</p>
${what}
${destinations ? `<p>${fill(texts.sentTo, { destinations })}</p>` : ""}
${due ? `<p>${fill(view.outcome === "RETURN" ? texts.return : texts.cancellation, { date: due })}</p>` : ""}`,
  );
}

export type ProblemCode = keyof StorefrontTexts["problems"];

/** A refusal or failure, with a way back to step 1 when there is one. */
export function renderProblem(input: {
  locale: Locale;
  code: ProblemCode;
  params?: Record<string, string | number>;
  restartAction?: string | null;
}): string {
  const texts = t(input.locale);
  return frame(
    input.locale,
    null,
    `${errorBox(fill(texts.problems[input.code], input.params ?? {}))}
${input.restartAction ? `<p><a href="${esc(input.restartAction)}">${esc(texts.statement.startAgain)}</a></p>` : ""}`,
  );
}

/** A whole HTML document, for answers given outside the store's theme (a request Shopify did not sign). */
export function standaloneDocument(locale: Locale, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(t(locale).title)}</title></head>
<body style="font-family:system-ui,sans-serif">${body}</body></html>`;
}
