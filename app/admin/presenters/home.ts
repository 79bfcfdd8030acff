import { formatDateTime, formatElapsed } from "~/admin/i18n";
import type { Locale } from "~/domain/types";
import type { HomeStats } from "~/services/admin-home.server";
import { presentWithdrawalRow } from "./withdrawals";

/** Home's data: what needs action, the oldest waiting request, reimbursements due soon, the last 30 days' figures. */
export function presentHome(stats: HomeStats, locale: Locale, now: Date) {
  return {
    locale,
    needsAction: stats.needsAction,
    oldest: stats.oldestWaiting
      ? {
          id: stats.oldestWaiting.id,
          orderName: stats.oldestWaiting.orderName,
          since: formatDateTime(stats.oldestWaiting.createdAt, locale),
        }
      : null,
    byKindAndStatus: stats.last30.byKindAndStatus,
    addressChangesApplied: stats.last30.addressChangesApplied,
    saves: stats.last30.saves,
    median: stats.last30.medianDecisionMs === null ? null : formatElapsed(stats.last30.medianDecisionMs, locale),
    withdrawals: {
      shown: stats.withdrawals.enabled || stats.withdrawals.dueSoon.length > 0,
      dueSoon: stats.withdrawals.dueSoon.map((row) => presentWithdrawalRow(row, locale, now)),
    },
  };
}

export type HomeView = ReturnType<typeof presentHome>;
