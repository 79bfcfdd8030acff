import os from "node:os";
import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { logger, runWithRequestContext } from "~/logger.server";
import { createAppFlowTransport } from "~/notifications/transports/flow.server";
import { createSmsTransport, smsConfigFromEnv } from "~/notifications/transports/sms.server";
import { createSmtpTransport, smtpConfigFromEnv } from "~/notifications/transports/smtp.server";
import type { Transport } from "~/notifications/transports/types";
import { createOutboxWorker, type BackoffOptions, type OutboxWorker } from "~/notifications/worker.server";
import { appNotifier, shopifyFor } from "~/services/context.server";
import { expireDueRequests, releaseLeftoverHolds, resumeStalledRequests } from "~/services/system-jobs.server";
import { processPendingWebhooks } from "~/services/webhooks.server";
import { retryFailedWithdrawals } from "~/services/withdrawal.server";
import { pruneOrderFacts } from "~/models/order-facts-cache.server";

/** Where the background work reports: the app's logger by default (the demo prints to its terminal). */
export interface BackgroundLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface BackgroundOptions {
  /** Names this process in outbox leases and on every log line; unique per process. */
  workerId?: string;
  /** How often the deadline / stalled-request / hold-release / webhook-sweep jobs run (ms). */
  jobsIntervalMs?: number;
  /** How long the outbox worker sleeps when there was nothing to send (ms). */
  pollIntervalMs?: number;
  backoff?: Partial<BackoffOptions>;
  /** Links in notifications point here (`${appUrl}/app/requests/:id`); Shopify admin's app URL when absent. */
  appUrl?: string;
  log?: BackgroundLog;
  /** The outbox's transports; by default SMTP and SMS from the environment, and Flow through each shop's session. */
  transports?: { email?: Transport; sms?: Transport; flow?: Transport };
}

export interface BackgroundWork {
  readonly workerId: string;
  readonly outbox: OutboxWorker;
  /**
   * Stops the job timer, waits for a running job, stops the outbox worker (in-flight sends finish, claimed
   * but unsent rows are handed back) and closes the SMTP pool.
   */
  stop(): Promise<void>;
}

export const DEFAULT_JOBS_INTERVAL_MS = 30_000;

async function transportsFromEnv(): Promise<{ email?: Transport; sms?: Transport; flow?: Transport }> {
  const config = env();
  const smtpConfig = smtpConfigFromEnv(config);
  const smsConfig = smsConfigFromEnv(config);
  return {
    email: smtpConfig ? createSmtpTransport(smtpConfig) : undefined,
    sms: smsConfig ? createSmsTransport(smsConfig) : undefined,
    flow: await createAppFlowTransport(),
  };
}

/**
 * The outbox worker (emails, SMS, Flow triggers) and the periodic jobs (deadlines, stalled requests, holds left on
 * decided orders, webhook sweep): what `npm run worker` runs, what
 * `npm start` runs too with RUN_WORKER=1, and what the demo runs in its own process. Several may run at once
 * (one per instance): outbox rows are claimed atomically and job transitions are conditional.
 */
export async function startBackgroundWork(options: BackgroundOptions = {}): Promise<BackgroundWork> {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}`;
  const log = options.log ?? logger;
  const transports = options.transports ?? (await transportsFromEnv());
  const outbox = createOutboxWorker({
    db: prisma,
    transports,
    workerId,
    pollIntervalMs: options.pollIntervalMs,
    backoff: options.backoff,
    onError: (err) => log.error({ err }, "outbox worker"),
  });

  const appUrl = options.appUrl;
  const systemDeps = {
    db: prisma,
    clock: () => new Date(),
    notify: appUrl ? appNotifier((r) => `${appUrl}/app/requests/${r.id}`) : appNotifier(),
    shopifyFor,
  };
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const expired = await expireDueRequests(systemDeps);
      if (expired.approved || expired.expired)
        log.info({ approved: expired.approved, expired: expired.expired }, "deadline job");
      // the failures' messages may quote Shopify's answers about an address: ids only
      if (expired.failed.length)
        log.warn({ changeRequestIds: expired.failed.map((f) => f.split(":")[0]) }, "deadline job failures");
      await resumeStalledRequests(systemDeps);
      const withdrawals = await retryFailedWithdrawals(systemDeps);
      if (withdrawals.retried || withdrawals.failed.length)
        log.info(
          { retried: withdrawals.retried, changeRequestIds: withdrawals.failed.map((f) => f.split(":")[0]) },
          "withdrawal retry job",
        );
      const holds = await releaseLeftoverHolds(systemDeps);
      if (holds.released || holds.pending.length)
        log.info({ released: holds.released, changeRequestIds: holds.pending }, "hold release job");
      await processPendingWebhooks(systemDeps);
      // cached order facts a day old serve nobody, not even as stale answers
      await pruneOrderFacts(prisma, new Date(Date.now() - 24 * 3600 * 1000));
    })()
      .catch((err: Error) => log.error({ err }, "periodic jobs"))
      .finally(() => (running = null));
  };

  // Everything started here (the timer's ticks, the outbox loop) logs with this process's workerId.
  const timer = runWithRequestContext({ workerId }, () => {
    outbox.start();
    const handle = setInterval(tick, options.jobsIntervalMs ?? DEFAULT_JOBS_INTERVAL_MS);
    handle.unref();
    return handle;
  });

  let stopping: Promise<void> | null = null;
  return {
    workerId,
    outbox,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(timer);
        await running;
        await outbox.stop();
        await transports.email?.close?.();
      })()),
  };
}
