import { describe, expect, it } from "vitest";
import type { WithdrawalRow } from "~/services/admin-withdrawals.server";
import { presentWithdrawalRow, reimbursementState } from "./withdrawals";

const now = new Date("2026-11-10T12:00:00Z");
const due = (iso: string | null) => ({
  refundedWithCancellation: false,
  reimbursementDueBy: iso ? new Date(iso) : null,
});

describe("reimbursementState", () => {
  it.each([
    ["passed a second ago", due("2026-11-10T11:59:59Z"), "OVERDUE"],
    ["due now", due("2026-11-10T12:00:00Z"), "DUE_SOON"],
    ["due in exactly 3 days", due("2026-11-13T12:00:00Z"), "DUE_SOON"],
    ["due in 3 days and a second", due("2026-11-13T12:00:01Z"), "OPEN"],
    ["no deadline recorded", due(null), null],
    [
      "refunded by Shopify with the cancellation",
      { ...due("2026-11-01T00:00:00Z"), refundedWithCancellation: true },
      "REFUNDED",
    ],
  ])("%s → %s", (_name, row, state) => {
    expect(reimbursementState(row, now)).toBe(state);
  });
});

describe("presentWithdrawalRow", () => {
  const row: WithdrawalRow = {
    id: "w1",
    orderId: "5001",
    orderName: "#1001",
    name: "Oliver Smith",
    submittedAt: new Date("2026-10-20T08:00:00Z"),
    source: "STOREFRONT",
    wholeOrder: false,
    items: [{ lineItemId: "11", title: "Candle", quantity: 3 }],
    acknowledgeBy: { email: true, sms: true },
    outcome: "CANCELLATION",
    status: "FAILED",
    reimbursementDueBy: new Date("2026-11-03T08:00:00Z"),
    returnId: null,
    refundedWithCancellation: false,
    acknowledgement: { email: "FAILED", sms: "SENT" },
  };

  it("a failed withdrawal: Amend retries, the deadline passed is flagged overdue, each channel's delivery shown", () => {
    expect(presentWithdrawalRow(row, "en", now)).toEqual({
      id: "w1",
      url: "/app/requests/w1",
      orderName: "#1001",
      name: "Oliver Smith",
      submitted: "Oct 20, 2026, 8:00 AM",
      items: ["3 × Candle"],
      outcome: { label: "Failed in Shopify: Amend retries", tone: "critical" },
      reimbursement: { state: "OVERDUE", due: "Nov 3, 2026, 8:00 AM", label: "Overdue", tone: "critical" },
      acknowledgement: [
        { channel: "Email", state: "FAILED", label: "Not delivered", tone: "critical" },
        { channel: "SMS", state: "SENT", label: "Delivered", tone: "success" },
      ],
    });
  });

  it("an applied cancellation refunded with it: no deadline to watch", () => {
    const view = presentWithdrawalRow({ ...row, status: "APPLIED", refundedWithCancellation: true }, "fr", now);
    expect(view.outcome).toEqual({ label: "Commande annulée", tone: "success" });
    expect(view.reimbursement).toMatchObject({ state: "REFUNDED", label: "Remboursée avec l'annulation" });
  });
});
