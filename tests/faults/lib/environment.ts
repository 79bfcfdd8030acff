/**
 * Everything the fault suite runs against, except the app's own processes: a fresh database (migrated and seeded
 * like the demo's), the Admin API simulator over a generated store, and the SMTP / SMS sinks — all in the test
 * process, which is never killed. `appEnv` is the environment the web and worker processes get, with the variable
 * names demo/launcher/start.ts sets.
 *
 * The database: a SQLite file in the run's folder by default; with a postgresql:// `serverUrl` (the suite's
 * DATABASE_URL), a database of its own on that server, `amend_faults_<pid>`, migrated with `prisma migrate deploy`
 * and dropped by `close()` unless `keep`.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT, buildApp, buildStaleReason } from "../../../demo/launcher/app-server";
import type { PrismaClient } from "@prisma/client";
import { migrate, seedDemo } from "../../../demo/launcher/database";
import { startSimulator, type Simulator } from "../../../demo/simulator/server";
import { startSmsSink, type SmsSink } from "../../../demo/sms-sink/server";
import { startSmtpSink, type SmtpSink } from "../../../demo/smtp-sink/server";
import { createDatabase, dropDatabase, isPostgres, withDatabase } from "../../setup/postgres";
import { buildFaultStore, type FaultOrder } from "./store";
import type { AppCredentials } from "./tokens";

export interface FaultDatabase {
  provider: "sqlite" | "postgresql";
  /** The app's DATABASE_URL. */
  url: string;
  /** SQLite: the file; PostgreSQL: the database's name. */
  where: string;
}

export interface FaultEnvironment {
  dir: string;
  database: FaultDatabase;
  /** A Prisma client on the run's database (the suite's reads: settle, verify); disconnected by `close()`. */
  db: PrismaClient;
  app: AppCredentials;
  /** One port and origin per web instance; `appUrl` is the first (SHOPIFY_APP_URL, as behind a load balancer). */
  appPorts: number[];
  appUrls: string[];
  appUrl: string;
  orders: FaultOrder[];
  simulator: Simulator;
  smtp: SmtpSink;
  sms: SmsSink;
  /** The environment of the app's processes (web and worker); a web instance's PORT is in `appPorts`. */
  appEnv: Record<string, string | undefined>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Builds the app when build/ is missing or older than the sources (demo/launcher's rule); `mode` "never" uses
 * build/ as it is (fails if missing), "always" rebuilds.
 */
export async function ensureBuild(
  log: (line: string) => void,
  mode: "auto" | "never" | "always" = "auto",
): Promise<void> {
  if (mode === "never") {
    if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) throw new Error("no build/: run `npm run build`");
    return;
  }
  const reason = mode === "always" ? "asked for" : buildStaleReason();
  if (!reason) return;
  log(`building the app (${reason})`);
  await buildApp(log);
}

/**
 * A copy of the production build and the two entry scripts in `dir` (node_modules linked), so that a rebuild of
 * build/ during the run (another `npm run build` in the same checkout) cannot pull the files from under a restart.
 * Returns the folder holding scripts/serve.mjs and scripts/worker.mjs.
 */
export function snapshotApp(dir: string): string {
  const target = path.join(dir, "app-snapshot");
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.join(target, "scripts"), { recursive: true });
  for (const script of ["serve.mjs", "worker.mjs"]) {
    fs.copyFileSync(path.join(ROOT, "scripts", script), path.join(target, "scripts", script));
  }
  fs.cpSync(path.join(ROOT, "build/server"), path.join(target, "build/server"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(target, "package.json")); // "type": "module"
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(target, "node_modules"), "dir");
  return target;
}

/** `prisma migrate deploy` on a PostgreSQL database (the provider's schema and migrations: prisma.config.ts). */
function migratePostgres(url: string, log: (line: string) => void): Promise<void> {
  log("migrating the PostgreSQL database");
  return new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`prisma migrate deploy failed:\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
}

export async function startFaultEnvironment(input: {
  orders: number;
  log: (line: string) => void;
  /** Default: a new folder under the OS temp dir (kept: logs and the report stay there). */
  dir?: string;
  /** A postgresql:// server URL: run on a database of its own there. Otherwise (default) SQLite. */
  serverUrl?: string;
  /** PostgreSQL: keep the run's database (default: dropped by `close()`). */
  keep?: boolean;
  /** How many web instances (ports) to prepare (default 1). */
  instances?: number;
  /** The store file and its orders (default: `buildFaultStore(orders)`). */
  store?: { store: Record<string, unknown>; orders: FaultOrder[] };
}): Promise<FaultEnvironment> {
  const dir = input.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "amend-faults-"));
  fs.mkdirSync(dir, { recursive: true });
  const postgres = isPostgres(input.serverUrl ?? "");
  const pgName = `amend_faults_${process.pid}`;
  const database: FaultDatabase = postgres
    ? { provider: "postgresql", url: withDatabase(input.serverUrl!, pgName), where: pgName }
    : { provider: "sqlite", url: `file:${path.join(dir, "faults.db")}`, where: path.join(dir, "faults.db") };
  const databaseUrl = database.url;
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    const { store, orders } = (input.store ?? buildFaultStore(input.orders)) as ReturnType<typeof buildFaultStore>;
    fs.writeFileSync(path.join(dir, "store.json"), JSON.stringify(store, null, 1));
    const app: AppCredentials = {
      shop: store.shop.myshopifyDomain,
      apiKey: "amend-faults-client-id",
      apiSecret: "amend-faults-client-secret",
    };
    let migrating: Promise<void>;
    if (postgres) {
      await dropDatabase(input.serverUrl!, pgName); // a previous run of this pid, kept
      await createDatabase(input.serverUrl!, pgName);
      if (input.keep) input.log(`FAULTS_KEEP: the database ${pgName} stays after the run`);
      else cleanups.push(() => dropDatabase(input.serverUrl!, pgName));
      migrating = migratePostgres(databaseUrl, input.log);
    } else {
      migrating = migrate(databaseUrl, input.log);
    }
    migrating.catch(() => undefined); // awaited below

    const previousKey = process.env.SHOPIFY_API_KEY;
    process.env.SHOPIFY_API_KEY = app.apiKey; // the simulator names the app holding holds after it
    const simulator = await startSimulator({ store, port: 0 });
    if (previousKey === undefined) delete process.env.SHOPIFY_API_KEY;
    else process.env.SHOPIFY_API_KEY = previousKey;
    cleanups.push(() => simulator.close());
    const smtp = await startSmtpSink({ port: 0 });
    cleanups.push(() => smtp.close());
    const sms = await startSmsSink({ port: 0 });
    cleanups.push(() => sms.close());

    await migrating;
    const { createPrismaClient } = await import("~/db.server");
    const db = createPrismaClient(databaseUrl);
    cleanups.push(() => db.$disconnect());
    await seedDemo(db, {
      shop: app.shop,
      store: simulator.store.snapshot() as never,
      assetsOrigin: "http://127.0.0.1:9",
    });

    const appPorts: number[] = [];
    while (appPorts.length < (input.instances ?? 1)) {
      const port = await freePort();
      if (!appPorts.includes(port)) appPorts.push(port);
    }
    const appUrls = appPorts.map((port) => `http://127.0.0.1:${port}`);
    const [appPort, appUrl] = [appPorts[0], appUrls[0]];
    const appEnv: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: "production",
      PORT: String(appPort),
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: app.apiKey,
      SHOPIFY_API_SECRET: app.apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SHOPIFY_ADMIN_API_ORIGIN: simulator.url,
      DATABASE_URL: databaseUrl,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: "false",
      SMTP_FROM: `notifications@${app.shop}`,
      SMS_API_URL: sms.url,
      SMS_ACCOUNT_SID: sms.accountSid,
      SMS_AUTH_TOKEN: sms.authToken,
      SMS_FROM: "+33700000000",
      LOG_LEVEL: "info",
    };
    return { dir, database, db, app, appPorts, appUrls, appUrl, orders, simulator, smtp, sms, appEnv, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export { ROOT };
