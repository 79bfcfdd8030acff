import type { ShopBudget } from "./budget.server";
import { AdminApiError, ShopifyUnavailableError } from "./errors";

/** The `graphql` function shopify-app-remix gives (`admin.graphql`), or any function of the same shape. */
export type AdminGraphql = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

/** Shopify's `extensions.cost` (https://shopify.dev/docs/api/usage/limits#cost-calculation). */
export interface QueryCost {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** One HTTP round trip to the Admin API, as seen by the gateway (for tests, benches and logs). */
export interface AdminCall {
  operation: string;
  attempt: number;
  outcome: "ok" | "throttled" | "retryable" | "error";
  /** HTTP status when one was seen (200 for GraphQL-level errors). */
  status: number | null;
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  durationMs: number;
}

export type AdminLog = (level: "debug" | "warn", message: string, fields: Record<string, unknown>) => void;

export interface AdminClientOptions {
  /** Waits `ms` milliseconds (fake it in tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1) for backoff jitter (fake it in tests). */
  random?: () => number;
  /** Tries per request for 5xx / 429 / network failures (the first try included). */
  maxAttempts?: number;
  /** Extra tries allowed for THROTTLED answers, which wait as long as Shopify's cost information says. */
  maxThrottledRetries?: number;
  /** Backoff: full jitter over min(capMs, baseMs · 2^(attempt-1)). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Shortest wait after a THROTTLED answer (Shopify's restore rate is per second). */
  minThrottleWaitMs?: number;
  log?: AdminLog;
  /** Called after every HTTP round trip (count calls and query cost per customer action). */
  onCall?: (call: AdminCall) => void;
  /** The shop's budget: updated from every answer's `throttleStatus`, consulted by deferrable reads. */
  budget?: ShopBudget;
}

export interface RequestOptions {
  /** Operation name for errors, logs and call records (defaults to the name in the document). */
  operation?: string;
  /**
   * May the client resend after a failure that could have happened after Shopify executed it
   * (5xx other than 503, connection lost)? Default: true for queries, false for mutations —
   * mutations go through the ledger, which reads Shopify's state before sending again.
   */
  idempotent?: boolean;
  /**
   * A read that can wait: while the shop's budget is below the reserve kept for mutations, it waits (up to
   * `maxWaitMs`) for the bucket to refill before it is sent; still low then, it is not sent
   * (ShopifyUnavailableError), so that mutations keep their budget.
   */
  defer?: { cost: number; maxWaitMs: number };
  /**
   * Accept an answer whose only errors are ACCESS_DENIED on fields (protected customer data the app is not
   * approved for): the data is returned with those fields null, and the denied fields are given here.
   * Without it, such an answer is an AdminApiError like any other.
   */
  onAccessDenied?: (denied: DeniedField[]) => void;
}

/** A field Shopify answered null with ACCESS_DENIED: its path in `data` ("order.customer.email"). */
export interface DeniedField {
  path: string;
  message: string;
}

export interface AdminClient {
  /** Sends one operation; returns `data`, or throws AdminApiError / ShopifyUnavailableError. */
  request<T>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<T>;
  /** The client's clock, for callers that wait between calls (job polls, resends). */
  sleep(ms: number): Promise<void>;
}

type Outcome =
  | { kind: "ok"; status: number; data: unknown; cost: QueryCost | null }
  | { kind: "throttled"; status: number; waitMs: number; cost: QueryCost | null }
  | {
      kind: "retryable";
      status: number | null;
      message: string;
      retryAfterSeconds: number | null;
      /** The request may have been executed (a mutation must not be blindly resent). */
      ambiguous: boolean;
      cause?: unknown;
    }
  | {
      kind: "error";
      status: number | null;
      message: string;
      codes: string[];
      cost: QueryCost | null;
      /** The data, when every error is an ACCESS_DENIED on one field. */
      partial?: { data: unknown; denied: DeniedField[] } | null;
    };

interface GraphqlErrorEntry {
  message?: string;
  extensions?: { code?: string; cost?: QueryCost } & Record<string, unknown>;
  path?: (string | number)[];
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The operation name written in a document (`query AmendOrderFacts(...)` → "AmendOrderFacts"). */
export function operationNameOf(query: string): string {
  return /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1] ?? "anonymous";
}

function isMutation(query: string): boolean {
  return /^\s*(?:#[^\n]*\n\s*)*mutation\b/.test(query);
}

/**
 * Wraps the library's `graphql` function with Amend's failure policy: THROTTLED waits for the bucket
 * to refill, transient failures back off with full jitter up to a bound, everything else is typed.
 */
export function createAdminClient(graphql: AdminGraphql, options: AdminClientOptions = {}): AdminClient {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 4;
  const maxThrottledRetries = options.maxThrottledRetries ?? 5;
  const baseMs = options.backoffBaseMs ?? 250;
  const capMs = options.backoffCapMs ?? 8_000;
  const minThrottleWaitMs = options.minThrottleWaitMs ?? 250;
  const log: AdminLog = options.log ?? (() => {});

  return {
    sleep,
    async request<T>(query: string, variables: Record<string, unknown> = {}, requestOptions: RequestOptions = {}) {
      const operation = requestOptions.operation ?? operationNameOf(query);
      const idempotent = requestOptions.idempotent ?? !isMutation(query);
      let failures = 0;
      let throttled = 0;
      const { budget } = options;
      const defer = requestOptions.defer;
      if (budget && defer) {
        // questions queue for the bucket (each counts its cost as it leaves), so mutations find their budget
        for (let waited = 0; budget.isLowFor(defer.cost) && waited < defer.maxWaitMs;) {
          const waitMs = Math.max(50, Math.min(defer.maxWaitMs - waited, budget.waitMsFor(defer.cost)));
          log("debug", "Admin API budget low; a read waits for the bucket", { operation, waitMs });
          await sleep(waitMs);
          waited += waitMs;
        }
        // still low: the reserve stays the mutations'; the caller answers from what it has, or later
        if (budget.isLowFor(defer.cost)) {
          throw new ShopifyUnavailableError({
            operation,
            message: "the shop's Admin API budget is kept for changes",
            retryAfterSeconds: Math.max(1, Math.ceil(budget.waitMsFor(defer.cost) / 1000)),
            budget: true,
          });
        }
        budget.spend(defer.cost);
      }
      for (let attempt = 1; ; attempt++) {
        const started = Date.now();
        const outcome = await send(graphql, query, variables, minThrottleWaitMs);
        if ("cost" in outcome) budget?.observe(outcome.cost?.throttleStatus);
        options.onCall?.({
          operation,
          attempt,
          outcome: outcome.kind,
          status: outcome.status,
          requestedQueryCost: "cost" in outcome ? (outcome.cost?.requestedQueryCost ?? null) : null,
          actualQueryCost: "cost" in outcome ? (outcome.cost?.actualQueryCost ?? null) : null,
          durationMs: Date.now() - started,
        });
        switch (outcome.kind) {
          case "ok":
            return outcome.data as T;
          case "error":
            if (outcome.partial && requestOptions.onAccessDenied) {
              requestOptions.onAccessDenied(outcome.partial.denied);
              return outcome.partial.data as T;
            }
            throw new AdminApiError(operation, outcome.message, outcome.codes, outcome.status);
          case "throttled": {
            throttled++;
            if (throttled > maxThrottledRetries) {
              throw new ShopifyUnavailableError({
                operation,
                message: `still throttled after ${throttled} tries`,
                retryAfterSeconds: Math.ceil(outcome.waitMs / 1000),
                status: outcome.status,
                budget: true,
              });
            }
            log("debug", "Admin API throttled; waiting for the bucket to refill", {
              operation,
              waitMs: outcome.waitMs,
            });
            await sleep(outcome.waitMs);
            continue;
          }
          case "retryable": {
            failures++;
            const giveUp = failures >= maxAttempts || (outcome.ambiguous && !idempotent);
            if (giveUp) {
              throw new ShopifyUnavailableError({
                operation,
                message: `${outcome.message} (after ${failures} tr${failures === 1 ? "y" : "ies"})`,
                retryAfterSeconds: outcome.retryAfterSeconds ?? Math.ceil(capMs / 1000),
                mayHaveApplied: outcome.ambiguous && !idempotent,
                status: outcome.status,
                cause: outcome.cause,
              });
            }
            const backoff = random() * Math.min(capMs, baseMs * 2 ** (failures - 1));
            const waitMs = Math.min(capMs, Math.max(backoff, (outcome.retryAfterSeconds ?? 0) * 1000));
            log("warn", "Admin API request failed; retrying", { operation, attempt, waitMs, reason: outcome.message });
            await sleep(waitMs);
            continue;
          }
        }
      }
    },
  };
}

async function send(
  graphql: AdminGraphql,
  query: string,
  variables: Record<string, unknown>,
  minThrottleWaitMs: number,
): Promise<Outcome> {
  let response: Response;
  try {
    response = await graphql(query, { variables });
  } catch (error) {
    return classifyThrown(error, minThrottleWaitMs);
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // a 5xx page is often not JSON
    }
    return classifyHttp(response.status, retryAfterOf(response.headers.get("retry-after")), body, minThrottleWaitMs);
  }
  let body: { data?: unknown; errors?: unknown; extensions?: { cost?: QueryCost } };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    // the connection dropped mid-body, or a proxy answered with HTML: the request may have run
    return {
      kind: "retryable",
      status: response.status,
      message: "unreadable response body",
      retryAfterSeconds: null,
      ambiguous: true,
      cause: error,
    };
  }
  return classifyBody(response.status, body, minThrottleWaitMs);
}

/** A 200 answer: data, or GraphQL `errors` (as an array, or the library's `{ graphQLErrors }` object). */
function classifyBody(
  status: number,
  body: { data?: unknown; errors?: unknown; extensions?: { cost?: QueryCost } } | null,
  minThrottleWaitMs: number,
): Outcome {
  const cost = body?.extensions?.cost ?? null;
  const errors = graphqlErrorsOf(body?.errors);
  if (errors.length === 0 && body?.errors == null) {
    return { kind: "ok", status, data: body?.data ?? null, cost };
  }
  if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
    return { kind: "throttled", status, waitMs: throttleWaitMs(cost, minThrottleWaitMs), cost };
  }
  const codes = errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === "string");
  if (codes.includes("INTERNAL_SERVER_ERROR")) {
    return {
      kind: "retryable",
      status,
      message: messageOf(errors, body?.errors),
      retryAfterSeconds: null,
      ambiguous: true,
    };
  }
  return {
    kind: "error",
    status,
    message: messageOf(errors, body?.errors),
    codes,
    cost,
    partial: accessDeniedOnly(body?.data, errors),
  };
}

/** Data with some fields withheld: every error an ACCESS_DENIED at a field's path (protected customer data). */
function accessDeniedOnly(data: unknown, errors: GraphqlErrorEntry[]): { data: unknown; denied: DeniedField[] } | null {
  if (data == null || errors.length === 0) return null;
  const denied: DeniedField[] = [];
  for (const e of errors) {
    // a denied root field (level 0: the whole order) is no partial answer
    if (e.extensions?.code !== "ACCESS_DENIED" || !Array.isArray(e.path) || e.path.length < 2) return null;
    denied.push({ path: e.path.join("."), message: e.message ?? "" });
  }
  return { data, denied };
}

function classifyHttp(
  status: number,
  retryAfterSeconds: number | null,
  body: unknown,
  minThrottleWaitMs: number,
): Outcome {
  if (status === 429) {
    return { kind: "retryable", status, message: "HTTP 429 Too Many Requests", retryAfterSeconds, ambiguous: false };
  }
  if (status >= 500) {
    // 503 means Shopify did not take the request; 500/502/504 may come after it ran
    return { kind: "retryable", status, message: `HTTP ${status}`, retryAfterSeconds, ambiguous: status !== 503 };
  }
  const parsed = body as { errors?: unknown; extensions?: { cost?: QueryCost } } | null;
  const errors = graphqlErrorsOf(parsed?.errors);
  if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
    return {
      kind: "throttled",
      status,
      waitMs: throttleWaitMs(parsed?.extensions?.cost ?? null, minThrottleWaitMs),
      cost: parsed?.extensions?.cost ?? null,
    };
  }
  const message = errors.length > 0 || parsed?.errors != null ? messageOf(errors, parsed?.errors) : `HTTP ${status}`;
  return { kind: "error", status, message, codes: [], cost: null };
}

/**
 * The library throws instead of returning for most failures:
 * GraphqlQueryError (200 with `errors`, body = the client response), HttpResponseError and subclasses
 * (`response.code`, `response.headers`, `response.body`), HttpRequestError / TypeError (no response),
 * HttpMaxRetriesError (its own `tries` used up), and from `authenticate.admin` a thrown `Response`.
 */
function classifyThrown(error: unknown, minThrottleWaitMs: number): Outcome {
  if (error instanceof Response) {
    return classifyHttp(error.status, retryAfterOf(error.headers.get("retry-after")), null, minThrottleWaitMs);
  }
  const e = error as {
    name?: string;
    message?: string;
    body?: { data?: unknown; errors?: unknown; extensions?: { cost?: QueryCost } };
    response?: {
      code?: number;
      headers?: Record<string, string | string[]>;
      body?: unknown;
      retryAfter?: number;
      status?: number;
    };
  } | null;
  if (e && typeof e === "object") {
    if (e.body && typeof e.body === "object" && "errors" in e.body) {
      return classifyBody(e.response?.status ?? 200, e.body, minThrottleWaitMs);
    }
    if (e.response && typeof e.response.code === "number") {
      const retryAfter = e.response.retryAfter ?? retryAfterOf(headerOf(e.response.headers, "retry-after"));
      return classifyHttp(e.response.code, retryAfter ?? null, e.response.body ?? null, minThrottleWaitMs);
    }
    const name = e.constructor?.name ?? e.name ?? "";
    if (name === "HttpMaxRetriesError") {
      return {
        kind: "retryable",
        status: null,
        message: e.message ?? name,
        retryAfterSeconds: null,
        ambiguous: true,
        cause: error,
      };
    }
    if (name === "HttpRequestError" || error instanceof TypeError || isConnectionError(e)) {
      return {
        kind: "retryable",
        status: null,
        message: e.message ?? "network error",
        retryAfterSeconds: null,
        ambiguous: true,
        cause: error,
      };
    }
  }
  // a programming error (missing session, bad arguments): not Shopify's answer, do not hide it
  throw error;
}

function isConnectionError(e: { message?: string; code?: unknown; cause?: unknown }): boolean {
  const code = (e as { code?: unknown }).code ?? (e.cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR_)/.test(code);
}

function graphqlErrorsOf(errors: unknown): GraphqlErrorEntry[] {
  if (Array.isArray(errors)) return errors as GraphqlErrorEntry[];
  const nested = (errors as { graphQLErrors?: unknown } | null)?.graphQLErrors;
  return Array.isArray(nested) ? (nested as GraphqlErrorEntry[]) : [];
}

function messageOf(errors: GraphqlErrorEntry[], raw: unknown): string {
  const messages = errors.map((e) => e.message).filter(Boolean);
  if (messages.length > 0) return messages.join("; ");
  if (typeof raw === "string") return raw;
  return (raw as { message?: string } | null)?.message ?? "unknown error";
}

/** Seconds until enough of the bucket is back for this query, per Shopify's own numbers. */
export function throttleWaitMs(cost: QueryCost | null, minMs: number): number {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (!status || requested == null || !(status.restoreRate > 0)) return Math.max(minMs, 1_000);
  const seconds = (requested - status.currentlyAvailable) / status.restoreRate;
  return Math.max(minMs, Math.ceil(seconds * 1000));
}

function retryAfterOf(value: string | null | undefined): number | null {
  if (value == null || value === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function headerOf(headers: Record<string, string | string[]> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
