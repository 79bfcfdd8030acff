/**
 * Body limits (413 PAYLOAD_TOO_LARGE, enforced while reading, before parsing or HMAC): customer API 32 KiB,
 * admin API and Flow 64 KiB, webhooks 2 MiB, everything else 1 MiB. A declared length over the limit is refused
 * at once; a chunked body is cut at the limit; an unread body does not stall the connection it came on.
 */
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { RawConnection, recordRaw } from "./support/raw-http";
import { group, outcome, send } from "./support/recorder";
import { adminSessionToken, bearer, hmac, strangerToken } from "./support/signing";

const KiB = 1024;
const MiB = 1024 * KiB;
const padded = (bytes: number) => JSON.stringify({ address: { city: "x".repeat(bytes) } });
const tooLarge = { status: 413, code: "PAYLOAD_TOO_LARGE" };

/** Declares `declared` bytes, sends only `sent` of them, and waits for the answer. */
async function declareHuge(pathname: string, headers: Record<string, string>, declared: number, sent = 64 * KiB) {
  const connection = await RawConnection.open();
  connection.head("POST", pathname, { "Content-Type": "application/json", "Content-Length": declared, ...headers });
  connection.write(Buffer.alloc(sent, 0x20));
  const answer = await connection.answer(5_000);
  recordRaw("POST", pathname, answer, connection);
  connection.close();
  return answer;
}

/** Streams a chunked body of 64 KiB chunks until the server answers (or `max` bytes were offered). */
async function streamChunked(pathname: string, headers: Record<string, string>, max: number) {
  const connection = await RawConnection.open();
  connection.head("POST", pathname, { "Content-Type": "application/json", "Transfer-Encoding": "chunked", ...headers });
  const chunk = Buffer.concat([
    Buffer.from(`${(64 * KiB).toString(16)}\r\n`),
    Buffer.alloc(64 * KiB, 0x20),
    Buffer.from("\r\n"),
  ]);
  let offered = 0;
  let answer = null;
  const answered = connection.answer(20_000).then((a) => (answer = a));
  while (offered < max && answer === null && connection.write(chunk)) {
    offered += 64 * KiB;
    await connection.drained();
    // Read what arrived, as an HTTP client does while it uploads (a socket's drain alone never lets it read).
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (answer === null && !connection.closed) connection.write("0\r\n\r\n");
  await answered;
  recordRaw("POST", pathname, answer, connection);
  connection.close();
  return { answer: answer as Awaited<ReturnType<RawConnection["answer"]>>, offered };
}

group("sizes: limits per route, refused before reading", () => {
  const order = () => hostile().slots.bodies;

  it("customer API, 40 KiB → 413 PAYLOAD_TOO_LARGE", async () => {
    const answer = await send(`/api/customer/orders/${order().id}/address-change`, {
      headers: { ...bearer(await strangerToken()), "Content-Type": "application/json" },
      body: padded(40 * KiB),
    });
    expect(outcome(answer)).toEqual(tooLarge);
  });

  it("customer API, 30 KiB (under the limit) → read and refused on its content (400 INVALID_INPUT)", async () => {
    const answer = await send(`/api/customer/orders/${order().id}/address-change`, {
      headers: { ...bearer(await strangerToken()), "Content-Type": "application/json" },
      body: padded(30 * KiB),
    });
    expect(outcome(answer)).toEqual({ status: 400, code: "INVALID_INPUT" });
  });

  it("customer API, 50 MB declared → 413 within a second, without the server waiting for the body", async () => {
    const answer = await declareHuge(
      `/api/customer/orders/${order().id}/address-change`,
      bearer(await strangerToken()),
      50 * MiB,
    );
    expect(answer?.status).toBe(413);
    expect(answer!.ms).toBeLessThan(1_000);
    expect(JSON.parse(answer!.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("customer API, chunked past 32 KiB → 413, cut long before the 4 MiB offered", async () => {
    const { answer, offered } = await streamChunked(
      `/api/customer/orders/${order().id}/address-change`,
      bearer(await strangerToken()),
      4 * MiB,
    );
    expect(answer?.status).toBe(413);
    expect(offered).toBeLessThan(4 * MiB);
  });

  it("admin API, 70 KiB → 413 PAYLOAD_TOO_LARGE; 60 KiB → read (404 REQUEST_NOT_FOUND)", async () => {
    const headers = { ...bearer(await adminSessionToken(hostile().app)), "Content-Type": "application/json" };
    const big = await send("/api/admin/requests/nope/decision", {
      headers,
      body: JSON.stringify({ action: "approve", note: "x".repeat(70 * KiB) }),
    });
    expect(outcome(big)).toEqual(tooLarge);
    const fits = await send("/api/admin/requests/nope/decision", {
      headers,
      body: JSON.stringify({ action: "approve", pad: "x".repeat(60 * KiB) }),
    });
    expect(outcome(fits)).toEqual({ status: 404, code: "REQUEST_NOT_FOUND" });
  });

  it("Flow action, 70 KiB unsigned → 413 PAYLOAD_TOO_LARGE (before the HMAC is checked)", async () => {
    const answer = await send("/flow/actions/approve-cancellation", {
      headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": "AAAA" },
      body: JSON.stringify({ pad: "x".repeat(70 * KiB) }),
    });
    expect(outcome(answer)).toEqual(tooLarge);
  });

  it("webhook, 50 MB declared, no valid HMAC → 413 within a second", async () => {
    const answer = await declareHuge(
      "/webhooks/orders/updated",
      {
        "X-Shopify-Topic": "orders/updated",
        "X-Shopify-Hmac-Sha256": "AAAA",
        "X-Shopify-Shop-Domain": hostile().app.shop,
      },
      50 * MiB,
    );
    expect(answer?.status).toBe(413);
    expect(answer!.ms).toBeLessThan(1_000);
  });

  it("webhook, chunked past 2 MiB, no valid HMAC → 413, cut before the 8 MiB offered", async () => {
    const { answer, offered } = await streamChunked(
      "/webhooks/orders/updated",
      {
        "X-Shopify-Topic": "orders/updated",
        "X-Shopify-Hmac-Sha256": "AAAA",
        "X-Shopify-Shop-Domain": hostile().app.shop,
      },
      8 * MiB,
    );
    expect(answer?.status).toBe(413);
    expect(offered).toBeLessThan(8 * MiB);
  });

  it("webhook, 1 MiB (under the limit) with a bad HMAC → 401", async () => {
    const body = JSON.stringify({ id: 1, pad: "x".repeat(MiB) });
    const answer = await send("/webhooks/orders/updated", {
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Topic": "orders/updated",
        "X-Shopify-Shop-Domain": hostile().app.shop,
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": "wh-size",
        "X-Shopify-Hmac-Sha256": hmac(body, "not-the-app-secret"),
      },
      body,
    });
    expect(answer.status).toBe(401);
  });

  it("an admin page, 2 MiB declared → 413 within a second", async () => {
    const answer = await declareHuge(
      "/app/requests/x",
      { "Content-Type": "application/x-www-form-urlencoded" },
      2 * MiB,
    );
    expect(answer?.status).toBe(413);
    expect(answer!.ms).toBeLessThan(1_000);
  });

  it("20 connections declaring 50 MB at once: each refused within 2 s, /healthz answers meanwhile", async () => {
    const attacks = Array.from({ length: 20 }, () =>
      declareHuge(
        "/webhooks/orders/updated",
        { "X-Shopify-Topic": "orders/updated", "X-Shopify-Hmac-Sha256": "AAAA" },
        50 * MiB,
        256 * KiB,
      ),
    );
    const health = await send("/healthz");
    const answers = await Promise.all(attacks);
    expect(answers.map((a) => a?.status)).toEqual(Array(20).fill(413));
    expect(Math.max(...answers.map((a) => a!.ms))).toBeLessThan(2_000);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(1_000);
  });
});

group("sizes: an unread body does not stall its keep-alive connection", () => {
  it("POST /healthz with 256 KB (nobody reads it) → 405, then a second request on the same connection → 200 within a second", async () => {
    const connection = await RawConnection.open();
    connection.head("POST", "/healthz", { "Content-Type": "application/octet-stream", "Content-Length": 256 * KiB });
    connection.write(Buffer.alloc(256 * KiB, 0x61));
    await connection.drained();
    const first = await connection.answer(5_000);
    recordRaw("POST", "/healthz", first, connection);
    expect(first?.status).toBe(405);
    if (first?.headers.connection?.toLowerCase() === "close") {
      // The server chose to close instead of draining: allowed, as long as it says so and a new connection is served.
      const fresh = await send("/healthz");
      expect(fresh.status).toBe(200);
      expect(fresh.ms).toBeLessThan(1_000);
    } else {
      connection.head("GET", "/healthz", {});
      const second = await connection.answer(3_000);
      recordRaw("GET", "/healthz", second, connection);
      expect(second?.status).toBe(200);
      expect(second!.ms).toBeLessThan(1_000);
    }
    connection.close();
  });

  it("the same with a customer API request refused before its body is read (401) → the next request is answered", async () => {
    const connection = await RawConnection.open();
    const pathname = `/api/customer/orders/${hostile().slots.bodies.id}/address-change`;
    connection.head("POST", pathname, { "Content-Type": "application/json", "Content-Length": 20 * KiB });
    connection.write(Buffer.alloc(20 * KiB, 0x20));
    const first = await connection.answer(5_000);
    recordRaw("POST", pathname, first, connection);
    expect(first?.status).toBe(401);
    if (first?.headers.connection?.toLowerCase() !== "close") {
      connection.head("GET", "/healthz", {});
      const second = await connection.answer(3_000);
      recordRaw("GET", "/healthz", second, connection);
      expect(second?.status).toBe(200);
      expect(second!.ms).toBeLessThan(1_000);
    }
    connection.close();
  });
});
