import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  formatBytes,
  guardNodeBody,
  PayloadTooLargeError,
  payloadTooLargeBody,
  readBodyBytes,
  readBodyText,
} from "./body-limit.server";

const KiB = 1024;
const MiB = 1024 * KiB;

describe("bodyLimitFor", () => {
  it.each([
    ["/api/customer/orders/1/cancellation", 32 * KiB],
    ["/api/checkout/orders/1/options", 32 * KiB],
    ["/api/admin/requests/r1/decision", 64 * KiB],
    ["/flow/actions/approve-cancellation", 64 * KiB],
    ["/flow/lifecycle", 64 * KiB],
    ["/webhooks/orders/updated", 2 * MiB],
    ["/webhooks", 2 * MiB],
    ["/proxy/withdrawal", 16 * KiB],
    ["/app/settings", 1 * MiB],
    ["/", 1 * MiB],
    ["/healthz", 1 * MiB],
  ])("%s → %i bytes", (path, bytes) => expect(bodyLimitFor(path)).toBe(bytes));

  it("matches whole segments, case-insensitively and across doubled slashes, as the router does", () => {
    expect(bodyLimitFor("/API/Customer/orders/1/cancellation")).toBe(32 * KiB);
    expect(bodyLimitFor("//api//customer/orders/1/cancellation")).toBe(32 * KiB);
    expect(bodyLimitFor("/webhooksfoo")).toBe(1 * MiB);
    expect(bodyLimitFor("/api/customers")).toBe(1 * MiB);
  });
});

describe("the 413 answer", () => {
  it("names the limit in plain English", () => {
    expect(formatBytes(32 * KiB)).toBe("32 KiB");
    expect(formatBytes(2 * MiB)).toBe("2 MiB");
    expect(formatBytes(100)).toBe("100 bytes");
    expect(payloadTooLargeBody(64 * KiB)).toEqual({
      error: {
        code: "PAYLOAD_TOO_LARGE",
        message: "The request body is larger than the 64 KiB this address accepts.",
        limitBytes: 64 * KiB,
      },
    });
  });
});

/** A request whose body is `total` bytes streamed in 1 KiB pieces; `pulled` counts the pieces handed out. */
function streamed(total: number, headers: Record<string, string> = {}) {
  const counter = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled * KiB >= total) return controller.close();
      counter.pulled += 1;
      controller.enqueue(new Uint8Array(KiB).fill(0x61));
    },
    cancel: () => void (counter.cancelled = true),
  });
  const request = new Request("https://amend.example.com/api/customer/x", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return { request, counter };
}

describe("readBodyBytes / readBodyText", () => {
  it("reads a body within the limit, up to exactly the limit", async () => {
    expect(await readBodyText(streamed(32 * KiB).request)).toBe("a".repeat(32 * KiB));
    const small = new Request("https://amend.example.com/flow/x", { method: "POST", body: '{"a":1}' });
    expect(await readBodyText(small)).toBe('{"a":1}');
    expect(await readBodyBytes(new Request("https://amend.example.com/x"))).toHaveLength(0);
  });

  it("refuses a declared length over the path's limit without reading a byte", async () => {
    const { request, counter } = streamed(40 * KiB, { "Content-Length": String(40 * KiB) });
    await expect(readBodyBytes(request)).rejects.toEqual(new PayloadTooLargeError(32 * KiB));
    expect(counter.pulled).toBeLessThanOrEqual(1); // a stream may pull its first piece when made
  });

  it("cuts a streamed body as it passes the limit and cancels the rest", async () => {
    const { request, counter } = streamed(50 * MiB);
    const error = await readBodyBytes(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as PayloadTooLargeError).limit).toBe(32 * KiB);
    expect(counter.pulled).toBeLessThan(40);
    expect(counter.cancelled).toBe(true);
  });

  it("takes an explicit limit over the path's", async () => {
    await expect(readBodyText(streamed(2 * KiB).request, KiB)).rejects.toBeInstanceOf(PayloadTooLargeError);
  });
});

describe("guardNodeBody", () => {
  let server: http.Server | undefined;
  afterEach(
    () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  /** A Node server that reads every body through the guard, as the production server does, with a 4 KiB limit. */
  async function start(read: boolean) {
    const seen: { refused: boolean }[] = [];
    server = http.createServer(async (req, res) => {
      const guard = guardNodeBody(req, res, 4 * KiB);
      seen.push(guard);
      if (guard.refused) return;
      let text = "";
      if (read && guard.stream) {
        const request = new Request("http://x/", { method: "POST", body: guard.stream, duplex: "half" } as RequestInit);
        text = await request.text().catch(() => "");
      }
      if (guard.refused) return;
      res.writeHead(200, { "Content-Type": "text/plain", ...guard.settle() }).end(`read ${text.length}`);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`, seen };
  }

  it("passes a body within the limit through", async () => {
    const { url } = await start(true);
    const response = await fetch(url, { method: "POST", body: "z".repeat(4 * KiB) });
    expect([response.status, await response.text()]).toEqual([200, `read ${4 * KiB}`]);
  });

  it("answers a declared length over the limit 413 with Connection: close, the app never called", async () => {
    const { url, seen } = await start(true);
    const response = await fetch(url, { method: "POST", body: "z".repeat(5 * KiB) });
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect((await response.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(seen[0].refused).toBe(true);
  });

  it("cuts a streamed body at the limit with a 413", async () => {
    const { url } = await start(true);
    const { request } = streamed(10 * MiB);
    const response = await fetch(url, { method: "POST", body: request.body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
  });

  it("after a 413 mid-upload, a client still sending 16 MiB without reading is held, not reset: it reads the 413", async () => {
    const { url } = await start(true);
    const socket = net.connect(Number(new URL(url).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let error: string | undefined;
    socket.on("error", (err: NodeJS.ErrnoException) => (error ??= err.code));
    socket.pause(); // reads nothing while it sends
    socket.write("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.concat([
      Buffer.from(`${(64 * KiB).toString(16)}\r\n`),
      Buffer.alloc(64 * KiB, 0x20),
      Buffer.from("\r\n"),
    ]);
    for (let i = 0; i < 256; i++) socket.write(chunk);
    // Long enough for the server to refuse, drop its allowance of the rest and stop reading (a reset would come now).
    await new Promise((resolve) => setTimeout(resolve, 500));
    let answer = "";
    socket.on("data", (data: Buffer) => (answer += data.toString()));
    socket.resume();
    for (let i = 0; i < 100 && !answer.includes("}") && !socket.destroyed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    socket.destroy();
    expect(error).toBeUndefined();
    expect(answer).toMatch(/^HTTP\/1.1 413 /);
    expect(answer).toContain("PAYLOAD_TOO_LARGE");
  });

  it("after an answer that left a declared body unread, serves the next request on the same connection", async () => {
    const { url } = await start(false);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = http.request(url, { method: "POST", agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode!, socket: req.socket }));
        });
        req.on("error", reject);
        req.end(body);
      });
    const first = await post("u".repeat(3 * KiB));
    const started = Date.now();
    const second = await post("");
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.socket).toBe(first.socket);
    expect(Date.now() - started).toBeLessThan(500);
    agent.destroy();
  });
});
