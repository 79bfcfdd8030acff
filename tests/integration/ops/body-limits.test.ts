import "../../support/app-env";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { API_SECRET_KEY, getHmac, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// Request body limits in the production web process (scripts/serve.mjs on the production build; `npm run build`
// first, skipped without one): refused before the app or Shopify's library reads them, and keep-alive
// connections that stay usable after an answer that left the body unread.
const BUILT = fs.existsSync(path.resolve("build/server/index.js"));
const MiB = 1024 * 1024;

let web: { child: ChildProcess; port: number; output: () => string };
const sockets: net.Socket[] = [];

beforeEach(async () => {
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.DATABASE_URL as string,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout.on("data", (d: Buffer) => (text += d));
  child.stderr.on("data", (d: Buffer) => (text += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = text.match(/"port":(\d+)[^\n]*web process listening/);
      if (match) {
        clearInterval(timer);
        resolve(Number(match[1]));
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`serve.mjs exited ${child.exitCode}:\n${text}`));
      }
    }, 20);
  });
  web = { child, port, output: () => text };
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  if (web.child.exitCode === null) web.child.kill("SIGKILL");
});

/** A raw HTTP/1.1 connection: what it received, whether the server closed it, and when each happened. */
async function connect() {
  const socket = net.connect(web.port, "127.0.0.1");
  sockets.push(socket);
  const state = { received: "", closed: false, reset: false };
  socket.on("data", (d: Buffer) => (state.received += d.toString("latin1")));
  socket.on("close", () => (state.closed = true));
  socket.on("error", (error: NodeJS.ErrnoException) => (state.reset ||= error.code === "ECONNRESET"));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return { socket, state };
}

async function until(check: () => boolean, what: string, ms: number) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms\n${web.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Writes `data`, waiting for the socket to take it (backpressure), unless the server closed or answered. */
function write(socket: net.Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed || !socket.writable) return resolve();
    if (socket.write(data)) resolve();
    else {
      socket.once("drain", () => resolve());
      socket.once("close", () => resolve());
    }
  });
}

const head = (lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;

/** The complete answers in what a connection received, each status, headers and body (sized or chunked). */
function answers(received: string): { status: number; headers: string; body: string }[] {
  const found: { status: number; headers: string; body: string }[] = [];
  let rest = received;
  for (;;) {
    const match = rest.match(/^HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n/);
    if (!match) return found;
    rest = rest.slice(match[0].length);
    let body = "";
    if (/transfer-encoding: chunked/i.test(match[2])) {
      for (;;) {
        const size = rest.match(/^([0-9a-f]+)\r\n/i);
        if (!size) return found;
        const length = parseInt(size[1], 16);
        const end = size[0].length + length + 2;
        if (rest.length < end) return found;
        body += rest.slice(size[0].length, size[0].length + length);
        rest = rest.slice(end);
        if (length === 0) break;
      }
    } else {
      const length = Number(match[2].match(/content-length: (\d+)/i)?.[1] ?? 0);
      if (rest.length < length) return found;
      body = rest.slice(0, length);
      rest = rest.slice(length);
    }
    found.push({ status: Number(match[1]), headers: match[2], body });
  }
}

function signedWebhookHead(length: number | "chunked", hmac: string) {
  return head([
    "POST /webhooks/orders/updated HTTP/1.1",
    "Host: localhost",
    "Content-Type: application/json",
    length === "chunked" ? "Transfer-Encoding: chunked" : `Content-Length: ${length}`,
    `X-Shopify-Hmac-Sha256: ${hmac}`,
    `X-Shopify-Shop-Domain: ${TEST_SHOP}`,
    "X-Shopify-Topic: orders/updated",
    "X-Shopify-API-Version: 2026-10",
    "X-Shopify-Webhook-Id: wh-big",
    "X-Shopify-Event-Id: ev-big",
  ]);
}

describe.skipIf(!BUILT)("request body limits (scripts/serve.mjs)", () => {
  it("GIVEN a webhook POST declaring 50 MB THEN 413 PAYLOAD_TOO_LARGE at once, Connection: close, before any of the body is sent", async () => {
    const { socket, state } = await connect();
    const started = Date.now();
    await write(socket, signedWebhookHead(50 * MiB, "bm90LWEtcmVhbC1obWFj"));
    await until(() => state.closed, "answered and closed", 3_000);
    expect(Date.now() - started).toBeLessThan(2_500);
    const [answer] = answers(state.received);
    expect(answer.status).toBe(413);
    expect(answer.headers).toMatch(/connection: close/i);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: "The request body is larger than the 2 MiB this address accepts.",
        limitBytes: 2 * MiB,
      },
    });
  });

  it("GIVEN a customer API POST declaring 40 KiB THEN 413 naming its 32 KiB limit", async () => {
    const { socket, state } = await connect();
    await write(
      socket,
      head([
        "POST /api/customer/orders/1001/cancellation HTTP/1.1",
        "Host: localhost",
        "Content-Type: application/json",
        `Content-Length: ${40 * 1024}`,
      ]),
    );
    await until(() => state.closed, "answered and closed", 3_000);
    const [answer] = answers(state.received);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toContain("32 KiB");
  });

  it("GIVEN a correctly signed 3 MiB webhook, declared or chunked THEN 413 before the HMAC is checked: nothing is processed", async () => {
    const payload = JSON.stringify({ id: 5012345678901, note: "x".repeat(3 * MiB) });
    const hmac = getHmac(payload, API_SECRET_KEY);

    const declared = await connect();
    await write(declared.socket, signedWebhookHead(Buffer.byteLength(payload), hmac));
    await until(() => declared.state.closed, "declared: answered and closed", 3_000);
    expect(answers(declared.state.received)[0].status).toBe(413);

    const chunked = await connect();
    await write(chunked.socket, signedWebhookHead("chunked", hmac));
    for (let at = 0; at < payload.length && !chunked.state.received; at += 64 * 1024) {
      const piece = payload.slice(at, at + 64 * 1024);
      await write(chunked.socket, `${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`);
    }
    await write(chunked.socket, "0\r\n\r\n");
    await until(() => chunked.state.closed, "chunked: answered and closed", 5_000);
    expect(answers(chunked.state.received)[0].status).toBe(413);

    // The webhook route never ran: no request line with the shop (set once the HMAC verifies), no 200.
    await new Promise((r) => setTimeout(r, 200));
    const lines = web
      .output()
      .split("\n")
      .filter((l) => l.includes('"msg":"request"') && l.includes("/webhooks/orders/updated"));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(JSON.parse(line)).toMatchObject({ status: 413 });
      expect(line).not.toContain(TEST_SHOP);
    }
  });

  it("GIVEN an unsigned chunked webhook POST that keeps streaming THEN it is cut at 2 MiB with a 413 before the HMAC, the rest never read", async () => {
    const { socket, state } = await connect();
    await write(socket, signedWebhookHead("chunked", "bm90LWEtcmVhbC1obWFj"));
    const chunk = "a".repeat(64 * 1024);
    let sent = 0;
    // An attacker's endless body, bounded here at 50 MB: the answer must come long before.
    while (!state.received && !state.closed && sent < 50 * MiB) {
      await write(socket, `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      sent += chunk.length;
    }
    await until(() => state.closed, "answered and closed", 5_000);
    expect(sent).toBeLessThan(10 * MiB);
    const [answer] = answers(state.received);
    expect(answer.status).toBe(413);
    expect(answer.headers).toMatch(/connection: close/i);
    expect(JSON.parse(answer.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("GIVEN a chunked customer API POST without a token that keeps streaming THEN it is answered and the connection closes, the stream never read to its end", async () => {
    const { socket, state } = await connect();
    await write(
      socket,
      head([
        "POST /api/customer/orders/1001/cancellation HTTP/1.1",
        "Host: localhost",
        "Content-Type: application/json",
        "Transfer-Encoding: chunked",
      ]),
    );
    const chunk = "a".repeat(16 * 1024);
    let sent = 0;
    while (!state.closed && sent < 50 * MiB) {
      await write(socket, `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      sent += chunk.length;
    }
    await until(() => state.closed, "closed", 5_000);
    expect(sent).toBeLessThan(10 * MiB);
    // The token is checked first (401) or the body is cut at its 32 KiB (413): either way no more is read.
    expect([401, 413]).toContain(answers(state.received)[0].status);
    expect(answers(state.received)[0].headers).toMatch(/connection: close/i);
  });

  it("GIVEN a 256 KB body the route answers without reading WHEN the same keep-alive connection sends its next request THEN that one is answered at once", async () => {
    const { socket, state } = await connect();
    const body = "x".repeat(256 * 1024);
    // /healthz has no action: Remix answers the POST 405 without reading its body.
    await write(
      socket,
      head([
        "POST /healthz HTTP/1.1",
        "Host: localhost",
        "Content-Type: text/plain",
        `Content-Length: ${body.length}`,
      ]) + body,
    );
    await until(() => answers(state.received).length === 1, "the POST answered", 3_000);
    expect(answers(state.received)[0].status).toBe(405);

    const asked = Date.now();
    await write(socket, head(["GET /healthz HTTP/1.1", "Host: localhost"]));
    await until(() => answers(state.received).length === 2 || state.closed, "the next request answered", 8_000);
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(answers(state.received)[1]?.status).toBe(200);
    expect(state.reset).toBe(false);
  });

  it("GIVEN a chunked 256 KB body the route answers without reading THEN the answer says Connection: close and the connection closes cleanly, no hang", async () => {
    const { socket, state } = await connect();
    await write(socket, head(["POST /healthz HTTP/1.1", "Host: localhost", "Transfer-Encoding: chunked"]));
    const chunk = "y".repeat(32 * 1024);
    for (let i = 0; i < 8; i++) await write(socket, `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    await write(socket, "0\r\n\r\n");
    await until(() => answers(state.received).length === 1, "the POST answered", 3_000);
    const [answer] = answers(state.received);
    expect(answer.status).toBe(405);
    // Either the connection stays usable, or the answer said it would close and it does, promptly.
    if (/connection: close/i.test(answer.headers)) {
      await until(() => state.closed, "closed", 3_000);
    } else {
      const asked = Date.now();
      await write(socket, head(["GET /healthz HTTP/1.1", "Host: localhost"]));
      await until(() => answers(state.received).length === 2, "the next request answered", 3_000);
      expect(Date.now() - asked).toBeLessThan(1_000);
    }
    expect(state.reset).toBe(false);
  });
});
