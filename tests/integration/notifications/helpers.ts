import crypto from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import type { DbTx } from "~/db.server";
import { enqueueNotifications, type EnqueueInput } from "~/notifications/outbox.server";
import { createSmtpTransport } from "~/notifications/transports/smtp.server";
import type { SmtpSink } from "../../../demo/smtp-sink/server";

export const SHOP = "lumiere.myshopify.com";

export async function seedBranding(
  db: PrismaClient,
  staff: Record<string, { emails?: string[]; phones?: string[] }> = {},
) {
  await db.shopBranding.upsert({
    where: { shop: SHOP },
    update: {},
    create: {
      shop: SHOP,
      shopName: "Maison Lumière",
      shopEmail: "owner@lumiere.example",
      shopUrl: "https://lumiere.example",
      logoUrl: "https://cdn.lumiere.example/logo.png",
      logoWidth: 180,
      accentColor: "#b00060",
      staffRecipients: JSON.stringify(staff),
    },
  });
}

/** A cancellation request and its first event, as the lead's service writes them. */
export async function createRequest(tx: DbTx, overrides: { locale?: string; note?: string; email?: string } = {}) {
  const request = await tx.changeRequest.create({
    data: {
      shop: SHOP,
      kind: "CANCELLATION",
      status: "PENDING",
      orderId: String(Math.floor(Math.random() * 1e9)),
      orderName: "#1042",
      customerId: "501",
      customerName: "Léa Dubois",
      customerEmail: overrides.email ?? "lea@example.com",
      locale: overrides.locale ?? "fr",
      payload: JSON.stringify({ reason: "CHANGED_MIND", note: overrides.note ?? "" }),
      settingsVersion: 1,
      idempotencyKey: crypto.randomUUID(),
    },
  });
  const event = await tx.requestEvent.create({
    data: { requestId: request.id, actor: "CUSTOMER", toStatus: "PENDING" },
  });
  return { request, event };
}

export function cancellationInput(
  request: { id: string; locale: string; customerEmail: string | null },
  eventId: string,
  note = "",
  extra: Partial<EnqueueInput> = {},
): EnqueueInput {
  return {
    shop: SHOP,
    requestId: request.id,
    eventId,
    event: "CANCELLATION_REQUESTED",
    locale: request.locale,
    facts: {
      order: { name: "#1042", statusUrl: "https://lumiere.example/account/orders/1042" },
      customer: { firstName: "Léa", lastName: "Dubois" },
      request: {
        id: request.id,
        kind: "CANCELLATION",
        status: "PENDING",
        reason: "CHANGED_MIND",
        note,
        adminUrl: "https://admin.example/requests/1",
      },
    },
    customer: { email: request.customerEmail, phone: "+33612345678" },
    ...extra,
  };
}

/** Queues `n` customer emails (distinct requests) straight through enqueueNotifications. */
export async function queueEmails(db: PrismaClient, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    await db.$transaction(async (tx) => {
      const { request, event } = await createRequest(tx, {
        email: `customer${i}@example.com`,
        locale: i % 2 ? "fr" : "en",
      });
      const r = await enqueueNotifications(tx, { ...cancellationInput(request, event.id), recipients: ["CUSTOMER"] });
      ids.push(...r.queued.map((q) => q.id));
    });
  }
  return ids;
}

export function smtpTo(sink: SmtpSink) {
  return createSmtpTransport({
    host: "127.0.0.1",
    port: sink.port,
    secure: false,
    from: "notifications@amend.app",
    maxConnections: 3,
    connectionTimeoutMs: 3_000,
    socketTimeoutMs: 5_000,
  });
}

/** A controllable clock: tests move time past backoffs and leases instead of sleeping. */
export function manualClock(start = new Date()) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** How many times each Message-ID reached the mailbox. */
export function countByMessageId(messages: { messageId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}
