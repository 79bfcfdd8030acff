import crypto from "node:crypto";
import type { DbTx } from "~/db.server";
import {
  CONTACT_CODE,
  attemptsLeft,
  checkCode,
  codeSendWait,
  type ContactChannel,
  type ContactChoice,
} from "~/domain/contact";
import { pickLocale } from "~/domain/messages";
import { env } from "~/env.server";
import { contactTexts } from "~/i18n/contact";
import { contactChoice, saveConfirmedAddress, undeliveredCustomerMessages } from "~/models/customer-contact.server";
import { isUniqueViolation } from "~/models/errors";
import { NOTIFICATION_ROUTES } from "~/notifications/events";
import { newMessageId, normalizeAddress, resend } from "~/notifications/outbox.server";
import { readOwnedOrder, type CustomerActor } from "./customer-requests.server";
import { ServiceError } from "./errors";
import type { ServiceDeps } from "./ports";

/** The outbox `event` of a confirmation code (not a NotificationEvent: no switch, no template, always sent). */
export const CONTACT_CODE_EVENT = "CONTACT_CODE";

interface ContactKey {
  shop: string;
  orderId: string;
  customerId: string;
}

/** What the order page shows of how Amend reaches the customer about this order. */
export interface ContactState {
  /** The order's email (Shopify's), used while the customer has confirmed no other. */
  orderEmail: string | null;
  choice: ContactChoice | null;
  /** Whether the store sends any customer SMS (a switch in Notifications); without it SMS is not offered. */
  smsOffered: boolean;
  /** Codes sent and still usable, per channel: the form asks for the code; `undeliverable` when its message failed. */
  pending: { channel: ContactChannel; address: string; expiresAt: Date; undeliverable: boolean }[];
  /** Customer messages about the order that did not arrive (refused, undeliverable) or are being retried. */
  undelivered: Awaited<ReturnType<typeof undeliveredCustomerMessages>>;
}

/** The code's keyed hash: a copy of the database alone does not let anyone try the million codes offline. */
function codeHash(verificationId: string, code: string): string {
  return crypto.createHmac("sha256", env().SHOPIFY_API_SECRET).update(`${verificationId}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Whether any customer SMS route is switched on for the shop (saved switch, else the default matrix). The withdrawal's
 * acknowledgement does not count: it goes by SMS only when the statement asks for it, whatever the order's channels.
 */
async function smsOffered(db: DbTx, shop: string): Promise<boolean> {
  const saved = await db.notificationSetting.findMany({ where: { shop, channel: "SMS", recipient: "CUSTOMER" } });
  return NOTIFICATION_ROUTES.some(
    (r) =>
      r.channel === "SMS" &&
      r.recipient === "CUSTOMER" &&
      r.event !== "WITHDRAWAL_RECEIVED" &&
      (saved.find((s) => s.event === r.event)?.enabled ?? r.defaultOn),
  );
}

/** A question asked while no facts are known and the shop's Admin API budget is kept for changes. */
export interface PendingContact {
  pending: true;
  retryAfterSeconds: number;
}

/** The order, checked to be this customer's: its key for the contact rows and its email (or "checking"). */
async function readOwnedKey(deps: ServiceDeps, input: CustomerActor & { orderId: string }) {
  const read = await readOwnedOrder(deps, input.orderId, input);
  if ("pending" in read) return read;
  const { facts } = read;
  return {
    key: { shop: deps.shop, orderId: facts.legacyId, customerId: input.customerId },
    orderEmail: facts.customer?.email ?? null,
  };
}

/** As readOwnedKey, for a change: "checking" is then a 503 with Retry-After (nothing is changed). */
async function ownedKey(deps: ServiceDeps, input: CustomerActor & { orderId: string }) {
  const owned = await readOwnedKey(deps, input);
  if ("pending" in owned)
    throw new ServiceError("SHOPIFY_UNAVAILABLE", "The order cannot be checked right now.", {
      retryAfterSeconds: owned.retryAfterSeconds,
    });
  return owned;
}

async function stateOf(deps: ServiceDeps, key: ContactKey, orderEmail: string | null): Promise<ContactState> {
  const now = deps.clock();
  const [choice, offered, open, undelivered] = await Promise.all([
    contactChoice(deps.db, key.shop, key.orderId, key.customerId),
    smsOffered(deps.db, key.shop),
    deps.db.contactVerification.findMany({
      where: { ...key, confirmedAt: null, expiresAt: { gt: now }, attempts: { lt: CONTACT_CODE.maxAttempts } },
      orderBy: { createdAt: "desc" },
      take: 4,
    }),
    undeliveredCustomerMessages(deps.db, key),
  ]);
  const latest = new Map<string, (typeof open)[number]>();
  for (const v of open) if (!latest.has(v.channel)) latest.set(v.channel, v);
  // a code whose message the server refused (a mistyped address): the customer is told instead of waiting for it
  const failed = new Set(
    (
      await deps.db.outboxMessage.findMany({
        where: {
          shop: key.shop,
          idempotencyKey: { in: [...latest.values()].map((v) => `contact_${v.id}`) },
          status: "FAILED",
        },
        select: { idempotencyKey: true },
      })
    ).map((m) => m.idempotencyKey),
  );
  return {
    orderEmail,
    choice,
    smsOffered: offered,
    pending: [...latest.values()].map((v) => ({
      channel: v.channel as ContactChannel,
      address: v.address,
      expiresAt: v.expiresAt,
      undeliverable: failed.has(`contact_${v.id}`),
    })),
    undelivered,
  };
}

/** GET contact: the order's channels, codes waiting, and deliveries that failed. */
export async function getContact(
  deps: ServiceDeps,
  input: CustomerActor & { orderId: string },
): Promise<ContactState | PendingContact> {
  const owned = await readOwnedKey(deps, input);
  // a question, not a change: "checking" (the block asks again after retryAfterSeconds), not an error
  if ("pending" in owned) return owned;
  return stateOf(deps, owned.key, owned.orderEmail);
}

/**
 * POST contact/code: sends a 6-digit code to an email address or phone number the customer typed. Limited per
 * order and customer (`codeSendWait`: 429 RATE_LIMITED with Retry-After); the same Idempotency-Key sends one code.
 * The code goes through the outbox like every message, so a refusal by the mail server is in the delivery log.
 */
export async function sendContactCode(
  deps: ServiceDeps,
  input: CustomerActor & {
    orderId: string;
    channel: ContactChannel;
    address: string;
    idempotencyKey?: string | null;
  },
): Promise<ContactState> {
  const address = normalizeAddress(input.channel, input.address);
  if (!address)
    throw new ServiceError("INVALID_INPUT", `"${input.address}" is not a valid ${input.channel} address.`, {
      field: "address",
    });
  const { key, orderEmail } = await ownedKey(deps, input);
  if (input.channel === "SMS" && !(await smsOffered(deps.db, deps.shop)))
    throw new ServiceError("SMS_NOT_OFFERED", "The store sends no customer SMS.");

  const requestKey = input.idempotencyKey ? `${input.customerId}:${input.idempotencyKey}` : null;
  const replay = async () => {
    const seen = requestKey
      ? await deps.db.contactVerification.findUnique({ where: { shop_requestKey: { shop: deps.shop, requestKey } } })
      : null;
    if (!seen) return null;
    if (seen.orderId !== key.orderId || seen.channel !== input.channel || seen.address !== address)
      throw new ServiceError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for another address.");
    return stateOf(deps, key, orderEmail);
  };
  const seen = await replay();
  if (seen) return seen;

  const now = deps.clock();
  const recent = await deps.db.contactVerification.findMany({
    where: { ...key, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
    select: { createdAt: true },
  });
  const wait = codeSendWait(
    recent.map((r) => r.createdAt),
    now,
  );
  if (wait > 0) {
    // the code that makes us wait may be this very submission's, sent by a twin call a moment ago
    const twin = await replay();
    if (twin) return twin;
    throw new ServiceError("RATE_LIMITED", "Too many codes for this order.", { retryAfterSeconds: wait });
  }

  const code = String(crypto.randomInt(0, 10 ** CONTACT_CODE.digits)).padStart(CONTACT_CODE.digits, "0");
  const id = crypto.randomUUID();
  const locale = pickLocale(input.locale);
  try {
    await deps.db.$transaction(async (tx) => {
      await tx.contactVerification.create({
        data: {
          id,
          ...key,
          channel: input.channel,
          address,
          codeHash: codeHash(id, code),
          expiresAt: new Date(now.getTime() + CONTACT_CODE.ttlMs),
          requestKey,
          createdAt: now,
        },
      });
      await queueCode(tx, { ...key, channel: input.channel, address, code, locale, verificationId: id });
    });
  } catch (error) {
    // the same key sent twice at once: the other call sent the code
    if (requestKey && isUniqueViolation(error)) {
      const other = await replay();
      if (other) return other;
    }
    throw error;
  }
  return stateOf(deps, key, orderEmail);
}

/** The code's message, queued in the outbox in the transaction that records the code. */
async function queueCode(
  tx: DbTx,
  m: ContactKey & {
    channel: ContactChannel;
    address: string;
    code: string;
    locale: "en" | "fr";
    verificationId: string;
  },
) {
  const branding = await tx.shopBranding.findUnique({ where: { shop: m.shop } });
  const shopName = branding?.shopName || m.shop;
  const t = contactTexts[m.locale];
  const text = t.codeText(shopName, m.code, CONTACT_CODE.ttlMs / 60_000);
  await tx.outboxMessage.create({
    data: {
      shop: m.shop,
      requestId: null,
      event: CONTACT_CODE_EVENT,
      channel: m.channel,
      recipientRole: "CUSTOMER",
      recipient: m.address,
      locale: m.locale,
      fromName: m.channel === "EMAIL" ? shopName : null,
      subject: m.channel === "EMAIL" ? t.codeSubject(shopName) : null,
      // the code and the shop's name, escaped: nothing the customer typed is in the message
      html: m.channel === "EMAIL" ? `<p>${escapeHtml(text)}</p>` : null,
      text,
      status: "PENDING",
      messageId: newMessageId(),
      idempotencyKey: `contact_${m.verificationId}`,
    },
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * POST contact/confirm: checks the code of the channel's latest code. Right → the address becomes the order's
 * channel for this customer and the messages that did not arrive on that channel are sent again to it; wrong →
 * 422 CODE_INVALID (CODE_ATTEMPTS_EXCEEDED on the last try), expired → CODE_EXPIRED. Each try is counted with a
 * compare-and-set, so parallel guesses cannot exceed the limit; the same right code twice answers the same state.
 */
export async function confirmContactCode(
  deps: ServiceDeps,
  input: CustomerActor & { orderId: string; channel: ContactChannel; code: string },
): Promise<ContactState> {
  const { key, orderEmail } = await ownedKey(deps, input);
  for (let round = 0; round < 5; round++) {
    const v = await deps.db.contactVerification.findFirst({
      where: { ...key, channel: input.channel },
      orderBy: { createdAt: "desc" },
    });
    if (!v) throw new ServiceError("CODE_EXPIRED", "No code was sent for this channel.");
    const now = deps.clock();
    const outcome = checkCode(v, now, sameHash(codeHash(v.id, input.code), v.codeHash));
    if (outcome === "ALREADY_CONFIRMED") return stateOf(deps, key, orderEmail);
    if (outcome === "CODE_EXPIRED") throw new ServiceError(outcome, "The code has expired.");
    if (outcome === "CODE_ATTEMPTS_EXCEEDED" && v.attempts >= CONTACT_CODE.maxAttempts)
      throw new ServiceError(outcome, "The code took too many wrong tries.");
    if (outcome === "CODE_INVALID" && v.confirmedAt) throw new ServiceError(outcome, "The code is not right.");

    if (outcome === "CONFIRMED") {
      const won = await deps.db.$transaction(async (tx) => {
        const claimed = await tx.contactVerification.updateMany({
          where: { id: v.id, confirmedAt: null, attempts: v.attempts },
          data: { confirmedAt: now },
        });
        if (claimed.count === 0) return false;
        await saveConfirmedAddress(tx, key, input.channel, v.address);
        // what did not arrive on this channel goes to the confirmed address, once per message and code
        const undelivered = await undeliveredCustomerMessages(tx, key);
        for (const m of undelivered.filter((u) => u.channel === input.channel))
          await resend(m.id, v.address, { db: tx, requestKey: `contact:${v.id}` });
        return true;
      });
      if (won) return stateOf(deps, key, orderEmail);
      continue; // another try moved the code meanwhile: decide again on what it left
    }

    // a wrong code: counted only if no other try counted first
    const counted = await deps.db.contactVerification.updateMany({
      where: { id: v.id, confirmedAt: null, attempts: v.attempts },
      data: { attempts: { increment: 1 } },
    });
    if (counted.count === 0) continue;
    throw new ServiceError(outcome, `The code is not right; ${attemptsLeft(v.attempts)} tries left.`, {
      field: "code",
    });
  }
  throw new ServiceError("STALE_REQUEST", "The code is being checked by another call; try again.");
}

/**
 * POST contact: which channels the customer wants for this order. SMS needs a confirmed number (422
 * CONTACT_NOT_CONFIRMED); at least one channel stays on. Setting the same values again changes nothing.
 */
export async function setContactChannels(
  deps: ServiceDeps,
  input: CustomerActor & { orderId: string; emailOn: boolean; smsOn: boolean },
): Promise<ContactState> {
  if (!input.emailOn && !input.smsOn)
    throw new ServiceError("INVALID_INPUT", "Keep at least one channel on.", { field: "emailOn" });
  const { key, orderEmail } = await ownedKey(deps, input);
  const choice = await contactChoice(deps.db, key.shop, key.orderId, key.customerId);
  if (input.smsOn && !choice?.phone)
    throw new ServiceError("CONTACT_NOT_CONFIRMED", "No confirmed phone number for this order.", { field: "smsOn" });
  if (input.smsOn && !(await smsOffered(deps.db, deps.shop)))
    throw new ServiceError("SMS_NOT_OFFERED", "The store sends no customer SMS.");
  await deps.db.customerContact.upsert({
    where: { shop_orderId_customerId: key },
    create: { ...key, emailOn: input.emailOn, smsOn: input.smsOn },
    update: { emailOn: input.emailOn, smsOn: input.smsOn },
  });
  return stateOf(deps, key, orderEmail);
}
