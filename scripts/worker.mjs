// The worker process (`npm run worker`): the outbox worker (emails, SMS, Flow triggers) and the periodic jobs
// (decision deadlines, stalled requests, the webhook sweep) from the production build, until SIGTERM / SIGINT.
// Several may run at once, on PostgreSQL: rows are claimed atomically.
//
//   WORKER_ID (default host:pid): names this process in outbox leases and on every log line
//   JOBS_INTERVAL_MS (default 30000): how often the periodic jobs run
//   SHUTDOWN_TIMEOUT_MS (default 25000): after a signal, exit 1 if in-flight sends have not finished by then
/* global setTimeout -- a Node global */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

process.env.NODE_ENV ??= "production";

const BUILD = path.resolve(import.meta.dirname, "../build/server/index.js");
const TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS || 25_000);

if (!fs.existsSync(BUILD)) {
  console.error(`[amend] ${path.relative(process.cwd(), BUILD)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const build = await import(pathToFileURL(BUILD).href);
// The app's own modules (app/entry.server.tsx): its logger, Prisma client and background work.
const { logger, prisma, startBackgroundWork } = build.entry.module;

const work = await startBackgroundWork({
  workerId: process.env.WORKER_ID || undefined,
  jobsIntervalMs: process.env.JOBS_INTERVAL_MS ? Number(process.env.JOBS_INTERVAL_MS) : undefined,
});
const log = logger.child({ workerId: work.workerId });
log.info({ pid: process.pid }, "worker running: outbox and periodic jobs");

let stopping = false;
async function shutdown(signal) {
  if (stopping) {
    log.warn({ signal }, "second signal while stopping: exiting now");
    process.exit(1);
  }
  stopping = true;
  log.info({ signal, timeoutMs: TIMEOUT_MS }, "stopping: finishing in-flight sends, handing claimed messages back");
  setTimeout(() => {
    log.error(
      { afterMs: TIMEOUT_MS },
      "stopping took too long: exiting (unfinished claims return when their lease ends)",
    );
    process.exit(1);
  }, TIMEOUT_MS).unref();
  try {
    await work.stop();
    await prisma.$disconnect();
  } catch (err) {
    log.error({ err }, "stopping failed");
    process.exit(1);
  }
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
