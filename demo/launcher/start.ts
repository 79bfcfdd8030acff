import path from "node:path";
import { startSmsSink, type SmsSink } from "../sms-sink/server";
import { startSmtpSink, type SmtpSink } from "../smtp-sink/server";
import { startSimulator, type Simulator } from "../simulator/server";
import { buildExtensions, bundlesStaleReason } from "../preview/extensions";
import { startPreviewServer } from "../preview/server";
import { ROOT, buildApp, buildStaleReason, startAppServer, type AppServer } from "./app-server";
import { migrate, seedDemo, sqlitePath } from "./database";
import { closeServer } from "./http";

/** Defaults for the demo only: a real app takes its own from the Partner Dashboard. */
export const DEMO_API_KEY = "amend-demo-client-id";
export const DEMO_API_SECRET = "amend-demo-client-secret-not-for-production";

export interface DemoOptions {
  /** The app's port (PORT, default 3000). */
  port?: number;
  /** The extension preview's port (DEMO_PREVIEW_PORT, default port + 1). */
  previewPort?: number;
  apiKey?: string;
  apiSecret?: string;
  /** The store file (DEMO_STORE, default demo/store.json). */
  storeFile?: string;
  /** The demo's SQLite database (DEMO_DATABASE_URL, default file:prisma/demo.db). */
  databaseUrl?: string;
  /** "auto" (default): build the app and the extensions when missing or older than their sources; "never"; "always". */
  build?: "auto" | "never" | "always";
  /** How often the deadline / stalled-request / webhook jobs run (ms). */
  jobsIntervalMs?: number;
  log?: (line: string) => void;
}

export interface Demo {
  appUrl: string;
  previewUrl: string;
  simulatorUrl: string;
  shop: string;
  urls: { admin: string; inbox: string; preview: string; storefront: string; mailbox: string; state: string };
  /** ms from startDemo() to ready. */
  startupMs: number;
  steps: Record<string, number>;
  smtp: SmtpSink;
  sms: SmsSink;
  simulator: Simulator;
  close(): Promise<void>;
}

/**
 * Starts the whole product offline in this process: the Admin API simulator, the SMTP and SMS sinks, the demo
 * database (migrated and seeded), the app (production build, in-process), the extension preview (the extensions'
 * bundles, built when missing or stale), the outbox worker and the periodic jobs. `close()` stops all of it.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const t0 = performance.now();
  const steps: Record<string, number> = {};
  let mark = t0;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - mark);
    mark = now;
  };
  const log = options.log ?? ((line: string) => console.log(`[demo] ${line}`));
  const port = options.port ?? 3000;
  const previewPort = options.previewPort ?? (port === 0 ? 0 : port + 1);
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  const apiSecret = options.apiSecret ?? DEMO_API_SECRET;
  const storeFile = path.resolve(options.storeFile ?? path.join(ROOT, "demo/store.json"));
  const databaseUrl = `file:${sqlitePath(options.databaseUrl ?? "file:prisma/demo.db")}`;

  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((e: Error) => console.error(`[demo] stopping: ${e.message}`));
    cleanups.length = 0;
  };

  try {
    // The build (when needed) and the migration run while the servers start.
    const staleReason =
      options.build === "always" ? "asked for" : options.build === "never" ? null : buildStaleReason();
    if (staleReason) log(`building the app (${staleReason}): about 15 s, once`);
    const building = staleReason ? buildApp(log) : Promise.resolve();
    const migrating = migrate(databaseUrl, log);
    // the extensions' bundles, as `shopify app build` writes them, for the preview (about 6 s when stale)
    const bundlesStale =
      options.build === "always" ? "asked for" : options.build === "never" ? null : bundlesStaleReason();
    if (bundlesStale) log(`building the extensions (${bundlesStale}): shopify app build, 6–13 s`);
    const bundles = bundlesStale ? buildExtensions(log) : Promise.resolve();
    building.catch(() => undefined);
    migrating.catch(() => undefined);
    bundles.catch(() => undefined);

    process.env.SHOPIFY_API_KEY = apiKey; // the simulator names the app holding holds after it
    const simulator = await startSimulator({ storeFile, port: 0 });
    cleanups.push(() => simulator.close());
    const smtp = await startSmtpSink({ port: 0 });
    cleanups.push(() => smtp.close());
    const sms = await startSmsSink({ port: 0 });
    cleanups.push(() => sms.close());
    // An address and a number that are refused, as a mail server and an SMS provider refuse them: a staff test message
    // or a customer's code sent there shows a failed delivery (docs/notifications.md#deliveries-that-did-not-arrive).
    smtp.rejectRecipients(["refused@example.com"]);
    sms.undeliverable(["+33100000000"]);
    const shop = simulator.store.shop.myshopifyDomain as string;
    step("simulator and sinks");

    // Listen first (a port in use fails in a second); the build is imported once the environment is set.
    let environmentSet!: () => void;
    const configured = new Promise<void>((resolve) => (environmentSet = resolve));
    const app: AppServer = await startAppServer({
      port,
      variable: "PORT",
      built: configured.then(() => Promise.all([building, migrating])).then(() => undefined),
    });
    cleanups.push(() => closeServer(app.server));
    const appUrl = app.url;
    const preview = await startPreviewServer({
      port: previewPort,
      variable: "DEMO_PREVIEW_PORT",
      appUrl,
      shop,
      shopName: String(simulator.store.shop.name),
      apiKey,
      apiSecret,
      simulatorUrl: simulator.url,
      customers: simulator.store.customers as Record<string, unknown>[],
      smtp,
      sms,
      bundles,
    });
    cleanups.push(() => preview.close());

    // The app reads its configuration from the environment, once, when its modules load.
    Object.assign(process.env, {
      // Not "production": the admin pages use the demo shop's session only outside production (app/admin/auth.server.ts).
      NODE_ENV: "development",
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SHOPIFY_ADMIN_API_ORIGIN: simulator.url,
      DEMO_MODE: "true",
      DEMO_SHOP: shop,
      DEMO_MAILBOX_URL: preview.mailboxUrl,
      DATABASE_URL: databaseUrl,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: "false",
      SMTP_FROM: `notifications@${shop}`,
      SMS_API_URL: sms.url,
      SMS_ACCOUNT_SID: sms.accountSid,
      SMS_AUTH_TOKEN: sms.authToken,
      SMS_FROM: "+33700000000",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    });
    for (const key of ["SMTP_USER", "SMTP_PASSWORD", "SCOPES", "SHOP_CUSTOM_DOMAIN"]) delete process.env[key];

    environmentSet();

    await migrating;
    step("database migrated");
    const { prisma } = await import("~/db.server");
    cleanups.push(() => prisma.$disconnect());
    const seeded = await seedDemo(prisma, {
      shop,
      store: simulator.store.snapshot() as never,
      assetsOrigin: preview.url,
    });
    step("database seeded");

    await app.ready;
    step("app built and loaded");
    await bundles;
    step("extensions built");

    // The outbox worker (emails and SMS to the sinks) and the periodic jobs, as an app instance runs them.
    const { startBackgroundWork } = await import("~/background.server");
    const background = await startBackgroundWork({
      appUrl,
      jobsIntervalMs: options.jobsIntervalMs ?? 15_000,
      workerId: `demo:${process.pid}`,
      pollIntervalMs: 250,
      // the sinks answer at once: a failure is worth retrying soon in a demo
      backoff: { baseMs: 2_000, maxMs: 60_000 },
      log: {
        info: (fields, message) => console.log(`[demo] ${message}: ${JSON.stringify(fields)}`),
        warn: (fields, message) => console.warn(`[demo] ${message}: ${JSON.stringify(fields)}`),
        error: ({ err }, message) => console.error(`[demo] ${message}:`, err),
      },
    });
    cleanups.push(() => background.stop());
    step("worker and jobs");

    const startupMs = Math.round(performance.now() - t0);
    if (seeded.requests.length) log(`seeded: ${seeded.requests.join(", ")}`);
    return {
      appUrl,
      previewUrl: preview.url,
      simulatorUrl: simulator.url,
      shop,
      urls: {
        admin: `${appUrl}/app`,
        inbox: `${appUrl}/app/requests`,
        preview: preview.url,
        storefront: `${preview.url}/store`,
        mailbox: `${appUrl}/demo/mailbox`,
        state: `${appUrl}/demo/state`,
      },
      startupMs,
      steps,
      smtp,
      sms,
      simulator,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
