import type { StoreCancellation } from "@prisma/client";
import type { Db } from "~/db.server";
import type { OrderFacts, StoreCancelReason } from "~/domain/types";
import { getPolicy } from "~/models/settings.server";
import { reachCustomer } from "~/models/customer-contact.server";
import { enqueueNotifications } from "~/notifications/outbox.server";
import { STORE_REASON_TO_SHOPIFY, type ShopifyGateway } from "~/shopify";
import { ServiceError } from "./errors";
import { viaShopify } from "./shopify-calls";

/** What the use case needs of Shopify: the gateway's operations (a test may pass a double). */
export type StoreCancelShopify = Pick<ShopifyGateway, "getOrderFacts" | "cancelOrder" | "cancelLineItems">;

export interface StoreCancelInput {
  orderId: string;
  reason: StoreCancelReason;
  /** Empty or absent: the whole order. Otherwise each line and how many of it to cancel. */
  lines?: { lineItemId: string; quantity: number }[];
  note?: string | null;
  staff?: string | null;
  /** The request page it was started from, if any (for the record). */
  requestId?: string | null;
  /** Stable per staff action (the form's nonce): a double submit or a retry is the same action. */
  actionKey: string;
}

export interface StoreCancelDeps {
  db: Db;
  shop: string;
  shopify: StoreCancelShopify;
}

/**
 * The store cancels an order, or some of its items, with its own reason (docs/rules.md): `orderCancel` with
 * the Shopify reason mapped from the store's, or an order edit setting quantities down (restock per the
 * settings). Then, in one transaction, the record and the customer's notification (ORDER_CANCELLED_BY_STORE
 * or ORDER_PARTIALLY_CANCELLED). Idempotent on `actionKey`: Shopify's ledger key derives from it, and the
 * record is unique on it, so a second submit neither cancels nor notifies twice.
 */
export async function cancelByStore(deps: StoreCancelDeps, input: StoreCancelInput): Promise<StoreCancellation> {
  const existing = await deps.db.storeCancellation.findUnique({
    where: { shop_actionKey: { shop: deps.shop, actionKey: input.actionKey } },
  });
  if (existing) return existing;

  const facts = await viaShopify(() => deps.shopify.getOrderFacts(input.orderId));
  if (!facts) throw new ServiceError("ORDER_NOT_FOUND", `Order ${input.orderId} does not exist in ${deps.shop}.`);
  if (facts.cancelledAt) throw new ServiceError("INVALID_TRANSITION", `Order ${facts.name} is already cancelled.`);
  const lines = resolveLines(facts, input.lines ?? []);
  const policy = await getPolicy(deps.db, deps.shop);
  const ledgerId = `store-cancel:${input.actionKey}`;
  const note = input.note?.trim() || null;
  const staffNote = [`Cancelled by the store (${input.reason})`, input.staff ? `by ${input.staff}` : null, note]
    .filter(Boolean)
    .join(" — ");

  if (lines.length === 0) {
    await viaShopify(() =>
      deps.shopify.cancelOrder({
        requestId: ledgerId,
        orderGid: facts.id,
        options: {
          reason: STORE_REASON_TO_SHOPIFY[input.reason],
          refundMethod: policy.cancellation.refundMethod,
          restock: policy.cancellation.restock,
          staffNote,
          notifyCustomer: false,
        },
      }),
    );
  } else {
    await viaShopify(() =>
      deps.shopify.cancelLineItems({
        requestId: ledgerId,
        orderGid: facts.id,
        lines: lines.map((l) => ({ lineItemId: l.lineItemId, keep: l.keep })),
        restock: policy.cancellation.restock,
        notifyCustomer: false,
        staffNote,
      }),
    );
  }

  return deps.db.$transaction(async (tx) => {
    const record = await tx.storeCancellation.create({
      data: {
        shop: deps.shop,
        orderId: facts.legacyId,
        orderName: facts.name,
        scope: lines.length === 0 ? "WHOLE_ORDER" : "ITEMS",
        reason: input.reason,
        lines: JSON.stringify(lines.map(({ lineItemId, title, quantity }) => ({ lineItemId, title, quantity }))),
        note,
        staff: input.staff ?? null,
        requestId: input.requestId ?? null,
        actionKey: input.actionKey,
      },
    });
    await enqueueNotifications(tx, {
      shop: deps.shop,
      requestId: input.requestId ?? null,
      eventId: `store-cancellation:${record.id}`,
      event: lines.length === 0 ? "ORDER_CANCELLED_BY_STORE" : "ORDER_PARTIALLY_CANCELLED",
      locale: facts.customerLocale ?? "en",
      recipients: ["CUSTOMER"],
      facts: {
        order: { name: facts.name, statusUrl: facts.statusPageUrl ?? null },
        customer: facts.customer ?? null,
        request: {
          id: record.id,
          kind: "CANCELLATION",
          status: "APPLIED",
          reason: input.reason,
          decisionNote: note,
        },
        shippingAddress: facts.shippingAddress,
        cancelledLineItems: lines.map((l) => ({ title: l.title, quantity: l.quantity })),
      },
      customer: await reachCustomer(tx, deps.shop, {
        orderId: facts.legacyId,
        customerId: facts.customerId,
        email: facts.customer?.email ?? null,
        phone: facts.customer?.phone ?? null,
      }),
    });
    return record;
  });
}

/** The chosen lines, checked against the order: known, quantity between 1 and what is left. */
function resolveLines(facts: OrderFacts, chosen: { lineItemId: string; quantity: number }[]) {
  const picked = chosen.filter((c) => c.quantity > 0);
  return picked.map((c) => {
    const gid = c.lineItemId.startsWith("gid://") ? c.lineItemId : `gid://shopify/LineItem/${c.lineItemId}`;
    const line = facts.lineItems.find((l) => l.id === gid);
    if (!line)
      throw new ServiceError("INVALID_INPUT", `Line ${c.lineItemId} is not on order ${facts.name}.`, {
        field: "lines",
      });
    if (!Number.isInteger(c.quantity) || c.quantity > line.quantity)
      throw new ServiceError("INVALID_INPUT", `Only ${line.quantity} of ${line.title} can be cancelled.`, {
        field: "lines",
      });
    return { lineItemId: gid, title: line.title, quantity: c.quantity, keep: line.quantity - c.quantity };
  });
}
