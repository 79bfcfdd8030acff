// Webhook acknowledgement latency: 100 concurrent signed deliveries (10% needing work) to the real orders/updated route vs a bare
// route that answers 200, same server, same run. Target: p99 ≤ 2× the bare route.
// Run: npx tsx bench/webhooks.bench.ts
import { freshBenchDb } from "./lib/bench-db";
import { loadTest, percentile, printTable } from "./lib/stats";
import { serveRoutes } from "./lib/route-server";

freshBenchDb("webhooks");
const { API_KEY, API_SECRET_KEY, getHmac } = await import("@shopify/shopify-api/test-helpers");
process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET_KEY;
process.env.SHOPIFY_APP_URL = "https://amend.example.com";
const { action: ordersUpdated } = await import("../app/routes/webhooks.orders.updated");
const { prisma } = await import("../app/db.server");
const { authenticate } = await import("../app/shopify.server");

const CONCURRENCY = 100;
const TOTAL = 3000;
const server = await serveRoutes([
  { method: "POST", pattern: /^\/bare$/, handler: async () => new Response(null, { status: 200 }) },
  // the library's HMAC verification and nothing else: where the acknowledgement's time goes
  {
    method: "POST",
    pattern: /^\/verify-only$/,
    handler: async ({ request }) => {
      await authenticate.webhook(request);
      return new Response(null, { status: 200 });
    },
  },
  { method: "POST", pattern: /^\/webhooks\/orders\/updated$/, handler: ordersUpdated as never },
]);

let seq = 0;
function delivery(path: string) {
  const id = ++seq;
  // one delivery in ten is an order fulfilled elsewhere (stored, processed after the answer); the rest are
  // ordinary edits, which is what most orders/updated traffic is
  const fulfilled = id % 10 === 0;
  const body = JSON.stringify({
    id: 5_000_000 + id,
    cancelled_at: null,
    fulfillment_status: fulfilled ? "fulfilled" : null,
    name: `#${id}`,
  });
  return fetch(`${server.url}${path}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": getHmac(body, API_SECRET_KEY),
      "X-Shopify-Shop-Domain": "amend-demo.myshopify.com",
      "X-Shopify-Topic": "orders/updated",
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": `wh-${id}`,
      "X-Shopify-Event-Id": `ev-${id}`,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  }).then(async (res) => {
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  });
}

const run = (path: string, total: number) => loadTest(total, CONCURRENCY, () => delivery(path));
await run("/bare", 500);
await run("/webhooks/orders/updated", 500);
// Interleaved rounds (bare, verify-only, real, bare, …) so drift on a shared machine — another process, a GC
// pause, the file system — lands on every side alike.
const ROUNDS = 6;
const bare: number[] = [];
const verifyOnly: number[] = [];
const real: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  bare.push(...(await run("/bare", TOTAL / ROUNDS)));
  verifyOnly.push(...(await run("/verify-only", TOTAL / ROUNDS)));
  real.push(...(await run("/webhooks/orders/updated", TOTAL / ROUNDS)));
}

const row = (figure: string, p: number, target: string, limit: number | null) => {
  const value = percentile(real, p);
  const baseline = percentile(bare, p);
  const ratio = value / baseline;
  return {
    figure,
    value: `${value.toFixed(2)} ms`,
    baseline: `${baseline.toFixed(2)} ms`,
    ratio: `${ratio.toFixed(2)}×`,
    target,
    met: (limit === null || ratio <= limit ? "yes" : "no") as "yes" | "no",
  };
};
const stored = await prisma.webhookDelivery.count();
printTable(`webhook acknowledgement — ${TOTAL} deliveries, ${CONCURRENCY} concurrent, node ${process.version}`, [
  row("orders/updated ack p50", 50, "—", null),
  row("orders/updated ack p99", 99, "≤ 2×", 2),
  {
    figure: "library HMAC verification only, p99",
    value: `${percentile(verifyOnly, 99).toFixed(2)} ms`,
    baseline: `${percentile(bare, 99).toFixed(2)} ms`,
    ratio: `${(percentile(verifyOnly, 99) / percentile(bare, 99)).toFixed(2)}×`,
    target: "(for reference)",
    met: "yes",
  },
  {
    figure: "deliveries stored and processed",
    value: `${stored}`,
    baseline: "—",
    ratio: "—",
    target: `(for reference: one in ten of ${TOTAL + 500})`,
    met: "yes",
  },
]);
console.log(`deliveries stored and processed: ${stored} (one in ten of ${TOTAL + 500})`);
await server.close();
await prisma.$disconnect();
process.exit(0);
