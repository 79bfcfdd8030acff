/**
 * Faults on demand, so tests can prove the app survives what Shopify does under load or failure:
 *  - THROTTLED: answer `{errors:[{message:"Throttled", extensions:{code:"THROTTLED"}}]}` (HTTP 200)
 *  - HTTP_500 / HTTP_503: answer that status without executing anything
 *  - LATENCY: wait `ms` (default 1000) before answering normally
 *  - DROP_AFTER_APPLY: execute the mutation, then destroy the socket (applied, but the client sees a
 *    network error) — only mutations consume it
 *  - STALE_FO_DESTINATION: the next orderUpdate changes the order's address but leaves the fulfillment
 *    orders' destination as it was (Shopify silently keeping the old address)
 * A fault applies `times` times (default 1; a negative number: until cleared), optionally only to an
 * operation name or root field name (`operation`).
 */
export const FAULT_KINDS = [
  "THROTTLED",
  "HTTP_500",
  "HTTP_503",
  "LATENCY",
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
const ANSWER_KINDS = new Set<FaultKind>(["THROTTLED", "HTTP_500", "HTTP_503", "DROP_AFTER_APPLY"]);

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
  private random: { p: number; kinds: FaultKind[]; next: () => number; ms: number } | null = null;
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
  failRate(p: number, kinds: FaultKind[] = ["HTTP_503"], options: { seed?: number; ms?: number } = {}): this {
    if (p < 0 || p > 1) throw new Error(`failRate p must be in [0, 1], got ${p}`);
    for (const k of kinds) if (!FAULT_KINDS.includes(k)) throw new Error(`Unknown fault kind ${k}`);
    this.random = p > 0 ? { p, kinds, next: seeded(options.seed ?? 42), ms: options.ms ?? 1000 } : null;
    return this;
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
  take(req: RequestInfo): { latencyMs: number; answer: FaultKind | null } {
    let latencyMs = 0;
    let answer: FaultKind | null = null;
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
        if (kind === "LATENCY") latencyMs += this.random.ms;
        else answer = kind;
      }
    }
    return { latencyMs, answer };
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
