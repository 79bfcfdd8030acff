import "../../support/app-env";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { API_SECRET_KEY, getHmac, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterEach, describe, expect, it } from "vitest";

// The production entry points against the production build (`npm run build` first; skipped without one),
// as separate processes on this file's database.
const BUILT = fs.existsSync(path.resolve("build/server/index.js"));
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

interface Running {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  output: () => string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function run(script: string, env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.DATABASE_URL as string,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let text = "";
  const lines: Record<string, unknown>[] = [];
  child.stdout?.on("data", (d: Buffer) => (text += d));
  child.stderr?.on("data", (d: Buffer) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const parse = () => {
    lines.length = 0;
    for (const line of text.split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        lines.push(JSON.parse(line));
      } catch {
        // a line still being written
      }
    }
    return lines;
  };
  return {
    child,
    get lines() {
      return parse();
    },
    output: () => text,
    exited,
  };
}

async function until<T>(find: () => T | undefined | false, what: string, proc: Running, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline || proc.child.exitCode !== null)
      throw new Error(
        `${what}: not seen within ${ms} ms (exit ${proc.child.exitCode}).\n${proc.output().slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A raw HTTP/1.1 connection: what was received so far, and whether the server closed it. */
function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  const state = { received: "", closed: false };
  socket.on("data", (d: Buffer) => (state.received += d));
  socket.on("close", () => (state.closed = true));
  socket.on("error", () => undefined);
  return { socket, state, ready: new Promise<void>((resolve) => socket.once("connect", () => resolve())) };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

/** The port the web process says it listens on, once it says so. */
const listeningPort = (web: Running) =>
  until(() => web.lines.find((l) => l.msg === "web process listening")?.port as number | undefined, "listening", web);

describe.skipIf(!BUILT)("production processes (scripts/serve.mjs, scripts/worker.mjs)", () => {
  it("GIVEN the web process with a keep-alive connection idle and a request in flight WHEN SIGTERM THEN it stops accepting, closes the idle connection, finishes the request and exits 0", async () => {
    const web = run("scripts/serve.mjs");
    const port = await listeningPort(web);

    // An idle keep-alive connection: /healthz answered, the connection left open.
    const idle = connect(port);
    await idle.ready;
    idle.socket.write(
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nUser-Agent: ${BROWSER}\r\nX-Request-Id: probe-1\r\n\r\n`,
    );
    await until(() => idle.state.received.includes('"status":"ok"'), "/healthz answered", web);
    expect(idle.state.received).toMatch(/^HTTP\/1\.1 200/);
    expect(idle.state.received).toMatch(/x-request-id: probe-1/i);
    expect(idle.state.received).toMatch(/cache-control: no-store/i);

    // A webhook whose body is still arriving: in flight when the signal comes.
    const body = JSON.stringify({
      id: 5012345678901,
      cancelled_at: null,
      fulfillment_status: null,
      shipping_address: { address1: "12 rue de la Paix", city: "Paris" },
      email: "lea@example.com",
    });
    const slow = connect(port);
    await slow.ready;
    slow.socket.write(
      [
        "POST /webhooks/orders/updated HTTP/1.1",
        "Host: localhost",
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Shopify-Hmac-Sha256: ${getHmac(body, API_SECRET_KEY)}`,
        `X-Shopify-Shop-Domain: ${TEST_SHOP}`,
        "X-Shopify-Topic: orders/updated",
        "X-Shopify-API-Version: 2026-10",
        "X-Shopify-Webhook-Id: wh-slow",
        "X-Shopify-Event-Id: ev-slow",
        "X-Request-Id: slow-1",
        "",
        body.slice(0, 40),
      ].join("\r\n"),
    );
    await new Promise((r) => setTimeout(r, 200));

    web.child.kill("SIGTERM");
    await until(() => idle.state.closed, "the idle keep-alive connection closed", web, 3_000);
    expect(await refused(port)).toBe(true);
    expect(web.child.exitCode).toBe(null); // still finishing the webhook
    expect(slow.state.received).toBe("");

    slow.socket.write(body.slice(40));
    await until(() => slow.state.closed, "the in-flight request answered and its connection closed", web, 5_000);
    expect(slow.state.received).toMatch(/^HTTP\/1\.1 200/);
    expect(slow.state.received).toMatch(/connection: close/i);
    expect(await Promise.race([web.exited, new Promise((r) => setTimeout(() => r("still running"), 5_000))])).toBe(0);

    // One line per request with its id and shop; nothing of the body.
    const lines = web.lines;
    expect(lines.find((l) => l.msg === "request" && l.path === "/webhooks/orders/updated")).toMatchObject({
      requestId: "slow-1",
      shop: TEST_SHOP,
      method: "POST",
      status: 200,
      ms: expect.any(Number),
    });
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(["stopping: no new connections, finishing in-flight requests", "stopped"]),
    );
    expect(web.output()).not.toMatch(/rue de la Paix|lea@example/);
  });

  it("GIVEN an address that does not exist THEN a plain 404 page, no stack trace, nothing printed to the console", async () => {
    const web = run("scripts/serve.mjs");
    const port = await listeningPort(web);
    const response = await fetch(`http://127.0.0.1:${port}/no-such-page`, { headers: { "User-Agent": BROWSER } });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Page not found");
    expect(html).not.toMatch(/ErrorResponseImpl|at .*\.js:\d+/);
    web.child.kill("SIGTERM");
    expect(await web.exited).toBe(0);
    expect(web.output()).not.toMatch(/ErrorResponseImpl|No route matches/);
  });

  it("GIVEN the worker process WHEN SIGTERM THEN it stops its outbox worker and jobs and exits 0, its lines naming it", async () => {
    const worker = run("scripts/worker.mjs", { WORKER_ID: "worker-test-1" });
    await until(
      () => worker.lines.find((l) => l.msg === "worker running: outbox and periodic jobs"),
      "running",
      worker,
    );
    worker.child.kill("SIGTERM");
    expect(await Promise.race([worker.exited, new Promise((r) => setTimeout(() => r("still running"), 10_000))])).toBe(
      0,
    );
    const lines = worker.lines;
    expect(lines.map((l) => l.msg)).toContain("stopped");
    expect(lines.every((l) => l.workerId === "worker-test-1")).toBe(true);
  });
});
