/**
 * Waits until the app has finished what it started: no request APPLYING, no decided request whose hold release is
 * still owed (the hold-release job's work), and no notification waiting to be sent (PENDING / SENDING in the
 * outbox), twice in a row. Recovery after a SIGKILL waits for leases (a request's apply
 * lease, an outbox claim) to expire, so this can take a couple of minutes.
 */
import type { PrismaClient, RequestStatus } from "@prisma/client";

/** What the suite reads Amend's database with: a Prisma client (SQLite or PostgreSQL, `createPrismaClient`). */
export type FaultDb = Pick<PrismaClient, "changeRequest" | "outboxMessage" | "deliveryAttempt">;

export interface Backlog {
  applying: number;
  /** Decided requests whose hold on the order is still to be released. */
  holdsOwed: number;
  outboxWaiting: number;
  /** When the next waiting message is due (ISO), to explain a long wait. */
  nextAttemptAt: string | null;
}

/** Statuses no action leaves: a hold still recorded on one of them is the hold-release job's to remove. */
const DECIDED: RequestStatus[] = ["APPLIED", "REJECTED", "WITHDRAWN", "EXPIRED", "SUPERSEDED"];

export async function backlog(db: FaultDb, shop: string): Promise<Backlog> {
  const [applying, holdsOwed, waiting] = await Promise.all([
    db.changeRequest.count({ where: { shop, status: "APPLYING" } }),
    db.changeRequest.count({ where: { shop, holdApplied: true, status: { in: DECIDED } } }),
    db.outboxMessage.aggregate({
      where: { shop, status: { in: ["PENDING", "SENDING"] } },
      _count: { _all: true },
      _min: { nextAttemptAt: true },
    }),
  ]);
  const next = waiting._min.nextAttemptAt;
  return { applying, holdsOwed, outboxWaiting: waiting._count._all, nextAttemptAt: next ? next.toISOString() : null };
}

export async function waitForSettled(input: {
  db: FaultDb;
  shop: string;
  timeoutMs: number;
  pollMs?: number;
  log?: (line: string) => void;
}): Promise<{ settled: boolean; waitedMs: number; last: Backlog }> {
  const started = Date.now();
  let quietPolls = 0;
  let last = await backlog(input.db, input.shop);
  let lastLogged = 0;
  while (Date.now() - started < input.timeoutMs) {
    last = await backlog(input.db, input.shop);
    quietPolls = last.applying === 0 && last.holdsOwed === 0 && last.outboxWaiting === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= 2) return { settled: true, waitedMs: Date.now() - started, last };
    if (input.log && Date.now() - lastLogged > 15_000) {
      lastLogged = Date.now();
      input.log(
        `settling: ${last.applying} applying, ${last.holdsOwed} holds to release, ${last.outboxWaiting} messages waiting (next ${last.nextAttemptAt})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, input.pollMs ?? 1_000));
  }
  return { settled: false, waitedMs: Date.now() - started, last };
}
