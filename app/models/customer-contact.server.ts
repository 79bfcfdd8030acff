import type { DbTx } from "~/db.server";
import { customerReach, type ContactChannel, type ContactChoice } from "~/domain/contact";

/** The customer's channels for one order, or null when they never chose (the order's email is used). */
export async function contactChoice(
  db: DbTx,
  shop: string,
  orderId: string,
  customerId: string,
): Promise<ContactChoice | null> {
  return db.customerContact.findUnique({
    where: { shop_orderId_customerId: { shop, orderId, customerId } },
    select: { email: true, phone: true, emailOn: true, smsOn: true },
  });
}

/**
 * Where a customer notification about this order goes: the order's contact, replaced by what the customer confirmed
 * on the order page (`customerReach`). Read inside the transaction that queues the notification.
 */
export async function reachCustomer(
  db: DbTx,
  shop: string,
  order: { orderId: string; customerId: string | null; email: string | null; phone: string | null },
) {
  const choice = order.customerId ? await contactChoice(db, shop, order.orderId, order.customerId) : null;
  return customerReach({ email: order.email, phone: order.phone }, choice);
}

/** Stores a confirmed address as the order's channel for the customer, switched on. */
export async function saveConfirmedAddress(
  db: DbTx,
  key: { shop: string; orderId: string; customerId: string },
  channel: ContactChannel,
  address: string,
) {
  const data = channel === "EMAIL" ? { email: address, emailOn: true } : { phone: address, smsOn: true };
  return db.customerContact.upsert({
    where: { shop_orderId_customerId: key },
    create: { ...key, ...data },
    update: data,
  });
}

/**
 * Messages to the customer about this order's requests that did not arrive: FAILED (refused, undeliverable, or
 * out of retries) or PENDING after a failed try (being retried). One already sent again (a resend exists) is settled.
 * Newest first, at most 10.
 */
export async function undeliveredCustomerMessages(
  db: DbTx,
  key: { shop: string; orderId: string; customerId: string } | { shop: string; requestIds: string[] },
) {
  const requestIds =
    "requestIds" in key
      ? key.requestIds
      : (
          await db.changeRequest.findMany({
            where: { shop: key.shop, orderId: key.orderId, customerId: key.customerId },
            select: { id: true },
          })
        ).map((r) => r.id);
  if (requestIds.length === 0) return [];
  const rows = await db.outboxMessage.findMany({
    where: {
      shop: key.shop,
      requestId: { in: requestIds },
      recipientRole: "CUSTOMER",
      channel: { in: ["EMAIL", "SMS"] },
      OR: [{ status: "FAILED" }, { status: "PENDING", lastError: { not: null } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
    select: {
      id: true,
      requestId: true,
      event: true,
      channel: true,
      recipient: true,
      status: true,
      lastError: true,
      createdAt: true,
    },
  });
  if (rows.length === 0) return [];
  const resent = new Set(
    (
      await db.outboxMessage.findMany({
        where: { resendOfId: { in: rows.map((r) => r.id) } },
        select: { resendOfId: true },
      })
    ).map((r) => r.resendOfId),
  );
  return rows
    .filter((r) => !resent.has(r.id))
    .map((r) => ({ ...r, channel: r.channel as ContactChannel, retrying: r.status !== "FAILED" }));
}
