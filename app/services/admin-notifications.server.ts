import crypto from "node:crypto";
import { z } from "zod";
import type { DbTx } from "~/db.server";
import {
  CHANNELS,
  NOTIFICATION_EVENTS,
  NOTIFICATION_ROUTES,
  RECIPIENTS,
  findRoute,
  type Channel,
  type NotificationEvent,
  type Recipient,
} from "~/notifications/events";
import { newMessageId, normalizeAddress, parseStaffRecipients, resend } from "~/notifications/outbox.server";
import { sampleVariables, TemplateError } from "~/notifications/render";
import { RenderBusyError, renderPool } from "~/notifications/render-pool.server";
import { defaultTemplate } from "~/notifications/templates";
import { LOCALES } from "~/domain/types";
import { ServiceError } from "./errors";

/** Which template the editor is on: one (event, channel, recipient) route in one locale. */
export const TemplateKeySchema = z.object({
  event: z.enum(NOTIFICATION_EVENTS),
  channel: z.enum(CHANNELS),
  recipient: z.enum(RECIPIENTS),
  locale: z.enum(LOCALES),
});
export type TemplateKey = z.infer<typeof TemplateKeySchema>;

export const TemplateSourceSchema = z.object({
  subject: z.string().max(1000).optional(),
  body: z.string().min(1).max(100_000),
  textBody: z.string().max(100_000).optional(),
});
export type TemplateSource = z.infer<typeof TemplateSourceSchema>;

/** The switches, branding and staff recipients page. */
export async function notificationOverview(db: DbTx, shop: string) {
  const [settings, branding, templates] = await Promise.all([
    db.notificationSetting.findMany({ where: { shop } }),
    db.shopBranding.findUnique({ where: { shop } }),
    db.notificationTemplate.findMany({
      where: { shop },
      select: { event: true, channel: true, recipient: true, locale: true },
    }),
  ]);
  const routes = NOTIFICATION_ROUTES.map((r) => {
    const saved = settings.find((s) => s.event === r.event && s.channel === r.channel && s.recipient === r.recipient);
    return { ...r, enabled: saved?.enabled ?? r.defaultOn };
  });
  return {
    routes,
    branding: {
      logoUrl: branding?.logoUrl ?? "",
      logoWidth: branding?.logoWidth ?? 120,
      accentColor: branding?.accentColor ?? "#1a73e8",
    },
    staff: parseStaffRecipients(branding?.staffRecipients),
    customised: templates.map((t) => `${t.event}|${t.channel}|${t.recipient}|${t.locale}`),
  };
}

/** Saves every switch (only routes that exist; the rest is refused rather than silently stored). */
export async function saveSwitches(db: DbTx, shop: string, enabled: Set<string>) {
  for (const r of NOTIFICATION_ROUTES) {
    const on = enabled.has(`${r.event}|${r.channel}|${r.recipient}`);
    await db.notificationSetting.upsert({
      where: { shop_event_channel_recipient: { shop, event: r.event, channel: r.channel, recipient: r.recipient } },
      create: { shop, event: r.event, channel: r.channel, recipient: r.recipient, enabled: on },
      update: { enabled: on },
    });
  }
}

export const BrandingSchema = z.object({
  logoUrl: z.union([z.literal(""), z.url({ protocol: /^https$/ })], { error: "logoUrl" }),
  logoWidth: z.coerce.number({ error: "logoWidth" }).int("logoWidth").min(40, "logoWidth").max(400, "logoWidth"),
  accentColor: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "accentColor"),
});

export async function saveBranding(db: DbTx, shop: string, input: unknown) {
  const parsed = BrandingSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false as const,
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), String(i.path[0])])),
    };
  }
  const data = {
    logoUrl: parsed.data.logoUrl || null,
    logoWidth: parsed.data.logoWidth,
    accentColor: parsed.data.accentColor,
  };
  await db.shopBranding.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { ok: true as const };
}

/** Staff emails and phones per event; every address is checked, the invalid ones are named back. */
export async function saveStaffRecipients(
  db: DbTx,
  shop: string,
  input: Record<string, { emails: string[]; phones: string[] }>,
) {
  const invalid: string[] = [];
  const clean: Record<string, { emails: string[]; phones: string[] }> = {};
  for (const event of NOTIFICATION_EVENTS) {
    const entry = input[event] ?? { emails: [], phones: [] };
    const emails = entry.emails.map((e) => e.trim()).filter(Boolean);
    const phones = entry.phones.map((p) => p.trim()).filter(Boolean);
    for (const e of emails) if (!normalizeAddress("EMAIL", e)) invalid.push(e);
    for (const p of phones) if (!normalizeAddress("SMS", p)) invalid.push(p);
    clean[event] = {
      emails: emails.map((e) => normalizeAddress("EMAIL", e)).filter((e): e is string => Boolean(e)),
      phones: phones.map((p) => normalizeAddress("SMS", p)).filter((p): p is string => Boolean(p)),
    };
  }
  if (invalid.length) return { ok: false as const, invalid };
  const json = JSON.stringify(clean);
  await db.shopBranding.upsert({
    where: { shop },
    create: { shop, staffRecipients: json },
    update: { staffRecipients: json },
  });
  return { ok: true as const };
}

/** The template the editor opens: the shop's own, or the default. */
export async function templateFor(db: DbTx, shop: string, key: TemplateKey) {
  if (!findRoute(key.event, key.channel, key.recipient))
    throw new ServiceError("INVALID_INPUT", "This notification does not exist.", { field: "recipient" });
  const own = await db.notificationTemplate.findUnique({
    where: { shop_event_channel_recipient_locale: { shop, ...key } },
  });
  const fallback = defaultTemplate(key.event, key.channel, key.recipient, key.locale);
  const source: TemplateSource = own
    ? { subject: own.subject ?? undefined, body: own.body, textBody: own.textBody ?? undefined }
    : fallback && "subject" in fallback
      ? { subject: fallback.subject, body: fallback.html, textBody: fallback.text }
      : { body: fallback && "text" in fallback ? fallback.text : "" };
  return { source, customised: Boolean(own) };
}

export type TemplateProblem = {
  part: string;
  line: number;
  column: number;
  message: string;
  /** Set when the template was not checked because the render pool was full: try again after this long. */
  retryAfterSeconds?: number;
};

/** The render pool had no room for the check: nothing is wrong with the template, it was not checked. */
function busyProblem(part: string): TemplateProblem {
  return {
    part,
    line: 1,
    column: 1,
    message: "too many templates are being checked right now: try again in a few seconds",
    retryAfterSeconds: 5,
  };
}

/** Checks each part of a template (subject and text as text, the email body as HTML), in the render pool. */
export async function checkTemplate(channel: Channel, source: TemplateSource): Promise<TemplateProblem | null> {
  const parts: [string, string | undefined, "html" | "text"][] =
    channel === "EMAIL"
      ? [
          ["subject", source.subject, "text"],
          ["body", source.body, "html"],
          ["textBody", source.textBody, "text"],
        ]
      : [["body", source.body, "text"]];
  for (const [part, text, kind] of parts) {
    if (!text) continue;
    let check;
    try {
      check = await renderPool().validate(text, kind);
    } catch (error) {
      if (error instanceof RenderBusyError) return busyProblem(part);
      throw error;
    }
    if (!check.ok) return { part, line: check.line, column: check.column, message: check.message };
  }
  return null;
}

/** Renders the template on the sample order in the key's locale, with the shop's branding. */
export async function previewTemplate(db: DbTx, shop: string, key: TemplateKey, source: TemplateSource) {
  const problem = await checkTemplate(key.channel, source);
  if (problem) return { ok: false as const, problem };
  const branding = await db.shopBranding.findUnique({ where: { shop } });
  const variables = sampleVariables(key.locale);
  variables.shop = {
    ...variables.shop,
    ...(branding?.logoUrl ? { email_logo_url: branding.logoUrl } : {}),
    ...(branding ? { email_logo_width: branding.logoWidth, email_accent_color: branding.accentColor } : {}),
    ...(branding?.shopName ? { name: branding.shopName } : {}),
  };
  try {
    const rendered = await renderPool().render(
      {
        ...key,
        variables,
        template: { subject: source.subject ?? null, body: source.body, textBody: source.textBody ?? null },
      },
      "check",
    );
    return rendered.channel === "EMAIL"
      ? { ok: true as const, subject: rendered.subject, html: rendered.html, text: rendered.text }
      : { ok: true as const, subject: null, html: null, text: rendered.text };
  } catch (error) {
    if (error instanceof RenderBusyError) return { ok: false as const, problem: busyProblem("body") };
    if (error instanceof TemplateError)
      return {
        ok: false as const,
        problem: { part: error.part ?? "body", line: error.line, column: error.column, message: error.message },
      };
    throw error;
  }
}

/** Saves the shop's template after checking it; a broken template is refused with its line and column. */
export async function saveTemplate(db: DbTx, shop: string, key: TemplateKey, source: TemplateSource) {
  if (!findRoute(key.event, key.channel, key.recipient))
    throw new ServiceError("INVALID_INPUT", "This notification does not exist.", { field: "recipient" });
  const problem = await checkTemplate(key.channel, source);
  if (problem) return { ok: false as const, problem };
  const data = { subject: source.subject ?? null, body: source.body, textBody: source.textBody || null };
  await db.notificationTemplate.upsert({
    where: { shop_event_channel_recipient_locale: { shop, ...key } },
    create: { shop, ...key, ...data },
    update: data,
  });
  return { ok: true as const };
}

export async function resetTemplate(db: DbTx, shop: string, key: TemplateKey) {
  await db.notificationTemplate.deleteMany({ where: { shop, ...key } });
}

/** Queues the template, rendered on the sample order, to an address the merchant typed. */
export async function sendTest(db: DbTx, shop: string, key: TemplateKey, source: TemplateSource, to: string) {
  const address = normalizeAddress(key.channel, to);
  if (!address) return { ok: false as const, code: "INVALID_ADDRESS" };
  const preview = await previewTemplate(db, shop, key, source);
  if (!preview.ok) return preview;
  await db.outboxMessage.create({
    data: {
      shop,
      requestId: null,
      event: key.event,
      channel: key.channel,
      recipientRole: key.recipient as Recipient,
      recipient: address,
      locale: key.locale,
      fromName: key.channel === "EMAIL" ? shop : null,
      subject: preview.subject ? `[TEST] ${preview.subject}` : null,
      html: preview.html,
      text: preview.text,
      status: "PENDING",
      messageId: newMessageId(),
      idempotencyKey: `test_${crypto.randomUUID()}`,
    },
  });
  return { ok: true as const, to: address };
}

export const LogQuerySchema = z.object({
  status: z.enum(["PENDING", "SENDING", "SENT", "FAILED"]).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
});

/** The delivery log, newest first, 50 a page (keyset on createdAt, id), with every attempt's answer. */
export async function deliveryLog(db: DbTx, shop: string, query: z.infer<typeof LogQuerySchema>) {
  const [ms, id] = query.before ? Buffer.from(query.before, "base64url").toString().split("|") : [];
  const cursorAt = ms ? new Date(Number(ms)) : null;
  const created: { gte?: Date; lt?: Date; lte?: Date } = {};
  if (query.from) created.gte = new Date(`${query.from}T00:00:00Z`);
  if (query.to) created.lt = new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000);
  const rows = await db.outboxMessage.findMany({
    where: {
      shop,
      ...(query.status ? { status: query.status } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.from || query.to ? { createdAt: created } : {}),
      ...(cursorAt && id
        ? { AND: [{ createdAt: { lte: cursorAt } }, { OR: [{ createdAt: { lt: cursorAt } }, { id: { lt: id } }] }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 51,
    include: { attemptsLog: { orderBy: { at: "asc" } } },
  });
  const more = rows.length > 50;
  const page = rows.slice(0, 50);
  const last = page[page.length - 1];
  return {
    rows: page,
    next: more && last ? Buffer.from(`${last.createdAt.getTime()}|${last.id}`).toString("base64url") : null,
  };
}

/** Sends a logged message again to another address, for this shop's messages only. */
export async function resendMessage(db: DbTx, shop: string, outboxId: string, to: string, requestKey: string) {
  const original = await db.outboxMessage.findFirst({
    where: { id: outboxId, shop },
    select: { id: true, channel: true },
  });
  if (!original) throw new ServiceError("REQUEST_NOT_FOUND", `Message ${outboxId} does not exist in ${shop}.`);
  if (original.channel === "FLOW") return { ok: false as const, code: "INVALID_ADDRESS" };
  if (!normalizeAddress(original.channel as Channel, to)) return { ok: false as const, code: "INVALID_ADDRESS" };
  const queued = await resend(outboxId, to, { db, requestKey });
  return { ok: true as const, to: queued.recipient };
}

export type { NotificationEvent };
