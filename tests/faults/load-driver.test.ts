import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBalancer, planActions, runLoad } from "./lib/load-driver";
import { createRng } from "./lib/rng";
import { buildFaultStore } from "./lib/store";

const APP = { shop: "amend-demo.myshopify.com", apiKey: "key", apiSecret: "secret" };

/**
 * A flaky stand-in for the app: drops connections before or after doing the work, answers 503, and creates one
 * request per Idempotency-Key (replaying it on a retry) — what the real customer API promises.
 */
function flakyApp(seed: number) {
  const rng = createRng(seed);
  const byKey = new Map<string, { id: string; status: string }>();
  const decided = new Map<string, string>();
  const seen = { keys: [] as string[], tokens: [] as Record<string, unknown>[], decisions: 0 };
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
      seen.tokens.push(decodeJwt(token));
      const roll = rng.next();
      if (roll < 0.2) return void req.socket.destroy(); // before the work
      if (roll < 0.3) {
        res.writeHead(503, { "Retry-After": "0" });
        return void res.end("<html>unavailable</html>");
      }
      const send = (status: number, body: unknown) => {
        if (roll < 0.5) return void req.socket.destroy(); // after the work: the answer is lost
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const decision = /^\/api\/admin\/requests\/([^/]+)\/decision$/.exec(req.url ?? "");
      if (decision) {
        const { action } = JSON.parse(Buffer.concat(chunks).toString()) as { action: string };
        if (decided.has(decision[1])) return send(409, { error: { code: "INVALID_TRANSITION" } });
        seen.decisions += 1;
        decided.set(decision[1], action);
        return send(200, { request: { id: decision[1], status: action === "approve" ? "APPLIED" : "REJECTED" } });
      }
      const key = String(req.headers["idempotency-key"]);
      seen.keys.push(key);
      let request = byKey.get(key);
      if (!request) {
        n += 1;
        request = { id: `req${n}`, status: req.url!.endsWith("/cancellation") ? "PENDING" : "APPLIED" };
        byKey.set(key, request);
      }
      send(req.url!.endsWith("/cancellation") ? 201 : 200, { request });
    });
  });
  return { server, byKey, decided, seen };
}

let fake: ReturnType<typeof flakyApp>;
let url: string;
beforeAll(async () => {
  fake = flakyApp(3);
  await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => fake.server.close(resolve)));

describe("load driver", () => {
  it("plans reproducibly from a seed", () => {
    const { orders } = buildFaultStore(20);
    const a = planActions(orders, createRng(9), { seed: 9 });
    const b = planActions(orders, createRng(9), { seed: 9 });
    expect(b).toEqual(a);
    expect(new Set(a.map((p) => p.kind))).toEqual(new Set(["ADDRESS_CHANGE", "CANCELLATION"]));
    expect(new Set(a.map((p) => p.idempotencyKey)).size).toBe(20);
  });

  it("retries lost connections and 503s with the same Idempotency-Key: every action lands once", async () => {
    const { orders } = buildFaultStore(24);
    const plans = planActions(orders, createRng(5), { seed: 5, spreadMs: 300 }).map((p) => ({
      ...p,
      decideAfterMs: 10,
    }));
    const results = await runLoad({
      appUrl: url,
      app: APP,
      plans,
      rng: createRng(6),
      concurrency: 6,
      policy: { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 20_000 },
    });
    expect(results.every((r) => r.accepted)).toBe(true);
    expect(fake.byKey.size).toBe(24); // one request per action, however many attempts
    expect(results.some((r) => r.attempts.length > 1)).toBe(true);
    for (const r of results) {
      const keys = new Set(fake.seen.keys.filter((k) => k === r.plan.idempotencyKey));
      expect(keys.size).toBe(1);
    }
    const cancellations = results.filter((r) => r.plan.kind === "CANCELLATION");
    expect(cancellations.length).toBeGreaterThan(0);
    for (const r of cancellations) {
      expect(r.decision).not.toBeNull();
      // decided once; a retry after a lost answer sees 409 and says so
      expect(r.decision!.accepted || r.decision!.conflictAfterRetry).toBe(true);
      expect(fake.decided.get(r.requestId!)).toBe(r.plan.decision);
    }
    expect(fake.seen.decisions).toBe(cancellations.length);
    // customer tokens name the customer and the shop; admin tokens the staff user
    const customer = fake.seen.tokens.find((t) => String(t.sub).startsWith("gid://shopify/Customer/"))!;
    expect(customer).toMatchObject({ dest: "https://amend-demo.myshopify.com", aud: "key" });
    expect(customer.iss).toBeUndefined();
    expect(fake.seen.tokens.some((t) => t.iss === "https://amend-demo.myshopify.com/admin")).toBe(true);
  });

  it("gives up at the deadline and says so", async () => {
    const { orders } = buildFaultStore(1);
    const [plan] = planActions(orders, createRng(1), { seed: 1, spreadMs: 0 });
    const [result] = await runLoad({
      appUrl: "http://127.0.0.1:9", // nothing listens
      app: APP,
      plans: [plan],
      rng: createRng(2),
      policy: { baseDelayMs: 20, maxDelayMs: 50, deadlineMs: 400 },
    });
    expect(result).toMatchObject({ accepted: false, status: null, gaveUp: true });
    expect(result.attempts.length).toBeGreaterThan(2);
  });

  it("spreads attempts over several instances; a retry after a refused connection goes to another one", async () => {
    const balance = createBalancer(["http://a", "http://b"]);
    expect([balance(null), balance(null), balance(null)]).toEqual(["http://a", "http://b", "http://a"]);
    // "b" is next in turn, but the previous attempt found "b" down
    const refused = { at: "", status: null, ms: 1, origin: "http://b" };
    expect(balance(refused)).toBe("http://a");
    expect(balance({ ...refused, status: 503 })).toBe("http://b"); // an answer: not a dead instance
    expect(createBalancer("http://only")(refused)).toBe("http://only");

    // one instance down: every action still lands, through the other one
    const { orders } = buildFaultStore(6);
    const plans = planActions(orders, createRng(7), { seed: 7, spreadMs: 100 }).map((p) => ({
      ...p,
      decideAfterMs: 5,
    }));
    const results = await runLoad({
      appUrl: ["http://127.0.0.1:9", url], // nothing listens on the first
      app: APP,
      plans,
      rng: createRng(8),
      concurrency: 3,
      policy: { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 20_000 },
    });
    expect(results.every((r) => r.accepted)).toBe(true);
    const origins = new Set(results.flatMap((r) => r.attempts.map((a) => a.origin)));
    expect(origins).toEqual(new Set(["http://127.0.0.1:9", url]));
    for (const r of results) {
      r.attempts.forEach((a, i) => {
        if (i > 0 && r.attempts[i - 1].status === null && r.attempts[i - 1].origin === "http://127.0.0.1:9")
          expect(a.origin).toBe(url);
      });
    }
  });
});
