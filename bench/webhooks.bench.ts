// Webhook acknowledgement latency: 100 concurrent signed deliveries (10% fulfilled orders, 1% with an open request to supersede) to the real orders/updated route vs a bare
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

const SHOP = "amend-demo.myshopify.com";
// The delivery mix: one in ten is an order fulfilled elsewhere, the rest ordinary edits (what most orders/updated
// traffic is); one in a hundred is a fulfilled order with an open request, which the delivery supersedes (stored,
// processed after the answer, in this process). Requests are seeded ahead for those order ids.
const FULFILLED_EVERY = 10;
const OPEN_REQUEST_EVERY = 100;
const MAX_DELIVERIES = 20_000;
await prisma.changeRequest.createMany({
  data: Array.from({ length: MAX_DELIVERIES / OPEN_REQUEST_EVERY }, (_, i) => {
    const orderId = String(5_000_000 + (i + 1) * OPEN_REQUEST_EVERY);
    return {
      shop: SHOP,
      kind: "CANCELLATION",
      status: "PENDING",
      orderId,
      orderName: `#${(i + 1) * OPEN_REQUEST_EVERY}`,
      customerId: "7",
      payload: JSON.stringify({ reason: "CHANGED_MIND", note: null }),
      settingsVersion: 0,
      idempotencyKey: `bench-${orderId}`,
      openKey: `${SHOP}|${orderId}|CANCELLATION`,
    };
  }),
});

const CONCURRENCY = 100;
const TOTAL = 6000;
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
let expectedStored = 0;
function delivery(path: string) {
  const id = ++seq;
  if (id > MAX_DELIVERIES) throw new Error("more deliveries than seeded order ids: raise MAX_DELIVERIES");
  if (path === "/webhooks/orders/updated" && id % OPEN_REQUEST_EVERY === 0) expectedStored++;
  const fulfilled = id % FULFILLED_EVERY === 0;
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
      "X-Shopify-Shop-Domain": SHOP,
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
const ROUNDS = 12;
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
// the work after the answer: wait for it to finish (bounded), then count what it did
let stored = 0;
for (let i = 0; i < 100 && stored < expectedStored; i++) {
  stored = await prisma.webhookDelivery.count({ where: { status: "PROCESSED" } });
  if (stored < expectedStored) await new Promise((r) => setTimeout(r, 50));
}
const superseded = await prisma.changeRequest.count({ where: { status: "SUPERSEDED" } });
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
    figure: "deliveries stored and processed (an open request superseded)",
    value: `${stored}, ${superseded} superseded`,
    baseline: "—",
    ratio: "—",
    target: `${expectedStored} of ${TOTAL + 500}`,
    met: stored === expectedStored && superseded === expectedStored ? "yes" : "no",
  },
]);
console.log(
  `deliveries stored and processed: ${stored}, requests superseded: ${superseded}, expected ${expectedStored}`,
);
await server.close();
await prisma.$disconnect();
process.exit(0);
