import type { DbTx } from "~/db.server";
import { isUniqueViolation } from "~/models/errors";
import { AdminApiError, MutationInFlightError, ShopifyUnavailableError, ShopifyUserError } from "./errors";

/** What runOnce needs of the database (a client or a transaction). */
export type LedgerDb = Pick<DbTx, "shopifyMutation">;

export interface LedgerEntry {
  shop: string;
  /** The Amend request this effect belongs to (null for staff actions without a request). */
  requestId: string | null;
  /** Unique per effect, e.g. "<requestId>:orderCancel" or "<requestId>:fulfillmentOrderHold:<foId>". */
  key: string;
  operation: string;
}

/** The entry of one effect of a request: keyed "<requestId>:<operation>", then ":<target>" when there are several. */
export function ledgerEntry(
  request: { shop: string; requestId: string },
  operation: string,
  target?: string,
): LedgerEntry {
  const key =
    target === undefined ? `${request.requestId}:${operation}` : `${request.requestId}:${operation}:${target}`;
  return { shop: request.shop, requestId: request.requestId, key, operation };
}

export interface SendContext {
  /** True when this effect was sent before and Shopify's state did not show it applied. */
  resend: boolean;
}

export interface RunOnceOptions {
  /** Sends at most this many times in this call (after lost answers that reconcile showed not applied). */
  maxSends?: number;
  sleep?: (ms: number) => Promise<void>;
  /** How long an attempt may hold the key before another attempt may take over (it covers job polling). */
  leaseMs?: number;
}

export const MUTATION_STATUS = { SENT: "SENT", CONFIRMED: "CONFIRMED", FAILED: "FAILED" } as const;

/**
 * A mutation is recorded before it is sent, so one request never applies twice:
 * - CONFIRMED for this key → the stored result, nothing sent;
 * - SENT and in flight (another attempt holds the lease) → MutationInFlightError, nothing sent;
 * - SENT, lease over (a crash or a lost answer) → `reconcile` reads Shopify's state; applied → its result, else sent again;
 * - FAILED (Shopify refused it, nothing applied) or new → sent.
 * After an answer lost in flight (`mayHaveApplied`), `reconcile` decides before any resend.
 * `reconcile` returns the result when the effect is visible in Shopify, null when it is not.
 */
export async function runOnce<T>(
  db: LedgerDb,
  entry: LedgerEntry,
  send: (context: SendContext) => Promise<T>,
  reconcile: () => Promise<T | null>,
  options: RunOnceOptions = {},
): Promise<T> {
  const maxSends = options.maxSends ?? 3;
  const leaseMs = options.leaseMs ?? 120_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const lease = () => new Date(Date.now() + leaseMs);
  const confirm = async (result: T) => {
    await db.shopifyMutation.update({
      where: { key: entry.key },
      data: {
        status: MUTATION_STATUS.CONFIRMED,
        result: JSON.stringify(result ?? null),
        confirmedAt: new Date(),
        lastError: null,
        inFlightUntil: null,
      },
    });
    return result;
  };

  let resend = false;
  const existing = await db.shopifyMutation.findUnique({ where: { key: entry.key } });
  if (existing?.status === MUTATION_STATUS.CONFIRMED) {
    return JSON.parse(existing.result ?? "null") as T;
  }
  if (existing) {
    // claim the row atomically: of two attempts, only one goes on
    const claimed = await db.shopifyMutation.updateMany({
      where: {
        key: entry.key,
        status: existing.status,
        OR: [{ inFlightUntil: null }, { inFlightUntil: { lt: new Date() } }],
      },
      data: { inFlightUntil: lease() },
    });
    if (claimed.count === 0) throw new MutationInFlightError(entry.key);
    if (existing.status === MUTATION_STATUS.SENT) {
      try {
        const applied = await reconcile();
        if (applied !== null) return await confirm(applied);
      } catch (error) {
        await release(db, entry.key, error, MUTATION_STATUS.SENT);
        throw error;
      }
      resend = true;
    }
  } else {
    try {
      await db.shopifyMutation.create({
        data: {
          shop: entry.shop,
          requestId: entry.requestId,
          key: entry.key,
          operation: entry.operation,
          status: MUTATION_STATUS.SENT,
          inFlightUntil: lease(),
        },
      });
    } catch (error) {
      // another attempt inserted the same key between our read and our insert: it is sending now
      if (isUniqueViolation(error)) throw new MutationInFlightError(entry.key);
      throw error;
    }
  }

  let lastError: unknown;
  for (let sends = 1; sends <= maxSends; sends++) {
    await db.shopifyMutation.update({
      where: { key: entry.key },
      data: { status: MUTATION_STATUS.SENT, sends: { increment: 1 }, inFlightUntil: lease() },
    });
    try {
      return await confirm(await send({ resend }));
    } catch (error) {
      lastError = error;
      if (error instanceof ShopifyUnavailableError && error.mayHaveApplied) {
        let applied: T | null;
        try {
          applied = await reconcile();
        } catch (readError) {
          await release(db, entry.key, readError, MUTATION_STATUS.SENT);
          throw readError;
        }
        if (applied !== null) return confirm(applied);
        resend = true;
        await sleep(250 * 2 ** (sends - 1));
        continue;
      }
      // refused by Shopify: nothing applied, a later retry may send again
      const refused = error instanceof ShopifyUserError || error instanceof AdminApiError;
      await release(db, entry.key, error, refused ? MUTATION_STATUS.FAILED : MUTATION_STATUS.SENT);
      throw error;
    }
  }
  await release(db, entry.key, lastError, MUTATION_STATUS.SENT);
  throw lastError;
}

/** Ends this attempt's lease with its error; a SENT row will be reconciled by the next attempt. */
async function release(db: LedgerDb, key: string, error: unknown, status: string) {
  const message = error instanceof Error ? error.message : String(error);
  await db.shopifyMutation.update({
    where: { key },
    data: { status, lastError: message.slice(0, 2000), inFlightUntil: null },
  });
}

/** One effect sent through an Admin API client at most once: runOnce, waiting between tries with the client's sleep. */
export function sendOnce<T>(
  client: { sleep: (ms: number) => Promise<void> },
  db: LedgerDb,
  entry: LedgerEntry,
  effect: { send: (context: SendContext) => Promise<T>; reconcile: () => Promise<T | null> },
): Promise<T> {
  return runOnce(db, entry, effect.send, effect.reconcile, { sleep: client.sleep });
}
