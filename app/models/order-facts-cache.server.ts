import { Prisma } from "@prisma/client";
import { databaseProvider, type DbTx } from "~/db.server";
import type { OrderFacts } from "~/domain/types";
import type { WithdrawalFacts } from "~/domain/withdrawal";
import { isUniqueViolation } from "./errors";

/**
 * The shape of the cached OrderFacts: bump it whenever OrderFacts or the facts query changes, so entries
 * written by the old shape are misses instead of facts with missing fields.
 */
export const ORDER_FACTS_VERSION = 3;

/**
 * The withdrawal facts of an order (`AmendWithdrawalFacts`, or `AmendWithdrawalLineItems` for an order with no
 * shipment: `linesOnly`), kept with the order's entry: the same webhooks invalidate them, and a new read of the
 * order facts replaces the entry without them.
 */
export interface CachedWithdrawalFacts {
  facts: WithdrawalFacts;
  linesOnly: boolean;
  /** When the read that produced them started. */
  fetchedAt: Date;
  /** A webhook about the order came after that read. */
  invalidated: boolean;
}

/** A cached read of an order's facts. */
export interface CachedFacts {
  facts: OrderFacts;
  /** When the read that produced these facts started. */
  fetchedAt: Date;
  /** A webhook about the order came after the read: Shopify's facts may have changed. */
  invalidated: boolean;
  /** The order's withdrawal facts, when a question read them since the order facts were stored. */
  withdrawal: CachedWithdrawalFacts | null;
}

/** What the `facts` column holds: the order facts, and the withdrawal facts read since. */
interface StoredEntry {
  order: OrderFacts;
  withdrawal?: { facts: WithdrawalFacts; linesOnly: boolean; fetchedAt: string };
}
const entryJson = (order: OrderFacts) => JSON.stringify({ order } satisfies StoredEntry);

/**
 * Invalidations this process has promised but not yet written (`shop|orderId` → when): a webhook answered before
 * its row is written (`markInvalidated`) is kept here until the write lands, and every read and store of this
 * process checks it. Only for a database one process serves (SQLite: one instance by design); an invalidation
 * several instances must see is written before the answer.
 */
const tombstones = new Map<string, number>();
const tombstoneKey = (shop: string, orderId: string) => `${shop}|${orderId}`;

/**
 * When this process started: an entry read before it may have missed an invalidation promised by a process that
 * died before writing it (the webhook answered, the row not yet written), so it is not fresh here — read again.
 */
const PROCESS_STARTED_AT = Date.now();

/** Whether invalidations may be promised before they are written: one process serves the database (SQLite). */
export const promisesInvalidations = () => databaseProvider() === "sqlite";

/** The cache's entry for an order, or null when there is none of the current shape. */
export async function cachedOrderFacts(db: DbTx, shop: string, orderId: string): Promise<CachedFacts | null> {
  const row = await db.orderFactsCache.findUnique({ where: { shop_orderId: { shop, orderId } } });
  if (!row || row.facts === null || row.version !== ORDER_FACTS_VERSION) return null;
  const promised = tombstones.get(tombstoneKey(shop, orderId)) ?? -Infinity;
  // a read that started at `at` may predate a change a webhook announced since
  const invalidatedSince = (at: number) =>
    row.invalidatedAt.getTime() >= at || promised >= at || (at < PROCESS_STARTED_AT && promisesInvalidations());
  const stored = JSON.parse(row.facts) as StoredEntry;
  const withdrawalAt = stored.withdrawal ? new Date(stored.withdrawal.fetchedAt) : null;
  return {
    facts: stored.order,
    fetchedAt: row.fetchedAt,
    invalidated: invalidatedSince(row.fetchedAt.getTime()),
    withdrawal:
      stored.withdrawal && withdrawalAt
        ? {
            facts: stored.withdrawal.facts,
            linesOnly: stored.withdrawal.linesOnly,
            fetchedAt: withdrawalAt,
            invalidated: invalidatedSince(withdrawalAt.getTime()),
          }
        : null,
  };
}

/**
 * A webhook about the order arrived at `at` and will be answered before its row is written: from now on this
 * process treats the entry as invalidated (reads and stores check it) until `invalidateOrderFacts` writes it.
 */
export function markInvalidated(shop: string, orderId: string, at: Date): void {
  const key = tombstoneKey(shop, orderId);
  tombstones.set(key, Math.max(tombstones.get(key) ?? -Infinity, at.getTime()));
}

/**
 * Stores what a read that started at `fetchedAt` answered, unless a webhook about the order arrived after that
 * read started (its facts may predate the change): compare-and-set on `invalidatedAt`.
 */
export async function storeOrderFacts(
  db: DbTx,
  shop: string,
  orderId: string,
  facts: OrderFacts,
  fetchedAt: Date,
): Promise<boolean> {
  // an invalidation this process promised after the read started and has not written yet wins, as a written one
  if ((tombstones.get(tombstoneKey(shop, orderId)) ?? -Infinity) >= fetchedAt.getTime()) return false;
  const data = {
    version: ORDER_FACTS_VERSION,
    facts: entryJson(facts),
    customerId: facts.customerId?.split("/").pop() ?? null,
    fulfillmentOrderIds: ` ${facts.fulfillmentOrders.map((fo) => fo.id).join(" ")} `,
    fetchedAt,
  };
  const updated = await db.orderFactsCache.updateMany({
    where: { shop, orderId, invalidatedAt: { lt: fetchedAt } },
    data,
  });
  if (updated.count > 0) return true;
  try {
    await db.orderFactsCache.create({ data: { shop, orderId, ...data, invalidatedAt: new Date(0) } });
    return true;
  } catch (error) {
    // the row exists and was invalidated after this read started: keep the invalidation
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Adds the withdrawal facts a read that started at `fetchedAt` answered to the order's entry of `entryFetchedAt`
 * (the order facts they were read for), unless a webhook about the order arrived after that read started or the
 * entry was replaced meanwhile (compare-and-set on both). False when not stored: the next question reads again.
 */
export async function storeWithdrawalFacts(
  db: DbTx,
  shop: string,
  orderId: string,
  entryFetchedAt: Date,
  withdrawal: { facts: WithdrawalFacts; linesOnly: boolean },
  fetchedAt: Date,
): Promise<boolean> {
  if ((tombstones.get(tombstoneKey(shop, orderId)) ?? -Infinity) >= fetchedAt.getTime()) return false;
  const row = await db.orderFactsCache.findUnique({ where: { shop_orderId: { shop, orderId } } });
  if (!row || row.facts === null || row.version !== ORDER_FACTS_VERSION) return false;
  if (row.fetchedAt.getTime() !== entryFetchedAt.getTime()) return false;
  const stored = JSON.parse(row.facts) as StoredEntry;
  const entry: StoredEntry = {
    order: stored.order,
    withdrawal: { ...withdrawal, fetchedAt: fetchedAt.toISOString() },
  };
  const updated = await db.orderFactsCache.updateMany({
    where: {
      shop,
      orderId,
      version: ORDER_FACTS_VERSION,
      fetchedAt: entryFetchedAt,
      invalidatedAt: { lt: fetchedAt },
    },
    data: { facts: JSON.stringify(entry) },
  });
  return updated.count > 0;
}

/**
 * Stores facts built from the order's `orders/create` payload, received at `at` — only as the order's first entry:
 * any row (a read stored, or a webhook about the order already invalidated it, deliveries arriving out of order)
 * means Shopify has said more since, and the payload is not stored over it.
 */
export async function storeWebhookFacts(
  db: DbTx,
  shop: string,
  orderId: string,
  facts: OrderFacts,
  at: Date,
): Promise<boolean> {
  if (tombstones.has(tombstoneKey(shop, orderId))) return false;
  try {
    await db.orderFactsCache.create({
      data: {
        shop,
        orderId,
        version: ORDER_FACTS_VERSION,
        facts: entryJson(facts),
        customerId: facts.customerId?.split("/").pop() ?? null,
        fulfillmentOrderIds: "",
        fetchedAt: at,
        invalidatedAt: new Date(0),
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** A webhook says the order changed: its entry is no longer fresh, and a read in flight will not be stored. */
export function invalidateOrderFacts(db: DbTx, shop: string, orderId: string, at: Date): Promise<void> {
  return invalidations(db).add(shop, orderId, at);
}

interface PendingInvalidation {
  shop: string;
  orderId: string;
  at: Date;
  waiting: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * Invalidations arriving in the same turn of the event loop are written together, in one plain
 * `INSERT … ON CONFLICT` on both providers: every order webhook asks for one before it is answered, and one
 * statement per webhook (Prisma's planning and SQLite's write lock each time) doubled the acknowledgement's p99.
 * Each caller's promise settles once its row is written, so a webhook is still answered only after it.
 */
class InvalidationBatch {
  private pending = new Map<string, PendingInvalidation>();
  private scheduled = false;
  constructor(private readonly db: DbTx) {}

  add(shop: string, orderId: string, at: Date): Promise<void> {
    return new Promise((resolve, reject) => {
      const key = `${shop}|${orderId}`;
      const entry = this.pending.get(key);
      if (entry) {
        if (at > entry.at) entry.at = at;
        entry.waiting.push({ resolve, reject });
      } else this.pending.set(key, { shop, orderId, at, waiting: [{ resolve, reject }] });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush() {
    const rows = [...this.pending.values()];
    this.pending = new Map();
    this.scheduled = false;
    const values = Prisma.join(
      rows.map((r) => Prisma.sql`(${r.shop}, ${r.orderId}, ${ORDER_FACTS_VERSION}, '', ${new Date(0)}, ${r.at})`),
    );
    try {
      await this.db.$executeRaw`
        INSERT INTO "OrderFactsCache" ("shop", "orderId", "version", "fulfillmentOrderIds", "fetchedAt", "invalidatedAt")
        VALUES ${values}
        ON CONFLICT ("shop", "orderId") DO UPDATE SET "invalidatedAt" = excluded."invalidatedAt"`;
      for (const row of rows) {
        // written: the row now says what the promise said (a later promise for the order stays)
        const key = tombstoneKey(row.shop, row.orderId);
        if ((tombstones.get(key) ?? Infinity) <= row.at.getTime()) tombstones.delete(key);
        for (const w of row.waiting) w.resolve();
      }
    } catch (error) {
      for (const row of rows) for (const w of row.waiting) w.reject(error);
      // a promised invalidation is written in the end: its tombstone holds meanwhile, the write is tried again
      for (const row of rows) {
        if (!tombstones.has(tombstoneKey(row.shop, row.orderId))) continue;
        setTimeout(() => void this.add(row.shop, row.orderId, row.at).catch(() => undefined), 1000).unref();
      }
    }
  }
}

const batches = new WeakMap<DbTx, InvalidationBatch>();
function invalidations(db: DbTx): InvalidationBatch {
  let batch = batches.get(db);
  if (!batch) batches.set(db, (batch = new InvalidationBatch(db)));
  return batch;
}

/** A fulfillment-order webhook (it names no order): invalidates the orders whose cached facts list it. */
export async function invalidateByFulfillmentOrder(
  db: DbTx,
  shop: string,
  fulfillmentOrderIds: string[],
  at: Date,
): Promise<number> {
  if (fulfillmentOrderIds.length === 0) return 0;
  const { count } = await db.orderFactsCache.updateMany({
    where: { shop, OR: fulfillmentOrderIds.map((id) => ({ fulfillmentOrderIds: { contains: ` ${id} ` } })) },
    data: { invalidatedAt: at },
  });
  return count;
}

/**
 * A fulfillment-order webhook naming fulfillment orders no entry lists: they may belong to an order whose facts
 * came from its `orders/create` payload (which lists none), so every such entry of the shop is invalidated.
 */
export async function invalidateUnlistedFulfillmentOrders(db: DbTx, shop: string, at: Date): Promise<number> {
  const { count } = await db.orderFactsCache.updateMany({
    where: { shop, fulfillmentOrderIds: "", facts: { not: null } },
    data: { invalidatedAt: at },
  });
  return count;
}

/** Erases the cached facts of a customer's orders (customers/redact) or of the listed orders. */
export async function forgetCustomerOrderFacts(db: DbTx, shop: string, customerId: string, orderIds: string[] = []) {
  await db.orderFactsCache.deleteMany({
    where: { shop, OR: [{ customerId }, ...(orderIds.length ? [{ orderId: { in: orderIds } }] : [])] },
  });
}

/** Entries older than `before` serve nobody (past the bounded age, even stale): deleted by the worker. */
export async function pruneOrderFacts(db: DbTx, before: Date): Promise<number> {
  const { count } = await db.orderFactsCache.deleteMany({
    where: { fetchedAt: { lt: before }, invalidatedAt: { lt: before } },
  });
  return count;
}
