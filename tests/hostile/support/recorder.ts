/**
 * Every answer the suite gets goes through here and is recorded — in this file's list and, for the run, in
 * `<dir>/responses.jsonl` — so that each group ends with a test that no answer was a 500 and no connection was
 * cut where an answer was due (`group`).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, hostile } from "./context";

export interface Recorded {
  file: string;
  test: string;
  method: string;
  path: string;
  /** null: no answer (connection refused, reset or timed out). */
  status: number | null;
  error?: string;
  ms: number;
  /** A case where the server may close the connection instead of answering (e.g. it stops reading a huge body). */
  closeAllowed?: boolean;
}

const recorded: Recorded[] = [];

export function record(entry: Omit<Recorded, "file" | "test">): void {
  const state = expect.getState();
  const full: Recorded = {
    file: path.basename(state.testPath ?? "?"),
    test: state.currentTestName ?? "?",
    ...entry,
  };
  recorded.push(full);
  fs.appendFileSync(path.join(hostile().dir, "responses.jsonl"), `${JSON.stringify(full)}\n`);
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or null when it is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  ms: number;
}

export interface Call {
  method?: string;
  headers?: Record<string, string>;
  /** A string or bytes are sent as they are; anything else as JSON. */
  body?: unknown;
  timeoutMs?: number;
}

export const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

/** One request to the web process (no retries, no redirects followed), recorded. */
export async function send(pathname: string, init: Call = {}): Promise<Answer> {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const raw = typeof init.body === "string" || init.body instanceof Uint8Array;
  const headers: Record<string, string> = {
    // Node's own User-Agent reads as a bot, which the Shopify library turns away (410) before anything else.
    "User-Agent": BROWSER,
    ...(init.body !== undefined && !raw ? { "Content-Type": "application/json" } : {}),
    ...init.headers,
  };
  const started = Date.now();
  try {
    const res = await fetch(`${hostile().appUrl}${pathname}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : raw ? (init.body as string) : JSON.stringify(init.body),
      redirect: "manual",
      signal: AbortSignal.timeout(init.timeoutMs ?? 20_000),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    const ms = Date.now() - started;
    record({ method, path: pathname, status: res.status, ms });
    return { status: res.status, headers: res.headers, text, json, ms };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    record({ method, path: pathname, status: null, error: e.cause?.code ?? e.name, ms: Date.now() - started });
    throw error;
  }
}

/** `{status, code}` of an answer, for `toEqual` against a case's expected answer. */
export const outcome = (a: Answer) => ({ status: a.status, code: (a.json?.error?.code as string | undefined) ?? null });

/**
 * A group of cases: `describe` plus, last, the test that none of the group's answers was a 500 and no connection
 * was cut where an answer was due.
 */
export function group(name: string, cases: () => void): void {
  describe(name, () => {
    let first = 0;
    beforeAll(() => {
      first = recorded.length;
    });
    cases();
    it("answered every request of the group, none with a 500", () => {
      const mine = recorded.slice(first);
      // 503 is a documented answer (Shopify unavailable: retry later); any other 5xx is a failure.
      const bad = mine.filter(
        (r) => (r.status !== null && r.status >= 500 && r.status !== 503) || (r.status === null && !r.closeAllowed),
      );
      expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
      expect(mine.length).toBeGreaterThan(0);
    });
    afterAll(closeDatabase);
  });
}
