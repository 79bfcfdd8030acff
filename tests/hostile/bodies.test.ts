/**
 * Malformed bodies on every endpoint that reads one: not JSON, JSON of the wrong shape, huge strings, deep
 * nesting, __proto__ keys, NUL bytes, invalid UTF-8, a wrong Content-Type. Customer API calls use a fresh
 * customer each (the per-customer write limit is never the answer); the body is checked before the order.
 */
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { group, outcome, send } from "./support/recorder";
import { adminSessionToken, bearer, flowCall, hmac, strangerToken } from "./support/signing";

const INVALID = { status: 400, code: "INVALID_INPUT" };
const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

/** [case, raw body, Content-Type, expected {status, code}] — the same bodies on each JSON endpoint. */
const BODIES: [string, string | Buffer, string, { status: number; code: string }][] = [
  ["not JSON", "{", "application/json", INVALID],
  ["empty", "", "application/json", INVALID],
  ["JSON null", "null", "application/json", INVALID],
  ["a JSON number", "12", "application/json", INVALID],
  ["a JSON string", '"address"', "application/json", INVALID],
  ["a JSON array", "[1,2]", "application/json", INVALID],
  ["address of the wrong type", '{"address":"18 rue des Martyrs"}', "application/json", INVALID],
  ["an address field of the wrong type", '{"address":{"city":42}}', "application/json", INVALID],
  ["a 20 000-character field", JSON.stringify({ address: { city: "x".repeat(20_000) } }), "application/json", INVALID],
  ["nesting 5 000 deep", `{"address":${deep(5_000)}}`, "application/json", INVALID],
  ["nesting 15 000 deep (under 32 KiB)", `{"address":${deep(15_000)}}`, "application/json", INVALID],
  [
    "__proto__ and constructor keys",
    '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"address":"x"}',
    "application/json",
    INVALID,
  ],
  ["NUL bytes in a key", '{"addr\\u0000ess":{}}', "application/json", INVALID],
  ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x61, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), "application/json", INVALID],
  ["a form instead of JSON", "address=1", "application/x-www-form-urlencoded", INVALID],
  [
    "multipart garbage",
    "--x\r\nContent-Disposition: form-data\r\n\r\n--x--",
    "multipart/form-data; boundary=x",
    INVALID,
  ],
];

group("bodies: customer API", () => {
  const order = () => hostile().slots.bodies;
  for (const [name, body, type, expected] of BODIES) {
    it(`address change with ${name} → ${expected.status} ${expected.code}`, async () => {
      const answer = await send(`/api/customer/orders/${order().id}/address-change`, {
        headers: { ...bearer(await strangerToken()), "Content-Type": type },
        body,
      });
      expect(outcome(answer), answer.text).toEqual(expected);
    });
  }

  for (const [name, body] of [
    ["a reason of the wrong type", '{"reason":42}'],
    ["a 10 000-character note", JSON.stringify({ reason: "CHANGED_MIND", note: "n".repeat(10_000) })],
    ["not JSON", "reason=CHANGED_MIND"],
  ] as const) {
    it(`cancellation with ${name} → 400 INVALID_INPUT`, async () => {
      const answer = await send(`/api/customer/orders/${order().id}/cancellation`, {
        headers: { ...bearer(await strangerToken()), "Content-Type": "application/json" },
        body,
      });
      expect(outcome(answer), answer.text).toEqual(INVALID);
    });
  }

  for (const [path, name, body] of [
    ["contact/code", "an unknown channel", '{"channel":"FAX","address":"+33612345678"}'],
    ["contact/code", "an address of the wrong type", '{"channel":"EMAIL","address":["a@b.c"]}'],
    ["contact/code", "a 20 000-character address", JSON.stringify({ channel: "EMAIL", address: "a".repeat(20_000) })],
    ["contact/code", "not JSON", "channel=EMAIL"],
    ["contact/confirm", "a code of letters", '{"channel":"EMAIL","code":"abcdef"}'],
    ["contact/confirm", "a 7-digit code", '{"channel":"EMAIL","code":"1234567"}'],
    ["contact/confirm", "a numeric code", '{"channel":"EMAIL","code":123456}'],
    ["contact", "channels of the wrong type", '{"emailOn":"yes","smsOn":0}'],
    ["contact", "nesting 5 000 deep", `{"emailOn":${deep(5_000)}}`],
  ] as const) {
    it(`${path} with ${name} → 400 INVALID_INPUT`, async () => {
      const answer = await send(`/api/customer/orders/${order().id}/${path}`, {
        headers: { ...bearer(await strangerToken()), "Content-Type": "application/json" },
        body,
      });
      expect(outcome(answer), answer.text).toEqual(INVALID);
    });
  }

  for (const [name, body, expected] of [
    ["an empty message", '{"body":"   "}', INVALID],
    ["a message of the wrong type", '{"body":["a"]}', INVALID],
    ["not JSON", "hello", INVALID],
  ] as const) {
    it(`a customer reply with ${name} → 400 INVALID_INPUT`, async () => {
      const answer = await send("/api/customer/requests/not-a-request/messages", {
        headers: { ...bearer(await strangerToken()), "Content-Type": "application/json" },
        body,
      });
      expect(outcome(answer), answer.text).toEqual(expected);
    });
  }

  it("NUL bytes and invalid UTF-8 inside a well-formed address → refused or not found, never stored as such", async () => {
    for (const city of ["Par\u0000is", "Paris\udc00"]) {
      const answer = await send(`/api/customer/orders/${order().id}/address-change`, {
        headers: bearer(await strangerToken()),
        body: {
          address: { firstName: "A", lastName: "B", address1: "1 rue X", city, zip: "75001", countryCode: "FR" },
        },
      });
      // a stranger: either the address is refused (400) or the order is not theirs (403)
      expect([400, 403], answer.text).toContain(answer.status);
    }
  });

  it("a request with __proto__ keys leaves the server answering normally", async () => {
    const answer = await send(`/api/customer/orders/${order().id}/options`, {
      headers: bearer(await strangerToken()),
    });
    expect([403, 404]).toContain(answer.status);
  });
});

group("bodies: admin API, admin pages and Flow", () => {
  for (const [name, body, type] of BODIES.filter(([n]) => !n.includes("address"))) {
    it(`admin decision with ${name} → 400 INVALID_INPUT`, async () => {
      const answer = await send("/api/admin/requests/anything/decision", {
        headers: { ...bearer(await adminSessionToken(hostile().app)), "Content-Type": type as string },
        body,
      });
      expect(outcome(answer), answer.text).toEqual(INVALID);
    });
  }

  it("admin decision with an unknown action → 400 INVALID_INPUT", async () => {
    const answer = await send("/api/admin/requests/anything/decision", {
      headers: bearer(await adminSessionToken(hostile().app)),
      body: { action: "delete", note: 1 },
    });
    expect(outcome(answer)).toEqual(INVALID);
  });

  it("an admin page action with a JSON body instead of a form → 4xx, not 500", async () => {
    const answer = await send("/app/requests/anything", {
      headers: { ...bearer(await adminSessionToken(hostile().app)), "Content-Type": "application/json" },
      body: '{"intent":"approve"}',
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it("an admin page action with an unknown intent → 400 (INVALID_INPUT)", async () => {
    // `.data`: the action's own answer (Remix single fetch), as the page's fetcher gets it
    const answer = await send("/app/requests/anything.data", {
      headers: {
        ...bearer(await adminSessionToken(hostile().app)),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "intent=%00%00&note=x",
    });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.text).toContain("INVALID_INPUT");
  });

  for (const [name, body] of [
    ["not JSON", "{"],
    ["a JSON array", "[]"],
    ["no shop domain", JSON.stringify({ properties: { order_id: "1" } })],
    [
      "a shop domain that is not a shop",
      JSON.stringify({ shopify_domain: "../../etc", properties: { order_id: "1" } }),
    ],
    [
      "an order id of the wrong type",
      JSON.stringify({ shopify_domain: "amend-demo.myshopify.com", properties: { order_id: { $gt: 0 } } }),
    ],
    [
      "__proto__ keys",
      '{"__proto__":{"x":1},"shopify_domain":"amend-demo.myshopify.com","properties":{"order_id":"abc"}}',
    ],
  ] as const) {
    it(`a signed Flow action with ${name} → 400 INVALID_INPUT`, async () => {
      const answer = await send("/flow/actions/approve-cancellation", {
        headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": hmac(body) },
        body,
      });
      expect(outcome(answer), answer.text).toEqual(INVALID);
    });
  }

  it("a signed Flow action whose properties are a huge string → 400 INVALID_INPUT", async () => {
    const { body, headers } = flowCall({ order_id: "9".repeat(40_000) });
    const answer = await send("/flow/actions/approve-cancellation", { body, headers });
    expect(outcome(answer)).toEqual(INVALID);
  });
});
