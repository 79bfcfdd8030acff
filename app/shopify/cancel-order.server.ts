import type { StoreCancelReason } from "~/domain/types";
import type { StorePolicy } from "~/domain/policy";
import type * as Admin from "~/types/admin.generated";
import { OrderNotFoundError, ShopifyUnavailableError, ShopifyUserError } from "./errors";
import type { AdminClient } from "./graphql-client.server";
import { ledgerEntry, sendOnce, type LedgerDb } from "./ledger.server";

export const CANCEL_ORDER_MUTATION = `#graphql
mutation AmendCancelOrder(
  $orderId: ID!
  $reason: OrderCancelReason!
  $refundMethod: OrderCancelRefundMethodInput
  $restock: Boolean!
  $notifyCustomer: Boolean
  $staffNote: String
) {
  orderCancel(
    orderId: $orderId
    reason: $reason
    refundMethod: $refundMethod
    restock: $restock
    notifyCustomer: $notifyCustomer
    staffNote: $staffNote
  ) {
    job { id done }
    orderCancelUserErrors { field message code }
  }
}
`;

/** One poll: the job and the order together, so the last poll already has `cancelledAt`. */
export const CANCEL_JOB_QUERY = `#graphql
query AmendCancelJob($jobId: ID!, $orderId: ID!) {
  job(id: $jobId) { id done }
  order(id: $orderId) { id cancelledAt }
}
`;

export const ORDER_CANCELLED_QUERY = `#graphql
query AmendOrderCancelled($id: ID!) {
  order(id: $id) { id cancelledAt }
}
`;

export type OrderCancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";

/** Shopify's reason for each of the store's own reasons when the store cancels an order itself. */
export const STORE_REASON_TO_SHOPIFY: Record<StoreCancelReason, OrderCancelReason> = {
  QUANTITY_LIMIT: "OTHER",
  OUT_OF_STOCK: "INVENTORY",
  PRICING_ERROR: "STAFF",
  FRAUD_REVIEW_INFO_NEEDED: "FRAUD",
  SHIPPING_UNAVAILABLE: "OTHER",
  UNSUPPORTED_CLIENT: "OTHER",
};

export interface CancelOrderOptions {
  reason: OrderCancelReason;
  /** NONE: no refund now (the merchant refunds); an authorization is voided by Shopify regardless. */
  refundMethod: StorePolicy["cancellation"]["refundMethod"] | "NONE";
  restock: boolean;
  staffNote: string | null;
  notifyCustomer: boolean;
}

/** The options for a customer's cancellation request, from the store's settings. */
export function customerCancelOptions(cancellation: StorePolicy["cancellation"]): CancelOrderOptions {
  return {
    reason: "CUSTOMER",
    refundMethod: cancellation.refundMethod,
    restock: cancellation.restock,
    staffNote: cancellation.staffNote,
    notifyCustomer: cancellation.notifyCustomerFromShopify,
  };
}

export interface CancelledOrder {
  orderId: string;
  cancelledAt: string;
  jobId: string | null;
}

export interface CancelPolling {
  /** Polls of the job before giving up (the request stays retryable). */
  maxPolls?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Cancels the order once per request with `orderCancel`, follows its job until done, and returns
 * Shopify's `cancelledAt`. An uncaptured authorization is voided by Shopify when refunding to the
 * original payment method. Throws ShopifyUserError when Shopify refuses, ShopifyUnavailableError when
 * the job does not finish in time (a retry reads the order before sending anything again).
 */
export async function cancelOrder(
  client: AdminClient,
  db: LedgerDb,
  args: { shop: string; requestId: string; orderId: string; options: CancelOrderOptions },
  polling: CancelPolling = {},
): Promise<CancelledOrder> {
  const { orderId, options } = args;
  const maxPolls = polling.maxPolls ?? 8;
  const sleep = polling.sleep ?? client.sleep;

  const readCancelled = async (): Promise<CancelledOrder | null> => {
    const data = await client.request<Admin.AmendOrderCancelledQuery>(ORDER_CANCELLED_QUERY, { id: orderId });
    if (!data.order) throw new OrderNotFoundError(orderId);
    return data.order.cancelledAt ? { orderId, cancelledAt: String(data.order.cancelledAt), jobId: null } : null;
  };

  const follow = async (jobId: string): Promise<CancelledOrder> => {
    for (let poll = 1; poll <= maxPolls; poll++) {
      await sleep(Math.min(4_000, 250 * 2 ** (poll - 1)));
      const data = await client.request<Admin.AmendCancelJobQuery>(CANCEL_JOB_QUERY, { jobId, orderId });
      if (data.order?.cancelledAt && (data.job?.done ?? true)) {
        return { orderId, cancelledAt: String(data.order.cancelledAt), jobId };
      }
      if (data.job?.done) {
        // the job ended without cancelling: Shopify gave up on it
        const again = await readCancelled();
        if (again) return { ...again, jobId };
        throw new ShopifyUserError("orderCancel", [
          { field: null, message: "Shopify's cancellation job finished without cancelling the order", code: null },
        ]);
      }
    }
    throw new ShopifyUnavailableError({
      operation: "orderCancel",
      message: `the cancellation job ${jobId} did not finish after ${maxPolls} polls`,
      retryAfterSeconds: 30,
    });
  };

  return sendOnce(client, db, ledgerEntry(args, "orderCancel"), {
    send: async ({ resend }) => {
      const data = await client.request<Admin.AmendCancelOrderMutation>(CANCEL_ORDER_MUTATION, {
        orderId,
        reason: options.reason,
        refundMethod:
          options.refundMethod === "NONE"
            ? null
            : options.refundMethod === "STORE_CREDIT"
              ? { storeCreditRefund: {} }
              : { originalPaymentMethodsRefund: true },
        restock: options.restock,
        notifyCustomer: options.notifyCustomer,
        staffNote: options.staffNote,
      });
      const payload = data.orderCancel;
      const errors = payload?.orderCancelUserErrors ?? [];
      if (errors.length > 0) {
        // our earlier send went through (its job may still be running): Shopify now refuses a second one
        if (resend) {
          const done = await followOrderOnly(readCancelled, maxPolls, sleep);
          if (done) return done;
        }
        throw ShopifyUserError.of("orderCancel", errors);
      }
      if (payload?.job && !payload.job.done) return follow(payload.job.id);
      const cancelled = await readCancelled();
      if (cancelled) return { ...cancelled, jobId: payload?.job?.id ?? null };
      throw new ShopifyUnavailableError({
        operation: "orderCancel",
        message: "the order is not cancelled yet",
        retryAfterSeconds: 30,
      });
    },
    reconcile: readCancelled,
  });
}

async function followOrderOnly(
  readCancelled: () => Promise<CancelledOrder | null>,
  maxPolls: number,
  sleep: (ms: number) => Promise<void>,
): Promise<CancelledOrder | null> {
  for (let poll = 1; poll <= maxPolls; poll++) {
    const cancelled = await readCancelled();
    if (cancelled) return cancelled;
    await sleep(Math.min(4_000, 250 * 2 ** (poll - 1)));
  }
  return null;
}
