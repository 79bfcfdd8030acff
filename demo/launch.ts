/**
 * `npm run demo`: the whole product offline — the app, the Admin API simulator, the SMTP and SMS sinks, the
 * extension preview — in one process. Prints the URLs and waits; Ctrl-C stops everything.
 *
 * Environment: PORT (app, 3000), DEMO_PREVIEW_PORT (extension preview, PORT+1), SHOPIFY_API_KEY,
 * SHOPIFY_API_SECRET, DEMO_STORE (store file), DEMO_DATABASE_URL (file:prisma/demo.db),
 * DEMO_BUILD (auto | never | always).
 */
import { PortInUseError } from "./launcher/http";
import { startDemo, type Demo } from "./launcher/start";

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name}=${raw} is not a port number (0–65535).`);
    process.exit(1);
  }
  return port;
}

const port = portFrom("PORT", 3000);
const previewPort = portFrom("DEMO_PREVIEW_PORT", port === 0 ? 0 : port + 1);
const build = process.env.DEMO_BUILD as "auto" | "never" | "always" | undefined;

let demo: Demo | null = null;
let stoppingSince = 0;
async function stop(signal: string) {
  if (stoppingSince) {
    // npm forwards the Ctrl-C the terminal already sent us: the same signal within a moment is that copy.
    if (Date.now() - stoppingSince < 1000) return;
    console.error(`\n${signal} again: exiting without waiting.`);
    process.exit(1);
  }
  stoppingSince = Date.now();
  console.log(`\n[demo] ${signal}: stopping the app, the worker, the simulator and the sinks…`);
  const timer = setTimeout(() => {
    console.error("[demo] still stopping after 10 s: exiting anyway.");
    process.exit(1);
  }, 10_000);
  timer.unref();
  await demo?.close();
  console.log("[demo] stopped.");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

try {
  demo = await startDemo({
    port,
    previewPort,
    apiKey: process.env.SHOPIFY_API_KEY || undefined,
    apiSecret: process.env.SHOPIFY_API_SECRET || undefined,
    storeFile: process.env.DEMO_STORE || undefined,
    databaseUrl: process.env.DEMO_DATABASE_URL || undefined,
    build: build && ["auto", "never", "always"].includes(build) ? build : "auto",
  });
  if (stoppingSince) await new Promise(() => undefined);
  const store = demo.simulator.store;
  const pad = (s: string) => s.padEnd(48);
  console.log(`
Amend demo is ready in ${(demo.startupMs / 1000).toFixed(1)} s — ${String(store.shop.name)} (${demo.shop}), store ${store.source}

  Merchant admin  ${pad(demo.urls.inbox)} the request inbox; also /app, /app/withdrawals, /app/settings, /app/notifications
  Extensions      ${pad(demo.urls.preview)} the real extensions as ${store.customers.map((c) => `${c.firstName} (${c.locale})`).join(" or ")} see them
  Storefront      ${pad(demo.urls.storefront)} the store, no login: "Withdraw from contract here" on every page
  Mailbox         ${pad(demo.urls.mailbox)} every email and SMS the app sent
  Store state     ${pad(demo.urls.state)} the orders as Shopify (the simulator) now holds them

Try it: in the extension preview, change the address of an eligible order, request a cancellation, then approve
or reject it in the merchant inbox or on the admin order page — the mailbox and the store state show what happened.
Ctrl-C stops everything.`);
} catch (error) {
  if (error instanceof PortInUseError) console.error(`\nCannot start the demo: ${error.message}`);
  else console.error("\nCannot start the demo:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
