import { STAFF_ACTIONS } from "~/admin/constants";
import { adminMessages, fill, formatDateTime } from "~/admin/i18n";
import { messagesFor } from "~/domain/messages";
import type { Locale } from "~/domain/types";
import type { requestDetail } from "~/services/admin-requests.server";
import { requestIdentity } from "~/models/request-identity";
import { presentWithdrawalStatement } from "./withdrawals";

export type RequestDetail = Awaited<ReturnType<typeof requestDetail>>;

/** The request page's data: the request, its rules, history and order, in the merchant's language. */
export function presentRequestDetail(
  detail: RequestDetail,
  context: { locale: Locale; shop: string; demo: boolean; now: Date },
) {
  const { locale } = context;
  const { request: r, payload, order } = detail;
  const customerReasons = messagesFor(locale).customerReasons as Record<string, string>;
  const change = payload.kind === "ADDRESS_CHANGE" ? payload : null;
  const cancellation = payload.kind === "CANCELLATION" ? payload : null;
  return {
    locale,
    shop: context.shop,
    // outside Shopify admin (the offline demo) the order lives in the simulator's state page
    orderUrl: context.demo ? "/demo/state" : `shopify:admin/orders/${r.orderId}`,
    request: {
      ...requestIdentity(r),
      created: formatDateTime(r.createdAt, locale),
      deadline: r.deadlineAt ? formatDateTime(r.deadlineAt, locale) : null,
      decisionNote: r.decisionNote,
      failureMessage: r.failureMessage === null ? null : systemMessage(r.failureMessage, locale),
      reason: cancellation?.reason ? (customerReasons[cancellation.reason] ?? cancellation.reason) : null,
      note: cancellation?.note ?? null,
      address: change?.address ?? null,
      previousAddress: change?.previousAddress ?? null,
    },
    evaluation: detail.evaluation,
    events: r.events.map((e) => ({
      id: e.id,
      actor: e.actor,
      from: e.fromStatus,
      to: e.toStatus,
      message: e.actor === "SYSTEM" && e.message ? systemMessage(e.message, locale) : e.message,
      at: formatDateTime(e.at, locale),
    })),
    messages: r.messages.map((m) => ({ id: m.id, author: m.author, body: m.body, at: formatDateTime(m.at, locale) })),
    order: order
      ? {
          financial: order.displayFinancialStatus,
          fulfillment: order.displayFulfillmentStatus,
          cancelled: Boolean(order.cancelledAt),
          lineItems: order.lineItems.map((l) => ({ id: l.id, title: l.title, quantity: l.quantity })),
          customerDataWithheld: order.customerDataWithheld ?? [],
        }
      : null,
    storeCancellations: detail.storeCancellations.map((c) => ({
      id: c.id,
      scope: c.scope,
      reason: c.reason,
      at: formatDateTime(c.createdAt, locale),
    })),
    undelivered: detail.undelivered.map((u) => ({
      id: u.id,
      event: u.event,
      channel: u.channel,
      address: u.recipient,
      retrying: u.retrying,
      answer: u.lastError,
      at: formatDateTime(u.createdAt, locale),
    })),
    actions: detail.actions.filter((a) => (STAFF_ACTIONS as readonly string[]).includes(a)),
    withdrawal: detail.withdrawal ? presentWithdrawalStatement(detail.withdrawal, locale, context.now) : null,
  };
}

/** What the request page renders: the presented request and the page view's store-cancel action key. */
export type RequestDetailView = ReturnType<typeof presentRequestDetail> & { actionKey: string };

const WAITING =
  /^Waiting for (.+) to accept the cancellation request \(the fulfillment service is preparing the order\)\.$/;
const REFUSED = /^(.+) refused to cancel: the order is already being prepared\.(?: The service said: "(.*)"\.)?$/;

/** Amend's own notes about a fulfillment service (written in English on the history), in the merchant's language. */
export function systemMessage(message: string, locale: Locale): string {
  const d = adminMessages(locale).detail;
  const waiting = WAITING.exec(message);
  if (waiting) return fill(d.serviceWaiting, { service: waiting[1] });
  const refused = REFUSED.exec(message);
  if (refused) {
    const text = fill(d.serviceRefused, { service: refused[1] });
    return refused[2] ? `${text} ${fill(d.serviceSaid, { reason: refused[2] })}` : text;
  }
  return message;
}
