/**
 * Waits until the app has finished what it started: no request APPLYING and no notification waiting to be sent
 * (PENDING / SENDING in the outbox), twice in a row. Recovery after a SIGKILL waits for leases (a request's apply
 * lease, an outbox claim) to expire, so this can take a couple of minutes.
 */
import Database from "better-sqlite3";

export interface Backlog {
  applying: number;
  outboxWaiting: number;
  /** When the next waiting message is due (ISO), to explain a long wait. */
  nextAttemptAt: string | null;
}

export function backlog(dbFile: string, shop: string): Backlog {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const applying = db
      .prepare(`SELECT COUNT(*) AS n FROM "ChangeRequest" WHERE shop = ? AND status = 'APPLYING'`)
      .get(shop) as { n: number };
    const waiting = db
      .prepare(
        `SELECT COUNT(*) AS n, MIN(nextAttemptAt) AS next FROM "OutboxMessage"
         WHERE shop = ? AND status IN ('PENDING', 'SENDING')`,
      )
      .get(shop) as { n: number; next: string | number | null };
    const next = waiting.next === null ? null : new Date(waiting.next).toISOString();
    return { applying: applying.n, outboxWaiting: waiting.n, nextAttemptAt: next };
  } finally {
    db.close();
  }
}

export async function waitForSettled(input: {
  dbFile: string;
  shop: string;
  timeoutMs: number;
  pollMs?: number;
  log?: (line: string) => void;
}): Promise<{ settled: boolean; waitedMs: number; last: Backlog }> {
  const started = Date.now();
  let quietPolls = 0;
  let last = backlog(input.dbFile, input.shop);
  let lastLogged = 0;
  while (Date.now() - started < input.timeoutMs) {
    last = backlog(input.dbFile, input.shop);
    quietPolls = last.applying === 0 && last.outboxWaiting === 0 ? quietPolls + 1 : 0;
    if (quietPolls >= 2) return { settled: true, waitedMs: Date.now() - started, last };
    if (input.log && Date.now() - lastLogged > 15_000) {
      lastLogged = Date.now();
      input.log(
        `settling: ${last.applying} applying, ${last.outboxWaiting} messages waiting (next ${last.nextAttemptAt})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, input.pollMs ?? 1_000));
  }
  return { settled: false, waitedMs: Date.now() - started, last };
}
