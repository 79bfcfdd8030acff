import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema, findGraphqlDocuments } from "./admin-schema";

describe("every Admin API operation in app/ is valid against the real 2026-10 schema", () => {
  const documents = findGraphqlDocuments();

  it("finds the app's operations", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [`${d.file}:${d.line}`, d.source]))("%s", (_where, source) => {
    const errors = validate(adminSchema(), parse(source)).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it("refuses an operation Shopify would refuse (wrong field, wrong enum)", () => {
    const bad = parse(
      `mutation { orderCancel(orderId: "gid://shopify/Order/1", reason: BORED, refund: true, restock: true) { nope } }`,
    );
    const errors = validate(adminSchema(), bad).map((e) => e.message);
    expect(errors.some((m) => m.includes("BORED"))).toBe(true);
    expect(errors.some((m) => m.includes('"nope"'))).toBe(true);
  });
});
