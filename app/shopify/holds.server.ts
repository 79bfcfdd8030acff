import type { OrderFacts } from "~/domain/types";
import type * as Admin from "~/types/admin.generated";
import { OrderNotFoundError, ShopifyUserError } from "./errors";
import type { AdminClient } from "./graphql-client.server";
import { ledgerEntry, sendOnce, type LedgerDb } from "./ledger.server";

export const HOLD_FULFILLMENT_ORDER_MUTATION = `#graphql
mutation AmendHoldFulfillmentOrder($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
    fulfillmentHold { id handle }
    fulfillmentOrder { id status }
    userErrors { field message code }
  }
}
`;

export const RELEASE_FULFILLMENT_HOLD_MUTATION = `#graphql
mutation AmendReleaseFulfillmentHold($id: ID!, $holdIds: [ID!]) {
  fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
    fulfillmentOrder { id status }
    userErrors { field message code }
  }
}
`;

/** The holds on the order's fulfillment orders: to find ours (release, reconcile). */
export const FULFILLMENT_HOLDS_QUERY = `#graphql
query AmendFulfillmentHolds($id: ID!) {
  order(id: $id) {
    id
    fulfillmentOrders(first: 10) {
      nodes { id status fulfillmentHolds { id handle heldByRequestingApp } }
    }
  }
}
`;

export const HOLD_REASON_NOTES = "Cancellation requested by the customer (Amend)";
const HOLDABLE_STATUSES = new Set(["OPEN", "SCHEDULED"]);
// Shopify refuses a hold once the work is sent to a fulfillment service; only its cancellation request stops it.
const HOLDABLE_REQUEST_STATUSES = new Set(["UNSUBMITTED", "REJECTED", "CANCELLATION_ACCEPTED"]);

/** Our hold's handle for a request: Shopify refuses a second hold with the same handle on a fulfillment order. */
export function holdHandle(requestId: string): string {
  return `amend-${requestId}`.slice(0, 64);
}

export interface PlacedHold {
  fulfillmentOrderId: string;
  holdId: string | null;
}

type HoldsOrder = NonNullable<Admin.AmendFulfillmentHoldsQuery["order"]>;

async function readHolds(client: AdminClient, orderId: string): Promise<HoldsOrder> {
  const data = await client.request<Admin.AmendFulfillmentHoldsQuery>(FULFILLMENT_HOLDS_QUERY, { id: orderId });
  if (!data.order) throw new OrderNotFoundError(orderId);
  return data.order;
}

function ourHold(order: HoldsOrder, fulfillmentOrderId: string, handle: string) {
  const fo = order.fulfillmentOrders.nodes.find((node) => node.id === fulfillmentOrderId);
  return fo?.fulfillmentHolds.find((h) => h.heldByRequestingApp && h.handle === handle) ?? null;
}

/**
 * Puts every OPEN / SCHEDULED fulfillment order not sent to a fulfillment service on hold (reason OTHER) while a cancellation
 * is pending, once per request and fulfillment order. Returns the holds placed (or found already placed).
 */
export async function holdForCancellation(
  client: AdminClient,
  db: LedgerDb,
  args: { shop: string; requestId: string; facts: OrderFacts },
): Promise<PlacedHold[]> {
  const handle = holdHandle(args.requestId);
  const placed: PlacedHold[] = [];
  for (const fo of args.facts.fulfillmentOrders) {
    if (!HOLDABLE_STATUSES.has(fo.status) || !HOLDABLE_REQUEST_STATUSES.has(fo.requestStatus)) continue;
    const reconcile = async () => {
      const hold = ourHold(await readHolds(client, args.facts.id), fo.id, handle);
      return hold ? { fulfillmentOrderId: fo.id, holdId: hold.id } : null;
    };
    const hold = await sendOnce(client, db, ledgerEntry(args, "fulfillmentOrderHold", fo.id), {
      send: async () => {
        const data = await client.request<Admin.AmendHoldFulfillmentOrderMutation>(HOLD_FULFILLMENT_ORDER_MUTATION, {
          id: fo.id,
          hold: { reason: "OTHER", reasonNotes: HOLD_REASON_NOTES, handle, notifyMerchant: false },
        });
        const payload = data.fulfillmentOrderHold;
        const errors = payload?.userErrors ?? [];
        // our handle is already there (a resend after a lost answer): the hold exists, it is not a failure
        if (errors.some((e) => e.code === "DUPLICATE_FULFILLMENT_HOLD_HANDLE")) {
          const existing = await reconcile();
          if (existing) return existing;
        }
        if (errors.length > 0) {
          throw ShopifyUserError.of("fulfillmentOrderHold", errors);
        }
        return { fulfillmentOrderId: fo.id, holdId: payload?.fulfillmentHold?.id ?? null };
      },
      reconcile,
    });
    placed.push(hold);
  }
  return placed;
}

/**
 * Releases the holds this request placed (and only those: other apps' and staff holds stay).
 * One read to find them, then one release per held fulfillment order. Returns the released fulfillment order ids.
 */
export async function releaseHold(
  client: AdminClient,
  db: LedgerDb,
  args: { shop: string; requestId: string; orderId: string },
): Promise<string[]> {
  const handle = holdHandle(args.requestId);
  const order = await readHolds(client, args.orderId);
  const released: string[] = [];
  for (const fo of order.fulfillmentOrders.nodes) {
    const holdIds = fo.fulfillmentHolds.filter((h) => h.heldByRequestingApp && h.handle === handle).map((h) => h.id);
    if (holdIds.length === 0) continue;
    await sendOnce(client, db, ledgerEntry(args, "fulfillmentOrderReleaseHold", fo.id), {
      send: async () => {
        const data = await client.request<Admin.AmendReleaseFulfillmentHoldMutation>(
          RELEASE_FULFILLMENT_HOLD_MUTATION,
          {
            id: fo.id,
            holdIds,
          },
        );
        const errors = data.fulfillmentOrderReleaseHold?.userErrors ?? [];
        if (errors.length > 0) {
          throw ShopifyUserError.of("fulfillmentOrderReleaseHold", errors);
        }
        return fo.id;
      },
      reconcile: async () => (ourHold(await readHolds(client, args.orderId), fo.id, handle) ? null : fo.id),
    });
    released.push(fo.id);
  }
  return released;
}
