import { recordRows, type Row } from "./report";

/** Percentile of sorted-or-not samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples: number[]) => percentile(samples, 50);

export type { Row } from "./report";

/**
 * Prints the bench table every bench script shares: figure, value, baseline, ratio, target; and, when env
 * BENCH_REPORT names a file (`npm run bench` sets it), appends the rows to it as JSON lines for the combined table.
 */
export function printTable(title: string, rows: Row[]) {
  console.log(`\n${title}`);
  console.table(rows);
  recordRows(title, rows);
}

/** Runs `fn` `total` times with at most `concurrency` in flight; returns each call's latency in ms. */
export async function loadTest(
  total: number,
  concurrency: number,
  fn: (i: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      await fn(i);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return latencies;
}
