import { adminMessages, fill, formatDateTime } from "~/admin/i18n";
import { countryName, messagesFor } from "~/domain/messages";
import type { Locale } from "~/domain/types";
import { decodePayload } from "~/models/request-payload";
import type { InboxPage, InboxQuery, InboxRow } from "~/services/admin-inbox.server";

const reasonLabels: Record<Locale, Record<string, string>> = {
  en: messagesFor("en").customerReasons,
  fr: messagesFor("fr").customerReasons,
};

function adminReasonLabel(reason: string, locale: Locale): string {
  const m = adminMessages(locale);
  return (m.storeReasons as Record<string, string>)[reason] ?? reasonLabels[locale][reason] ?? reason;
}

/** One line about what was asked: where an address change goes, why a cancellation is wanted, what is withdrawn. */
export function summaryOf(row: Pick<InboxRow, "kind" | "payload">, locale: Locale): string {
  const t = adminMessages(locale);
  const payload = decodePayload(row);
  if (payload.kind === "ADDRESS_CHANGE" && payload.address)
    return fill(t.inbox.addressTo, {
      city: payload.address.city,
      country: countryName(payload.address.countryCode, locale),
    });
  if (payload.kind === "CANCELLATION" && payload.reason) return adminReasonLabel(payload.reason, locale);
  if (payload.kind === "WITHDRAWAL" && payload.statement) {
    const items = payload.statement.items;
    if (!items) return t.withdrawals.wholeOrder;
    return items.map((i) => fill(t.withdrawals.itemLine, { quantity: String(i.quantity), title: i.title })).join(", ");
  }
  return "";
}

/** The inbox page's data: the query it shows, the tab badge, the cursors and one row per request. */
export function presentInbox(page: InboxPage, query: InboxQuery, locale: Locale) {
  return {
    locale,
    query,
    needsAction: page.needsAction,
    truncated: Boolean(page.truncated),
    next: page.next,
    previous: page.previous,
    rows: page.rows.map((r) => ({
      id: r.id,
      orderName: r.orderName,
      customerName: r.customerName,
      customerEmail: r.customerEmail,
      kind: r.kind,
      status: r.status,
      summary: summaryOf(r, locale),
      created: formatDateTime(r.createdAt, locale),
      updated: formatDateTime(r.updatedAt, locale),
    })),
  };
}

export type InboxView = ReturnType<typeof presentInbox>;
