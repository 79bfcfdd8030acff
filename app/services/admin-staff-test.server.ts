import crypto from "node:crypto";
import type { DbTx } from "~/db.server";
import type { Locale } from "~/domain/types";
import { contactTexts } from "~/i18n/contact";
import { newMessageId, normalizeAddress, parseStaffRecipients } from "~/notifications/outbox.server";
import { ServiceError } from "./errors";

/** The outbox `event` of a staff test message (not a NotificationEvent: no switch, no template). */
export const STAFF_TEST_EVENT = "STAFF_TEST";

/** Every address staff notifications may go to: the saved staff emails and phones, and the store owner's email. */
export async function staffAddresses(db: DbTx, shop: string): Promise<{ channel: "EMAIL" | "SMS"; address: string }[]> {
  const branding = await db.shopBranding.findUnique({ where: { shop } });
  const seen = new Map<string, "EMAIL" | "SMS">();
  const owner = normalizeAddress("EMAIL", branding?.shopEmail);
  if (owner) seen.set(owner, "EMAIL");
  for (const { emails, phones } of Object.values(parseStaffRecipients(branding?.staffRecipients))) {
    for (const e of emails) if (normalizeAddress("EMAIL", e)) seen.set(normalizeAddress("EMAIL", e)!, "EMAIL");
    for (const p of phones) if (normalizeAddress("SMS", p)) seen.set(normalizeAddress("SMS", p)!, "SMS");
  }
  return [...seen].map(([address, channel]) => ({ channel, address }));
}

/**
 * Queues a test message to one of the shop's staff addresses through the outbox, as a real notification goes:
 * the worker sends it and the delivery log keeps the server's answer. Only saved addresses are accepted, so the
 * button cannot send to anyone else; the form's nonce makes a double submit one message.
 */
export async function sendStaffTest(
  db: DbTx,
  shop: string,
  input: { address: string; nonce: string; locale: Locale },
): Promise<{ id: string }> {
  const known = await staffAddresses(db, shop);
  const target = known.find(
    (k) => k.address === (normalizeAddress("EMAIL", input.address) ?? normalizeAddress("SMS", input.address)),
  );
  if (!target)
    throw new ServiceError("INVALID_INPUT", "Save this address as a staff recipient first.", { field: "address" });
  const key = `stafftest_${crypto
    .createHash("sha256")
    .update([shop, target.address, input.nonce].join("\u0000"))
    .digest("base64url")
    .slice(0, 32)}`;
  const existing = await db.outboxMessage.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
  if (existing) return existing;
  const branding = await db.shopBranding.findUnique({ where: { shop } });
  const shopName = branding?.shopName || shop;
  const t = contactTexts[input.locale];
  const text = t.staffTestText(shopName);
  return db.outboxMessage.create({
    data: {
      shop,
      requestId: null,
      event: STAFF_TEST_EVENT,
      channel: target.channel,
      recipientRole: "STAFF",
      recipient: target.address,
      locale: input.locale,
      fromName: target.channel === "EMAIL" ? shopName : null,
      subject: target.channel === "EMAIL" ? t.staffTestSubject(shopName) : null,
      html: null,
      text,
      status: "PENDING",
      messageId: newMessageId(),
      idempotencyKey: key,
    },
    select: { id: true },
  });
}

/** The shop's latest test messages with their outcome and the server's last answer, newest first. */
export async function staffTestResults(db: DbTx, shop: string) {
  const rows = await db.outboxMessage.findMany({
    where: { shop, event: STAFF_TEST_EVENT },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 5,
    include: { attemptsLog: { orderBy: { at: "desc" }, take: 1 } },
  });
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    address: r.recipient,
    status: r.status,
    createdAt: r.createdAt,
    answer: r.attemptsLog[0]?.response ?? r.lastError,
  }));
}
