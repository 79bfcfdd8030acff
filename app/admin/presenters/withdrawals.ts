import { adminMessages, fill, formatDateTime } from "~/admin/i18n";
import type { Locale } from "~/domain/types";
import {
  DUE_SOON_DAYS,
  reimbursementOpen,
  type AcknowledgementState,
  type WithdrawalQuery,
  type WithdrawalRow,
  type withdrawalRegister,
} from "~/services/admin-withdrawals.server";

type Tone = "success" | "critical" | "warning" | "attention" | "info" | undefined;
const DAY_MS = 86_400_000;

/** Where a reimbursement stands at `now`: refunded by Shopify, overdue, due within DUE_SOON_DAYS days, or open. */
export function reimbursementState(
  row: Pick<WithdrawalRow, "refundedWithCancellation" | "reimbursementDueBy">,
  now: Date,
): "REFUNDED" | "OVERDUE" | "DUE_SOON" | "OPEN" | null {
  if (row.refundedWithCancellation) return "REFUNDED";
  if (!reimbursementOpen(row)) return null;
  const left = row.reimbursementDueBy!.getTime() - now.getTime();
  if (left < 0) return "OVERDUE";
  return left <= DUE_SOON_DAYS * DAY_MS ? "DUE_SOON" : "OPEN";
}

const ACK_TONE: Record<AcknowledgementState, Tone> = {
  SENT: "success",
  SENDING: "info",
  PENDING: "attention",
  FAILED: "critical",
  NONE: "warning",
};

/** One withdrawal as the register and Home show it, in the merchant's language. */
export function presentWithdrawalRow(row: WithdrawalRow, locale: Locale, now: Date) {
  const w = adminMessages(locale).withdrawals;
  const state = reimbursementState(row, now);
  const outcome =
    row.status === "FAILED"
      ? { label: w.failedOutcome, tone: "critical" as Tone }
      : row.status === "APPLYING" || !row.outcome
        ? { label: w.pendingOutcome, tone: "info" as Tone }
        : { label: w.outcomes[row.outcome] ?? row.outcome, tone: "success" as Tone };
  return {
    id: row.id,
    url: `/app/requests/${row.id}`,
    orderName: row.orderName,
    name: row.name,
    submitted: formatDateTime(row.submittedAt, locale),
    items: row.items
      ? row.items.map((i) => fill(w.itemLine, { quantity: String(i.quantity), title: i.title }))
      : [w.wholeOrder],
    outcome,
    reimbursement: {
      state,
      due: row.reimbursementDueBy ? formatDateTime(row.reimbursementDueBy, locale) : null,
      label:
        state === "REFUNDED"
          ? w.refundedAutomatically
          : state === "OVERDUE"
            ? w.overdue
            : state === "DUE_SOON"
              ? w.dueSoon
              : null,
      tone: (state === "OVERDUE" ? "critical" : state === "DUE_SOON" ? "warning" : undefined) as Tone,
    },
    acknowledgement: (["email", "sms"] as const)
      .filter((channel) => row.acknowledgement[channel] !== null)
      .map((channel) => {
        const s = row.acknowledgement[channel]!;
        return { channel: w.ackChannel[channel], state: s, label: w.ack[s] ?? s, tone: ACK_TONE[s] };
      }),
  };
}

export type WithdrawalRowView = ReturnType<typeof presentWithdrawalRow>;

/** A withdrawal's full statement for its request page: the register row and the statement's other fields. */
export function presentWithdrawalStatement(row: WithdrawalRow, locale: Locale, now: Date) {
  const w = adminMessages(locale).withdrawals;
  return {
    ...presentWithdrawalRow(row, locale, now),
    source: row.source ? (w.sources[row.source] ?? row.source) : null,
    acknowledgeBy: (["email", "sms"] as const).filter((c) => row.acknowledgeBy[c]).map((c) => w.ackChannel[c]),
    returnId: row.returnId,
  };
}

export type WithdrawalStatementView = ReturnType<typeof presentWithdrawalStatement>;

/** The register page's data: the filters it shows, the page's rows and cursors, and what its empty state says. */
export function presentWithdrawals(
  register: Awaited<ReturnType<typeof withdrawalRegister>>,
  query: WithdrawalQuery,
  locale: Locale,
  now: Date,
) {
  return {
    locale,
    query: { from: query.from ?? "", to: query.to ?? "" },
    enabled: register.enabled,
    any: register.any,
    next: register.page.next,
    previous: register.page.previous,
    rows: register.page.rows.map((row) => presentWithdrawalRow(row, locale, now)),
  };
}

export type WithdrawalsView = ReturnType<typeof presentWithdrawals>;
