/** Broken percent-encoding in paths and odd Accept-Language headers: a 4xx or the normal answer, never a 500. */
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { RawConnection, recordRaw } from "./support/raw-http";
import { group, outcome, send } from "./support/recorder";
import { adminSessionToken, bearer, customerSessionToken } from "./support/signing";

const BROKEN = ["%", "%E0%A4%A", "%ZZ", "%C0%AF", "%FF%FE", "%00", "%2e%2e%2f%2e%2e%2f"];

group("encodings: broken percent-encoding in paths", () => {
  const owner = () => hostile().slots.encodings;
  const customer = async () => bearer(await customerSessionToken(hostile().app, owner().customerId));

  for (const bad of BROKEN) {
    it(`/api/customer/orders/${bad}/options → 400 INVALID_INPUT`, async () => {
      const answer = await send(`/api/customer/orders/${bad}/options`, { headers: await customer() });
      expect(outcome(answer), answer.text).toEqual({ status: 400, code: "INVALID_INPUT" });
    });
    it(`/api/customer/requests/${bad}/withdraw → 404 REQUEST_NOT_FOUND`, async () => {
      const answer = await send(`/api/customer/requests/${bad}/withdraw`, {
        headers: await customer(),
        method: "POST",
      });
      expect(outcome(answer), answer.text).toEqual({ status: 404, code: "REQUEST_NOT_FOUND" });
    });
    it(`/app/requests/${bad} → 404`, async () => {
      const answer = await send(`/app/requests/${bad}`, { headers: bearer(await adminSessionToken(hostile().app)) });
      expect(answer.status).toBe(404);
    });
    it(`/${bad} and /assets/${bad} → 404`, async () => {
      expect((await send(`/${bad}`)).status).toBe(404);
      expect((await send(`/assets/${bad}`)).status).toBe(404);
    });
  }

  it("a request target that is not a path (absolute-form to another host, '*') → 4xx, not 500", async () => {
    for (const target of ["http://evil.example.com/healthz", "*", "//evil.example.com/app"]) {
      const connection = await RawConnection.open();
      connection.head("GET", target, {});
      const answer = await connection.answer(5_000);
      recordRaw("GET", target, answer, connection);
      connection.close();
      expect(answer, target).not.toBeNull();
      expect(
        answer!.status === 200 || (answer!.status >= 400 && answer!.status < 500),
        `${target}: ${answer!.status}`,
      ).toBe(true);
    }
  });

  it("a malformed Host header → 400", async () => {
    const connection = await RawConnection.open();
    connection.write("GET /healthz HTTP/1.1\r\nHost: [::1\r\nUser-Agent: Mozilla/5.0\r\n\r\n");
    const answer = await connection.answer(5_000);
    recordRaw("GET", "/healthz (bad Host)", answer, connection);
    connection.close();
    expect(answer?.status).toBe(400);
  });
});

group("encodings: odd Accept-Language", () => {
  const owner = () => hostile().slots.encodings;
  for (const value of [
    "",
    "*",
    "zz",
    "fr-FR;q=abc,,,",
    ";;;,,,",
    "x".repeat(4_000),
    "en;q=0.1, fr;q=0.9",
    "ÿ\u00e9",
    "fr\tFR",
  ]) {
    it(`Accept-Language ${JSON.stringify(value.slice(0, 20))} → 200 with the options`, async () => {
      const answer = await send(`/api/customer/orders/${owner().id}/options`, {
        headers: {
          ...bearer(await customerSessionToken(hostile().app, owner().customerId)),
          "Accept-Language": value,
        },
      });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json.order.id).toBe(owner().id);
    });
  }

  it("Accept-Language on a refusal → the refusal in some language, 401", async () => {
    const answer = await send(`/api/customer/orders/${owner().id}/options`, {
      headers: { "Accept-Language": "*;q=x" },
    });
    expect(answer.status).toBe(401);
  });
});
