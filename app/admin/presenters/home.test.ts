import { describe, expect, it } from "vitest";
import type { WithdrawalRow } from "~/services/admin-withdrawals.server";
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
    saves: 3,
  },
  withdrawals: { enabled: false, dueSoon: [] as WithdrawalRow[] },
};
const now = new Date("2026-11-10T12:00:00Z");

describe("presentHome", () => {
  it("the counts as they are, the oldest waiting request's date and the median time in the merchant's language", () => {
    expect(presentHome(stats, "fr", now)).toEqual({
      locale: "fr",
      needsAction: { PENDING: 2, NEEDS_INFO: 1, FAILED: 0 },
      oldest: { id: "r1", orderName: "#1001", since: "1 nov. 2026, 09:30" },
      byKindAndStatus: stats.last30.byKindAndStatus,
      addressChangesApplied: 4,
      saves: 3,
      median: "1 h 35 min",
      withdrawals: { shown: false, dueSoon: [] },
    });
  });

  it("nothing waiting and no decision yet: no oldest request and no median", () => {
    const view = presentHome(
      { ...stats, oldestWaiting: null, last30: { ...stats.last30, medianDecisionMs: null, decisions: 0 } },
      "en",
      now,
    );
    expect([view.oldest, view.median]).toEqual([null, null]);
  });

  it("reimbursements due soon: each with its order, customer and deadline, flagged due soon; shown when the function is on", () => {
    const row: WithdrawalRow = {
      id: "w1",
      orderId: "5001",
      orderName: "#1001",
      name: "Camille Martin",
      submittedAt: new Date("2026-10-28T10:00:00Z"),
      source: "CUSTOMER_ACCOUNT",
      wholeOrder: true,
      items: null,
      acknowledgeBy: { email: true, sms: false },
      outcome: "RETURN",
      status: "APPLIED",
      reimbursementDueBy: new Date("2026-11-11T10:00:00Z"),
      returnId: "gid://shopify/Return/1",
      refundedWithCancellation: false,
      acknowledgement: { email: "SENT", sms: null },
    };
    const view = presentHome({ ...stats, withdrawals: { enabled: true, dueSoon: [row] } }, "fr", now);
    expect(view.withdrawals.shown).toBe(true);
    expect(view.withdrawals.dueSoon).toMatchObject([
      {
        url: "/app/requests/w1",
        orderName: "#1001",
        name: "Camille Martin",
        items: ["Toute la commande"],
        outcome: { label: "Retour demandé" },
        reimbursement: { state: "DUE_SOON", due: "11 nov. 2026, 10:00", label: "Échéance proche" },
        acknowledgement: [{ channel: "E-mail", state: "SENT", label: "Remis" }],
      },
    ]);
  });
});
