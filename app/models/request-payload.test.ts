import { describe, expect, it } from "vitest";
import { decodeEvaluation, decodePayload } from "./request-payload";

const address = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "4 place Bellecour",
  city: "Lyon",
  countryCode: "FR",
};
const contact = { firstName: "Camille", lastName: "Martin", email: "c@example.fr", phone: null, statusPageUrl: null };

describe("decodePayload", () => {
  it("reads an address change as the customer service stores it, keeping the address as written", () => {
    const stored = { address: { ...address, zip: "69002" }, previousAddress: address, contact };
    expect(decodePayload({ kind: "ADDRESS_CHANGE", payload: JSON.stringify(stored) })).toEqual({
      kind: "ADDRESS_CHANGE",
      ...stored,
    });
  });

  it("reads a cancellation as the customer service stores it", () => {
    const stored = { reason: "CHANGED_MIND", note: "Wrong size", contact, shippingAddress: address };
    expect(decodePayload({ kind: "CANCELLATION", payload: JSON.stringify(stored) })).toEqual({
      kind: "CANCELLATION",
      ...stored,
    });
  });

  it("the kind comes from the request's column, not from the JSON", () => {
    const payload = JSON.stringify({ kind: "ADDRESS_CHANGE", reason: "OTHER", note: null });
    expect(decodePayload({ kind: "CANCELLATION", payload })).toMatchObject({ kind: "CANCELLATION", reason: "OTHER" });
  });

  it("a missing or mistyped field reads as null; an address without its required fields is no address", () => {
    expect(
      decodePayload({
        kind: "CANCELLATION",
        payload: JSON.stringify({ reason: "OTHER", note: 42, contact: { email: 7, phone: "+33" } }),
      }),
    ).toEqual({
      kind: "CANCELLATION",
      reason: "OTHER",
      note: null,
      contact: { firstName: null, lastName: null, email: null, phone: "+33", statusPageUrl: null },
      shippingAddress: null,
    });
    expect(decodePayload({ kind: "ADDRESS_CHANGE", payload: JSON.stringify({ address: { city: "Lyon" } }) })).toEqual({
      kind: "ADDRESS_CHANGE",
      address: null,
      previousAddress: null,
      contact: null,
    });
  });

  it("unreadable JSON, or JSON that is not an object, is an empty payload of the request's kind", () => {
    for (const payload of ["{not json", "[1]", "null", '"text"'])
      expect(decodePayload({ kind: "CANCELLATION", payload })).toEqual({
        kind: "CANCELLATION",
        reason: null,
        note: null,
        contact: null,
        shippingAddress: null,
      });
  });
});

describe("decodeEvaluation", () => {
  it("reads the rules as evaluated, in order", () => {
    const rules = [
      { code: "FULFILLMENT_STARTED", passed: true },
      { code: "SHIPPING_COST_INCREASE", passed: false, params: { price: "€9.90" } },
    ];
    expect(decodeEvaluation({ evaluation: JSON.stringify(rules) })).toEqual(rules);
  });

  it("an unreadable evaluation is no rules", () => {
    for (const evaluation of ["{not json", "{}", '[{"code":"NOT_A_RULE","passed":true}]', '[{"passed":"yes"}]'])
      expect(decodeEvaluation({ evaluation })).toEqual([]);
  });
});
