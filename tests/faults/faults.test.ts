/**
 * The fault suite: N customer actions and merchant decisions under load while the app's web process and
 * its worker are SIGKILLed at random moments, the Admin API simulator throttles and fails 30 % of calls, and the
 * SMTP server is down for a minute. Afterwards: no request lost, none applied twice, no notification lost or sent
 * twice.
 *
 *   npm run test:faults                      (vitest run --project faults)
 *   FAULTS_SEED=7 FAULTS_ACTIONS=80 …         another seed / more actions; the seed is printed with the report
 *   FAULTS_DIR=/tmp/x                         where the logs, the database and report.json go (default: a temp dir)
 *   FAULTS_BUILD=never|always                 use build/ as it is / rebuild (default: rebuild when stale)
 *   FAULTS_SNAPSHOT=0                         run ROOT/build directly (default: a copy in FAULTS_DIR, safe from rebuilds)
 *   FAULTS_CHAOS=0.3 FAULTS_BUCKET=300:50 FAULTS_KILL_MS=8000:20000 FAULTS_SMTP_OUTAGE_MS=60000 FAULTS_SPREAD_MS=60000 FAULTS_SETTLE_MS=240000
 *   DATABASE_URL=postgresql://…               run on PostgreSQL: a database of its own on that server (amend_faults_<pid>),
 *                                             migrated and seeded, dropped at the end (FAULTS_KEEP=1 keeps it)
 *   FAULTS_INSTANCES=n                        n web processes (ports) and n workers, all killed at random; the load is
 *                                             spread over the web processes (default 2 on PostgreSQL, 1 on SQLite)
 *
 * The app runs as in production: `node scripts/serve.mjs` (web) and `node scripts/worker.mjs` (outbox worker and
 * periodic jobs) from `npm run build`'s output (built here when stale), with the environment demo/launcher/start.ts
 * sets; on PostgreSQL, several of each, as behind a load balancer. The simulator, the sinks, the load and the verification live in this process, which is never killed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, ensureBuild, snapshotApp, startFaultEnvironment, type FaultEnvironment } from "./lib/environment";
import { planActions, runLoad, type ActionResult } from "./lib/load-driver";
import { createRng } from "./lib/rng";
import { waitForSettled, type FaultDb } from "./lib/settle";
import { SupervisedProcess, httpAnswers, killAtRandom, logSays, type KillRecord } from "./lib/supervisor";
import { collectEvidence, summarize, verify, type FaultReport } from "./lib/verifier";
import { isPostgres } from "../setup/postgres";

const SEED = Number(process.env.FAULTS_SEED ?? 20261125);
const ACTIONS = Number(process.env.FAULTS_ACTIONS ?? 60);
/** The actions start spread over this long; the SMTP outage and the kills happen meanwhile. */
const LOAD_SPREAD_MS = Number(process.env.FAULTS_SPREAD_MS ?? 60_000);
const SMTP_OUTAGE_MS = Number(process.env.FAULTS_SMTP_OUTAGE_MS ?? 60_000);
const SMTP_OUTAGE_AFTER_MS = 5_000;
/**
 * 30 % of Admin API calls fail, and a bucket tighter than Shopify's standard 2000 points / 100 per s
 * (FAULTS_BUCKET=max:rate) so bursts are throttled for real; the restore rate bounds the run's length.
 */
const [BUCKET_MAX, BUCKET_RATE] = (process.env.FAULTS_BUCKET ?? "300:50").split(":").map(Number);
const CHAOS = {
  p: Number(process.env.FAULTS_CHAOS ?? 0.3),
  bucket: { maximumAvailable: BUCKET_MAX, restoreRate: BUCKET_RATE },
};
/** A SIGKILL every 8–20 s (FAULTS_KILL_MS=min:max), web or worker (seeded); the web process takes a few s to restart. */
const KILL_EVERY_MS = (process.env.FAULTS_KILL_MS ?? "8000:20000").split(":").map(Number) as [number, number];
/** Recovery waits for leases: a request's apply lease (2 min) and an outbox claim (1 min), plus backoff. */
const SETTLE_TIMEOUT_MS = Number(process.env.FAULTS_SETTLE_MS ?? 240_000);

/** The suite's DATABASE_URL: a postgresql:// server runs the suite on PostgreSQL (a database of its own there). */
const SERVER_URL = process.env.DATABASE_URL ?? "";
const POSTGRES = isPostgres(SERVER_URL);
/** Web processes and workers, each; several processes on one SQLite file is not a supported setup. */
const INSTANCES = POSTGRES ? Number(process.env.FAULTS_INSTANCES ?? 2) : 1;

const log = (line: string) => console.log(`[faults] ${line}`);

/** Delivery attempts the outbox logged as failed: the SMTP outage was felt (a refused TCP connection is not countable). */
function failedDeliveries(db: FaultDb): Promise<number> {
  return db.deliveryAttempt.count({ where: { ok: false } });
}

let env: FaultEnvironment;
let webs: SupervisedProcess[] = [];
let workers: SupervisedProcess[] = [];
const all = () => [...webs, ...workers];

beforeAll(async () => {
  if (!POSTGRES && process.env.FAULTS_INSTANCES && process.env.FAULTS_INSTANCES !== "1")
    log(`FAULTS_INSTANCES=${process.env.FAULTS_INSTANCES} ignored on SQLite: one web process and one worker`);
  if (!Number.isInteger(INSTANCES) || INSTANCES < 1) throw new Error(`FAULTS_INSTANCES: ${INSTANCES}`);
  await ensureBuild(log, (process.env.FAULTS_BUILD as "auto" | "never" | "always" | undefined) ?? "auto");
  env = await startFaultEnvironment({
    orders: ACTIONS,
    log,
    dir: process.env.FAULTS_DIR,
    serverUrl: POSTGRES ? SERVER_URL : undefined,
    keep: process.env.FAULTS_KEEP === "1",
    instances: INSTANCES,
  });
  log(
    `seed ${SEED}, ${ACTIONS} actions, ${INSTANCES} web + ${INSTANCES} worker on ${env.database.provider} (${env.database.where}); logs and report in ${env.dir}`,
  );
  // FAULTS_SNAPSHOT=0 runs ROOT/scripts against ROOT/build directly.
  const appRoot = process.env.FAULTS_SNAPSHOT === "0" ? ROOT : snapshotApp(env.dir);
  // One instance: "web" and "worker" (web.log, worker.log); several: "web-1", "worker-1", …
  const named = (kind: string, i: number) => (INSTANCES === 1 ? kind : `${kind}-${i + 1}`);
  webs = env.appPorts.map(
    (port, i) =>
      new SupervisedProcess({
        name: named("web", i),
        args: [path.join(appRoot, "scripts/serve.mjs")],
        cwd: ROOT,
        env: { ...env.appEnv, PORT: String(port), SHUTDOWN_GRACE_MS: "5000" },
        logFile: path.join(env.dir, `${named("web", i)}.log`),
        ready: httpAnswers(`${env.appUrls[i]}/healthz`),
        readyTimeoutMs: 60_000,
      }),
  );
  workers = env.appPorts.map(
    (_port, i) =>
      new SupervisedProcess({
        name: named("worker", i),
        args: [path.join(appRoot, "scripts/worker.mjs")],
        cwd: ROOT,
        env: {
          ...env.appEnv,
          WORKER_ID: `faults-${named("worker", i)}`,
          JOBS_INTERVAL_MS: "2000",
          SHUTDOWN_TIMEOUT_MS: "10000",
        },
        logFile: path.join(env.dir, `${named("worker", i)}.log`),
        ready: logSays(path.join(env.dir, `${named("worker", i)}.log`), /worker running/),
        readyTimeoutMs: 60_000,
      }),
  );
  await Promise.all(all().map((p) => p.start()));
});

afterAll(async () => {
  await Promise.all(all().map((p) => p.stop(10_000)));
  await env?.close();
});

describe("fault suite", () => {
  it(`${ACTIONS} actions under SIGKILLs, 30 % Admin API failures and a one-minute SMTP outage: nothing lost, nothing applied twice`, async () => {
    const rng = createRng(SEED);
    const plans = planActions(env.orders, rng.fork(), { seed: SEED, spreadMs: LOAD_SPREAD_MS });

    env.simulator.chaos({ ...CHAOS, seed: SEED });
    const stopKilling = new AbortController();
    const kills = killAtRandom({
      targets: all(),
      rng: rng.fork(),
      minMs: KILL_EVERY_MS[0],
      maxMs: KILL_EVERY_MS[1],
      signal: stopKilling.signal,
      onKill: (k) => log(`SIGKILL ${k.name} (pid ${k.pid}) after ${k.upMs} ms up; back in ${k.downMs} ms`),
    });
    kills.catch(() => undefined); // awaited (and its failure reported) after the load
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, SMTP_OUTAGE_AFTER_MS));
      log(`SMTP down for ${SMTP_OUTAGE_MS / 1000} s`);
      await env.smtp.outage(SMTP_OUTAGE_MS, "refuse");
      log("SMTP back");
    })();

    const t0 = Date.now();
    let done = 0;
    const results: ActionResult[] = await runLoad({
      appUrl: env.appUrls,
      app: env.app,
      plans,
      rng: rng.fork(),
      concurrency: 6,
      policy: { deadlineMs: 150_000 },
      onResult: () => {
        done += 1;
        if (done % 10 === 0)
          log(`${done}/${plans.length} actions done after ${Math.round((Date.now() - t0) / 1000)} s`);
      },
    });
    await outage;
    stopKilling.abort();
    const killRecords: KillRecord[] = await kills;
    const chaos = env.simulator.faults.chaosStatus();
    const realThrottles = env.simulator.calls.filter((c) => c.outcome === "throttled").length;
    log(
      `load done in ${Math.round((Date.now() - t0) / 1000)} s: ${killRecords.length} kills, chaos ${JSON.stringify(chaos.fired)} over ${chaos.draws} calls, ${realThrottles} real throttles`,
    );

    // Shopify calms down; the app finishes what it started (leases expire, the worker retries).
    env.simulator.chaos({ p: 0 });
    const settled = await waitForSettled({ db: env.db, shop: env.app.shop, timeoutMs: SETTLE_TIMEOUT_MS, log });
    log(`settled: ${settled.settled} after ${Math.round(settled.waitedMs / 1000)} s ${JSON.stringify(settled.last)}`);
    await Promise.all(all().map((p) => p.stop(10_000)));

    const evidence = await collectEvidence({
      db: env.db,
      shop: env.app.shop,
      simulatorUrl: env.simulator.url,
      emails: env.smtp.messages,
      sms: env.sms.messages,
    });
    const report: FaultReport = verify({ results, evidence });
    fs.writeFileSync(
      path.join(env.dir, "report.json"),
      JSON.stringify(
        {
          seed: SEED,
          actions: ACTIONS,
          database: env.database.provider,
          instances: INSTANCES,
          wallMs: Date.now() - t0,
          kills: killRecords,
          chaos,
          realThrottles,
          settled,
          report,
          results,
        },
        null,
        1,
      ),
    );
    log(`report (seed ${SEED}, details in ${path.join(env.dir, "report.json")}):\n${summarize(report)}`);

    // The faults really happened.
    expect(killRecords.filter((k) => k.name.startsWith("web")).length, "web killed").toBeGreaterThan(0);
    expect(killRecords.filter((k) => k.name.startsWith("worker")).length, "worker killed").toBeGreaterThan(0);
    expect(
      Object.values(chaos.fired).reduce((n, k) => n + (k ?? 0), 0),
      "Admin API faults",
    ).toBeGreaterThan(0);
    expect(await failedDeliveries(env.db), "deliveries that failed (the SMTP outage)").toBeGreaterThan(0);

    // The client got through (retrying), and the app finished.
    expect(report.actions.accepted, "actions accepted").toBeGreaterThan(ACTIONS * 0.8);
    expect(settled.settled, `settled within ${SETTLE_TIMEOUT_MS} ms`).toBe(true);

    // Nothing lost, nothing applied or sent twice, nothing inconsistent.
    const problems = (kinds: string[]) => report.problems.filter((p) => kinds.includes(p.kind));
    expect(problems(["REQUEST_LOST", "NOT_FINAL", "APPLIED_NOT_IN_SHOPIFY"]), "requests lost").toEqual([]);
    expect(problems(["APPLIED_TWICE", "HELD_TWICE", "DUPLICATE_REQUEST"]), "applied twice").toEqual([]);
    expect(problems(["IN_SHOPIFY_NOT_RECORDED", "WRONG_OUTCOME", "HOLD_LEFT", "FAILED"]), "inconsistent").toEqual([]);
    expect(problems(["NOTIFICATION_NEVER_QUEUED", "NOTIFICATION_LOST"]), "notifications lost").toEqual([]);
    expect(problems(["UNEXPECTED_MESSAGE"]), "notifications that should not exist").toEqual([]);
    // An email the SMTP server accepted just before its worker was SIGKILLed, and not yet recorded, is sent
    // again with the same Message-ID: SMTP has no idempotency key. Such repeats are counted in the
    // report (notifications.deliveredTwice) and allowed only when a worker was killed; SMS and Flow must not
    // repeat, and nothing may repeat without a worker kill.
    const twice = problems(["NOTIFICATION_SENT_TWICE"]);
    const workerKills = killRecords.filter((k) => k.name.startsWith("worker")).length;
    expect(
      twice.filter((p) => !p.detail.startsWith("EMAIL ")),
      "SMS or Flow triggers sent twice",
    ).toEqual([]);
    if (workerKills === 0) expect(twice, "emails sent twice without a worker kill").toEqual([]);
    if (twice.length)
      console.log(`[faults] ${twice.length} email(s) repeated after a worker SIGKILL (same Message-ID)`);
  });
});
