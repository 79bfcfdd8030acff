import { interpolate } from "~/domain/messages";
import type { Locale } from "~/domain/types";
import { contactTexts } from "~/i18n/contact";
import type { ContactState } from "~/services/customer-contact.server";

/** The answer of the contact routes: how Amend reaches the customer about this order (docs/customer-api.md#contact). */
export function presentContact(state: ContactState, locale: Locale) {
  const t = contactTexts[locale];
  const choice = state.choice;
  return {
    contact: {
      email: {
        address: choice?.email ?? state.orderEmail,
        // an address the customer confirmed here, rather than the order's
        confirmed: Boolean(choice?.email),
        on: choice?.emailOn ?? true,
      },
      sms: { offered: state.smsOffered, phone: choice?.phone ?? null, on: choice?.smsOn ?? false },
      pending: state.pending.map((p) => ({
        channel: p.channel,
        address: p.address,
        expiresAt: p.expiresAt.toISOString(),
        // the code's message was refused: the address is probably mistyped
        undeliverable: p.undeliverable,
      })),
      undelivered: state.undelivered.map((u) => ({
        channel: u.channel,
        address: u.recipient,
        state: u.retrying ? "RETRYING" : "FAILED",
        at: u.createdAt.toISOString(),
        message: interpolate((u.retrying ? t.retrying : t.failed)[u.channel], { address: u.recipient }),
      })),
    },
  };
}
