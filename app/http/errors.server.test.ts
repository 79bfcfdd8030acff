import { describe, expect, it } from "vitest";
import { InvalidTransitionError } from "~/domain/state-machine";
import { RequestConflictError, StaleRequestError } from "~/models/change-request.server";
import { ServiceError } from "~/services/errors";
import { MutationInFlightError, ShopifyUnavailableError, ShopifyUserError } from "~/shopify/errors";
import { errorBody, toHttpError } from "./errors.server";

describe("toHttpError", () => {
  it("GIVEN each error a use case throws THEN one status and code, Retry-After where a retry helps", () => {
    const cases: [unknown, number, string, string | null][] = [
      [new ServiceError("RULES_FAILED", "no", { reasons: [{ code: "WINDOW_EXPIRED" }] }), 422, "RULES_FAILED", null],
      [new ServiceError("SHOPIFY_UNAVAILABLE", "later", { retryAfterSeconds: 7 }), 503, "SHOPIFY_UNAVAILABLE", "7"],
      [new ServiceError("IDEMPOTENCY_KEY_REUSED", "reused"), 422, "IDEMPOTENCY_KEY_REUSED", null],
      [new StaleRequestError("r1", "PENDING"), 409, "STALE_REQUEST", null],
      [new InvalidTransitionError("REJECTED", "approve", "APPLYING"), 409, "INVALID_TRANSITION", null],
      [new RequestConflictError("REQUEST_ALREADY_PENDING"), 409, "REQUEST_ALREADY_PENDING", null],
      [
        new ShopifyUnavailableError({ operation: "orderCancel", message: "502", retryAfterSeconds: 3 }),
        503,
        "SHOPIFY_UNAVAILABLE",
        "3",
      ],
      [new MutationInFlightError("orderCancel:r1"), 503, "IN_PROGRESS", "5"],
      [
        new ShopifyUserError("orderCancel", [{ field: null, message: "Already cancelled", code: null }]),
        422,
        "SHOPIFY_REFUSED",
        null,
      ],
      [new TypeError("boom"), 500, "INTERNAL", null],
    ];
    for (const [error, status, code, retryAfter] of cases) {
      const e = toHttpError(error);
      expect([e.status, e.code, e.headers["Retry-After"] ?? null], code).toEqual([status, code, retryAfter]);
    }
  });

  it("GIVEN a thrown Response (the library's 401) THEN it is thrown on, not mapped", () => {
    const response = new Response(null, { status: 401 });
    expect(() => toHttpError(response)).toThrow(response as unknown as Error);
  });

  it("GIVEN Shopify's refusal THEN its message is the text's parameter; the body has the shared shape", () => {
    const e = toHttpError(new ShopifyUserError("orderCancel", [{ field: null, message: "Too late", code: null }]));
    expect(e.params.message).toBe("Too late");
    const field = toHttpError(new ServiceError("INVALID_INPUT", "bad", { field: "zip" }));
    expect(errorBody(field)).toEqual({ error: { code: "INVALID_INPUT", message: "bad", field: "zip" } });
  });
});
