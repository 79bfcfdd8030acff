import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logContext, requestIdFrom, runWithRequestContext, setLogShop } from "~/logger.server";

/** A logger writing to memory, at info (the app's logger is silent under tests). */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger(stream);
  log.level = "info";
  return { log, lines };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("request log context", () => {
  it("GIVEN a request context WHEN lines are logged before and after the shop is known, across awaits THEN each carries the requestId, and the shop once set", async () => {
    const { log, lines } = capture();
    await runWithRequestContext({ requestId: "req-1" }, async () => {
      log.info("before authentication");
      await tick();
      setLogShop("lumiere.myshopify.com");
      await tick();
      log.info({ changeRequestId: "cr_1" }, "after authentication");
    });
    log.info("outside any request");

    expect(lines.map((l) => [l.msg, l.requestId, l.shop])).toEqual([
      ["before authentication", "req-1", undefined],
      ["after authentication", "req-1", "lumiere.myshopify.com"],
      ["outside any request", undefined, undefined],
    ]);
    expect(lines[1].changeRequestId).toBe("cr_1");
  });

  it("GIVEN two requests at once THEN neither's shop leaks into the other's lines", async () => {
    const { log, lines } = capture();
    const request = (id: string, shop: string) =>
      runWithRequestContext({ requestId: id }, async () => {
        setLogShop(shop);
        await tick();
        log.info("done");
      });
    await Promise.all([request("a", "a.myshopify.com"), request("b", "b.myshopify.com")]);
    expect(lines.map((l) => `${l.requestId}:${l.shop}`).sort()).toEqual(["a:a.myshopify.com", "b:b.myshopify.com"]);
  });

  it("GIVEN setLogShop outside a request (a test, a script) THEN nothing happens", () => {
    setLogShop("lumiere.myshopify.com");
    expect(logContext()).toBeUndefined();
  });

  it("GIVEN an address, an email, a phone, a token or a body in a log call THEN they are redacted, at the top level and one level down", () => {
    const { log, lines } = capture();
    runWithRequestContext({ requestId: "req-2", shop: "lumiere.myshopify.com" }, () => {
      log.info(
        {
          address: { address1: "12 rue de la Paix", city: "Paris" },
          request: { email: "lea@example.com", phone: "+33612345678", shippingAddress: { zip: "75002" } },
          accessToken: "shpat_secret",
          body: "Bonjour, my new address is…",
          orderId: "5012345678901",
        },
        "change applied",
      );
    });
    const [line] = lines;
    expect(line).toMatchObject({
      requestId: "req-2",
      shop: "lumiere.myshopify.com",
      address: "[Redacted]",
      request: { email: "[Redacted]", phone: "[Redacted]", shippingAddress: "[Redacted]" },
      accessToken: "[Redacted]",
      body: "[Redacted]",
      orderId: "5012345678901",
    });
    expect(JSON.stringify(line)).not.toMatch(/rue de la Paix|lea@example|\+336|shpat_|Bonjour/);
  });

  it("GIVEN an x-request-id header THEN a short plain token is kept and anything else is replaced by a UUID", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(requestIdFrom("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    expect(requestIdFrom(["f3b1c2d4-1111-4222-8333-944455556666", "other"])).toBe(
      "f3b1c2d4-1111-4222-8333-944455556666",
    );
    for (const bad of [null, undefined, "", "has space", "a".repeat(65), '"}{"level":60', "-leading", "é"])
      expect(requestIdFrom(bad)).toMatch(uuid);
  });
});
