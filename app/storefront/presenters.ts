import { presentSubmittedWithdrawal, presentWithdrawalOptions } from "~/api/withdrawal.server";
import type { Locale } from "~/domain/types";
import type { SubmittedWithdrawal, WithdrawalOptions } from "~/services/withdrawal.server";
import type { AcknowledgementView, StatementView } from "./withdrawal-page";

/**
 * What the storefront page shows, from the service's answers: the same presentation as the customer API's
 * (reasons explained in the visitor's language, email and phone masked), so both surfaces say the same thing.
 */
export function presentStatement(options: WithdrawalOptions, locale: Locale): StatementView {
  const shown = presentWithdrawalOptions(options, locale);
  return {
    orderName: options.orderName,
    customerName: shown.customerName ?? "",
    offered: shown.offered,
    allowed: shown.allowed,
    reasons: shown.reasons.map((r) => ({ code: r.code, message: r.message })),
    periodDays: shown.periodDays,
    periodEndsAt: shown.periodEndsAt,
    items: shown.items,
    contact: shown.contact,
  };
}

export function presentAcknowledgement(submitted: SubmittedWithdrawal, locale: Locale): AcknowledgementView {
  return presentSubmittedWithdrawal(submitted, locale).withdrawal;
}
