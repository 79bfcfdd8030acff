// A flash sale per plan (Standard, Advanced, Plus): new orders arrive at a steady rate, each delivered to the app as
// Shopify does (the simulator's orders/create webhook, signed, REST payload), followed by the thank-you block's options
// (checkout token) 1 s later (the thank-you page loading), the order-status block's options and two revisits, plus a
// few address changes (2 %) and cancellation requests (1 %), against the simulator in its own process with 150 ms
// Admin API latency and the plan's throttle bucket. Per plan and with the order facts cache on, then off (same run):
// the highest order rate with no THROTTLED answer and no customer-visible error (a bounded ladder of rates), Admin API
// points per order, options p50/p99 on a cache hit and on a miss.
// A customer-visible error (docs/customer-api.md, "Checking"): options answered other than 200; a submission answered
// 429, 5xx or not at all. A checking answer (200, pending) is not one: the call is made again after its
// retryAfterSeconds, as the extensions do, and the time until the real answer is the call's latency (counted apart).
// A 4xx refusal of a submission is the rules' answer (counted apart).
// Probes shorter than the sale get the same share of the plan's bucket (burst/length is what decides).
// Targets: Standard 5 orders/s and Plus 50 orders/s for the whole run; points per order ≤ 1/10 of uncached; options
// p50 on a hit < 20 ms.
// Run: npx tsx bench/flash-sale.bench.ts   (FLASH_SALE_SECONDS=20 for a quick run, FLASH_SALE_REVISITS=2; default 120 s at the target
// rate, other rungs FLASH_SALE_PROBE_SECONDS, default min(20, FLASH_SALE_SECONDS); FLASH_SALE_PLANS=STANDARD,PLUS)
import fs from "node:fs";
import path from "node:path";
import { freshBenchDb } from "./lib/bench-db";
import { startChild } from "./lib/child";
import { serveRoutes } from "./lib/route-server";
import { percentile, printTable, type Row } from "./lib/stats";

const SECONDS = Number(process.env.FLASH_SALE_SECONDS ?? 120);
const PROBE_SECONDS = Number(process.env.FLASH_SALE_PROBE_SECONDS ?? Math.min(20, SECONDS));
const LATENCY_MS = 150;
/** Order-status revisits per order after the thank-you and order-status reads (a parcel awaited: more). */
const REVISITS = Number(process.env.FLASH_SALE_REVISITS ?? 2);
const CUSTOMERS = 1500;

type Plan = "STANDARD" | "ADVANCED" | "PLUS";
const PLAN_BUCKETS: Record<Plan, { maximumAvailable: number; restoreRate: number }> = {
  STANDARD: { maximumAvailable: 2000, restoreRate: 100 },
  ADVANCED: { maximumAvailable: 4000, restoreRate: 200 },
  PLUS: { maximumAvailable: 20000, restoreRate: 1000 },
};
// the first rung of the cached ladder is the target, run for SECONDS; the others are probes (PROBE_SECONDS)
// when the target fails, the rungs `below` are probed downwards until one passes
const LADDERS: Record<Plan, { target: number; cached: number[]; below: number[]; uncached: number[] }> = {
  STANDARD: { target: 5, cached: [5, 10], below: [4, 3], uncached: [0.5, 1, 2] },
  ADVANCED: { target: 10, cached: [10, 20], below: [8, 6], uncached: [1, 2, 5] },
  PLUS: { target: 50, cached: [50, 65], below: [40, 25], uncached: [5, 10, 25] },
};

freshBenchDb("flash-sale");
const demo = JSON.parse(fs.readFileSync("demo/store.json", "utf8"));
const template = demo.orders.find((o: { name: string }) => o.name === "#1001");
demo.customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
  ...demo.customers[0],
  id: `gid://shopify/Customer/${80_000 + i}`,
  email: `c${i}@example.com`,
}));
demo.orders = [];
const storeFile = path.resolve(`.cache/bench/flash-store-${process.pid}.json`);
fs.writeFileSync(storeFile, JSON.stringify(demo));
const sim = await startChild("bench/lib/simulator-process.ts", ["2000", "100", storeFile]);
const control = (route: string, body?: unknown) =>
  fetch(`${sim.url}${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => {
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    return res.json();
  });

const { API_KEY, API_SECRET_KEY, getJwt } = await import("@shopify/shopify-api/test-helpers");
Object.assign(process.env, {
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET_KEY,
  SHOPIFY_APP_URL: "https://amend.example.com",
  SHOPIFY_ADMIN_API_ORIGIN: sim.url,
  LOG_LEVEL: "error",
});
const { loader: accountOptions } = await import("../app/routes/api.customer.orders.$orderId.options");
const { loader: checkoutOptions } = await import("../app/routes/api.checkout.orders.$orderId.options");
const { action: addressChange } = await import("../app/routes/api.customer.orders.$orderId.address-change");
const { action: cancellation } = await import("../app/routes/api.customer.orders.$orderId.cancellation");
const { action: ordersCreate } = await import("../app/routes/webhooks.orders.create");
const { sessionStorage } = await import("../app/shopify.server");
const { budgetFor } = await import("../app/shopify/budget.server");
const { Session } = await import("@shopify/shopify-api");
const { prisma } = await import("../app/db.server");
const SHOP = "amend-demo.myshopify.com";
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
  { method: "GET", pattern: /^\/api\/customer\/orders\/(?<orderId>\d+)\/options$/, handler: accountOptions as never },
  { method: "GET", pattern: /^\/api\/checkout\/orders\/(?<orderId>\d+)\/options$/, handler: checkoutOptions as never },
  {
    method: "POST",
    pattern: /^\/api\/customer\/orders\/(?<orderId>\d+)\/address-change$/,
    handler: addressChange as never,
  },
  {
    method: "POST",
    pattern: /^\/api\/customer\/orders\/(?<orderId>\d+)\/cancellation$/,
    handler: cancellation as never,
  },
  { method: "POST", pattern: /^\/webhooks\/orders\/create$/, handler: ordersCreate as never },
]);
// Shopify delivers orders/create to the app for every order placed
await control("/_sim/config", { webhookUrl: server.url, webhookSecret: API_SECRET_KEY });
const tokens = await Promise.all(
  Array.from({ length: CUSTOMERS }, (_, i) =>
    getJwt("amend-demo", API_KEY, API_SECRET_KEY, { sub: `gid://shopify/Customer/${80_000 + i}`, jti: `f${i}` }).then(
      (t) => t.token,
    ),
  ),
);

let sequence = 7_000_000;
/** A new order like the demo's eligible #1001, for customer `c`, with ids no other order has. */
function newOrder(c: number) {
  const k = sequence++;
  const order = JSON.parse(
    JSON.stringify(template).replace(/gid:\/\/shopify\/(\w+)\/(\d+)/g, (id, type: string, n: string) =>
      ["Customer", "Product", "ProductVariant"].includes(type)
        ? id
        : `gid://shopify/${type}/${n}${String(k).padStart(8, "0")}`,
    ),
  );
  return {
    ...order,
    id: `gid://shopify/Order/${k}`,
    name: `#${k}`,
    createdAt: new Date().toISOString(),
    customer: { id: `gid://shopify/Customer/${80_000 + c}` },
  };
}

const LYON = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "4 place Bellecour",
  city: "Lyon",
  zip: "69002",
  countryCode: "FR",
};

interface RunResult {
  plan: Plan;
  rate: number;
  seconds: number;
  cached: boolean;
  orders: number;
  throttled: number;
  errors: Record<string, number>;
  actualPoints: number;
  requestedPoints: number;
  hit: number[];
  miss: number[];
  stale: number;
  /** Checking answers (200, pending), each followed by the call again after its retryAfterSeconds. */
  pending: number;
  /** Submissions refused by the rules (a 4xx with reasons: not an error). */
  refused: number;
  /** orders/create deliveries the app answered 200. */
  webhooks: number;
  /** First looks (thank-you) answered from facts built from the orders/create payload. */
  firstFromWebhook: number;
  /** Orders placed per second, as the clock saw it (the generator must keep up for a rung to count). */
  achievedRate: number;
  /** CPU time of this process (the app's routes and the load generator) per order, in ms. */
  cpuMsPerOrder: number;
}

/** One sale: `rate` orders a second for `seconds`, and everything their customers do. */
async function run(plan: Plan, rate: number, seconds: number, cached: boolean): Promise<RunResult> {
  await control("/_sim/reset", {});
  // a probe shorter than the sale gets the same share of the plan's bucket: burst + restore over its length
  // then covers its demand exactly when the full bucket would cover a full-length sale's
  const bucket = {
    ...PLAN_BUCKETS[plan],
    maximumAvailable: Math.round((PLAN_BUCKETS[plan].maximumAvailable * seconds) / Math.max(seconds, SECONDS)),
  };
  await control("/_sim/bucket", bucket);
  await control("/_sim/config", { latencyMs: LATENCY_MS });
  await prisma.orderFactsCache.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.changeRequest.deleteMany();
  await prisma.shopifyMutation.deleteMany();
  budgetFor(SHOP).observe({ ...bucket, currentlyAvailable: bucket.maximumAvailable });
  process.env.ORDER_FACTS_CACHE = cached ? "on" : "off";

  const result: RunResult = {
    ...{ plan, rate, seconds, cached, orders: 0, throttled: 0, errors: {}, actualPoints: 0, requestedPoints: 0 },
    ...{ hit: [], miss: [], stale: 0, pending: 0, refused: 0, webhooks: 0, firstFromWebhook: 0 },
    ...{ achievedRate: 0, cpuMsPerOrder: 0 },
  };
  const pending: Promise<void>[] = [];
  const cpuAtStart = process.cpuUsage();
  const startedAt = Date.now();
  const failed = (what: string) => void (result.errors[what] = (result.errors[what] ?? 0) + 1);
  const call = async (customer: number, route: string, body?: unknown, firstLook = false) => {
    const started = Date.now();
    const t0 = performance.now();
    for (;;) {
      const res = await fetch(`${server.url}${route}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          Authorization: `Bearer ${tokens[customer]}`,
          "User-Agent": BROWSER,
          "Accept-Language": "en",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).catch(() => null);
      const answer = res ? ((await res.json().catch(() => null)) as Record<string, unknown> | null) : null;
      const code = (answer?.error as { code?: string })?.code ?? "";
      const name = `${route.split("/").pop()} ${res?.status ?? "network"} ${code}`;
      if (body !== undefined) {
        // a submission: a refusal with reasons is the rules' answer; 429, 5xx or no answer is an error
        if (!res || res.status === 429 || res.status >= 500) failed(name);
        else if (res.status >= 400) result.refused++;
        return;
      }
      if (!res || res.status !== 200) return failed(name);
      if (answer?.pending) {
        // a checking answer: asked again when it says, as the extensions do
        result.pending++;
        await new Promise((r) => setTimeout(r, Math.max(1, Number(answer.retryAfterSeconds) || 2) * 1000));
        continue;
      }
      const ms = performance.now() - t0;
      if (answer?.stale) result.stale++;
      // served from the cache: the facts were read before this call started
      const fromCache = Date.parse(String(answer?.asOf)) < started;
      if (firstLook && cached && fromCache) result.firstFromWebhook++;
      (cached && fromCache ? result.hit : result.miss).push(ms);
      return;
    }
  };
  const later = (ms: number, fn: () => Promise<void>) =>
    pending.push(
      new Promise<void>((resolve) =>
        setTimeout(
          () =>
            void fn()
              .catch((error: Error) => failed(`bench: ${error.message.slice(0, 80)}`))
              .finally(resolve),
          ms,
        ),
      ),
    );

  const TICK_MS = 200;
  const end = Date.now() + seconds * 1000;
  let owed = 0;
  while (Date.now() < end) {
    const tickStart = Date.now();
    // what the clock owes since the start (a late tick places more, so the rate holds on a busy machine)
    owed = (rate * (Date.now() - startedAt)) / 1000 - result.orders;
    const batch: { customer: number }[] = [];
    while (owed >= 1) {
      owed -= 1;
      batch.push({ customer: result.orders++ % CUSTOMERS });
    }
    if (batch.length) {
      // placed without holding the clock: the next tick comes on time even when the simulator is slow
      const orders = batch.map((b) => newOrder(b.customer));
      later(0, async () => {
        await control("/_sim/orders", { orders });
        orders.forEach((o, i) => {
          const { customer } = batch[i];
          const id = o.id.split("/").pop() as string;
          const n = Number(id);
          // the thank-you page loads (redirect, page, extension) before its block asks
          later(1_000, () => call(customer, `/api/checkout/orders/${id}/options`, undefined, true));
          later(2_000, () => call(customer, `/api/customer/orders/${id}/options`));
          for (let v = 0; v < REVISITS; v++)
            later(4_000 * (v + 1) + ((n + v) % 5) * 1_000, () => call(customer, `/api/customer/orders/${id}/options`));
          if (n % 50 === 7)
            later(3_000, () => call(customer, `/api/customer/orders/${id}/address-change`, { address: LYON }));
          if (n % 100 === 13)
            later(4_000, () => call(customer, `/api/customer/orders/${id}/cancellation`, { reason: "CHANGED_MIND" }));
        });
      });
    }
    await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (Date.now() - tickStart))));
  }
  result.achievedRate = result.orders / ((Date.now() - startedAt) / 1000);
  // the follow-ups schedule more follow-ups: wait until none is left
  for (let settled = 0; settled < pending.length;) {
    const batchOf = pending.slice(settled);
    await Promise.all(batchOf);
    settled += batchOf.length;
  }
  const cpu = process.cpuUsage(cpuAtStart);
  result.cpuMsPerOrder = (cpu.user + cpu.system) / 1000 / Math.max(1, result.orders);
  const delivered = (await control("/_sim/webhooks")) as { status: number | string }[];
  result.webhooks = delivered.filter((d) => d.status === 200).length;
  if (delivered.length !== result.orders)
    failed(`bench: ${delivered.length} orders/create for ${result.orders} orders`);
  const summary = (await control("/_sim/calls/summary")) as { throttled: number; actual: number; requested: number };
  result.throttled = summary.throttled;
  result.actualPoints = summary.actual;
  result.requestedPoints = summary.requested;
  return result;
}

const passed = (r: RunResult) =>
  r.throttled === 0 && Object.keys(r.errors).length === 0 && r.orders + 1 >= 0.95 * r.rate * r.seconds;
const describe = (r: RunResult) =>
  `${r.plan} ${r.cached ? "cached" : "uncached"} ${r.rate}/s × ${r.seconds} s: ${r.orders} orders ` +
  `(${r.achievedRate.toFixed(1)}/s), ` +
  `${r.throttled} throttled, errors ${JSON.stringify(r.errors)}, ${(r.actualPoints / Math.max(1, r.orders)).toFixed(1)} ` +
  `points/order, hit p50 ${percentile(r.hit, 50)?.toFixed(1) ?? "—"} ms, miss p50 ${percentile(r.miss, 50)?.toFixed(1) ?? "—"} ms, stale ${r.stale}, ` +
  `checking ${r.pending}, refused ${r.refused}, orders/create answered ${r.webhooks}, first looks from the webhook ${r.firstFromWebhook}, ` +
  `CPU ${r.cpuMsPerOrder.toFixed(1)} ms/order`;

/** Climbs the ladder until a rung fails; the first cached rung (the target) runs the full time. */
async function ladder(plan: Plan, rates: number[], cached: boolean, below: number[] = []) {
  const runs: RunResult[] = [];
  for (const [i, rate] of rates.entries()) {
    const r = await run(plan, rate, cached && i === 0 ? SECONDS : PROBE_SECONDS, cached);
    console.log(describe(r));
    runs.push(r);
    if (!passed(r)) break;
  }
  if (!passed(runs[0])) {
    for (const rate of below) {
      const r = await run(plan, rate, PROBE_SECONDS, cached);
      console.log(describe(r));
      runs.push(r);
      if (passed(r)) break;
    }
  }
  const best =
    runs
      .filter(passed)
      .sort((a, b) => a.rate - b.rate)
      .at(-1) ?? null;
  return { runs, best };
}

const ms = (xs: number[], q: number) => (xs.length ? `${percentile(xs, q).toFixed(1)} ms` : "—");
const rows: Row[] = [];
// FLASH_SALE_PLANS=STANDARD,PLUS runs only those plans
const plans = (process.env.FLASH_SALE_PLANS ?? "STANDARD,ADVANCED,PLUS").split(",") as Plan[];
for (const plan of plans) {
  const { target } = LADDERS[plan];
  const on = await ladder(plan, LADDERS[plan].cached, true, LADDERS[plan].below);
  const off = await ladder(plan, LADDERS[plan].uncached, false);
  const atTarget = on.runs[0];
  // the uncached reference: the highest passing rung where every look read Shopify (no checking answer, which
  // would have spared reads), else the first rung
  const uncachedRef =
    off.runs
      .filter((r) => passed(r) && r.pending === 0)
      .sort((a, b) => a.rate - b.rate)
      .at(-1) ?? off.runs[0];
  const checking = (r: RunResult | null) => (r && r.pending ? ` (${r.pending} checking answers)` : "");
  const perOrder = (r: RunResult) => r.actualPoints / Math.max(1, r.orders);
  const name = plan[0] + plan.slice(1).toLowerCase();
  const hitP50 = atTarget.hit.length ? percentile(atTarget.hit, 50) : Infinity;
  rows.push(
    {
      figure: `${name}: highest order rate, no THROTTLED, no error`,
      value: on.best
        ? `${on.best.rate}/s${on.best.seconds < SECONDS ? ` (${on.best.seconds} s probe)` : ""}${checking(on.best)}`
        : `< ${Math.min(...LADDERS[plan].cached, ...LADDERS[plan].below)}/s`,
      baseline: off.best ? `${off.best.rate}/s${checking(off.best)}` : `< ${LADDERS[plan].uncached[0]}/s`,
      ratio: on.best && off.best ? `${(on.best.rate / off.best.rate).toFixed(1)}×` : "—",
      target: plan === "ADVANCED" ? "(for reference)" : `${target}/s for ${SECONDS} s`,
      met: plan === "ADVANCED" || passed(atTarget) ? "yes" : "no",
    },
    {
      figure: `${name}: Admin API points per order (actual)`,
      value: perOrder(atTarget).toFixed(1),
      baseline: `${perOrder(uncachedRef).toFixed(1)} (${uncachedRef.rate}/s)`,
      ratio: `${(perOrder(atTarget) / perOrder(uncachedRef)).toFixed(2)}×`,
      target: "≤ 0.1×",
      met: perOrder(atTarget) <= perOrder(uncachedRef) / 10 ? "yes" : "no",
    },
    {
      figure: `${name}: options p50 / p99, cache hit`,
      value: `${ms(atTarget.hit, 50)} / ${ms(atTarget.hit, 99)}`,
      baseline: `${ms(uncachedRef.miss, 50)} / ${ms(uncachedRef.miss, 99)} uncached`,
      ratio: atTarget.hit.length ? `${(hitP50 / percentile(uncachedRef.miss, 50)).toFixed(2)}×` : "—",
      target: "p50 < 20 ms",
      met: hitP50 < 20 ? "yes" : "no",
    },
    {
      // what one process can carry: the app's routes and this load generator share it (the simulator runs apart)
      figure: `${name}: CPU per order (app + load generator, one process)`,
      value: `${atTarget.cpuMsPerOrder.toFixed(1)} ms`,
      baseline: `${uncachedRef.cpuMsPerOrder.toFixed(1)} ms uncached`,
      ratio: "—",
      // for reference: one core carries 1000 / (ms per order) orders a second
      target: `(reference: ${target}/s needs ≤ ${(1000 / target).toFixed(0)} ms a core)`,
      met: "yes",
    },
    {
      figure: `${name}: options p50 / p99, cache miss`,
      value: `${ms(atTarget.miss, 50)} / ${ms(atTarget.miss, 99)}`,
      baseline: `${ms(uncachedRef.miss, 50)} / ${ms(uncachedRef.miss, 99)} uncached`,
      ratio: "—",
      target: "(for reference)",
      met: "yes",
    },
  );
}
printTable(
  `Flash sale — orders at a steady rate, ${2 + REVISITS} options reads per order (thank-you, order status, ${REVISITS} revisits), 2 % address changes, 1 % cancellations; ` +
    `Admin API latency ${LATENCY_MS} ms; target rung ${SECONDS} s, probes ${PROBE_SECONDS} s; node ${process.version}`,
  rows,
);
await server.close();
await prisma.$disconnect();
sim.stop();
fs.rmSync(storeFile, { force: true });
process.exit(0);
