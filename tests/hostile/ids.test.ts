/**
 * Ids that are not ids, on every route that takes one: too long (65 characters), negative, non-numeric, unicode,
 * path traversal, SQL-looking, oversized numbers. Order ids are refused (400 INVALID_INPUT); request ids are not
 * found (404) — never a 500.
 */
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { group, outcome, send } from "./support/recorder";
import { adminSessionToken, bearer, customerSessionToken, flowCall, strangerToken } from "./support/signing";

const HOSTILE_IDS: [string, string][] = [
  ["65 characters", "a".repeat(65)],
  ["1 000 characters", "9".repeat(1_000)],
  ["negative", "-1"],
  ["zero-padded huge number", `0${"9".repeat(25)}`],
  ["non-numeric", "abc"],
  ["unicode digits", "１２３"],
  ["an emoji", "🧨"],
  ["path traversal", "../../etc/passwd"],
  ["SQL", "1' OR '1'='1"],
  ["SQL comment", "1;DROP TABLE ChangeRequest--"],
  ["hex", "0x10"],
  ["exponent", "1e3"],
  ["a gid", "gid://shopify/Order/1"],
  ["a NUL byte", "1\u00002"],
];
const seg = (id: string) => encodeURIComponent(id);

group("ids: customer API", () => {
  const owner = () => hostile().slots.ids;
  const token = () => customerSessionToken(hostile().app, owner().customerId);

  for (const [name, id] of HOSTILE_IDS) {
    it(`GET options for an order id ${name} → 400 INVALID_INPUT`, async () => {
      const answer = await send(`/api/customer/orders/${seg(id)}/options`, { headers: bearer(await token()) });
      expect(outcome(answer), answer.text).toEqual({ status: 400, code: "INVALID_INPUT" });
    });
    it(`GET checkout options for an order id ${name} → 400 INVALID_INPUT`, async () => {
      const answer = await send(`/api/checkout/orders/${seg(id)}/options`, { headers: bearer(await token()) });
      expect(outcome(answer), answer.text).toEqual({ status: 400, code: "INVALID_INPUT" });
    });
    it(`POST address change / cancellation for an order id ${name} → 400 INVALID_INPUT`, async () => {
      const address = {
        address: { firstName: "A", lastName: "B", address1: "1 rue X", city: "Paris", zip: "75001", countryCode: "FR" },
      };
      const change = await send(`/api/customer/orders/${seg(id)}/address-change`, {
        headers: bearer(await strangerToken()),
        body: address,
      });
      expect(outcome(change), change.text).toEqual({ status: 400, code: "INVALID_INPUT" });
      const cancel = await send(`/api/customer/orders/${seg(id)}/cancellation`, {
        headers: bearer(await strangerToken()),
        body: { reason: "CHANGED_MIND" },
      });
      expect(outcome(cancel), cancel.text).toEqual({ status: 400, code: "INVALID_INPUT" });
    });
    it(`POST withdraw / reply on a request id ${name} → 404 REQUEST_NOT_FOUND`, async () => {
      const withdraw = await send(`/api/customer/requests/${seg(id)}/withdraw`, {
        headers: bearer(await strangerToken()),
        method: "POST",
      });
      expect(outcome(withdraw), withdraw.text).toEqual({ status: 404, code: "REQUEST_NOT_FOUND" });
      const reply = await send(`/api/customer/requests/${seg(id)}/messages`, {
        headers: bearer(await strangerToken()),
        body: { body: "hello" },
      });
      expect(outcome(reply), reply.text).toEqual({ status: 404, code: "REQUEST_NOT_FOUND" });
    });
  }

  it("an order id that is numeric but not an order → 404 ORDER_NOT_FOUND", async () => {
    const answer = await send("/api/customer/orders/1/options", { headers: bearer(await token()) });
    expect(outcome(answer)).toEqual({ status: 404, code: "ORDER_NOT_FOUND" });
  });
});

group("ids: admin API, admin pages, Flow", () => {
  const admin = async () => bearer(await adminSessionToken(hostile().app));

  for (const [name, id] of HOSTILE_IDS) {
    it(`GET /api/admin/orders/<${name}>/requests → 400 INVALID_INPUT`, async () => {
      const answer = await send(`/api/admin/orders/${seg(id)}/requests`, { headers: await admin() });
      expect(outcome(answer), answer.text).toEqual({ status: 400, code: "INVALID_INPUT" });
    });
    it(`POST /api/admin/requests/<${name}>/decision → 404 REQUEST_NOT_FOUND`, async () => {
      const answer = await send(`/api/admin/requests/${seg(id)}/decision`, {
        headers: await admin(),
        body: { action: "reject", note: "no" },
      });
      expect(outcome(answer), answer.text).toEqual({ status: 404, code: "REQUEST_NOT_FOUND" });
    });
    it(`GET /app/requests/<${name}> → 404`, async () => {
      const answer = await send(`/app/requests/${seg(id)}`, { headers: await admin() });
      expect(answer.status).toBe(404);
    });
    it(`POST /app/requests/<${name}> (approve) → 404 REQUEST_NOT_FOUND`, async () => {
      // `.data`: the action's own answer (Remix single fetch), as the page's fetcher gets it
      const answer = await send(`/app/requests/${seg(id)}.data`, {
        headers: { ...(await admin()), "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=approve",
      });
      expect(answer.status, answer.text).toBe(404);
      expect(answer.text).toContain("REQUEST_NOT_FOUND");
    });
  }

  // Flow names orders by gid too: that one is an id there
  for (const [name, id] of HOSTILE_IDS.filter(([, id]) => !id.startsWith("gid:"))) {
    it(`a signed Flow action for order <${name}> → 400 INVALID_INPUT`, async () => {
      const { body, headers } = flowCall({ order_id: id });
      const answer = await send("/flow/actions/approve-cancellation", { body, headers });
      expect(outcome(answer), answer.text).toEqual({ status: 400, code: "INVALID_INPUT" });
    });
  }
});
