/**
 * The admin inbox's server time with 1,000,000 requests in SQLite, against the same queries with 100
 * requests measured in the same run. Target: ≤ 2× the 100-request time, and under 50 ms.
 * It times the service functions the inbox loader calls (listRequests: the page and the needs-action
 * badge count), on a file database migrated like production, with rows inserted by raw multi-row INSERTs.
 *
 *   npx tsx bench/inbox.bench.ts            (BENCH_ROWS=200000 for a quicker run)
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median, printTable, type Row } from "./lib/stats";

const BIG = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SMALL = 100;
const RUNS = 25;
const WARMUP = 5;
const PASSES = 3;
const SHOP = "bench.myshopify.com";

function migratedDb(name: string): string {
  const dir = path.resolve(".cache/bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.db`);
  const clean = () =>
    [file, `${file}-wal`, `${file}-shm`, `${file}-journal`].forEach((f) => fs.rmSync(f, { force: true }));
  clean();
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  if (!process.env.BENCH_KEEP) process.on("exit", clean);
  return file;
}

/** mulberry32: the same rows every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Camille",
  "Jane",
  "Louis",
  "Emma",
  "Hugo",
  "Chloé",
  "Noah",
  "Léa",
  "Lucas",
  "Manon",
  "Arthur",
  "Inès",
  "Jules",
  "Sarah",
  "Paul",
  "Alice",
  "Adam",
  "Zoé",
  "Gabriel",
  "Jade",
  "Raphaël",
  "Lina",
  "Tom",
  "Rose",
  "Nathan",
  "Anna",
  "Léo",
  "Mia",
  "Ethan",
  "Julia",
  "Oscar",
  "Eva",
  "Victor",
  "Nina",
  "Samuel",
  "Lou",
  "Axel",
  "Clara",
  "Maël",
  "Louise",
  "Sacha",
  "Ambre",
  "Eden",
  "Romane",
  "Théo",
  "Agathe",
  "Liam",
  "Margaux",
  "Noé",
  "Iris",
];
const LAST = Array.from(
  { length: 100 },
  (_, i) =>
    [
      "Martin",
      "Bernard",
      "Dubois",
      "Thomas",
      "Robert",
      "Richard",
      "Petit",
      "Durand",
      "Leroy",
      "Moreau",
      "Simon",
      "Laurent",
      "Lefebvre",
      "Michel",
      "Garcia",
      "David",
      "Bertrand",
      "Roux",
      "Vincent",
      "Fournier",
    ][i % 20] + (i < 20 ? "" : `-${String.fromCharCode(65 + Math.floor(i / 20))}`),
);
/** 5% PENDING, 1% NEEDS_INFO, 0.5% FAILED, then decided or closed requests. */
const STATUS_WEIGHTS: [string, number][] = [
  ["PENDING", 0.05],
  ["NEEDS_INFO", 0.01],
  ["FAILED", 0.005],
  ["APPLIED", 0.6],
  ["REJECTED", 0.25],
  ["WITHDRAWN", 0.04],
  ["EXPIRED", 0.025],
  ["SUPERSEDED", 0.02],
];

/** Prisma's text form of a DateTime in SQLite, read back from a row Prisma wrote (so raw inserts match it). */
async function prismaDateFormat(file: string): Promise<(d: Date) => string> {
  const { createPrismaClient } = await import("../app/db.server");
  const db = createPrismaClient(`file:${file}`);
  const at = new Date("2026-01-02T03:04:05.678Z");
  await db.shopSettings.create({ data: { shop: "probe", version: 1, policy: "{}", createdAt: at } });
  await db.$disconnect();
  const raw = new Database(file);
  const text = (
    raw.prepare("SELECT createdAt FROM ShopSettings WHERE shop = 'probe'").get() as { createdAt: string | number }
  ).createdAt;
  raw.prepare("DELETE FROM ShopSettings WHERE shop = 'probe'").run();
  raw.close();
  if (typeof text === "number") return (d) => String(d.getTime());
  if (text === at.toISOString()) return (d) => d.toISOString();
  if (text === at.toISOString().replace("Z", "+00:00")) return (d) => d.toISOString().replace("Z", "+00:00");
  throw new Error(`Unknown DateTime storage format in SQLite: ${text}`);
}

function insertRequests(file: string, count: number, format: (d: Date) => string) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const random = prng(20261125);
  const cols = [
    "id",
    "shop",
    "kind",
    "status",
    "orderId",
    "orderName",
    "customerId",
    "customerName",
    "customerEmail",
    "locale",
    "payload",
    "evaluation",
    "settingsVersion",
    "idempotencyKey",
    "openKey",
    "createdAt",
    "updatedAt",
    "decidedAt",
  ];
  const PER = 500;
  const stmt = db.prepare(
    `INSERT INTO ChangeRequest (${cols.join(",")}) VALUES ${Array(PER)
      .fill(`(${cols.map(() => "?").join(",")})`)
      .join(",")}`,
  );
  const end = Date.parse("2026-11-25T00:00:00Z");
  const span = 2 * 365 * 86_400_000;
  const row = (i: number) => {
    let r = random();
    let status = "APPLIED";
    for (const [s, w] of STATUS_WEIGHTS) {
      if (r < w) {
        status = s;
        break;
      }
      r -= w;
    }
    const kind = random() < 0.55 ? "ADDRESS_CHANGE" : "CANCELLATION";
    const first = FIRST[Math.floor(random() * FIRST.length)];
    const last = LAST[Math.floor(random() * LAST.length)];
    const created = new Date(end - span + Math.floor((i / count) * span) + Math.floor(random() * 60_000));
    const updated = new Date(created.getTime() + Math.floor(random() * 72 * 3_600_000));
    const open = ["PENDING", "NEEDS_INFO", "APPLYING", "FAILED"].includes(status);
    const payload =
      kind === "CANCELLATION"
        ? `{"reason":"CHANGED_MIND","note":null}`
        : `{"address":{"address1":"1 rue X","city":"Lyon","countryCode":"FR"}}`;
    return [
      `req_${String(i).padStart(8, "0")}`,
      SHOP,
      kind,
      status,
      String(5_000_000 + i),
      `#${100_000 + i}`,
      String(7_000_000 + (i % 400_000)),
      `${first} ${last}`,
      `${first.toLowerCase()}.${last.toLowerCase()}${i % 97}@example.com`,
      random() < 0.5 ? "fr" : "en",
      payload,
      "[]",
      1,
      `idem_${i}`,
      open ? `${SHOP}|${5_000_000 + i}|${kind}` : null,
      format(created),
      format(updated),
      open ? null : format(updated),
    ];
  };
  const insert = db.transaction((from: number, to: number) => {
    for (let i = from; i + PER <= to; i += PER) stmt.run(...Array.from({ length: PER }, (_, k) => row(i + k)).flat());
    const rest = (to - from) % PER;
    if (rest) {
      const tail = db.prepare(
        `INSERT INTO ChangeRequest (${cols.join(",")}) VALUES ${Array(rest)
          .fill(`(${cols.map(() => "?").join(",")})`)
          .join(",")}`,
      );
      tail.run(...Array.from({ length: rest }, (_, k) => row(to - rest + k)).flat());
    }
  });
  const CHUNK = 100_000;
  for (let from = 0; from < count; from += CHUNK) insert(from, Math.min(count, from + CHUNK));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

async function measure(file: string) {
  const { createPrismaClient } = await import("../app/db.server");
  const { listRequests, parseInboxQuery } = await import("../app/services/admin-inbox.server");
  const db = createPrismaClient(`file:${file}`);
  const time = async (qs: string) => {
    const query = parseInboxQuery(new URLSearchParams(qs));
    let rows = 0;
    for (let i = 0; i < WARMUP; i++) rows = (await listRequests(db, SHOP, query)).rows.length;
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await listRequests(db, SHOP, query);
      samples.push(performance.now() - start);
    }
    return { samples, rows };
  };
  const firstAll = await listRequests(db, SHOP, parseInboxQuery(new URLSearchParams("tab=ALL")));
  const result = {
    needsAction: await time("tab=NEEDS_ACTION"),
    all: await time("tab=ALL"),
    page2: await time(`tab=ALL&after=${firstAll.next ?? ""}`),
    byOrder: await time(`tab=ALL&q=${encodeURIComponent("#100042")}`),
    byCustomer: await time(`tab=ALL&q=${encodeURIComponent("Camille Martin")}`),
    byEmail: await time(`tab=ALL&q=${encodeURIComponent("jane.dubois7@")}`),
  };
  await db.$disconnect();
  return result;
}

async function main() {
  const smallFile = migratedDb("inbox-100");
  const bigFile = migratedDb("inbox-1m");
  const format = await prismaDateFormat(smallFile);
  insertRequests(smallFile, SMALL, format);
  let start = performance.now();
  insertRequests(bigFile, BIG, format);
  console.log(`Inserted ${BIG.toLocaleString("en")} requests in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  start = performance.now();
  // The 100-request baseline is measured after a first full pass, so JIT warm-up does not flatter the ratio;
  // then the two databases alternate, pass after pass, so drift on a shared machine lands on both alike.
  await measure(smallFile);
  type Measured = Awaited<ReturnType<typeof measure>>;
  const pool = (passes: Measured[]) =>
    Object.fromEntries(
      (Object.keys(passes[0]) as (keyof Measured)[]).map((k) => [
        k,
        { ms: median(passes.flatMap((p) => p[k].samples)), rows: passes[0][k].rows },
      ]),
    ) as Record<keyof Measured, { ms: number; rows: number }>;
  const smallPasses: Measured[] = [];
  const bigPasses: Measured[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    smallPasses.push(await measure(smallFile));
    bigPasses.push(await measure(bigFile));
  }
  const small = pool(smallPasses);
  const big = pool(bigPasses);
  console.log(
    `Measured in ${((performance.now() - start) / 1000).toFixed(1)} s (median of ${PASSES} alternating passes × ${RUNS} runs each, after ${WARMUP} warm-up runs)`,
  );
  const figures: [keyof typeof small, string][] = [
    ["needsAction", "first page, Needs action (+ badge count)"],
    ["all", "first page, All"],
    ["page2", "second page (cursor), All"],
    ["byOrder", "search order name #100042"],
    ["byCustomer", "search customer 'Camille Martin'"],
    ["byEmail", "search email 'jane.dubois7@'"],
  ];
  const rows: Row[] = figures.map(([key, figure]) => {
    const ratio = big[key].ms / small[key].ms;
    return {
      figure: `${figure} [${big[key].rows} rows]`,
      value: `${big[key].ms.toFixed(2)} ms`,
      baseline: `${small[key].ms.toFixed(2)} ms`,
      ratio: `${ratio.toFixed(2)}×`,
      target: "≤ 2× and < 50 ms",
      met: ratio <= 2 && big[key].ms < 50 ? "yes" : "no",
    };
  });
  printTable(`Inbox server time: ${BIG.toLocaleString("en")} requests vs ${SMALL} (SQLite, one shop)`, rows);
}

await main();
