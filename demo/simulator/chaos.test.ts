import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHAOS_MIX, Faults, chaosFromEnv, type FaultKind } from "./faults";
import { startSimulator, type Simulator } from "./server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers read loosely
type Json = any;

const TOKEN = "shpat_test";
const SHOP = `query ShopName { shop { name } }`;
const UPDATE = /* GraphQL */ `
  mutation AddressUpdate($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;
const ORDER = (n: number) => `gid://shopify/Order/${n}`;
const address = (i: number) => ({
  firstName: "Camille",
  lastName: "Martin",
  address1: `${i} rue de la Paix`,
  city: "Paris",
  zip: "75002",
  countryCode: "FR",
});

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ accessToken: TOKEN });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.bucket.configure({ maximumAvailable: 2000, restoreRate: 100 });
});

type Outcome = "ok" | "THROTTLED" | "HTTP_500" | "HTTP_503" | "DROPPED";

async function call(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ outcome: Outcome; body?: Json }> {
  try {
    const res = await fetch(sim.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
      body: JSON.stringify({ query, variables }),
    });
    if (res.status === 500) return { outcome: "HTTP_500" };
    if (res.status === 503) return { outcome: "HTTP_503" };
    const body = (await res.json()) as Json;
    if (body.errors?.[0]?.extensions?.code === "THROTTLED") return { outcome: "THROTTLED", body };
    return { outcome: "ok", body };
  } catch {
    return { outcome: "DROPPED" };
  }
}

describe("chaos mode", () => {
  it("fails about p of the calls with every kind of the mix, and the same seed gives the same run", async () => {
    const run = async () => {
      sim.reset();
      // a fast-restoring bucket: the few ms a throttled client waits are enough, so the run does not depend on the clock
      sim.chaos({ p: 0.3, seed: 11, bucket: { maximumAvailable: 2000, restoreRate: 5000 } });
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 120; i++) {
        // alternate queries and mutations: DROP_AFTER_APPLY only ever hits a mutation
        const r = i % 2 ? await call(SHOP) : await call(UPDATE, { input: { id: ORDER(5001), note: `n${i}` } });
        outcomes.push(r.outcome);
        // a well-behaved client waits for the points it lacks (100/s here: a few ms)
        if (r.outcome === "THROTTLED") await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const status = sim.faults.chaosStatus();
      return {
        outcomes,
        status,
        sequence: sim.faults.fired.map((f) => `${f.rootFields[0]}:${f.kind}`),
        kinds: sim.calls.map((c) => c.outcome),
      };
    };
    const a = await run();
    expect(a.status.draws).toBe(120);
    const fired = Object.values(a.status.fired).reduce((n, k) => n + (k ?? 0), 0);
    expect(fired).toBeGreaterThanOrEqual(24); // 30 % of 120 = 36, with a seeded spread
    expect(fired).toBeLessThanOrEqual(48);
    for (const kind of CHAOS_MIX) expect(a.status.fired[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(a.kinds).toContain("DROP_BEFORE_APPLY");
    expect(a.kinds).toContain("DROP_AFTER_APPLY");
    expect(a.outcomes.filter((o) => o !== "ok").length).toBe(fired);
    const b = await run();
    expect(b.sequence).toEqual(a.sequence);
    expect(b.outcomes).toEqual(a.outcomes);
  });

  it("DROP_AFTER_APPLY never hits a query; a query draws from the rest of the mix", async () => {
    sim.chaos({ p: 1, seed: 3, kinds: ["DROP_AFTER_APPLY", "HTTP_503"] });
    for (let i = 0; i < 10; i++) expect((await call(SHOP)).outcome).toBe("HTTP_503");
  });

  it("DROP_BEFORE_APPLY: the client sees the connection die and nothing is applied", async () => {
    sim.chaos({ p: 1, kinds: ["DROP_BEFORE_APPLY"] });
    expect((await call(UPDATE, { input: { id: ORDER(5001), shippingAddress: address(1) } })).outcome).toBe("DROPPED");
    sim.chaos({ p: 0 });
    expect(sim.store.log.filter((e) => e.mutation === "orderUpdate")).toEqual([]);
    expect(sim.calls.map((c) => c.outcome)).toEqual(["DROP_BEFORE_APPLY"]);
  });

  it("DROP_AFTER_APPLY: the connection dies but the mutation is in Shopify's log", async () => {
    sim.chaos({ p: 1, kinds: ["DROP_AFTER_APPLY"] });
    expect((await call(UPDATE, { input: { id: ORDER(5001), shippingAddress: address(2) } })).outcome).toBe("DROPPED");
    expect(sim.store.log.filter((e) => e.mutation === "orderUpdate")).toHaveLength(1);
  });

  it("a chaos THROTTLED is a real throttle: throttleStatus shows less than the call costs", async () => {
    sim.chaos({ p: 1, kinds: ["THROTTLED"] });
    const r = await call(UPDATE, { input: { id: ORDER(5001), note: "x" } });
    expect(r.outcome).toBe("THROTTLED");
    expect(r.body.errors[0]).toEqual({
      message: "Throttled",
      extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
    });
    const cost = r.body.extensions.cost;
    expect(cost.actualQueryCost).toBeNull();
    expect(cost.throttleStatus.currentlyAvailable).toBeLessThan(cost.requestedQueryCost);
  });

  it("500 and 503 answer as the plain faults do (503 with Retry-After), nothing applied", async () => {
    sim.chaos({ p: 1, kinds: ["HTTP_503"] });
    const res = await fetch(sim.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
      body: JSON.stringify({ query: UPDATE, variables: { input: { id: ORDER(5001), shippingAddress: address(3) } } }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(sim.store.log).toEqual([]);
  });

  it("INTERNAL_ERROR answers HTTP 200 with Shopify's INTERNAL_SERVER_ERROR and a request id", async () => {
    sim.faults.inject({ kind: "INTERNAL_ERROR" });
    const res = await fetch(sim.graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
      body: JSON.stringify({ query: SHOP }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(body.errors[0].message).toMatch(
      /^Internal error\. Looks like something went wrong on our end\.\nRequest ID: /,
    );
    expect(res.headers.get("x-request-id")).toBe(body.errors[0].extensions.requestId);
  });

  it("a tighter bucket throttles for real under a burst", async () => {
    sim.chaos({ p: 0, bucket: { maximumAvailable: 30, restoreRate: 1 } });
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 5; i++)
      outcomes.push((await call(UPDATE, { input: { id: ORDER(5001), note: `b${i}` } })).outcome);
    expect(outcomes).toEqual(["ok", "ok", "ok", "THROTTLED", "THROTTLED"]); // a mutation costs 10
    expect(sim.calls.map((c) => c.outcome).slice(3)).toEqual(["throttled", "throttled"]);
  });

  it("is controlled over HTTP: POST /_sim/chaos, GET for the counts, DELETE to stop", async () => {
    const post = await fetch(`${sim.url}/_sim/chaos`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ p: 1, seed: 5, kinds: ["HTTP_500"], bucket: { maximumAvailable: 300, restoreRate: 30 } }),
    });
    expect(((await post.json()) as Json).bucket).toEqual({
      maximumAvailable: 300,
      currentlyAvailable: 300,
      restoreRate: 30,
    });
    expect((await call(SHOP)).outcome).toBe("HTTP_500");
    const status = (await (await fetch(`${sim.url}/_sim/chaos`)).json()) as Json;
    expect(status).toMatchObject({ enabled: true, p: 1, seed: 5, draws: 1, fired: { HTTP_500: 1 } });
    await fetch(`${sim.url}/_sim/chaos`, { method: "DELETE" });
    expect((await call(SHOP)).outcome).toBe("ok");
  });
});

describe("chaosFromEnv", () => {
  it("reads SIMULATOR_CHAOS, _SEED, _KINDS and SIMULATOR_BUCKET", () => {
    expect(chaosFromEnv({})).toBeNull();
    expect(
      chaosFromEnv({
        SIMULATOR_CHAOS: "0.3",
        SIMULATOR_CHAOS_SEED: "9",
        SIMULATOR_CHAOS_KINDS: "THROTTLED, HTTP_503",
        SIMULATOR_BUCKET: "200:20",
      }),
    ).toEqual({
      p: 0.3,
      seed: 9,
      kinds: ["THROTTLED", "HTTP_503"] as FaultKind[],
      bucket: { maximumAvailable: 200, restoreRate: 20 },
    });
    expect(chaosFromEnv({ SIMULATOR_BUCKET: "100:10" })).toEqual({
      p: 0,
      bucket: { maximumAvailable: 100, restoreRate: 10 },
    });
    expect(() => chaosFromEnv({ SIMULATOR_CHAOS: "2" })).toThrow(/\[0, 1\]/);
    expect(() => chaosFromEnv({ SIMULATOR_BUCKET: "lots" })).toThrow(/maximumAvailable/);
  });

  it("rejects an unknown kind", () => {
    expect(() => new Faults().chaos({ p: 0.5, kinds: ["NOPE" as FaultKind] })).toThrow(/Unknown fault kind/);
  });
});
