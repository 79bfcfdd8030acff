import { describe, expect, it } from "vitest";
import { parseBulkDecisionForm, parseDecisionForm, parseStoreCancelForm } from "./request-forms";

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
};
const KEY = "7b0c2c8e-2f1a-4c59-9d5e-0a4f3c1b2d6e";

describe("parseDecisionForm", () => {
  it("accepts a staff action with an optional note", () => {
    expect(parseDecisionForm("approve", formOf({}))).toEqual({ ok: true, data: { intent: "approve" } });
    expect(parseDecisionForm("reject", formOf({ note: "Too late" }))).toEqual({
      ok: true,
      data: { intent: "reject", note: "Too late" },
    });
  });

  it("refuses an action staff cannot take, and a note over 2000 characters", () => {
    expect(parseDecisionForm("withdraw", formOf({}))).toEqual({ ok: false, code: "INVALID_INPUT" });
    expect(parseDecisionForm("reject", formOf({ note: "x".repeat(2001) }))).toEqual({
      ok: false,
      code: "INVALID_INPUT",
    });
  });

  it("asking the customer for information needs a question that is not blank", () => {
    expect(parseDecisionForm("requestInfo", formOf({ note: "  " }))).toEqual({ ok: false, code: "NOTE_REQUIRED" });
    expect(parseDecisionForm("requestInfo", formOf({ note: "Which size?" })).ok).toBe(true);
  });
});

describe("parseStoreCancelForm", () => {
  it("reads one quantity per `qty:<line item id>` field, an empty one as 0", () => {
    const result = parseStoreCancelForm(
      formOf({
        intent: "storeCancel",
        scope: "ITEMS",
        reason: "OUT_OF_STOCK",
        actionKey: KEY,
        "qty:gid://shopify/LineItem/1": "2",
        "qty:gid://shopify/LineItem/2": "",
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        intent: "storeCancel",
        scope: "ITEMS",
        reason: "OUT_OF_STOCK",
        actionKey: KEY,
        lines: [
          { lineItemId: "gid://shopify/LineItem/1", quantity: 2 },
          { lineItemId: "gid://shopify/LineItem/2", quantity: 0 },
        ],
      },
    });
  });

  it("refuses an unknown reason or scope, a missing action key and a negative quantity", () => {
    const base = { intent: "storeCancel", scope: "WHOLE_ORDER", reason: "OUT_OF_STOCK", actionKey: KEY };
    for (const fields of [
      { ...base, reason: "BORED" },
      { ...base, scope: "HALF" },
      { ...base, actionKey: "" },
      { ...base, "qty:gid://shopify/LineItem/1": "-1" },
    ])
      expect(parseStoreCancelForm(formOf(fields))).toEqual({ ok: false, code: "INVALID_INPUT" });
  });
});

describe("parseBulkDecisionForm", () => {
  const form = (intent: string, ids: string[], note?: string) => {
    const f = formOf(note === undefined ? { intent } : { intent, note });
    ids.forEach((id) => f.append("ids", id));
    return f;
  };

  it("accepts approve or reject of up to 250 requests with one note", () => {
    expect(parseBulkDecisionForm(form("reject", ["a", "b"], "Sorry"))).toEqual({
      ok: true,
      data: { intent: "reject", ids: ["a", "b"], note: "Sorry" },
    });
    expect(
      parseBulkDecisionForm(
        form(
          "approve",
          Array.from({ length: 250 }, (_, i) => `r${i}`),
        ),
      ).ok,
    ).toBe(true);
  });

  it("refuses another action, no request, more than 250, or an id longer than 64 characters", () => {
    for (const f of [
      form("requestInfo", ["a"], "?"),
      form("approve", []),
      form(
        "approve",
        Array.from({ length: 251 }, (_, i) => `r${i}`),
      ),
      form("approve", ["x".repeat(65)]),
    ])
      expect(parseBulkDecisionForm(f)).toEqual({ ok: false, code: "INVALID_INPUT" });
  });
});
