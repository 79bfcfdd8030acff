import { Liquid, LiquidError, Tokenizer, TypeGuards, type Template, type Token } from "liquidjs";
import type { Locale } from "~/domain/types";
import type { Channel, NotificationEvent, Recipient } from "./events";
import { countSmsSegments, type SmsEncoding } from "./sms-segments";
import { defaultTemplate, localeTemplates, resolveLocale } from "./templates";
import type { NotificationVariables } from "./variables";

/** Longest template source accepted (characters): a merchant's template is a page, not a book. */
export const MAX_TEMPLATE_LENGTH = 100_000;
/** Wall-clock budget for one render (ms): an endless loop stops here. */
export const RENDER_TIME_LIMIT_MS = 250;
/** Deepest nesting of block tags ({% if %} in {% for %} in …): a page needs a handful, never this many. */
export const MAX_NESTING_DEPTH = 20;
/** LiquidJS memory units (string lengths, array sizes) one render may allocate. */
export const RENDER_MEMORY_LIMIT = 2_000_000;
/** Largest rendered output (characters): mail servers and SMS providers refuse far less anyway. */
export const MAX_OUTPUT_LENGTH = 250_000;

/** A template refused: where, and what to fix — shown to the merchant next to the editor. */
export class TemplateError extends Error {
  /** What is wrong, without the part and position (as the editor shows it). */
  readonly reason: string;
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** Which part of a notification failed (subject, html, text). */
    readonly part?: TemplatePart,
  ) {
    super(
      part ? `${part}: ${message} (line ${line}, column ${column})` : `${message} (line ${line}, column ${column})`,
    );
    this.name = "TemplateError";
    this.reason = message;
  }
}

export type TemplatePart = "subject" | "html" | "text" | "sms";

export type TemplateCheck = { ok: true } | { ok: false; line: number; column: number; message: string };

const FORBIDDEN_TAGS = ["include", "render", "layout"] as const;

function createEngine(escapeHtml: boolean): Liquid {
  const engine = new Liquid({
    strictFilters: true,
    // An empty in-memory template map: no partial can ever be read from the server's disk.
    templates: {},
    parseLimit: MAX_TEMPLATE_LENGTH,
    renderLimit: RENDER_TIME_LIMIT_MS,
    memoryLimit: RENDER_MEMORY_LIMIT,
    outputEscape: escapeHtml ? "escape" : undefined,
    // Shopify's Liquid prints nothing for a missing variable; so do we, and templates stay forgiving.
    strictVariables: false,
  });
  for (const name of FORBIDDEN_TAGS) {
    engine.registerTag(name, {
      parse() {
        throw new Error(`{% ${name} %} is not available in notification templates: write the content inline`);
      },
      render() {
        return "";
      },
    });
  }
  return engine;
}

// HTML templates escape every output (customer-entered names, notes, addresses); `| raw` opts out.
const htmlEngine = createEngine(true);
// Subjects, text parts and SMS are not HTML: escaping would show "&amp;" to the reader.
const textEngine = createEngine(false);

const HUMAN_MESSAGES: [RegExp, string][] = [
  [
    /template render limit exceeded/,
    `the template took longer than ${RENDER_TIME_LIMIT_MS} ms to render (an endless or very long loop?)`,
  ],
  [
    /memory alloc limit exceeded/,
    "the template needs too much memory (a loop over too many items, or text repeated too often)",
  ],
  [/parse length limit exceeded/, `the template is longer than ${MAX_TEMPLATE_LENGTH} characters`],
  [/undefined filter: (\S+)/, "unknown filter “$1”"],
];

function toTemplateError(err: unknown, part?: TemplatePart): TemplateError {
  if (err instanceof TemplateError) return err;
  if (err instanceof LiquidError) {
    const [line, column] = err.token?.getPosition?.() ?? [1, 1];
    let message = (err.originalError?.message ?? err.message).replace(/, line:\d+, col:\d+$/, "");
    for (const [pattern, human] of HUMAN_MESSAGES) if (pattern.test(message)) message = message.replace(pattern, human);
    return new TemplateError(message, line, column, part);
  }
  throw err;
}

// The built-in tags that hold other tags until their `end…` tag.
const BLOCK_TAGS = new Set(["if", "unless", "for", "case", "capture", "tablerow", "comment", "raw", "block"]);

/**
 * Refuses block tags nested deeper than MAX_NESTING_DEPTH, at the first tag too deep, before the (recursive)
 * parser sees them. Counts the tags inside `{% liquid %}` too; a misplaced `end…` is left to the parser's error.
 */
function checkNesting(engine: Liquid, source: string, part?: TemplatePart): void {
  let depth = 0;
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      // A tag, in the page or on a line of {% liquid %} (both have a name and their own tokenizer).
      if (!TypeGuards.isTagToken(token)) continue;
      if (token.name === "liquid") {
        visit(token.tokenizer.readLiquidTagTokens(engine.options));
      } else if (BLOCK_TAGS.has(token.name)) {
        depth += 1;
        if (depth > MAX_NESTING_DEPTH) {
          const [line, column] = token.getPosition();
          throw new TemplateError(
            `the tags are nested more than ${MAX_NESTING_DEPTH} levels deep ({% ${token.name} %} here): a notification needs far fewer`,
            line,
            column,
            part,
          );
        }
      } else if (token.name.startsWith("end") && BLOCK_TAGS.has(token.name.slice(3)) && depth > 0) {
        depth -= 1;
      }
    }
  };
  visit(new Tokenizer(source, engine.options.operators).readTopLevelTokens(engine.options));
}

function parse(engine: Liquid, source: string, part?: TemplatePart): Template[] {
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(`the template is longer than ${MAX_TEMPLATE_LENGTH} characters`, 1, 1, part);
  }
  try {
    checkNesting(engine, source, part);
    return engine.parse(source);
  } catch (err) {
    throw toTemplateError(err, part);
  }
}

function renderPart(engine: Liquid, source: string, variables: NotificationVariables, part: TemplatePart): string {
  const templates = parse(engine, source, part);
  let out: string;
  try {
    out = engine.renderSync(templates, variables as unknown as Record<string, unknown>);
  } catch (err) {
    throw toTemplateError(err, part);
  }
  if (out.length > MAX_OUTPUT_LENGTH) {
    throw new TemplateError(`the rendered ${part} is longer than ${MAX_OUTPUT_LENGTH} characters`, 1, 1, part);
  }
  return out;
}

/**
 * Checks a merchant's template before it is saved: it must parse, and render against sample
 * variables within the time, memory and size limits. `kind` "html" is an email body; "text" anything else.
 * Synchronous: the server calls it through the render pool (render-pool.server.ts), never on its event loop.
 */
export function validateTemplate(source: string, kind: "html" | "text" = "html"): TemplateCheck {
  try {
    renderPart(
      kind === "html" ? htmlEngine : textEngine,
      source,
      sampleVariables("en"),
      kind === "html" ? "html" : "text",
    );
    return { ok: true };
  } catch (err) {
    if (err instanceof TemplateError) return { ok: false, line: err.line, column: err.column, message: err.reason };
    throw err;
  }
}

/** A shop's own template for one (event, channel, recipient, locale): a NotificationTemplate row. */
export interface TemplateOverride {
  subject?: string | null;
  /** Liquid: the email's HTML content (inside the branded layout), or the SMS text. */
  body: string;
  /** Liquid for the email's plain-text part; derived from the HTML when absent. */
  textBody?: string | null;
}

export interface RenderInput {
  event: NotificationEvent;
  channel: Channel;
  recipient: Recipient;
  locale: Locale | string;
  template?: TemplateOverride | null;
  variables: NotificationVariables;
}

export interface RenderedEmail {
  channel: "EMAIL";
  subject: string;
  html: string;
  text: string;
}

export interface RenderedSms {
  channel: "SMS";
  text: string;
  segments: number;
  encoding: SmsEncoding;
}

export type RenderedNotification = RenderedEmail | RenderedSms;

/**
 * Renders one notification; throws TemplateError (with part, line and column) when a template fails.
 * Synchronous: the server calls it through the render pool (render-pool.server.ts), never on its event loop.
 */
export function renderNotification(input: RenderInput & { channel: "EMAIL" }): RenderedEmail;
export function renderNotification(input: RenderInput & { channel: "SMS" }): RenderedSms;
export function renderNotification(input: RenderInput): RenderedNotification;
export function renderNotification(input: RenderInput): RenderedNotification {
  const locale = resolveLocale(input.locale);
  const fallback = defaultTemplate(input.event, input.channel, input.recipient, locale);
  if (input.channel === "SMS") {
    const source = input.template?.body ?? (fallback && "text" in fallback ? fallback.text : undefined);
    if (source === undefined) throw new Error(`No SMS template for ${input.event} to ${input.recipient}`);
    const text = normalizeSms(renderPart(textEngine, source, input.variables, "sms"));
    if (text === "") throw new TemplateError("the SMS is empty once rendered", 1, 1, "sms");
    const { segments, encoding } = countSmsSegments(text);
    return { channel: "SMS", text, segments, encoding };
  }
  const email = fallback && "subject" in fallback ? fallback : undefined;
  const subjectSource = input.template?.subject ?? email?.subject;
  const htmlSource = input.template?.body ?? email?.html;
  if (subjectSource === undefined || htmlSource === undefined) {
    throw new Error(`No email template for ${input.event} to ${input.recipient}`);
  }
  const subject = renderPart(textEngine, subjectSource, input.variables, "subject").replace(/\s+/g, " ").trim();
  const content = renderPart(htmlEngine, htmlSource, input.variables, "html");
  // A custom HTML body without its own text part: derive the text from it, never send the default's words.
  const textSource = input.template ? input.template.textBody : email?.text;
  const body = textSource ? renderPart(textEngine, textSource, input.variables, "text") : htmlToText(content);
  const strings = localeTemplates(locale).layout;
  const footer = renderPart(
    textEngine,
    input.recipient === "CUSTOMER" ? strings.footerCustomer : strings.footerStaff,
    input.variables,
    "text",
  );
  const html = emailLayout({ locale, subject, content, footer, shop: input.variables.shop });
  const text = `${tidyText(body)}\n\n-- \n${footer}${input.variables.shop.url ? `\n${input.variables.shop.url}` : ""}\n`;
  return { channel: "EMAIL", subject, html, text };
}

function normalizeSms(text: string): string {
  return text
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

function tidyText(text: string): string {
  return text
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&nbsp;": " ",
};

/** A readable plain-text part from HTML content: paragraphs, line breaks, list items and link targets kept. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(
      /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
      (_m, href: string, label: string) => `${label} (${href})`,
    )
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "- ")
    .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote|ul|ol)>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e)
    .replace(/[ \t]+/g, " ");
  return tidyText(
    text
      .split("\n")
      .map((l) => l.trim())
      .join("\n"),
  );
}

// --- The branded layout ---------------------------------------------------------------------------

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const DEFAULT_ACCENT = "#1a73e8";

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two hex colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The accent colour as used: a valid hex (anything else would be CSS injection), text on it readable. */
export function accentPalette(accent: string | null | undefined) {
  const color = accent && HEX_COLOR.test(accent) ? accent : DEFAULT_ACCENT;
  const onAccent = contrastRatio(color, "#ffffff") >= 4.5 ? "#ffffff" : "#111111";
  // Links sit on white: a pale accent would fail WCAG AA, so links fall back to near-black then.
  const link = contrastRatio(color, "#ffffff") >= 4.5 ? color : "#1f1f1f";
  return { color, onAccent, link };
}

function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/** Inline styles for the plain tags a template uses, so a merchant writes `<p>` and every client sees the style. */
function inlineStyles(content: string, palette: ReturnType<typeof accentPalette>): string {
  const styles: Record<string, string> = {
    h1: `margin:0 0 16px;font-family:${FONT};font-size:22px;line-height:1.3;font-weight:600;color:#1f1f1f;`,
    h2: `margin:24px 0 8px;font-family:${FONT};font-size:17px;line-height:1.4;font-weight:600;color:#1f1f1f;`,
    p: `margin:0 0 16px;font-family:${FONT};font-size:16px;line-height:1.5;color:#333333;`,
    ul: `margin:0 0 16px;padding-left:20px;font-family:${FONT};font-size:16px;line-height:1.5;color:#333333;`,
    li: "margin:0 0 4px;",
    blockquote: `margin:0 0 16px;padding:12px 16px;border-left:4px solid ${palette.color};background-color:#f6f6f7;font-family:${FONT};font-size:16px;line-height:1.5;color:#333333;`,
    address: `margin:0 0 16px;font-style:normal;font-family:${FONT};font-size:16px;line-height:1.5;color:#333333;`,
    a: `color:${palette.link};text-decoration:underline;`,
  };
  const button = `display:inline-block;padding:12px 20px;border-radius:6px;background-color:${palette.color};color:${palette.onAccent};font-family:${FONT};font-size:16px;font-weight:600;text-decoration:none;`;
  return content.replace(/<(h1|h2|p|ul|li|blockquote|address|a)(\s[^>]*)?>/gi, (tag, name: string, attrs = "") => {
    if (/\sstyle=/i.test(attrs)) return tag;
    const lower = name.toLowerCase();
    const style = lower === "a" && /class="[^"]*\bbutton\b/.test(attrs) ? button : styles[lower];
    const cls = lower === "a" && /class="[^"]*\bbutton\b/.test(attrs) ? "" : ` class="amend-${lower}"`;
    return `<${name}${attrs}${/\sclass=/i.test(attrs) ? "" : cls} style="${style}">`;
  });
}

function emailLayout(args: {
  locale: Locale;
  subject: string;
  content: string;
  footer: string;
  shop: NotificationVariables["shop"];
}): string {
  const palette = accentPalette(args.shop.email_accent_color);
  const name = escapeHtml(args.shop.name || "");
  const logo = safeUrl(args.shop.email_logo_url);
  const width = Math.min(Math.max(Number(args.shop.email_logo_width) || 120, 40), 400);
  const shopUrl = safeUrl(args.shop.url);
  const brand = logo
    ? `<img src="${escapeHtml(logo)}" alt="${name}" width="${width}" style="display:block;width:${width}px;max-width:100%;height:auto;border:0;outline:none;text-decoration:none;">`
    : `<span style="font-family:${FONT};font-size:20px;font-weight:700;color:#1f1f1f;" class="amend-h1">${name}</span>`;
  const brandLinked = shopUrl ? `<a href="${escapeHtml(shopUrl)}" style="text-decoration:none;">${brand}</a>` : brand;
  return `<!DOCTYPE html>
<html lang="${args.locale}" dir="ltr" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(args.subject)}</title>
<style>
  @media (max-width: 620px) { .amend-container { width: 100% !important; } .amend-pad { padding: 24px 16px !important; } }
  @media (prefers-color-scheme: dark) {
    .amend-body, .amend-outer { background-color: #121212 !important; }
    .amend-card { background-color: #1e1e1e !important; }
    .amend-p, .amend-ul, .amend-address, .amend-h1, .amend-h2, .amend-footer { color: #e8e8e8 !important; }
    .amend-blockquote { background-color: #2a2a2a !important; color: #e8e8e8 !important; }
    .amend-a { color: #8ab4f8 !important; }
  }
</style>
</head>
<body class="amend-body" style="margin:0;padding:0;background-color:#f4f4f5;-webkit-text-size-adjust:100%;">
<table role="presentation" class="amend-outer" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f5;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" class="amend-container" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;">
<tr><td style="height:4px;background-color:${palette.color};font-size:0;line-height:0;">&nbsp;</td></tr>
<tr><td class="amend-card amend-pad" style="padding:32px;background-color:#ffffff;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:0 0 24px;">${brandLinked}</td></tr></table>
${inlineStyles(args.content, palette)}
</td></tr>
<tr><td class="amend-pad" style="padding:16px 32px;">
<p class="amend-footer" style="margin:0;font-family:${FONT};font-size:13px;line-height:1.5;color:#5f5f5f;">${escapeHtml(args.footer).replace(/\n/g, "<br>")}${shopUrl ? `<br><a href="${escapeHtml(shopUrl)}" class="amend-a" style="color:#5f5f5f;text-decoration:underline;">${escapeHtml(shopUrl.replace(/^https?:\/\//, "").replace(/\/$/, ""))}</a>` : ""}</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** Plausible values for every variable: used to check templates on save and to preview them. */
export function sampleVariables(locale: Locale | string): NotificationVariables {
  const fr = resolveLocale(locale) === "fr";
  const address = {
    name: "Camille Martin",
    first_name: "Camille",
    last_name: "Martin",
    company: "",
    address1: "12 rue des Lilas",
    address2: "",
    city: "Lyon",
    province: "",
    province_code: "",
    zip: "69003",
    country: fr ? "France" : "France",
    country_code: "FR",
    phone: "+33612345678",
  };
  return {
    shop: {
      name: "Maison Lumière",
      email: "hello@maison-lumiere.example",
      email_logo_url: "https://cdn.example.com/logo.png",
      email_logo_width: 120,
      email_accent_color: "#1a73e8",
      url: "https://maison-lumiere.example",
    },
    order: { name: "#1042", order_status_url: "https://maison-lumiere.example/account/orders/1042" },
    customer: { first_name: "Camille", last_name: "Martin", name: "Camille Martin", email: "camille@example.com" },
    shipping_address: address,
    new_address: { ...address, address1: "3 place Bellecour", zip: "69002" },
    old_address: address,
    request: {
      id: "req_sample",
      kind: "CANCELLATION",
      kind_label: localeTemplates(resolveLocale(locale)).kindLabels.CANCELLATION,
      status: "PENDING",
      reason: "CHANGED_MIND",
      reason_label: localeTemplates(resolveLocale(locale)).reasonLabels.CHANGED_MIND,
      note: fr ? "Je me suis trompée de taille." : "I ordered the wrong size.",
      decision_note: fr ? "Votre commande était déjà en préparation." : "Your order was already being packed.",
      question: fr
        ? "Souhaitez-vous annuler toute la commande, ou seulement le pull ?"
        : "Would you like to cancel the whole order, or only the sweater?",
      deadline: fr ? "12 mars 2026 à 18:00" : "March 12, 2026 at 6:00 PM",
      deadline_at: "2026-03-12T17:00:00.000Z",
      message: fr ? "Oui, la taille M me convient." : "Yes, size M is fine.",
      failure_message: "Order cannot be cancelled: it has already been fulfilled",
      admin_url: "https://admin.shopify.com/store/maison-lumiere/apps/amend/app/requests/req_sample",
    },
    cancelled_line_items: [{ title: "Lin shirt - M", quantity: 1 }],
    withdrawal: {
      name: "Camille Martin",
      submitted_at: fr ? "5 décembre 2026 à 00:12:03 UTC" : "December 5, 2026 at 12:12:03 AM UTC",
      submitted_at_iso: "2026-12-05T00:12:03.120Z",
      whole_order: false,
      items: [{ title: "Lin shirt - M", quantity: 1 }],
      outcome: "RETURN",
      reimbursement_due_by: fr ? "19 décembre 2026" : "December 19, 2026",
    },
  };
}
