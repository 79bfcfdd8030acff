/**
 * Starts what the hostile suite attacks, once per run: the production web process (`node scripts/serve.mjs` on
 * `npm run build`'s output, rebuilt when stale, RUN_WORKER=1) with a SQLite database of its own, the Admin API
 * simulator over the suite's store, and the SMTP / SMS sinks (tests/faults/lib/environment.ts). The sinks live in
 * this process: a small HTTP endpoint (`sinksUrl`) lets the test files read what they received.
 *
 *   HOSTILE_DIR=/tmp/x   where the database, web.log and responses.jsonl go (default: a temp dir, printed)
 *   HOSTILE_BUILD=never  use build/ as it is (default: rebuild when older than app/)
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT, ensureBuild, startFaultEnvironment, type FaultEnvironment } from "../../faults/lib/environment";
import { SupervisedProcess, httpAnswers } from "../../faults/lib/supervisor";
import type { HostileContext } from "./context";
import { buildHostileStore } from "./store";
import { seedDemo } from "../../../demo/launcher/database";

const VICTIM_SHOP = "hostile-victim.myshopify.com";

const log = (line: string) => console.log(`[hostile] ${line}`);

export default async function setup(project: TestProject) {
  const dir = process.env.HOSTILE_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "amend-hostile-"));
  fs.mkdirSync(dir, { recursive: true });
  await ensureBuild(log, process.env.HOSTILE_BUILD === "never" ? "never" : "auto");
  const { store, orders, slots } = buildHostileStore();
  let env: FaultEnvironment | undefined;
  let web: SupervisedProcess | undefined;
  let sinks: http.Server | undefined;
  const teardown = async () => {
    await web?.stop(5_000);
    await new Promise((resolve) => (sinks ? sinks.close(resolve) : resolve(undefined)));
    await env?.close();
  };
  try {
    env = await startFaultEnvironment({ orders: orders.length, log, dir, store: { store, orders } });
    // A second installed shop for what may erase a shop's data (a misrouted shop/redact): the attacked shop stays whole.
    await seedDemo(env.db, {
      shop: VICTIM_SHOP,
      store: env.simulator.store.snapshot() as never,
      assetsOrigin: "http://127.0.0.1:9",
    });
    const logFile = path.join(dir, "web.log");
    web = new SupervisedProcess({
      name: "web",
      args: [path.join(ROOT, "scripts/serve.mjs")],
      cwd: ROOT,
      env: { ...env.appEnv, RUN_WORKER: "1", JOBS_INTERVAL_MS: "1000", SHUTDOWN_GRACE_MS: "3000" },
      logFile,
      ready: httpAnswers(`${env.appUrl}/healthz`),
      readyTimeoutMs: 60_000,
    });
    sinks = http.createServer((req, res) => {
      const found = req.url === "/emails" ? env!.smtp.messages : req.url === "/sms" ? env!.sms.messages : null;
      res.writeHead(found ? 200 : 404, { "Content-Type": "application/json" }).end(JSON.stringify(found ?? {}));
    });
    await new Promise<void>((resolve) => sinks!.listen(0, "127.0.0.1", resolve));
    await web.start();
    const context: HostileContext = {
      dir,
      appUrl: env.appUrl,
      simulatorUrl: env.simulator.url,
      sinksUrl: `http://127.0.0.1:${(sinks.address() as { port: number }).port}`,
      databaseUrl: env.database.url,
      app: env.app,
      victimShop: VICTIM_SHOP,
      slots,
      logFile,
    };
    project.provide("hostile", context);
    log(`web process on ${env.appUrl}; database, web.log and responses.jsonl in ${dir}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
