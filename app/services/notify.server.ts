import type { ChangeRequest } from "@prisma/client";
import { decodePayload } from "~/models/request-payload";
import { enqueueNotifications } from "~/notifications/outbox.server";
import type { NotifyPort } from "./ports";

/** The request's view as notification facts (what the templates can say). */
function factsOf(
  request: ChangeRequest,
  latest: { customer: string | null; staff: string | null },
  adminUrl: string | null,
) {
  const payload = decodePayload(request);
  const contact = payload.contact;
  const cancellation = payload.kind === "CANCELLATION" ? payload : null;
  const change = payload.kind === "ADDRESS_CHANGE" ? payload : null;
  const withdrawal = payload.kind === "WITHDRAWAL" ? payload : null;
  // the acknowledgement goes by the means the customer chose in the statement
  const chosen = withdrawal?.statement?.acknowledgeBy ?? { email: true, sms: true };
  return {
    facts: {
      order: { name: request.orderName, statusUrl: contact?.statusPageUrl ?? null },
      customer: {
        // the contact's own first name, even when null: customerName may be the order name standing in for it
        firstName: contact ? contact.firstName : request.customerName.split(" ")[0] || null,
        lastName: contact?.lastName ?? null,
        email: contact?.email ?? request.customerEmail,
      },
      request: {
        id: request.id,
        kind: request.kind,
        status: request.status,
        reason: cancellation?.reason ?? null,
        note: cancellation?.note ?? null,
        decisionNote: request.decisionNote,
        question: latest.staff,
        deadlineAt: request.deadlineAt,
        message: latest.customer,
        failureMessage: request.failureMessage,
        adminUrl,
      },
      shippingAddress: change?.address ?? cancellation?.shippingAddress ?? null,
      newAddress: change?.address ?? null,
      oldAddress: change?.previousAddress ?? null,
      withdrawal: withdrawal?.statement
        ? {
            name: withdrawal.statement.name,
            submittedAt: withdrawal.statement.submittedAt,
            wholeOrder: withdrawal.statement.wholeOrder,
            items: (withdrawal.lines ?? withdrawal.statement.items ?? []).map((l) => ({
              title: l.title,
              quantity: l.quantity,
            })),
            outcome: withdrawal.outcome,
            reimbursementDueBy: withdrawal.reimbursementDueBy,
          }
        : null,
    },
    customer: {
      email: chosen.email ? (contact?.email ?? request.customerEmail) : null,
      phone: chosen.sms ? (contact?.phone ?? null) : null,
    },
  };
}

/**
 * The notifier the use cases call inside their transactions: renders every switched-on message for the
 * event and queues it in the outbox; the worker delivers it.
 */
export function outboxNotifier(options: { adminUrlFor?: (request: ChangeRequest) => string | null } = {}): NotifyPort {
  return async (tx, { request, event, eventId }) => {
    // The message the event is about: the customer's reply, or the staff member's question.
    const author = event === "CUSTOMER_REPLIED" ? "CUSTOMER" : event === "INFO_REQUESTED" ? "STAFF" : null;
    const latest = author
      ? await tx.requestMessage.findFirst({ where: { requestId: request.id, author }, orderBy: { at: "desc" } })
      : null;
    const { facts, customer } = factsOf(
      request,
      {
        customer: author === "CUSTOMER" ? (latest?.body ?? null) : null,
        staff: author === "STAFF" ? (latest?.body ?? null) : null,
      },
      options.adminUrlFor?.(request) ?? null,
    );
    await enqueueNotifications(tx, {
      shop: request.shop,
      requestId: request.id,
      eventId,
      event,
      locale: request.locale,
      facts,
      customer,
    });
  };
}
