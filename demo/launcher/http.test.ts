import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { closeServer, listen, sendFetchResponse, toFetchRequest } from "./http";

// The demo's app server bridges Node and the Remix handler with these two, under the production body limits.
let server: http.Server | undefined;
afterEach(() => (server ? closeServer(server) : undefined));

/** A server like the demo's: `handle` stands for the app (reads the body, or answers without reading it). */
async function start(handle: (request: Request) => Promise<Response>) {
  server = http.createServer((req, res) => {
    const { request, body } = toFetchRequest(req, res, "http://localhost");
    if (body.refused) return;
    void handle(request)
      .then((response) => (body.refused ? undefined : sendFetchResponse(res, response, body.settle())))
      .catch(() => undefined);
  });
  return listen(server, 0, "TEST_PORT");
}

function raw(port: number, data: string): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1", () => socket.write(data));
    let text = "";
    socket.on("data", (d: Buffer) => (text += d));
    socket.on("close", () => resolve({ text, ms: Date.now() - started }));
    socket.on("error", () => undefined);
  });
}

describe("the demo server's request bridge", () => {
  it("GIVEN a webhook declaring 50 MB THEN 413 PAYLOAD_TOO_LARGE at once and the connection closed, the app never called", async () => {
    let called = false;
    const port = await start(async () => ((called = true), new Response("ok")));
    const { text, ms } = await raw(
      port,
      "POST /webhooks/orders/updated HTTP/1.1\r\nHost: localhost\r\nContent-Length: 52428800\r\n\r\n",
    );
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text).toMatch(/connection: close/i);
    expect(text).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(ms).toBeLessThan(2_500);
    expect(called).toBe(false);
  });

  it("GIVEN a customer API body streamed past 32 KiB THEN the app's read fails and the answer is the 413", async () => {
    const port = await start(async (request) => new Response(`read ${(await request.text()).length}`));
    const chunk = "a".repeat(8 * 1024);
    const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join("");
    const { text } = await raw(
      port,
      `POST /api/customer/orders/1/cancellation HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text).toContain("32 KiB");
  });

  it("GIVEN an answer that left a 256 KB body unread THEN the next request on the same connection is answered at once", async () => {
    const port = await start(async (request) => new Response(new URL(request.url).pathname));
    const body = "x".repeat(256 * 1024);
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (d: Buffer) => (text += d));
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(`POST /first HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const asked = Date.now();
    socket.write("GET /second HTTP/1.1\r\nHost: localhost\r\n\r\n");
    while (!text.includes("/second") && Date.now() - asked < 3_000) await new Promise((r) => setTimeout(r, 10));
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(text).toContain("/first");
    socket.destroy();
  });
});
