// Oversized bodies against the production web process (`node scripts/serve.mjs` on the production build): 20
// parallel unauthenticated POSTs each trying to stream 50 MB, to a webhook route and to a customer API route,
// chunked and with a declared Content-Length, while /healthz is probed back to back. Figures: the process's peak
// RSS over its idle RSS (target ≤ 100 MB) and /healthz p99 under attack (target < 100 ms) against /healthz p99
// with no attack, same process, same run. Each lane starts over once cut, for 5 s: a sustained attack, so the
// p99 rests on enough probes. Each scenario gets a fresh process. Loopback only; every loop bounded.
// Run: npm run build && npx tsx bench/hostile-bodies.bench.ts
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { freshBenchDb } from "./lib/bench-db";
import { percentile, printTable, type Row } from "./lib/stats";

const MB = 1024 * 1024;
const ATTACKERS = 20;
const BODY_BYTES = 50 * MB;
const BASELINE_MS = 3_000;
const ATTACK_MS = 5_000;
const MAX_POSTS_PER_LANE = 200;
const RSS_TARGET_MB = 100;
const P99_TARGET_MS = 100;

if (!fs.existsSync(path.resolve("build/server/index.js"))) {
  console.error("build/server/index.js is missing: run `npm run build` first.");
  process.exit(1);
}
const databaseUrl = freshBenchDb("hostile-bodies");
const { API_KEY, API_SECRET_KEY } = await import("@shopify/shopify-api/test-helpers");

/** A production web process of its own (each scenario starts from a fresh one, so peaks do not carry over). */
async function startWeb() {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET_KEY,
      SHOPIFY_APP_URL: "https://amend.example.com",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.on("exit", () => child.kill("SIGKILL"));
  // The port it says it listens on (its stdout stays drained: one line per refused request).
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      const match = out.match(/"port":(\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`serve.mjs exited ${code} before listening:\n${out}`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return {
    port,
    /** Resident memory in MB (Linux /proc). */
    rssMb: () => Number(fs.readFileSync(`/proc/${child.pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/)![1]) / 1024,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
type Web = Awaited<ReturnType<typeof startWeb>>;

function healthz(web: Web, agent: http.Agent): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(`http://127.0.0.1:${web.port}/healthz`, { agent }, (res) => {
      res.resume();
      res.on("end", () =>
        res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`healthz ${res.statusCode}`)),
      );
    });
    req.setTimeout(10_000, () => req.destroy(new Error("healthz timed out")));
    req.on("error", reject);
  });
}

/** Probes /healthz back to back until `done` settles: the latencies, and the peak RSS sampled every 20 ms. */
async function probeDuring(web: Web, agent: http.Agent, done: Promise<unknown>) {
  let finished = false;
  void done.finally(() => (finished = true));
  let peakRss = web.rssMb();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, web.rssMb())), 20);
  const latencies: number[] = [];
  while (!finished && latencies.length < 100_000) {
    latencies.push(await healthz(web, agent));
    await new Promise((r) => setTimeout(r, 2));
  }
  clearInterval(sampler);
  return { latencies, peakRss: Math.max(peakRss, web.rssMb()) };
}

// The attackers run in a worker thread, so their writes do not delay the probe's own event loop. Each of the
// `count` lanes POSTs 50 MB (declared or chunked) as fast as the server takes it, and starts over once its
// connection is answered or cut, until `durationMs` is over (at most `maxPerLane` POSTs each).
const ATTACKER = `
const { parentPort, workerData } = require("node:worker_threads");
const net = require("node:net");
const { port, path, declared, count, bodyBytes, durationMs, maxPerLane } = workerData;
const deadline = Date.now() + durationMs;
function post() {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "", sent = 0, over = false;
    const finish = () => { if (over) return; over = true; clearTimeout(timer); socket.destroy(); resolve({ status: received.slice(9, 12) || "reset", sent }); };
    const timer = setTimeout(finish, 60000);
    socket.on("data", (d) => (received += d));
    socket.on("close", finish);
    socket.on("error", () => undefined);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const frame = declared ? chunk : Buffer.concat([Buffer.from(chunk.length.toString(16) + "\\r\\n"), chunk, Buffer.from("\\r\\n")]);
    const pump = () => {
      while (!over && !socket.destroyed && sent < bodyBytes) {
        sent += chunk.length;
        if (!socket.write(frame)) return void socket.once("drain", pump);
      }
      if (!over && !socket.destroyed && !declared) socket.write("0\\r\\n\\r\\n");
    };
    socket.once("connect", () => {
      socket.write("POST " + path + " HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Type: application/json\\r\\n" +
        "X-Shopify-Hmac-Sha256: bm90LWEtcmVhbC1obWFj\\r\\nX-Shopify-Topic: orders/updated\\r\\nX-Shopify-Shop-Domain: amend-demo.myshopify.com\\r\\n" +
        (declared ? "Content-Length: " + bodyBytes : "Transfer-Encoding: chunked") + "\\r\\n\\r\\n");
      pump();
    });
  });
}
async function lane() {
  const results = [];
  for (let i = 0; i < maxPerLane && (i === 0 || Date.now() < deadline); i++) results.push(await post());
  return results;
}
Promise.all(Array.from({ length: count }, lane)).then((lanes) => parentPort.postMessage(lanes.flat()));
`;

function attack(port: number, target: string, declared: boolean): Promise<{ status: string; sent: number }[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ATTACKER, {
      eval: true,
      workerData: {
        port,
        path: target,
        declared,
        count: ATTACKERS,
        bodyBytes: BODY_BYTES,
        durationMs: ATTACK_MS,
        maxPerLane: MAX_POSTS_PER_LANE,
      },
    });
    worker.once("message", (results) => {
      void worker.terminate();
      resolve(results);
    });
    worker.once("error", reject);
  });
}

const scenarios = [
  { name: "webhook, chunked", path: "/webhooks/orders/updated", declared: false },
  { name: "webhook, Content-Length", path: "/webhooks/orders/updated", declared: true },
  { name: "customer API, chunked", path: "/api/customer/orders/5001/cancellation", declared: false },
  { name: "customer API, Content-Length", path: "/api/customer/orders/5001/cancellation", declared: true },
];
const rows: Row[] = [];
console.log(
  `load average at start: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${os.cpus().length} CPUs`,
);
for (const scenario of scenarios) {
  const web = await startWeb();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // Warm up (first requests load modules, open the database), then the idle figures of this process.
  for (let i = 0; i < 50; i++) await healthz(web, agent);
  await new Promise((r) => setTimeout(r, 500));
  const idleRss = web.rssMb();
  const baseline = await probeDuring(web, agent, new Promise((r) => setTimeout(r, BASELINE_MS)));
  const baselineP99 = percentile(baseline.latencies, 99);

  const started = performance.now();
  const answers = attack(web.port, scenario.path, scenario.declared);
  const { latencies, peakRss } = await probeDuring(web, agent, answers);
  const results = await answers;
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await web.stop();

  const p99 = percentile(latencies, 99);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const maxSentMb = Math.max(...results.map((r) => r.sent)) / MB;
  const fullBodies = results.filter((r) => r.sent >= BODY_BYTES).length;
  const grew = peakRss - idleRss;
  const answered = Object.entries(statuses)
    .map(([status, n]) => `${n}× ${status}`)
    .join(", ");
  console.log(
    `${scenario.name}: ${results.length} POSTs in ${seconds.toFixed(1)} s (${answered}), at most ${maxSentMb.toFixed(1)} MB sent by one; ` +
      `idle RSS ${idleRss.toFixed(1)} MB, peak ${peakRss.toFixed(1)} MB (+${grew.toFixed(1)}); ` +
      `/healthz p99 ${p99.toFixed(2)} ms over ${latencies.length} probes (no attack: ${baselineP99.toFixed(2)} ms over ${baseline.latencies.length})`,
  );
  const label = `${ATTACKERS} parallel 50 MB POSTs, ${scenario.name}`;
  rows.push(
    {
      figure: `${label}: peak RSS over idle`,
      value: `+${grew.toFixed(1)} MB`,
      baseline: `${idleRss.toFixed(1)} MB idle`,
      ratio: `${(peakRss / idleRss).toFixed(2)}×`,
      target: `≤ ${RSS_TARGET_MB} MB`,
      met: grew <= RSS_TARGET_MB ? "yes" : "no",
    },
    {
      figure: `${label}: /healthz p99`,
      value: `${p99.toFixed(2)} ms`,
      baseline: `${baselineP99.toFixed(2)} ms`,
      ratio: `${(p99 / baselineP99).toFixed(2)}×`,
      target: `< ${P99_TARGET_MS} ms`,
      met: p99 < P99_TARGET_MS ? "yes" : "no",
    },
    {
      figure: `${label}: answers (none read in full)`,
      value: answered,
      baseline: "—",
      ratio: "—",
      target: `no 50 MB body taken; most sent by one ${maxSentMb.toFixed(1)} MB`,
      met: fullBodies === 0 && !statuses["200"] && !statuses["500"] ? "yes" : "no",
    },
  );
}

printTable(
  `hostile bodies — ${ATTACKERS} parallel 50 MB POSTs for ${ATTACK_MS / 1000} s vs the production process, node ${process.version}`,
  rows,
);
process.exit(0);
