/**
 * A client that behaves like a real one under failure: a network error, a 5xx or a 429 is retried (with the same
 * Idempotency-Key, so the server can recognise the retry), waiting Retry-After when given and a capped, jittered
 * backoff otherwise, until a deadline. Every attempt is recorded.
 */
import type { Rng } from "./rng";

export interface Attempt {
  at: string;
  /** The HTTP status, or null when no answer came (connection refused / reset / timeout). */
  status: number | null;
  error?: string;
  ms: number;
  /** The origin the attempt went to (several app instances: which one). */
  origin?: string;
}

export interface CallResult<T = unknown> {
  /** The final answer: the first that is not retried, or the last one before the deadline. */
  status: number | null;
  body: T | null;
  attempts: Attempt[];
  /** True when the deadline passed while every answer was still a retryable failure. */
  gaveUp: boolean;
}

export interface RetryPolicy {
  /** Stop retrying after this long (ms from the first attempt). */
  deadlineMs: number;
  /** One attempt's timeout. */
  attemptTimeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured (a server asking for more is retried after this). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  deadlineMs: 120_000,
  attemptTimeoutMs: 20_000,
  baseDelayMs: 200,
  maxDelayMs: 3_000,
  maxRetryAfterMs: 5_000,
};

export function isRetryable(status: number | null): boolean {
  return status === null || status === 429 || status >= 500;
}

/** The wait before attempt `n + 1` (n ≥ 1): Retry-After when given, else exponential with full jitter. */
export function retryDelay(n: number, retryAfter: string | null, policy: RetryPolicy, rng: Rng): number {
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxRetryAfterMs);
  }
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  return Math.round(cap / 2 + rng.next() * (cap / 2));
}

export async function callWithRetry<T = unknown>(input: {
  /**
   * The URL, or a function giving each attempt's URL (attempt number from 1, the previous attempt or null): a load
   * balancer in front of several instances sends a retry elsewhere.
   */
  url: string | ((attempt: number, previous: Attempt | null) => string);
  method?: string;
  /** Fresh headers per attempt (a session token minted per attempt never expires mid-retry). */
  headers: () => Promise<Record<string, string>> | Record<string, string>;
  body?: unknown;
  policy?: Partial<RetryPolicy>;
  rng: Rng;
}): Promise<CallResult<T>> {
  const policy = { ...DEFAULT_RETRY, ...input.policy };
  const started = Date.now();
  const attempts: Attempt[] = [];
  for (let n = 1; ; n++) {
    const t0 = Date.now();
    let status: number | null = null;
    let body: T | null = null;
    let retryAfter: string | null = null;
    const url = typeof input.url === "string" ? input.url : input.url(n, attempts.at(-1) ?? null);
    const origin = new URL(url).origin;
    try {
      const res = await fetch(url, {
        method: input.method ?? "POST",
        headers: {
          ...(input.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...(await input.headers()),
        },
        body: input.body !== undefined ? JSON.stringify(input.body) : undefined,
        signal: AbortSignal.timeout(policy.attemptTimeoutMs),
      });
      status = res.status;
      retryAfter = res.headers.get("retry-after");
      const text = await res.text();
      try {
        body = text ? (JSON.parse(text) as T) : null;
      } catch {
        body = null; // an HTML or plain-text error page
      }
      attempts.push({ at: new Date(t0).toISOString(), status, ms: Date.now() - t0, origin });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      attempts.push({
        at: new Date(t0).toISOString(),
        status: null,
        error: e.cause?.code ?? e.name ?? e.message,
        ms: Date.now() - t0,
        origin,
      });
    }
    if (!isRetryable(status)) return { status, body, attempts, gaveUp: false };
    const delay = retryDelay(n, retryAfter, policy, input.rng);
    if (Date.now() + delay - started > policy.deadlineMs) return { status, body, attempts, gaveUp: true };
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
