import crypto from "node:crypto";
import os from "node:os";
import type { OutboxMessage, PrismaClient } from "@prisma/client";
import { claimOutbox } from "~/models/claims.server";
import type { DeliveryResult, OutgoingMessage, Transport } from "./transports/types";

export interface BackoffOptions {
  /** The first retry waits about this long (ms); each further one twice as long. */
  baseMs: number;
  /** No wait is longer than this (ms). */
  maxMs: number;
  /** After this many attempts a message is FAILED (the log keeps every answer; staff can resend). */
  maxAttempts: number;
}

export interface OutboxWorkerOptions {
  db: PrismaClient;
  transports: { email?: Transport; sms?: Transport; flow?: Transport };
  /** Names this worker in leases and logs; unique per process. */
  workerId?: string;
  batchSize?: number;
  /** How long a claim lasts (ms): a worker that dies holds its rows no longer than this. */
  leaseMs?: number;
  /** Messages of one batch in flight at once: twice the SMTP pool, so connections stay busy while outcomes commit. */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  /** How long start() sleeps when there was nothing to do (ms). */
  pollIntervalMs?: number;
  clock?: () => Date;
  /** [0, 1): the backoff jitter; injectable for tests. */
  random?: () => number;
  /** Where a failure of the loop itself is reported (a transport failure is a delivery result, not this). */
  onError?: (err: unknown) => void;
}

export interface RunSummary {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Claimed but handed back unsent because stop() was called. */
  released: number;
  /** Delivered, but the lease had passed to another worker: recorded by that worker instead. */
  leaseLost: number;
}

export interface OutboxWorker {
  readonly workerId: string;
  /** Claims one batch of due messages and delivers it. */
  runOnce(): Promise<RunSummary>;
  /** Polls until stop(): batches back to back while there is work, then every pollIntervalMs. */
  start(): void;
  /** Lets in-flight sends finish, hands claimed-but-unsent rows back, and resolves when idle. */
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 8 };

/** The wait before retry `attempt` (1-based): exponential, capped, with jitter in [½, 1] of it so retries spread. */
export function backoffDelay(attempt: number, backoff: BackoffOptions, random: () => number = Math.random): number {
  const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * The outbox worker. Several may run at once (one per app instance): rows are claimed with a lease by
 * exactly one worker (`claimOutbox`: one UPDATE, with FOR UPDATE SKIP LOCKED on PostgreSQL),
 * and every write after sending is fenced by the claim token.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const db = options.db;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = Math.max(1, options.concurrency ?? 10);
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const onError = options.onError ?? ((err: unknown) => console.error(`[outbox ${workerId}]`, err));

  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function claim(): Promise<{ token: string; rows: OutboxMessage[] }> {
    const now = clock();
    const token = `${workerId}#${crypto.randomUUID()}`;
    const claimed = await claimOutbox(db, {
      token,
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      take: batchSize,
    });
    // better-sqlite3 answers synchronously: yield to I/O so a caller looping on empty claims cannot starve sockets.
    if (claimed === 0) return await new Promise((resolve) => setImmediate(() => resolve({ token, rows: [] })));
    const rows = await db.outboxMessage.findMany({
      where: { leaseOwner: token, status: "SENDING" },
      orderBy: { nextAttemptAt: "asc" },
    });
    return { token, rows };
  }

  async function deliver(row: OutboxMessage, token: string, summary: RunSummary): Promise<void> {
    const transport =
      row.channel === "SMS"
        ? options.transports.sms
        : row.channel === "EMAIL"
          ? options.transports.email
          : row.channel === "FLOW"
            ? options.transports.flow
            : undefined;
    let result: DeliveryResult;
    if (!transport) {
      result = { ok: false, response: `no ${row.channel} transport configured on this instance`, retryable: true };
    } else {
      try {
        result = await transport.send(toOutgoing(row));
      } catch (err) {
        result = { ok: false, response: `transport error: ${(err as Error).message}`, retryable: true };
      }
    }
    const now = clock();
    const exhausted = row.attempts >= backoff.maxAttempts;
    const data = result.ok
      ? { status: "SENT", sentAt: now, lastError: null }
      : !result.retryable || exhausted
        ? { status: "FAILED", lastError: result.response }
        : {
            status: "PENDING",
            lastError: result.response,
            nextAttemptAt: new Date(now.getTime() + backoffDelay(row.attempts, backoff, random)),
          };
    const recorded = await record({ row, token, at: now, result, data });
    if (!recorded) summary.leaseLost++;
    else if (data.status === "SENT") summary.sent++;
    else if (data.status === "FAILED") summary.failed++;
    else summary.retrying++;
  }

  interface Outcome {
    row: OutboxMessage;
    token: string;
    at: Date;
    result: DeliveryResult;
    data: Record<string, unknown>;
    done: (recorded: boolean) => void;
    fail: (err: unknown) => void;
  }
  let unrecorded: Outcome[] = [];
  let flushing: Promise<void> | null = null;

  /**
   * Records an outcome durably; resolves false when the lease had passed to another worker.
   * Outcomes that finish while a commit is running share the next one (group commit): on SQLite a
   * commit costs an fsync, and one per message would cap a worker at a few dozen emails a second.
   */
  function record(outcome: Omit<Outcome, "done" | "fail">): Promise<boolean> {
    return new Promise<boolean>((done, fail) => {
      unrecorded.push({ ...outcome, done, fail });
      flushing ??= flush();
    });
  }

  async function flush(): Promise<void> {
    while (unrecorded.length > 0) {
      const group = unrecorded;
      unrecorded = [];
      try {
        const results = await db.$transaction(
          group.flatMap((o) => [
            // Fenced by the claim token: if our lease expired and another worker took the row, it records the outcome.
            db.outboxMessage.updateMany({
              where: { id: o.row.id, leaseOwner: o.token },
              data: { ...o.data, leaseOwner: null, leaseUntil: null },
            }),
            db.deliveryAttempt.create({
              data: {
                outboxId: o.row.id,
                at: o.at,
                ok: o.result.ok,
                response: o.result.response.slice(0, 2000),
                providerMessageId: o.result.ok ? o.result.providerMessageId : null,
              },
            }),
          ]),
        );
        group.forEach((o, i) => o.done((results[i * 2] as { count: number }).count > 0));
      } catch (err) {
        group.forEach((o) => o.fail(err));
      }
    }
    flushing = null;
  }

  const inFlight = new Set<Promise<RunSummary>>();

  function runOnce(): Promise<RunSummary> {
    const run = runBatch().finally(() => inFlight.delete(run));
    inFlight.add(run);
    return run;
  }

  async function runBatch(): Promise<RunSummary> {
    const summary: RunSummary = { claimed: 0, sent: 0, retrying: 0, failed: 0, released: 0, leaseLost: 0 };
    const { token, rows } = await claim();
    summary.claimed = rows.length;
    const queue = [...rows];
    const lane = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (stopping) {
          queue.unshift(row);
          return;
        }
        try {
          await deliver(row, token, summary);
        } catch (err) {
          // The outcome could not be recorded: the row stays claimed and is retried when the lease ends.
          onError(err);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    if (queue.length > 0) {
      // Stopping: rows never attempted go back as they were, for another worker to take at once.
      const released = await db.outboxMessage.updateMany({
        where: { id: { in: queue.map((r) => r.id) }, leaseOwner: token, status: "SENDING" },
        data: { status: "PENDING", leaseOwner: null, leaseUntil: null, attempts: { decrement: 1 } },
      });
      summary.released = released.count;
    }
    return summary;
  }

  function start(): void {
    if (loop) return;
    loop = (async () => {
      while (!stopping) {
        let claimed = 0;
        try {
          claimed = (await runOnce()).claimed;
        } catch (err) {
          onError(err);
        }
        if (claimed === 0 && !stopping) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pollIntervalMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      }
    })();
  }

  async function stop(): Promise<void> {
    stopping = true;
    wake?.();
    await loop;
    await Promise.allSettled([...inFlight]);
    loop = null;
    stopping = false;
  }

  return { workerId, runOnce, start, stop };
}

function toOutgoing(row: OutboxMessage): OutgoingMessage {
  return {
    id: row.id,
    shop: row.shop,
    channel: row.channel as OutgoingMessage["channel"],
    recipient: row.recipient,
    fromName: row.fromName,
    replyTo: row.replyTo,
    subject: row.subject,
    html: row.html,
    text: row.text,
    messageId: row.messageId,
    idempotencyKey: row.idempotencyKey,
  };
}
