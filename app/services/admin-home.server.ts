import type { DbTx } from "~/db.server";
import { REQUEST_KINDS, type RequestKind, type RequestStatus } from "~/domain/types";
import { getPolicy } from "~/models/settings.server";
import { countCapped } from "./admin-inbox.server";
import { withdrawalsDueSoon, type WithdrawalRow } from "./admin-withdrawals.server";

export interface HomeStats {
  needsAction: { PENDING: number; NEEDS_INFO: number; FAILED: number };
  oldestWaiting: { id: string; orderName: string; createdAt: Date } | null;
  last30: {
    since: Date;
    /** kind → status → count */
    byKindAndStatus: Record<RequestKind, Partial<Record<RequestStatus, number>>>;
    addressChangesApplied: number;
    /** Median ms from createdAt to decidedAt over the decisions of the period; null without decisions. */
    medianDecisionMs: number | null;
    decisions: number;
    /** Cancellations saved by the wrong-address offer (`savedCancellations`). */
    saves: number;
  };
  withdrawals: {
    /** The withdrawal function is on (Home shows its deadlines then, or when some are due anyway). */
    enabled: boolean;
    /** Reimbursements due within the next days, soonest first. */
    dueSoon: WithdrawalRow[];
  };
}

/** Middle value of a sorted list (the mean of the two middle values for an even count). */
export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Most recent decisions the median reads: a sample that keeps Home fast on very large shops. */
const MEDIAN_SAMPLE = 5000;

/** What Home shows: what needs action today, and the last 30 days. */
export async function homeStats(db: DbTx, shop: string, now: Date): Promise<HomeStats> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const countStatus = (status: RequestStatus) => countCapped(db, shop, [status]);
  const [pending, needsInfo, failed, oldest, grouped, decided, saves, policy, dueSoon] = await Promise.all([
    countStatus("PENDING"),
    countStatus("NEEDS_INFO"),
    countStatus("FAILED"),
    db.changeRequest.findFirst({
      where: { shop, status: { in: ["PENDING", "NEEDS_INFO", "FAILED"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, orderName: true, createdAt: true },
    }),
    db.changeRequest.groupBy({
      by: ["kind", "status"],
      where: { shop, createdAt: { gte: since } },
      _count: { _all: true },
    }),
    db.changeRequest.findMany({
      where: { shop, createdAt: { gte: since }, decidedAt: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { createdAt: true, decidedAt: true },
      take: MEDIAN_SAMPLE,
    }),
    savedCancellations(db, shop, since),
    getPolicy(db, shop),
    withdrawalsDueSoon(db, shop, now),
  ]);
  const byKindAndStatus = Object.fromEntries(
    REQUEST_KINDS.map((k) => [k, {}]),
  ) as HomeStats["last30"]["byKindAndStatus"];
  for (const g of grouped) {
    if (byKindAndStatus[g.kind]) byKindAndStatus[g.kind][g.status] = g._count._all;
  }
  const durations = decided.map((d) => d.decidedAt!.getTime() - d.createdAt.getTime()).sort((a, b) => a - b);
  return {
    needsAction: { PENDING: pending, NEEDS_INFO: needsInfo, FAILED: failed },
    oldestWaiting: oldest,
    last30: {
      since,
      byKindAndStatus,
      addressChangesApplied: byKindAndStatus.ADDRESS_CHANGE.APPLIED ?? 0,
      medianDecisionMs: median(durations),
      decisions: durations.length,
      saves,
    },
    withdrawals: { enabled: policy.withdrawal.enabled, dueSoon },
  };
}

/** The saves a period may count at most: each is checked against the order's later cancellation requests. */
const SAVES_SAMPLE = 5000;

/**
 * Cancellations saved since `since`. A save is an address change that
 * - the customer made after the cancellation form offered it for the reason WRONG_ADDRESS (origin
 *   `WRONG_ADDRESS_OFFER`, recorded by the address-change call the offer led to),
 * - was applied in Shopify (`appliedAt` within the period; a change refused, withdrawn or still awaiting approval
 *   is not a save yet),
 * - and was not followed by a cancellation request on the same order (the customer cancelled after all).
 */
export async function savedCancellations(db: DbTx, shop: string, since: Date): Promise<number> {
  const changes = await db.changeRequest.findMany({
    where: { shop, origin: "WRONG_ADDRESS_OFFER", status: "APPLIED", appliedAt: { gte: since } },
    select: { orderId: true, createdAt: true },
    orderBy: { appliedAt: "desc" },
    take: SAVES_SAMPLE,
  });
  if (changes.length === 0) return 0;
  const cancellations = await db.changeRequest.findMany({
    where: { shop, kind: "CANCELLATION", orderId: { in: [...new Set(changes.map((c) => c.orderId))] } },
    select: { orderId: true, createdAt: true },
  });
  return changes.filter(
    (c) => !cancellations.some((x) => x.orderId === c.orderId && x.createdAt.getTime() > c.createdAt.getTime()),
  ).length;
}
