/**
 * `npm run bench`: runs every bench/*.bench.ts one after another, each in its own process with BENCH_REPORT set,
 * and prints one table of every figure measured in this run (bench, figure, value, baseline, ratio, target, met).
 * Each bench's own output goes to .cache/bench-logs/<name>.log. Exits 1 if a bench crashed (exited non-zero) or timed
 * out; a missed target is reported as met = no and does not fail the run.
 *
 *   npx tsx bench/run-all.ts
 *   BENCH_ONLY=inbox,webhooks BENCH_ROWS=200000 npx tsx bench/run-all.ts
 *   BENCH_TIMEOUT_S=1800 npx tsx bench/run-all.ts      (per bench; 1200 s by default)
 *
 * The environment is passed on to every bench (BENCH_ROWS, RUNS, ...).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  aggregate,
  anyCrashed,
  benchName,
  classify,
  formatTable,
  lastError,
  parseReport,
  type BenchResult,
  type ReportLine,
} from "./lib/report";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = path.join(root, "bench");
const logDir = path.join(root, ".cache/bench-logs");
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 1200) * 1000;

const all = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only.filter((name) => !all.some((f) => benchName(f) === name));
if (unknown.length) {
  console.error(`BENCH_ONLY names no bench: ${unknown.join(", ")} (there are ${all.map(benchName).join(", ")})`);
  process.exit(2);
}
const scripts = only.length ? all.filter((f) => only.includes(benchName(f))) : all;

fs.mkdirSync(logDir, { recursive: true });
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "amend-bench-"));

/** Each bench runs in its own process group, so a timeout (or Ctrl-C here) also ends what it started. */
let running: number | null = null;
const killGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (running !== null) killGroup(running, "SIGKILL");
    process.exit(130);
  });
}

async function runBench(script: string): Promise<BenchResult> {
  const bench = benchName(script);
  const reportFile = path.join(reportDir, `${bench}.jsonl`);
  const logFile = path.join(logDir, `${bench}.log`);
  // the child writes straight into the log file: no pipe here for its grandchildren to hold open
  const log = fs.openSync(logFile, "w");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", script)], {
    cwd: root,
    env: { ...process.env, BENCH_REPORT: reportFile },
    stdio: ["ignore", log, log],
    detached: true,
  });
  fs.closeSync(log);
  running = child.pid ?? null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) killGroup(child.pid, "SIGKILL");
  }, timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.on("error", (error) => {
      fs.appendFileSync(logFile, `\nrun-all: could not start ${script}: ${error.message}\n`);
      resolve({ code: null, signal: null });
    });
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(timer);
  running = null;
  // anything the bench left behind in its group (a simulator, a worker) goes with it
  if (child.pid) killGroup(child.pid, "SIGKILL");
  const seconds = (performance.now() - started) / 1000;

  let rows: ReportLine[] = [];
  let reportError = "";
  try {
    rows = fs.existsSync(reportFile) ? parseReport(fs.readFileSync(reportFile, "utf8")) : [];
  } catch (error) {
    reportError = (error as Error).message;
  }
  const outcome = reportError
    ? { status: "crashed" as const, detail: reportError }
    : classify({ code: code ?? (signal ? null : 1), signal, timedOut, rows });
  const error =
    outcome.status === "ok" || outcome.status === "missed" ? null : lastError(fs.readFileSync(logFile, "utf8"));
  return { bench, seconds, rows, ...outcome, error };
}

const wallStart = performance.now();
console.log(
  `Running ${scripts.length} bench${scripts.length === 1 ? "" : "es"} one after another (timeout ${timeoutMs / 1000} s each); logs in ${path.relative(root, logDir)}/`,
);
const results: BenchResult[] = [];
for (const script of scripts) {
  const bench = benchName(script);
  process.stdout.write(`  ${bench.padEnd(20)} `);
  const result = await runBench(script);
  results.push(result);
  console.log(
    `${result.status.padEnd(9)} ${result.seconds.toFixed(1).padStart(7)} s  ${result.rows.length} figure${result.rows.length === 1 ? "" : "s"}` +
      (result.detail ? `  — ${result.detail}, see ${path.relative(root, path.join(logDir, `${bench}.log`))}` : ""),
  );
  if (result.error) console.log(`  ${"".padEnd(20)} ${result.error}`);
}
const wallSeconds = (performance.now() - wallStart) / 1000;
fs.rmSync(reportDir, { recursive: true, force: true });

console.log(`\nnpm run bench — node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString()}\n`);
console.log(formatTable(aggregate(results)));
for (const result of results.filter((r) => r.error)) console.log(`\n${result.bench}: ${result.error}`);
const missed = results.flatMap((r) => r.rows).filter((row) => row.met !== "yes").length;
console.log(
  `\nTotal wall time: ${wallSeconds.toFixed(1)} s (${(wallSeconds / 60).toFixed(1)} min); ` +
    `${results.length} bench${results.length === 1 ? "" : "es"}, ${missed} figure${missed === 1 ? "" : "s"} missing a target, ` +
    `${results.filter((r) => r.status === "crashed" || r.status === "timed out").length} crashed`,
);
console.log(`Each bench's own output: ${path.relative(root, logDir)}/<bench>.log`);
process.exit(anyCrashed(results) ? 1 : 0);
