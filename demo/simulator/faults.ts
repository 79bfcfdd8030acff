/**
 * Faults on demand, so tests can prove the app survives what Shopify does under load or failure:
 *  - THROTTLED: answer `{errors:[{message:"Throttled", extensions:{code:"THROTTLED"}}]}` (HTTP 200)
 *  - HTTP_500 / HTTP_503: answer that status without executing anything
 *  - INTERNAL_ERROR: HTTP 200 `{errors:[{message:"Internal error. Looks like something went wrong on our end.…",
 *    extensions:{code:"INTERNAL_SERVER_ERROR", requestId}}]}` — Shopify's usual form of an internal error; nothing runs
 *  - LATENCY: wait `ms` (default 1000) before answering normally
 *  - DROP_BEFORE_APPLY: destroy the socket without running anything (a connection reset on the way in: not applied,
 *    but the client cannot tell it from DROP_AFTER_APPLY)
 *  - DROP_AFTER_APPLY: execute the mutation, then destroy the socket (applied, but the client sees a
 *    network error) — only mutations consume it
 *  - STALE_FO_DESTINATION: the next orderUpdate changes the order's address but leaves the fulfillment
 *    orders' destination as it was (Shopify silently keeping the old address)
 * A fault applies `times` times (default 1; a negative number: until cleared), optionally only to an
 * operation name or root field name (`operation`).
 *
 * Chaos mode (`chaos()`, `POST /_sim/chaos`, `SIMULATOR_CHAOS*` for main.ts): a fraction `p` of GraphQL calls fail
 * with a fault drawn from a mix (default CHAOS_MIX), from a seeded PRNG. A chaos THROTTLED is a real throttle: the
 * server lowers the bucket below the call's cost first, so `throttleStatus` says why, as Shopify's would.
 */
export const FAULT_KINDS = [
  "THROTTLED",
  "HTTP_500",
  "HTTP_503",
  "INTERNAL_ERROR",
  "LATENCY",
  "DROP_BEFORE_APPLY",
  "DROP_AFTER_APPLY",
  "STALE_FO_DESTINATION",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  times?: number;
  ms?: number;
  operation?: string;
}

interface ActiveFault extends Required<Pick<FaultSpec, "kind">> {
  remaining: number;
  ms: number;
  operation?: string;
}

export interface RequestInfo {
  operationName: string | null;
  rootFields: string[];
  isMutation: boolean;
}

/** Kinds that replace the answer: at most one of them applies to a request. */
const ANSWER_KINDS = new Set<FaultKind>([
  "THROTTLED",
  "HTTP_500",
  "HTTP_503",
  "INTERNAL_ERROR",
  "DROP_BEFORE_APPLY",
  "DROP_AFTER_APPLY",
]);

/** Chaos mode's default mix: what Shopify (or the network to it) does to a call under load. */
export const CHAOS_MIX: readonly FaultKind[] = [
  "THROTTLED",
  "HTTP_500",
  "HTTP_503",
  "DROP_BEFORE_APPLY",
  "DROP_AFTER_APPLY",
];

export interface ChaosOptions {
  /** Fraction of GraphQL calls that fail, in [0, 1]. */
  p: number;
  /** Default 42: the same seed and the same sequence of calls give the same faults. */
  seed?: number;
  /** Default CHAOS_MIX (DROP_AFTER_APPLY only ever hits mutations; a query draws from the rest). */
  kinds?: FaultKind[];
  /** LATENCY's wait when it is in the mix (default 1000 ms). */
  ms?: number;
  /** A tighter leaky bucket, so real throttling happens too (e.g. { maximumAvailable: 200, restoreRate: 20 }). */
  bucket?: { maximumAvailable: number; restoreRate: number };
}

/** What chaos mode did so far: calls drawn from, and faults fired by kind. */
export interface ChaosStatus {
  enabled: boolean;
  p: number;
  seed: number | null;
  kinds: FaultKind[];
  draws: number;
  fired: Partial<Record<FaultKind, number>>;
}

/**
 * Chaos options from the environment (for the standalone simulator): SIMULATOR_CHAOS=0.3,
 * SIMULATOR_CHAOS_SEED=7, SIMULATOR_CHAOS_KINDS=THROTTLED,HTTP_503, SIMULATOR_BUCKET=200:20 (maximum:restore/s).
 * Null when SIMULATOR_CHAOS is unset and no bucket is given.
 */
export function chaosFromEnv(env: Record<string, string | undefined> = process.env): ChaosOptions | null {
  const raw = env.SIMULATOR_CHAOS;
  const bucketRaw = env.SIMULATOR_BUCKET;
  if (!raw && !bucketRaw) return null;
  const p = raw ? Number(raw) : 0;
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error(`SIMULATOR_CHAOS must be a number in [0, 1], got ${raw}`);
  const options: ChaosOptions = { p };
  if (env.SIMULATOR_CHAOS_SEED) options.seed = Number(env.SIMULATOR_CHAOS_SEED);
  if (env.SIMULATOR_CHAOS_KINDS) options.kinds = env.SIMULATOR_CHAOS_KINDS.split(",").map((k) => k.trim() as FaultKind);
  if (bucketRaw) {
    const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(bucketRaw);
    if (!m) throw new Error(`SIMULATOR_BUCKET must be <maximumAvailable>:<restoreRate>, got ${bucketRaw}`);
    options.bucket = { maximumAvailable: Number(m[1]), restoreRate: Number(m[2]) };
  }
  return options;
}

/** mulberry32: small, seeded, good enough to make "random" faults reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private active: ActiveFault[] = [];
  private random: {
    p: number;
    kinds: FaultKind[];
    next: () => number;
    ms: number;
    seed: number;
    /** Chaos mode: a random THROTTLED also empties the bucket below the call's cost (failRate leaves it). */
    realThrottle: boolean;
    draws: number;
    fired: Partial<Record<FaultKind, number>>;
  } | null = null;
  /** Every fault that fired, in order: tests assert on it. */
  fired: { kind: FaultKind; operationName: string | null; rootFields: string[]; at: string }[] = [];

  inject(spec: FaultSpec): this {
    if (!FAULT_KINDS.includes(spec.kind)) {
      throw new Error(`Unknown fault kind ${JSON.stringify(spec.kind)}; expected one of ${FAULT_KINDS.join(", ")}`);
    }
    const times = spec.times ?? 1;
    this.active.push({
      kind: spec.kind,
      remaining: times < 0 ? Infinity : times,
      ms: spec.ms ?? 1000,
      operation: spec.operation,
    });
    return this;
  }

  /** Each request fails with probability `p`, with one of `kinds` (seeded: the same seed, the same run). */
  failRate(
    p: number,
    kinds: FaultKind[] = ["HTTP_503"],
    options: { seed?: number; ms?: number; realThrottle?: boolean } = {},
  ): this {
    if (p < 0 || p > 1) throw new Error(`failRate p must be in [0, 1], got ${p}`);
    for (const k of kinds) if (!FAULT_KINDS.includes(k)) throw new Error(`Unknown fault kind ${k}`);
    const seed = options.seed ?? 42;
    this.random =
      p > 0
        ? {
            p,
            kinds,
            next: seeded(seed),
            ms: options.ms ?? 1000,
            seed,
            realThrottle: options.realThrottle ?? false,
            draws: 0,
            fired: {},
          }
        : null;
    return this;
  }

  /** Chaos mode: failRate over a realistic mix (CHAOS_MIX unless `kinds`). The bucket is the server's business. */
  chaos(options: ChaosOptions): this {
    return this.failRate(options.p, options.kinds ?? [...CHAOS_MIX], {
      seed: options.seed,
      ms: options.ms,
      realThrottle: true,
    });
  }

  chaosStatus(): ChaosStatus {
    const r = this.random;
    return r
      ? { enabled: true, p: r.p, seed: r.seed, kinds: r.kinds, draws: r.draws, fired: { ...r.fired } }
      : { enabled: false, p: 0, seed: null, kinds: [], draws: 0, fired: {} };
  }

  clear(): this {
    this.active = [];
    this.random = null;
    return this;
  }

  pending(): FaultSpec[] {
    return this.active.map((f) => ({
      kind: f.kind,
      times: f.remaining === Infinity ? -1 : f.remaining,
      ms: f.ms,
      operation: f.operation,
    }));
  }

  private matches(f: ActiveFault, req: RequestInfo): boolean {
    if (f.remaining <= 0) return false;
    if (f.operation && f.operation !== req.operationName && !req.rootFields.includes(f.operation)) return false;
    if (f.kind === "DROP_AFTER_APPLY" && !req.isMutation) return false;
    if (f.kind === "STALE_FO_DESTINATION") return false; // consumed inside orderUpdate
    return true;
  }

  private consume(f: ActiveFault, req: RequestInfo): void {
    f.remaining -= 1;
    this.fired.push({
      kind: f.kind,
      operationName: req.operationName,
      rootFields: req.rootFields,
      at: new Date().toISOString(),
    });
    this.active = this.active.filter((x) => x.remaining > 0);
  }

  /** The faults for one request: a latency to wait, and at most one fault that replaces the answer. */
  take(req: RequestInfo): { latencyMs: number; answer: FaultKind | null; realThrottle: boolean } {
    let latencyMs = 0;
    let answer: FaultKind | null = null;
    let realThrottle = false;
    for (const f of [...this.active]) {
      if (!this.matches(f, req)) continue;
      if (f.kind === "LATENCY") {
        latencyMs += f.ms;
        this.consume(f, req);
      } else if (!answer && ANSWER_KINDS.has(f.kind)) {
        answer = f.kind;
        this.consume(f, req);
      }
    }
    if (!answer && this.random) this.random.draws += 1;
    if (!answer && this.random && this.random.next() < this.random.p) {
      const usable = this.random.kinds.filter(
        (k) => k !== "STALE_FO_DESTINATION" && (k !== "DROP_AFTER_APPLY" || req.isMutation),
      );
      if (usable.length) {
        const kind = usable[Math.floor(this.random.next() * usable.length)];
        this.fired.push({
          kind,
          operationName: req.operationName,
          rootFields: req.rootFields,
          at: new Date().toISOString(),
        });
        this.random.fired[kind] = (this.random.fired[kind] ?? 0) + 1;
        if (kind === "LATENCY") latencyMs += this.random.ms;
        else {
          answer = kind;
          realThrottle = kind === "THROTTLED" && this.random.realThrottle;
        }
      }
    }
    return { latencyMs, answer, realThrottle };
  }

  /** Consumed by orderUpdate when it changes a shipping address. */
  takeStaleDestination(req: RequestInfo): boolean {
    const f = this.active.find(
      (x) =>
        x.kind === "STALE_FO_DESTINATION" &&
        x.remaining > 0 &&
        (!x.operation || x.operation === req.operationName || req.rootFields.includes(x.operation)),
    );
    if (!f) return false;
    this.consume(f, req);
    return true;
  }
}
