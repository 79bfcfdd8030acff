// GET /api/customer/orders/:id/options at 50 concurrent customers, through the real route (token verification,
// Admin API call to the simulator in its own process, database, rules), next to a bare route that only
// authenticates, same server, same run; with the app process's peak memory.
// Targets: options p99 ≤ 50 ms and ≤ 3× the bare route.   Run: npx tsx bench/options-latency.bench.ts
import fs from "node:fs";
import path from "node:path";
import { freshBenchDb } from "./lib/bench-db";
import { startChild } from "./lib/child";
import { serveRoutes } from "./lib/route-server";
import { loadTest, percentile, printTable } from "./lib/stats";

freshBenchDb("options");
// 50 customers, each with an order like the demo's eligible #1001 (distinct customers: distinct rate-limit keys)
const demo = JSON.parse(fs.readFileSync("demo/store.json", "utf8"));
const template = demo.orders.find((o: { name: string }) => o.name === "#1001");
const CUSTOMERS = 50;
demo.customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
  ...demo.customers[0],
  id: `gid://shopify/Customer/${8000 + i}`,
  email: `c${i}@example.com`,
}));
// each copy gets its own ids (the simulator refuses duplicates), products and variants stay shared
const copy = (i: number) =>
  JSON.parse(
    JSON.stringify(template).replace(/gid:\/\/shopify\/(\w+)\/(\d+)/g, (id, type: string, n: string) =>
      ["Customer", "Product", "ProductVariant"].includes(type)
        ? id
        : `gid://shopify/${type}/${n}${String(i).padStart(3, "0")}`,
    ),
  );
demo.orders = Array.from({ length: CUSTOMERS }, (_, i) => ({
  ...copy(i),
  id: `gid://shopify/Order/${6000 + i}`,
  name: `#${6000 + i}`,
  customer: { id: `gid://shopify/Customer/${8000 + i}` },
}));
const storeFile = path.resolve(`.cache/bench/store-${process.pid}.json`);
fs.writeFileSync(storeFile, JSON.stringify(demo));
// Shopify Plus-sized bucket: this measures the app, not the shop's rate limit.
const sim = await startChild("bench/lib/simulator-process.ts", ["100000", "10000", storeFile]);
const { API_KEY, API_SECRET_KEY, getJwt } = await import("@shopify/shopify-api/test-helpers");
Object.assign(process.env, {
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET_KEY,
  SHOPIFY_APP_URL: "https://amend.example.com",
  SHOPIFY_ADMIN_API_ORIGIN: sim.url,
});
const { loader: options } = await import("../app/routes/api.customer.orders.$orderId.options");
const { authenticate, sessionStorage } = await import("../app/shopify.server");
const { Session } = await import("@shopify/shopify-api");
const { prisma } = await import("../app/db.server");
const SHOP = "amend-demo.myshopify.com";
// the library refuses bot user agents (410), as it would a crawler
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
await sessionStorage.storeSession(
  new Session({
    id: `offline_${SHOP}`,
    shop: SHOP,
    state: "x",
    isOnline: false,
    accessToken: "shpat_bench",
    scope: "read_orders",
  }),
);

const server = await serveRoutes([
  {
    method: "GET",
    pattern: /^\/bare$/,
    handler: async ({ request }) => {
      const { cors } = await authenticate.public.customerAccount(request);
      return cors(new Response("{}", { headers: { "Content-Type": "application/json" } }));
    },
  },
  { method: "GET", pattern: /^\/api\/customer\/orders\/(?<orderId>\d+)\/options$/, handler: options as never },
]);

const tokens = await Promise.all(
  Array.from({ length: CUSTOMERS }, (_, i) =>
    getJwt("amend-demo", API_KEY, API_SECRET_KEY, { sub: `gid://shopify/Customer/${8000 + i}`, jti: `c${i}` }),
  ),
);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const hit = (path: (i: number) => string) => (i: number) =>
  fetch(`${server.url}${path(i)}`, {
    headers: { Authorization: `Bearer ${tokens[i % CUSTOMERS].token}`, "Accept-Language": "fr", "User-Agent": BROWSER },
  }).then(async (res) => {
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path(i)} answered ${res.status}`);
  });
const bareCall = hit(() => "/bare");
const optionsCall = hit((i) => `/api/customer/orders/${6000 + (i % CUSTOMERS)}/options`);

const TOTAL = 2000;
await loadTest(500, 50, bareCall);
await loadTest(500, 50, optionsCall);
// Interleaved rounds (bare, options, bare, …) so drift on a shared machine — another process, a GC pause —
// lands on both sides alike.
const ROUNDS = 8;
const bare: number[] = [];
const real: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  bare.push(...(await loadTest(TOTAL / ROUNDS, 50, bareCall)));
  real.push(...(await loadTest(TOTAL / ROUNDS, 50, optionsCall)));
}
clearInterval(sampler);

const p = (xs: number[], q: number) => percentile(xs, q);
printTable(
  `GET options — ${TOTAL} calls, 50 concurrent customers, simulator in its own process, node ${process.version}`,
  [
    {
      figure: "options p50",
      value: `${p(real, 50).toFixed(1)} ms`,
      baseline: `${p(bare, 50).toFixed(1)} ms`,
      ratio: `${(p(real, 50) / p(bare, 50)).toFixed(2)}×`,
      target: "—",
      met: "yes",
    },
    {
      figure: "options p99",
      value: `${p(real, 99).toFixed(1)} ms`,
      baseline: `${p(bare, 99).toFixed(1)} ms`,
      ratio: `${(p(real, 99) / p(bare, 99)).toFixed(2)}×`,
      target: "≤ 50 ms and ≤ 3×",
      met: p(real, 99) <= 50 && p(real, 99) / p(bare, 99) <= 3 ? "yes" : "no",
    },
    {
      figure: "app process peak RSS",
      value: `${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
      baseline: "—",
      ratio: "—",
      target: "(for reference)",
      met: "yes",
    },
  ],
);
console.log(`app process peak RSS during the run: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
await server.close();
await prisma.$disconnect();
sim.stop();
fs.rmSync(storeFile, { force: true });
process.exit(0);
