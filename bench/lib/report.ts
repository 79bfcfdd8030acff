import fs from "node:fs";
import path from "node:path";

/** One figure of a bench table: what was measured, against what baseline from the same run, and the target. */
export interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: "yes" | "no";
}

/** A row as written to BENCH_REPORT: the bench script it came from and the title of its table. */
export interface ReportLine extends Row {
  bench: string;
  title: string;
}

/** How one bench run ended, as `bench/run-all.ts` sees it. */
export type BenchStatus = "ok" | "missed" | "crashed" | "timed out";

export interface BenchResult {
  bench: string;
  status: BenchStatus;
  /** why a crashed or timed-out bench is one ("exit code 1"), for the table */
  detail: string;
  /** the last error its log shows, for the summary under the table */
  error?: string | null;
  seconds: number;
  rows: ReportLine[];
}

/** A line of the combined table. */
export interface TableRow {
  bench: string;
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}

export const TABLE_COLUMNS = ["bench", "figure", "value", "baseline", "ratio", "target", "met"] as const;

/** `bench/inbox.bench.ts` → `inbox`. */
export function benchName(script: string): string {
  return path.basename(script).replace(/\.bench\.[cm]?[jt]s$/, "");
}

/** The JSON lines for `rows` of the table `title`, one object per row, each ending in a newline. */
export function reportLines(bench: string, title: string, rows: Row[]): string {
  return rows
    .map((row) => {
      const line: ReportLine = {
        bench,
        title,
        figure: row.figure,
        value: row.value,
        baseline: row.baseline,
        ratio: row.ratio,
        target: row.target,
        met: row.met,
      };
      return `${JSON.stringify(line)}\n`;
    })
    .join("");
}

/** Appends `rows` to the JSON-lines file `file` (synchronously, so a bench that exits right after loses nothing). */
export function appendReport(file: string, bench: string, title: string, rows: Row[]): void {
  if (rows.length === 0) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.appendFileSync(file, reportLines(bench, title, rows));
}

/**
 * Records `rows` in the file named by env BENCH_REPORT, when it is set (as `bench/run-all.ts` does); prints nothing.
 * Benches whose own table has other columns call this; the rest call `printTable`, which calls this.
 */
export function recordRows(title: string, rows: Row[], env: Record<string, string | undefined> = process.env): void {
  const file = env.BENCH_REPORT;
  if (!file) return;
  appendReport(file, benchName(process.argv[1] ?? "unknown"), title, rows);
}

/** Parses a BENCH_REPORT file's text; a line that is not a report row (a torn last write) is an error. */
export function parseReport(text: string): ReportLine[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`bench report line ${i + 1} is not JSON: ${line.slice(0, 200)}`);
      }
      const row = parsed as Partial<ReportLine>;
      for (const key of ["bench", "title", ...TABLE_COLUMNS.slice(1)] as const) {
        if (typeof row[key] !== "string") throw new Error(`bench report line ${i + 1} has no ${key}: ${line}`);
      }
      return row as ReportLine;
    });
}

/**
 * How a bench ended. A timeout, a signal or a non-zero exit is a crash: a bench reports a missed target as
 * met = no and exits 0 when BENCH_REPORT is set. A bench that exits 0 but reports no figure is broken too: every
 * figure has to reach the combined table.
 */
export function classify(run: { code: number | null; signal: string | null; timedOut: boolean; rows: Row[] }): {
  status: BenchStatus;
  detail: string;
} {
  if (run.timedOut) return { status: "timed out", detail: "killed at the per-bench timeout" };
  if (run.signal) return { status: "crashed", detail: `killed by ${run.signal}` };
  if (run.code !== 0) return { status: "crashed", detail: `exit code ${run.code}` };
  if (run.rows.length === 0) return { status: "crashed", detail: "exited 0 but reported no figures" };
  return { status: run.rows.some((row) => row.met !== "yes") ? "missed" : "ok", detail: "" };
}

/** The last error a crashed bench's log shows (Node prints the uncaught one last), for the summary line. */
export function lastError(log: string): string | null {
  const errors = log
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^([A-Z]\w*)?Error\b.*:/.test(line) || /^(bench|run-all): /.test(line));
  const last = errors.at(-1);
  return last === undefined ? null : last.length > 160 ? `${last.slice(0, 157)}…` : last;
}

/** The combined table: every reported row, in run order; a bench that crashed gets one line saying so. */
export function aggregate(results: BenchResult[]): TableRow[] {
  const table: TableRow[] = [];
  for (const result of results) {
    for (const row of result.rows) {
      table.push({
        bench: result.bench,
        figure: row.figure,
        value: row.value,
        baseline: row.baseline,
        ratio: row.ratio,
        target: row.target,
        met: row.met,
      });
    }
    if (result.status === "crashed" || result.status === "timed out") {
      table.push({
        bench: result.bench,
        figure: `${result.status.toUpperCase()} (${result.detail})`,
        value: "—",
        baseline: "—",
        ratio: "—",
        target: "—",
        met: "no",
      });
    }
  }
  return table;
}

/** A plain-text table with a header, aligned columns and a rule under the header. */
export function formatTable(rows: TableRow[]): string {
  const width = (s: string) => [...s].length;
  const widths = TABLE_COLUMNS.map((col) => Math.max(width(col), ...rows.map((row) => width(row[col]))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell + " ".repeat(widths[i] - width(cell)))
      .join("  ")
      .trimEnd();
  return [
    line([...TABLE_COLUMNS]),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((row) => line(TABLE_COLUMNS.map((col) => row[col]))),
  ].join("\n");
}

/** Whether run-all should exit non-zero: a crash or a timeout does; a missed target does not. */
export function anyCrashed(results: BenchResult[]): boolean {
  return results.some((r) => r.status === "crashed" || r.status === "timed out");
}
