import { describe, expect, it } from "vitest";
import { presentHome } from "./home";

const stats = {
  needsAction: { PENDING: 2, NEEDS_INFO: 1, FAILED: 0 },
  oldestWaiting: { id: "r1", orderName: "#1001", createdAt: new Date("2026-11-01T09:30:00Z") },
  last30: {
    since: new Date("2026-10-02T09:30:00Z"),
    byKindAndStatus: { ADDRESS_CHANGE: { APPLIED: 4 }, CANCELLATION: { PENDING: 2, REJECTED: 1 }, WITHDRAWAL: {} },
    addressChangesApplied: 4,
    medianDecisionMs: 95 * 60_000,
    decisions: 5,
  },
};

describe("presentHome", () => {
  it("the counts as they are, the oldest waiting request's date and the median time in the merchant's language", () => {
    expect(presentHome(stats, "fr")).toEqual({
      locale: "fr",
      needsAction: { PENDING: 2, NEEDS_INFO: 1, FAILED: 0 },
      oldest: { id: "r1", orderName: "#1001", since: "1 nov. 2026, 09:30" },
      byKindAndStatus: stats.last30.byKindAndStatus,
      addressChangesApplied: 4,
      median: "1 h 35 min",
    });
  });

  it("nothing waiting and no decision yet: no oldest request and no median", () => {
    const view = presentHome(
      { ...stats, oldestWaiting: null, last30: { ...stats.last30, medianDecisionMs: null, decisions: 0 } },
      "en",
    );
    expect([view.oldest, view.median]).toEqual([null, null]);
  });
});
