import crypto from "node:crypto";
import { z } from "zod";
import { prisma, type DbTx } from "~/db.server";
import { routesFor, type Channel, type NotificationEvent, type Recipient } from "./events";
import { TemplateError, type RenderedNotification, type TemplateOverride } from "./render";
import { renderPool } from "./render-pool.server";
import { resolveLocale } from "./templates";
import { buildVariables, type BuildVariablesInput } from "./variables";

/** The domain of every Message-ID we mint: stable per message, so a retry is recognisably the same mail. */
export const MESSAGE_ID_DOMAIN = "amend.app";

/** The facts the templates need, as buildVariables takes them; shop and branding are read by enqueue. */
export type NotificationFacts = Omit<BuildVariablesInput, "locale" | "shop" | "branding">;

export interface EnqueueInput {
  shop: string;
  requestId: string | null;
  /**
   * The RequestEvent (or other unique cause) these notifications announce. Part of each idempotency
   * key: re-running the same transition finds its messages already queued and adds none.
   */
  eventId: string;
  event: NotificationEvent;
  /** The customer's locale (en, fr; anything else falls back to en). */
  locale: string;
  /** The locale of staff and owner messages; en when not given. */
  staffLocale?: string;
  facts: NotificationFacts;
  /**
   * The customer's addresses. `emailOptOut`: the customer asked for SMS only (docs/notifications.md), so their email
   * is skipped for this event when an SMS to them is queued for it.
   */
  customer: { email?: string | null; phone?: string | null; emailOptOut?: boolean };
  /** Limit to these recipients (e.g. a store cancellation announced to the customer only). */
  recipients?: Recipient[];
}

export interface QueuedMessage {
  id: string;
  channel: Channel;
  recipientRole: Recipient;
  recipient: string;
  messageId: string;
}

export interface EnqueueResult {
  queued: QueuedMessage[];
  /** Messages this event already queued (same idempotency key): a re-run, not a new message. */
  alreadyQueued: QueuedMessage[];
  /** Switched-on routes with nobody to send to (e.g. a customer without a phone number). */
  skipped: { channel: Channel; recipientRole: Recipient; reason: string }[];
  /** A shop template that failed at send time; the default template was used instead. */
  warnings: string[];
}

const StaffRecipients = z.record(
  z.string(),
  z.object({ emails: z.array(z.string()).default([]), phones: z.array(z.string()).default([]) }).partial(),
);

/** ShopBranding.staffRecipients, read defensively: a malformed value means no staff address, not a crash. */
export function parseStaffRecipients(
  json: string | null | undefined,
): Record<string, { emails: string[]; phones: string[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(json || "{}");
  } catch {
    return {};
  }
  const parsed = StaffRecipients.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).map(([k, v]) => [k, { emails: v.emails ?? [], phones: v.phones ?? [] }]),
  );
}

const EMAIL = z.email();
const PHONE = /^\+[1-9]\d{6,14}$/;

/** An address a channel can deliver to, or null: an email for EMAIL, an E.164 number for SMS. */
export function normalizeAddress(channel: Channel, value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  if (!v) return null;
  if (channel === "EMAIL") return EMAIL.safeParse(v).success ? v.toLowerCase() : null;
  const phone = v.replace(/[\s().-]/g, "");
  return PHONE.test(phone) ? phone : null;
}

export function newMessageId(): string {
  return `<${crypto.randomUUID()}@${MESSAGE_ID_DOMAIN}>`;
}

function idempotencyKey(parts: (string | null)[]): string {
  return `ntf_${crypto
    .createHash("sha256")
    .update(parts.map((p) => p ?? "").join("\u0000"))
    .digest("base64url")
    .slice(0, 32)}`;
}

/**
 * Renders and queues the notifications an event causes, one OutboxMessage per recipient.
 *
 * Call it with the interactive transaction that writes the request's RequestEvent, so the
 * notifications exist if and only if the transition does:
 *
 * ```ts
 * await prisma.$transaction(async (tx) => {
 *   const ev = await tx.requestEvent.create({ data: { requestId, actor, fromStatus, toStatus } });
 *   await enqueueNotifications(tx, {
 *     shop, requestId, eventId: ev.id, event: "CANCELLATION_REQUESTED", locale: request.locale,
 *     facts: { order: { name, statusUrl }, customer: { firstName }, request: { id, kind, status, reason, note } },
 *     customer: { email: request.customerEmail, phone },
 *   });
 * });
 * ```
 *
 * Switches come from NotificationSetting (the default matrix when no row), templates from
 * NotificationTemplate (the defaults otherwise), branding and staff addresses from ShopBranding.
 * Idempotent per (request, eventId, event, channel, recipient): running it twice queues nothing new.
 */
export async function enqueueNotifications(tx: DbTx, input: EnqueueInput): Promise<EnqueueResult> {
  const customerLocale = resolveLocale(input.locale);
  const staffLocale = resolveLocale(input.staffLocale ?? "en");
  const [branding, settings, templates] = await Promise.all([
    tx.shopBranding.findUnique({ where: { shop: input.shop } }),
    tx.notificationSetting.findMany({ where: { shop: input.shop, event: input.event } }),
    tx.notificationTemplate.findMany({
      where: { shop: input.shop, event: input.event, locale: { in: [customerLocale, staffLocale] } },
    }),
  ]);
  const staff = parseStaffRecipients(branding?.staffRecipients)[input.event] ?? { emails: [], phones: [] };
  const ownerEmail = normalizeAddress("EMAIL", branding?.shopEmail);
  const result: EnqueueResult = { queued: [], alreadyQueued: [], skipped: [], warnings: [] };

  const planned: { channel: Channel; role: Recipient; address: string; locale: "en" | "fr" }[] = [];
  const seen = new Set<string>();
  for (const route of routesFor(input.event)) {
    if (input.recipients && !input.recipients.includes(route.recipient)) continue;
    const setting = settings.find((s) => s.channel === route.channel && s.recipient === route.recipient);
    if (!(setting?.enabled ?? route.defaultOn)) continue;
    let candidates: (string | null | undefined)[];
    if (route.recipient === "CUSTOMER")
      candidates = [route.channel === "EMAIL" ? input.customer.email : input.customer.phone];
    else if (route.recipient === "OWNER") candidates = route.channel === "EMAIL" ? [ownerEmail] : [];
    else {
      candidates = route.channel === "EMAIL" ? staff.emails : staff.phones;
      // An alert switched on with no staff address set goes to the store owner rather than to nobody.
      if (route.channel === "EMAIL" && candidates.length === 0) candidates = [ownerEmail];
    }
    const addresses = candidates.map((c) => normalizeAddress(route.channel, c)).filter((a): a is string => a !== null);
    if (addresses.length === 0) {
      result.skipped.push({
        channel: route.channel,
        recipientRole: route.recipient,
        reason:
          route.channel === "EMAIL" ? "no valid email address" : "no valid phone number (E.164, e.g. +33612345678)",
      });
      continue;
    }
    for (const address of addresses) {
      // One person in two roles (owner also on the staff list) gets the message once.
      if (seen.has(`${route.channel}|${address}`)) continue;
      seen.add(`${route.channel}|${address}`);
      planned.push({
        channel: route.channel,
        role: route.recipient,
        address,
        locale: route.recipient === "CUSTOMER" ? customerLocale : staffLocale,
      });
    }
  }
  if (
    input.customer.emailOptOut &&
    planned.some((p) => p.role === "CUSTOMER" && p.channel === "SMS") &&
    planned.some((p) => p.role === "CUSTOMER" && p.channel === "EMAIL")
  ) {
    planned.splice(
      planned.findIndex((p) => p.role === "CUSTOMER" && p.channel === "EMAIL"),
      1,
    );
    result.skipped.push({ channel: "EMAIL", recipientRole: "CUSTOMER", reason: "the customer chose SMS only" });
  }
  if (planned.length === 0) return result;

  const keyed = planned.map((p) => ({
    ...p,
    key: idempotencyKey([input.shop, input.requestId, input.eventId, input.event, p.channel, p.role, p.address]),
  }));
  const existing = await tx.outboxMessage.findMany({ where: { idempotencyKey: { in: keyed.map((k) => k.key) } } });
  const existingKeys = new Set(existing.map((e) => e.idempotencyKey));
  for (const e of existing) result.alreadyQueued.push(toQueued(e));

  const variablesByLocale = new Map<string, ReturnType<typeof buildVariables>>();
  const variablesFor = (locale: string) => {
    let v = variablesByLocale.get(locale);
    if (!v) {
      v = buildVariables({ ...input.facts, locale, shop: input.shop, branding });
      variablesByLocale.set(locale, v);
    }
    return v;
  };

  // Rendered in the render pool, all at once: a slow shop template costs its own time budget, not the event loop.
  const renders = await Promise.all(
    keyed
      .filter((p) => !existingKeys.has(p.key))
      .map(async (p) => {
        const override = templates.find(
          (t) => t.channel === p.channel && t.recipient === p.role && t.locale === p.locale,
        );
        const base = {
          event: input.event,
          channel: p.channel,
          recipient: p.role,
          locale: p.locale,
          variables: variablesFor(p.locale),
        };
        let rendered: RenderedNotification;
        let warning: string | null = null;
        try {
          rendered = await renderPool().render({ ...base, template: override ? toOverride(override) : null });
        } catch (err) {
          if (!(override && err instanceof TemplateError)) throw err;
          // The shop's template failed on these values: the reader still hears, in the default words.
          warning = `The shop's ${p.channel} template for ${input.event} to ${p.role} (${p.locale}) failed: ${err.message}; the default template was used.`;
          rendered = await renderPool().render({ ...base, template: null });
        }
        const row = {
          shop: input.shop,
          requestId: input.requestId,
          event: input.event,
          channel: p.channel,
          recipientRole: p.role,
          recipient: p.address,
          locale: p.locale,
          fromName: p.channel === "EMAIL" ? branding?.shopName || input.shop : null,
          replyTo: p.channel === "EMAIL" && p.role === "CUSTOMER" ? ownerEmail : null,
          subject: rendered.channel === "EMAIL" ? rendered.subject : null,
          html: rendered.channel === "EMAIL" ? rendered.html : null,
          text: rendered.text,
          status: "PENDING",
          messageId: newMessageId(),
          idempotencyKey: p.key,
        };
        return { row, warning };
      }),
  );
  const rows = renders.map((r) => r.row);
  for (const r of renders) if (r.warning) result.warnings.push(r.warning);
  if (rows.length > 0) {
    const created = await tx.outboxMessage.createManyAndReturn({ data: rows });
    result.queued.push(...created.map(toQueued));
  }
  return result;
}

function toOverride(row: { subject: string | null; body: string; textBody: string | null }): TemplateOverride {
  return { subject: row.subject, body: row.body, textBody: row.textBody };
}

function toQueued(row: {
  id: string;
  channel: string;
  recipientRole: string;
  recipient: string;
  messageId: string;
}): QueuedMessage {
  return {
    id: row.id,
    channel: row.channel as Channel,
    recipientRole: row.recipientRole as Recipient,
    recipient: row.recipient,
    messageId: row.messageId,
  };
}

/**
 * Sends a message again to another address or number ("check your spam folder, or give another
 * address"): a new OutboxMessage with the same content, its own Message-ID, linked by resendOfId.
 * Pass `requestKey` (e.g. the admin form's nonce) so a double-submitted resend queues one message.
 */
export async function resend(
  outboxId: string,
  newRecipient: string,
  options: { db?: DbTx; requestKey?: string } = {},
): Promise<QueuedMessage> {
  const db = options.db ?? prisma;
  const original = await db.outboxMessage.findUnique({ where: { id: outboxId } });
  if (!original) throw new Error(`Cannot resend message ${outboxId}: it does not exist.`);
  const channel = original.channel as Channel;
  const address = normalizeAddress(channel, newRecipient);
  if (!address) {
    throw new Error(
      channel === "EMAIL"
        ? `Cannot resend message ${outboxId}: "${newRecipient}" is not a valid email address.`
        : `Cannot resend message ${outboxId}: "${newRecipient}" is not a phone number in international form (e.g. +33612345678).`,
    );
  }
  const key = idempotencyKey(["resend", outboxId, address, options.requestKey ?? crypto.randomUUID()]);
  const existing = await db.outboxMessage.findUnique({ where: { idempotencyKey: key } });
  if (existing) return toQueued(existing);
  const created = await db.outboxMessage.create({
    data: {
      shop: original.shop,
      requestId: original.requestId,
      event: original.event,
      channel: original.channel,
      recipientRole: original.recipientRole,
      recipient: address,
      locale: original.locale,
      fromName: original.fromName,
      replyTo: original.replyTo,
      subject: original.subject,
      html: original.html,
      text: original.text,
      status: "PENDING",
      messageId: newMessageId(),
      idempotencyKey: key,
      resendOfId: original.id,
    },
  });
  return toQueued(created);
}
