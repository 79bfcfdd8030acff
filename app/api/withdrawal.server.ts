import { explainReasons } from "~/domain/messages";
import type { Locale } from "~/domain/types";
import type { SubmittedWithdrawal, WithdrawalOptions } from "~/services/withdrawal.server";
import { presentRequest } from "./customer.server";

/** "camille.martin@example.fr" → "c•••@example.fr": enough for the customer to recognise it, not to read it. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}

/** "+33612345678" → "+33•••••••78". */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.length < 6) return "•••";
  const head = digits.startsWith("+") ? digits.slice(0, 3) : "";
  return `${head}${"•".repeat(digits.length - head.length - 2)}${digits.slice(-2)}`;
}

/**
 * The options' `withdrawal` section (docs/customer-api.md): whether the function is offered and allowed, why not
 * (reasons with messages in the customer's language), the period and the items, and where the acknowledgement
 * goes (masked). Not offered: only `offered: false` is meaningful, and the UI shows nothing.
 */
export function presentWithdrawalOptions(options: WithdrawalOptions, locale: Locale) {
  return {
    offered: options.offered,
    allowed: options.allowed,
    reasons: explainReasons(options.reasons, locale),
    stage: options.stage,
    periodDays: options.periodDays,
    deliveredAt: options.deliveredAt,
    periodEndsAt: options.periodEndsAt,
    items: options.offered ? options.items : [],
    customerName: options.offered ? options.customerName : null,
    contact: options.offered
      ? { email: maskEmail(options.contact.email), phone: maskPhone(options.contact.phone) }
      : { email: null, phone: null },
    storefrontUrl: options.storefrontUrl,
  };
}

/** The answer to a registered withdrawal (201): the request, and the statement as acknowledged. */
export function presentSubmittedWithdrawal(submitted: SubmittedWithdrawal, locale: Locale) {
  const w = submitted.withdrawal;
  return {
    request: presentRequest(submitted.request, locale),
    withdrawal: {
      submittedAt: w.submittedAt,
      statement: w.statement,
      acknowledgement: { email: maskEmail(w.acknowledgement.email), sms: maskPhone(w.acknowledgement.sms) },
      outcome: w.outcome,
      reimbursementDueBy: w.reimbursementDueBy,
    },
  };
}
