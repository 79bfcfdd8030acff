import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  aggregate,
  anyCrashed,
  appendReport,
  benchName,
  classify,
  formatTable,
  lastError,
  parseReport,
  recordRows,
  reportLines,
  type BenchResult,
  type Row,
} from "../../bench/lib/report";

const p99: Row = {
  figure: "orders/updated ack p99",
  value: "4.10 ms",
  baseline: "2.50 ms",
  ratio: "1.64×",
  target: "≤ 2×",
  met: "yes",
};
const missed: Row = { ...p99, figure: "search email", value: "61.00 ms", ratio: "2.40×", met: "no" };

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-report-test-"));
  dirs.push(dir);
  return path.join(dir, "nested", "report.jsonl");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("bench report JSON lines", () => {
  it("writes one JSON object per row, with the bench and the table title", () => {
    const text = reportLines("webhooks", "webhook acknowledgement", [p99, missed]);
    const lines = text.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(JSON.parse(lines[0])).toEqual({ bench: "webhooks", title: "webhook acknowledgement", ...p99 });
    expect(JSON.parse(lines[1])).toEqual({ bench: "webhooks", title: "webhook acknowledgement", ...missed });
  });

  it("appends to the file (creating its folder), so several tables of one bench all arrive", () => {
    const file = tempFile();
    appendReport(file, "inbox", "first table", [p99]);
    appendReport(file, "inbox", "second table", [missed]);
    appendReport(file, "inbox", "empty table", []);
    const rows = parseReport(fs.readFileSync(file, "utf8"));
    expect(rows.map((r) => [r.title, r.figure, r.met])).toEqual([
      ["first table", "orders/updated ack p99", "yes"],
      ["second table", "search email", "no"],
    ]);
  });

  it("records only when BENCH_REPORT is set", () => {
    const file = tempFile();
    recordRows("t", [p99], {});
    expect(fs.existsSync(file)).toBe(false);
    recordRows("t", [p99], { BENCH_REPORT: file });
    const [row] = parseReport(fs.readFileSync(file, "utf8"));
    expect(row).toMatchObject({ title: "t", figure: p99.figure, value: "4.10 ms" });
  });

  it("keeps unicode and quotes intact through the round trip", () => {
    const tricky: Row = { ...p99, figure: 'search customer "Chloé" — ≤ 2×', value: "0.05\n" };
    expect(parseReport(reportLines("x", "t", [tricky]))[0]).toMatchObject(tricky);
  });

  it("refuses a line that is not a whole report row", () => {
    expect(() => parseReport('{"bench":"x","title":"t","figure":"f"')).toThrow(/line 1 is not JSON/);
    expect(() => parseReport(`${reportLines("x", "t", [p99])}{"bench":"x"}\n`)).toThrow(/line 2 has no title/);
    expect(parseReport("\n\n")).toEqual([]);
  });

  it("names a bench after its script", () => {
    expect(benchName("/work/main/bench/options-latency.bench.ts")).toBe("options-latency");
    expect(benchName("bench/inbox.bench.ts")).toBe("inbox");
  });
});

describe("bench outcome", () => {
  it("is ok when the bench exits 0 with every target met", () => {
    expect(classify({ code: 0, signal: null, timedOut: false, rows: [p99] })).toEqual({ status: "ok", detail: "" });
  });

  it("is a miss, not a crash, when it exits 0 having reported a missed target", () => {
    expect(classify({ code: 0, signal: null, timedOut: false, rows: [p99, missed] })).toEqual({
      status: "missed",
      detail: "",
    });
  });

  it("is a crash on a non-zero exit (even after a missed target), a signal, a timeout or no figures", () => {
    expect(classify({ code: 1, signal: null, timedOut: false, rows: [p99] })).toEqual({
      status: "crashed",
      detail: "exit code 1",
    });
    // demo-vitals prints its startup figure, then fails without Chromium: the miss must not hide the crash
    expect(classify({ code: 1, signal: null, timedOut: false, rows: [missed] }).status).toBe("crashed");
    expect(classify({ code: null, signal: "SIGSEGV", timedOut: false, rows: [] }).detail).toBe("killed by SIGSEGV");
    expect(classify({ code: null, signal: "SIGKILL", timedOut: true, rows: [p99] }).status).toBe("timed out");
    expect(classify({ code: 0, signal: null, timedOut: false, rows: [] }).status).toBe("crashed");
  });

  it("finds the error a crashed bench's log ends with", () => {
    const log = [
      "start 1: npm run demo → ready in 7.4 s",
      "/work/main/tests/e2e/support.ts:15",
      "    throw new Error(`${CHROMIUM} is missing`);",
      "",
      "Error: /usr/bin/chromium is missing: install it with `apt-get install -y chromium` (.ci/run does).",
      "    at launchChromium (/work/main/tests/e2e/support.ts:15:11)",
      "",
      "Node.js v20.20.2",
    ].join("\n");
    expect(lastError(log)).toBe(
      "Error: /usr/bin/chromium is missing: install it with `apt-get install -y chromium` (.ci/run does).",
    );
    expect(lastError("TypeError: x is not a function\n  at y\nbench: timed out waiting for the worker\n")).toBe(
      "bench: timed out waiting for the worker",
    );
    expect(lastError("all fine\n")).toBeNull();
    expect(lastError(`Error: ${"x".repeat(300)}`)).toHaveLength(158);
  });
});

describe("combined table", () => {
  const line = (bench: string, row: Row) => ({ bench, title: `${bench} table`, ...row });
  const results: BenchResult[] = [
    { bench: "webhooks", status: "ok", detail: "", seconds: 12, rows: [line("webhooks", p99)] },
    { bench: "demo-vitals", status: "crashed", detail: "exit code 1", seconds: 40, rows: [] },
    { bench: "inbox", status: "missed", detail: "", seconds: 300, rows: [line("inbox", p99), line("inbox", missed)] },
  ];

  it("lists every row in run order with its bench, and one line per crashed bench", () => {
    const table = aggregate(results);
    expect(table.map((r) => [r.bench, r.figure, r.met])).toEqual([
      ["webhooks", "orders/updated ack p99", "yes"],
      ["demo-vitals", "CRASHED (exit code 1)", "no"],
      ["inbox", "orders/updated ack p99", "yes"],
      ["inbox", "search email", "no"],
    ]);
    expect(table[3]).toEqual({
      bench: "inbox",
      figure: "search email",
      value: "61.00 ms",
      baseline: "2.50 ms",
      ratio: "2.40×",
      target: "≤ 2×",
      met: "no",
    });
  });

  it("fails the run on a crash but not on a missed target", () => {
    expect(anyCrashed(results)).toBe(true);
    expect(anyCrashed([results[0], results[2]])).toBe(false);
    expect(anyCrashed([{ ...results[0], status: "timed out" }])).toBe(true);
  });

  it("formats aligned columns under a header", () => {
    const text = formatTable(aggregate([results[0], results[2]]));
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^bench\s+figure\s+value\s+baseline\s+ratio\s+target\s+met$/);
    expect(lines[1]).toMatch(/^-+( +-+){6}$/);
    expect(lines).toHaveLength(5);
    // every column starts at the same character on every line (× and ≤ count as one)
    const start = (l: string, cell: string) => [...l.slice(0, l.indexOf(cell))].length;
    expect(start(lines[2], "4.10 ms")).toBe(start(lines[0], "value"));
    expect(start(lines[4], "61.00 ms")).toBe(start(lines[0], "value"));
    expect(start(lines[4], "no")).toBe(start(lines[0], "met"));
    expect(lines[4].startsWith("inbox ")).toBe(true);
  });
});
