import type * as Admin from "~/types/admin.generated";
import { OrderNotFoundError, ShopifyUserError } from "./errors";
import type { AdminClient } from "./graphql-client.server";
import { ledgerEntry, sendOnce, type LedgerDb } from "./ledger.server";

export const ORDER_EDIT_BEGIN_MUTATION = `#graphql
mutation AmendOrderEditBegin($id: ID!) {
  orderEditBegin(id: $id) {
    calculatedOrder {
      id
      lineItems(first: 100) { nodes { id quantity variant { id } } }
    }
    userErrors { field message }
  }
}
`;

export const ORDER_EDIT_SET_QUANTITY_MUTATION = `#graphql
mutation AmendOrderEditSetQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!, $restock: Boolean) {
  orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: $restock) {
    calculatedLineItem { id quantity }
    userErrors { field message }
  }
}
`;

export const ORDER_EDIT_COMMIT_MUTATION = `#graphql
mutation AmendOrderEditCommit($id: ID!, $notifyCustomer: Boolean, $staffNote: String) {
  orderEditCommit(id: $id, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
    order { id lineItems(first: 100) { nodes { id currentQuantity } } }
    userErrors { field message }
  }
}
`;

export const ORDER_LINE_QUANTITIES_QUERY = `#graphql
query AmendOrderLineQuantities($id: ID!) {
  order(id: $id) {
    id
    lineItems(first: 100) { nodes { id currentQuantity } }
  }
}
`;

export interface LineToCancel {
  /** gid://shopify/LineItem/<id> */
  lineItemId: string;
  /** The quantity to keep on the order (default 0: the whole line is cancelled). */
  keep?: number;
}

export interface CancelledLines {
  orderId: string;
  /** Each line's quantity on the order after the edit. */
  lines: { lineItemId: string; quantity: number }[];
}

const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

/**
 * The calculated line item for each order line: Shopify gives an existing line's CalculatedLineItem
 * the line item's numeric id. Pure.
 */
export function mapCalculatedLines(calculated: { id: string }[], lineItemIds: string[]): Map<string, string> {
  const byNumericId = new Map(calculated.map((c) => [numericId(c.id), c.id]));
  const map = new Map<string, string>();
  for (const lineItemId of lineItemIds) {
    const match = byNumericId.get(numericId(lineItemId));
    if (match) map.set(lineItemId, match);
  }
  return map;
}

/**
 * Cancels some items of an order by editing it: `orderEditBegin` → `orderEditSetQuantity` (restock)
 * per line → `orderEditCommit`, once per request. Staged edits are invisible until the commit, so only
 * the commit is guarded by the ledger's read-back (every line at its target quantity = applied).
 */
export async function cancelLineItems(
  client: AdminClient,
  db: LedgerDb,
  args: {
    shop: string;
    requestId: string;
    orderId: string;
    lines: LineToCancel[];
    restock: boolean;
    notifyCustomer: boolean;
    staffNote: string | null;
  },
): Promise<CancelledLines> {
  const targets = new Map(args.lines.map((l) => [l.lineItemId, l.keep ?? 0]));
  const atTargets = (nodes: { id: string; currentQuantity: number }[]): CancelledLines | null => {
    const current = new Map(nodes.map((n) => [n.id, n.currentQuantity]));
    for (const [id, keep] of targets) if (current.get(id) !== keep) return null;
    return { orderId: args.orderId, lines: [...targets].map(([lineItemId, quantity]) => ({ lineItemId, quantity })) };
  };

  return sendOnce(client, db, ledgerEntry(args, "orderEditCommit"), {
    send: async () => {
      // begin and set-quantity only stage changes: resending them after a lost answer is harmless
      const begun = await client.request<Admin.AmendOrderEditBeginMutation>(
        ORDER_EDIT_BEGIN_MUTATION,
        { id: args.orderId },
        { idempotent: true },
      );
      const begin = begun.orderEditBegin;
      if (begin?.userErrors.length) throw ShopifyUserError.of("orderEditBegin", begin.userErrors);
      const calculatedOrder = begin?.calculatedOrder;
      if (!calculatedOrder) throw new OrderNotFoundError(args.orderId);
      const calculatedIds = mapCalculatedLines(calculatedOrder.lineItems.nodes, [...targets.keys()]);
      for (const [lineItemId, keep] of targets) {
        const calculatedLineItemId = calculatedIds.get(lineItemId);
        if (!calculatedLineItemId) {
          throw ShopifyUserError.of("orderEditSetQuantity", [
            { field: ["lineItemId"], message: `Line item ${lineItemId} is not on order ${args.orderId}` },
          ]);
        }
        const set = await client.request<Admin.AmendOrderEditSetQuantityMutation>(
          ORDER_EDIT_SET_QUANTITY_MUTATION,
          { id: calculatedOrder.id, lineItemId: calculatedLineItemId, quantity: keep, restock: args.restock },
          { idempotent: true },
        );
        if (set.orderEditSetQuantity?.userErrors.length)
          throw ShopifyUserError.of("orderEditSetQuantity", set.orderEditSetQuantity.userErrors);
      }
      const committed = await client.request<Admin.AmendOrderEditCommitMutation>(ORDER_EDIT_COMMIT_MUTATION, {
        id: calculatedOrder.id,
        notifyCustomer: args.notifyCustomer,
        staffNote: args.staffNote,
      });
      const commit = committed.orderEditCommit;
      if (commit?.userErrors.length) throw ShopifyUserError.of("orderEditCommit", commit.userErrors);
      const nodes = commit?.order?.lineItems.nodes ?? [];
      return (
        atTargets(nodes) ?? {
          orderId: args.orderId,
          lines: nodes.filter((n) => targets.has(n.id)).map((n) => ({ lineItemId: n.id, quantity: n.currentQuantity })),
        }
      );
    },
    reconcile: async () => {
      const data = await client.request<Admin.AmendOrderLineQuantitiesQuery>(ORDER_LINE_QUANTITIES_QUERY, {
        id: args.orderId,
      });
      if (!data.order) throw new OrderNotFoundError(args.orderId);
      return atTargets(data.order.lineItems.nodes);
    },
  });
}
