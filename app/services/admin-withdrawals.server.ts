import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { CSV_BOM, csvRow } from "~/admin/csv";
import { adminMessages } from "~/admin/i18n";
import type { DbTx } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import type { Locale, RequestStatus } from "~/domain/types";
import { decodePayload, type WithdrawalStatement, type WithdrawnItem } from "~/models/request-payload";
import { getPolicy } from "~/models/settings.server";
import { decodeCursor, encodeCursor } from "./admin-inbox.server";
import { ServiceError } from "./errors";

/**
 * The withdrawal register: every WITHDRAWAL request of a shop, newest first, by submission date (the request's
 * creation, when the customer confirmed), with the acknowledgement's delivery from the outbox. Pages are keyset
 * pages on the (shop, kind, createdAt, id) index; the CSV export streams the same rows, oldest first, in batches.
 */

export const WITHDRAWAL_PAGE_SIZE = 25;
/** Rows read per batch of the CSV export. */
export const CSV_BATCH = 500;
/** The widest date range one export covers (a year, leap day included). */
export const CSV_MAX_DAYS = 366;
/** The customer's acknowledgement (notification event). */
export const ACKNOWLEDGEMENT_EVENT = "WITHDRAWAL_RECEIVED";
/** Home lists the withdrawals to reimburse within this many days. */
export const DUE_SOON_DAYS = 3;
const DUE_SOON_LIMIT = 50;
const DAY_MS = 86_400_000;

/** A calendar day as YYYY-MM-DD that exists (2026-02-30 does not: Date.parse would read it as 2 March). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string()
  .refine(isDay)
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The register's URL search params; a value that cannot be one is ignored rather than failing the page. */
export const WithdrawalQuerySchema = z.object({
  from: isoDate.catch(undefined),
  to: isoDate.catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
});
export type WithdrawalQuery = z.infer<typeof WithdrawalQuerySchema>;

/** Where the acknowledgement is on one channel: the outbox message's status, or NONE when nothing was queued. */
export type AcknowledgementState = "SENT" | "SENDING" | "PENDING" | "FAILED" | "NONE";

export interface WithdrawalRow {
  id: string;
  orderId: string;
  orderName: string;
  /** The name the customer gave in the statement. */
  name: string;
  submittedAt: Date;
  source: WithdrawalStatement["source"] | null;
  wholeOrder: boolean;
  /** null: the whole order. */
  items: WithdrawnItem[] | null;
  acknowledgeBy: { email: boolean; sms: boolean };
  outcome: "CANCELLATION" | "RETURN" | null;
  status: RequestStatus;
  reimbursementDueBy: Date | null;
  returnId: string | null;
  /**
   * The whole order was cancelled (nothing had shipped) while the store's refund setting was AUTOMATIC: Shopify
   * refunded with the cancellation. Item cancellations and returns are refunded by the merchant.
   */
  refundedWithCancellation: boolean;
  /** Per channel the customer asked for; null for a channel not asked for. */
  acknowledgement: { email: AcknowledgementState | null; sms: AcknowledgementState | null };
}

export interface WithdrawalPage {
  rows: WithdrawalRow[];
  /** Cursor of the next (older) page, or null on the last. */
  next: string | null;
  /** Cursor of the previous (newer) page, or null on the first. */
  previous: string | null;
}

const ROW_SELECT = {
  id: true,
  kind: true,
  status: true,
  orderId: true,
  orderName: true,
  customerName: true,
  payload: true,
  createdAt: true,
  appliedAt: true,
} satisfies Prisma.ChangeRequestSelect;
type Stored = Prisma.ChangeRequestGetPayload<{ select: typeof ROW_SELECT }>;

/** Submission dates as a range of creation times: whole UTC days, `to` included. */
function createdRange(range: { from?: string; to?: string }): Prisma.DateTimeFilter | undefined {
  if (!range.from && !range.to) return undefined;
  const filter: Prisma.DateTimeFilter = {};
  if (range.from) filter.gte = new Date(`${range.from}T00:00:00.000Z`);
  if (range.to) filter.lt = new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY_MS);
  return filter;
}

/** `(createdAt, id)` after the cursor in the scan's direction. */
function keyset(cursor: { value: Date; id: string } | null, desc: boolean): Prisma.ChangeRequestWhereInput {
  if (!cursor) return {};
  return desc
    ? {
        AND: [
          { createdAt: { lte: cursor.value } },
          { OR: [{ createdAt: { lt: cursor.value } }, { id: { lt: cursor.id } }] },
        ],
      }
    : {
        AND: [
          { createdAt: { gte: cursor.value } },
          { OR: [{ createdAt: { gt: cursor.value } }, { id: { gt: cursor.id } }] },
        ],
      };
}

async function readRows(
  db: DbTx,
  shop: string,
  o: { created?: Prisma.DateTimeFilter; cursor: { value: Date; id: string } | null; desc: boolean; take: number },
): Promise<Stored[]> {
  const dir = o.desc ? "desc" : "asc";
  return db.changeRequest.findMany({
    where: {
      AND: [{ shop, kind: "WITHDRAWAL", ...(o.created ? { createdAt: o.created } : {}) }, keyset(o.cursor, o.desc)],
    },
    orderBy: [{ createdAt: dir }, { id: dir }],
    take: o.take,
    select: ROW_SELECT,
  });
}

const ACK_RANK: Record<string, number> = { SENT: 4, SENDING: 3, PENDING: 2, FAILED: 1 };

/**
 * The customer's acknowledgement per request and channel, from the outbox: the best state of its messages (a
 * resend that was delivered counts as delivered).
 */
export async function acknowledgementStates(
  db: DbTx,
  requestIds: string[],
): Promise<Map<string, { EMAIL?: AcknowledgementState; SMS?: AcknowledgementState }>> {
  const out = new Map<string, { EMAIL?: AcknowledgementState; SMS?: AcknowledgementState }>();
  if (requestIds.length === 0) return out;
  const messages = await db.outboxMessage.findMany({
    where: {
      requestId: { in: requestIds },
      event: ACKNOWLEDGEMENT_EVENT,
      recipientRole: "CUSTOMER",
      channel: { in: ["EMAIL", "SMS"] },
    },
    select: { requestId: true, channel: true, status: true },
  });
  for (const m of messages) {
    const states = out.get(m.requestId!) ?? {};
    const channel = m.channel as "EMAIL" | "SMS";
    const current = states[channel];
    if (!current || (ACK_RANK[m.status] ?? 0) > (ACK_RANK[current] ?? 0))
      states[channel] = (m.status in ACK_RANK ? m.status : "PENDING") as AcknowledgementState;
    out.set(m.requestId!, states);
  }
  return out;
}

/**
 * Whether the store's refund setting was AUTOMATIC when each withdrawal was carried to Shopify (the policy in force
 * at its `appliedAt`: applying reads the current policy). Reads the shop's version dates once, then only the
 * policies needed.
 */
async function automaticRefundAt(db: DbTx, shop: string, times: Date[]): Promise<(at: Date) => boolean> {
  if (times.length === 0) return () => false;
  const versions = await db.shopSettings.findMany({
    where: { shop, createdAt: { lte: new Date(Math.max(...times.map((t) => t.getTime()))) } },
    orderBy: { version: "asc" },
    select: { version: true, createdAt: true },
  });
  const versionAt = (at: Date) => versions.filter((v) => v.createdAt.getTime() <= at.getTime()).at(-1)?.version;
  const needed = [...new Set(times.map(versionAt).filter((v): v is number => v !== undefined))];
  const policies = await db.shopSettings.findMany({
    where: { shop, version: { in: needed } },
    select: { version: true, policy: true },
  });
  const automatic = new Map<number | undefined, boolean>([
    [undefined, DEFAULT_POLICY.withdrawal.refund === "AUTOMATIC"],
  ]);
  for (const p of policies) {
    let refund: unknown = DEFAULT_POLICY.withdrawal.refund;
    try {
      refund = (JSON.parse(p.policy) as { withdrawal?: { refund?: unknown } }).withdrawal?.refund ?? refund;
    } catch {
      // an unreadable policy reads as the default, as getPolicy reads it
    }
    automatic.set(p.version, refund === "AUTOMATIC");
  }
  return (at) => automatic.get(versionAt(at)) ?? false;
}

const dateOrNull = (iso: string | null | undefined) => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** Stored rows as register rows, with their acknowledgement states and refund mode read in a few queries. */
export async function withdrawalRows(db: DbTx, shop: string, stored: Stored[]): Promise<WithdrawalRow[]> {
  // only a whole order cancelled can have been refunded by Shopify: item cancellations and returns leave it to staff.
  // The stored plan says whether the order was cancelled; without one, a statement for the whole order.
  const cancelledWhole = (r: Stored, payload: ReturnType<typeof decodePayload>) =>
    r.status === "APPLIED" &&
    r.appliedAt !== null &&
    payload.kind === "WITHDRAWAL" &&
    payload.outcome === "CANCELLATION" &&
    (payload.plan
      ? payload.plan.cancelOrder
      : payload.statement !== null && (payload.statement.wholeOrder || payload.statement.items === null));
  const payloads = stored.map((r) => decodePayload(r));
  const [acks, automaticAt] = await Promise.all([
    acknowledgementStates(
      db,
      stored.map((r) => r.id),
    ),
    automaticRefundAt(
      db,
      shop,
      stored.filter((r, i) => cancelledWhole(r, payloads[i])).map((r) => r.appliedAt!),
    ),
  ]);
  return stored.map((r, i) => {
    const payload = payloads[i];
    const w = payload.kind === "WITHDRAWAL" ? payload : null;
    const statement = w?.statement ?? null;
    const ackBy = statement?.acknowledgeBy ?? { email: true, sms: false };
    const ack = acks.get(r.id) ?? {};
    const outcome = w?.outcome ?? null;
    return {
      id: r.id,
      orderId: r.orderId,
      orderName: r.orderName,
      name: statement?.name ?? r.customerName,
      submittedAt: dateOrNull(statement?.submittedAt) ?? r.createdAt,
      source: statement?.source ?? null,
      wholeOrder: statement ? statement.wholeOrder || statement.items === null : true,
      items: statement?.items ?? null,
      acknowledgeBy: ackBy,
      outcome,
      status: r.status,
      reimbursementDueBy: dateOrNull(w?.reimbursementDueBy),
      returnId: w?.returnId ?? null,
      refundedWithCancellation: cancelledWhole(r, payload) && automaticAt(r.appliedAt!),
      acknowledgement: {
        email: ackBy.email ? (ack.EMAIL ?? "NONE") : null,
        sms: ackBy.sms ? (ack.SMS ?? "NONE") : null,
      },
    };
  });
}

/** One page of the register: newest first, submitted within the dates, forwards (`after`) or back (`before`). */
export async function listWithdrawals(
  db: DbTx,
  shop: string,
  query: WithdrawalQuery,
  limit = WITHDRAWAL_PAGE_SIZE,
): Promise<WithdrawalPage> {
  const backwards = !query.after && Boolean(query.before);
  const cursor = decodeCursor(backwards ? query.before : query.after);
  const stored = await readRows(db, shop, {
    created: createdRange(query),
    cursor,
    desc: !backwards,
    take: limit + 1,
  });
  const hasMore = stored.length > limit;
  const page = stored.slice(0, limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows: await withdrawalRows(db, shop, page),
    next: last && (backwards || hasMore) ? encodeCursor(last.createdAt, last.id) : null,
    previous: first && (backwards ? hasMore : Boolean(cursor)) ? encodeCursor(first.createdAt, first.id) : null,
  };
}

/** Whether the shop has any withdrawal at all (the register's empty state tells "none yet" from "none here"). */
export async function hasWithdrawals(db: DbTx, shop: string): Promise<boolean> {
  return (await db.changeRequest.findFirst({ where: { shop, kind: "WITHDRAWAL" }, select: { id: true } })) !== null;
}

/** Whether a row's reimbursement is still the merchant's to make (not refunded by Shopify with the cancellation). */
export function reimbursementOpen(row: Pick<WithdrawalRow, "refundedWithCancellation" | "reimbursementDueBy">) {
  return row.reimbursementDueBy !== null && !row.refundedWithCancellation;
}

/**
 * Withdrawals whose reimbursement deadline falls within the next DUE_SOON_DAYS days, soonest first. The deadline is
 * 14 days after submission, so only the last 15 days' withdrawals are read (a day's margin).
 */
export async function withdrawalsDueSoon(db: DbTx, shop: string, now: Date): Promise<WithdrawalRow[]> {
  const horizon = now.getTime() + DUE_SOON_DAYS * DAY_MS;
  const stored = await db.changeRequest.findMany({
    where: { shop, kind: "WITHDRAWAL", createdAt: { gte: new Date(now.getTime() - 15 * DAY_MS) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
    select: ROW_SELECT,
  });
  const rows = await withdrawalRows(db, shop, stored);
  return rows
    .filter((r) => reimbursementOpen(r) && r.status !== "FAILED")
    .filter((r) => r.reimbursementDueBy!.getTime() >= now.getTime() && r.reimbursementDueBy!.getTime() <= horizon)
    .sort((a, b) => a.reimbursementDueBy!.getTime() - b.reimbursementDueBy!.getTime())
    .slice(0, DUE_SOON_LIMIT);
}

/** The export's dates: both given, `from` ≤ `to`, at most CSV_MAX_DAYS days; else 400 INVALID_INPUT naming the field. */
export function csvRange(input: { from?: unknown; to?: unknown }): { from: string; to: string } {
  const parse = (field: "from" | "to") => {
    const value = input[field];
    if (typeof value !== "string" || !isDay(value))
      throw new ServiceError("INVALID_INPUT", `${field} must be a date (YYYY-MM-DD).`, { field });
    return value;
  };
  const from = parse("from");
  const to = parse("to");
  const days = (Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS + 1;
  if (days < 1) throw new ServiceError("INVALID_INPUT", "from must not be after to.", { field: "to" });
  if (days > CSV_MAX_DAYS)
    throw new ServiceError("INVALID_INPUT", `An export covers at most ${CSV_MAX_DAYS} days.`, { field: "from" });
  return { from, to };
}

/** The CSV's header and one record per withdrawal: codes as stored, times in UTC (ISO 8601), headers in a language. */
function csvColumns(locale: Locale) {
  const c = adminMessages(locale).withdrawals.csv;
  const iso = (d: Date | null) => (d ? d.toISOString() : "");
  const yesNo = (v: boolean) => (v ? c.yes : c.no);
  return {
    header: [
      c.requestId,
      c.orderId,
      c.order,
      c.name,
      c.submittedAt,
      c.source,
      c.wholeOrder,
      c.items,
      c.acknowledgeBy,
      c.emailDelivery,
      c.smsDelivery,
      c.outcome,
      c.status,
      c.reimbursementDueBy,
      c.returnId,
    ],
    record: (r: WithdrawalRow) => [
      r.id,
      r.orderId,
      r.orderName,
      r.name,
      iso(r.submittedAt),
      r.source ?? "",
      yesNo(r.wholeOrder),
      (r.items ?? []).map((i) => `${i.quantity} × ${i.title}`).join("; "),
      [r.acknowledgeBy.email ? "email" : "", r.acknowledgeBy.sms ? "sms" : ""].filter(Boolean).join("; "),
      r.acknowledgement.email ?? "",
      r.acknowledgement.sms ?? "",
      r.outcome ?? "",
      r.status,
      iso(r.reimbursementDueBy),
      r.returnId ?? "",
    ],
  };
}

/**
 * The register as CSV for a date range (checked by csvRange): the UTF-8 byte order mark and the header, then the
 * withdrawals oldest first, read CSV_BATCH at a time as the client reads the stream — memory stays one batch
 * whatever the range holds.
 */
export function withdrawalsCsv(
  db: DbTx,
  shop: string,
  input: { from?: unknown; to?: unknown; locale: Locale },
): ReadableStream<Uint8Array> {
  const range = csvRange(input);
  const created = createdRange(range);
  const { header, record } = csvColumns(input.locale);
  const encoder = new TextEncoder();
  let cursor: { value: Date; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      if (!started) {
        started = true;
        text = CSV_BOM + csvRow(header);
      }
      const stored = await readRows(db, shop, { created, cursor, desc: false, take: CSV_BATCH });
      for (const row of await withdrawalRows(db, shop, stored)) text += csvRow(record(row));
      if (text) controller.enqueue(encoder.encode(text));
      const last = stored[stored.length - 1];
      if (stored.length < CSV_BATCH || !last) controller.close();
      else cursor = { value: last.createdAt, id: last.id };
    },
  });
}

/** The register page: a page of withdrawals, whether the function is on, and whether the shop has any at all. */
export async function withdrawalRegister(db: DbTx, shop: string, query: WithdrawalQuery) {
  const [page, policy, any] = await Promise.all([
    listWithdrawals(db, shop, query),
    getPolicy(db, shop),
    hasWithdrawals(db, shop),
  ]);
  return { page, enabled: policy.withdrawal.enabled, any };
}
