import type { ReturnFact, ShipmentFact, WithdrawalFacts } from "~/domain/withdrawal";
import type * as Admin from "~/types/admin.generated";
import { OrderNotFoundError, ShopifyUserError } from "./errors";
import type { AdminClient } from "./graphql-client.server";
import { ledgerEntry, sendOnce, type LedgerDb } from "./ledger.server";
import { orderGid } from "./order-facts.server";

/**
 * What a withdrawal needs beyond the order facts: the shipments (Fulfillment, with `deliveredAt`, which Shopify
 * sets from the carrier's tracking or when the merchant marks the shipment delivered) and what each carries,
 * the product tags of each line (the store's exemptions), what is left to ship, and the returns already open.
 * Read only for stores that offer the function, and only for orders shipping to one of its countries.
 */
export const WITHDRAWAL_FACTS_QUERY = `#graphql
query AmendWithdrawalFacts($id: ID!, $fulfillments: Int!, $lines: Int!, $shipmentLines: Int!) {
  order(id: $id) {
    id
    fulfillments(first: $fulfillments) {
      id
      status
      createdAt
      deliveredAt
      fulfillmentLineItems(first: $shipmentLines) { nodes { id quantity lineItem { id } } }
    }
    lineItems(first: $lines) {
      nodes { id variantTitle unfulfilledQuantity product { tags } }
      pageInfo { hasNextPage endCursor }
    }
    returns(first: 3) {
      nodes {
        id
        status
        returnLineItems(first: $shipmentLines) {
          nodes { quantity ... on ReturnLineItem { fulfillmentLineItem { id } } }
        }
      }
    }
  }
}
`;

/** The lines of an order with no shipment, and the rest of the lines of an order with more than a page. */
export const WITHDRAWAL_LINE_ITEMS_QUERY = `#graphql
query AmendWithdrawalLineItems($id: ID!, $first: Int!, $after: String) {
  order(id: $id) {
    lineItems(first: $first, after: $after) {
      nodes { id variantTitle unfulfilledQuantity product { tags } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

/** What the order facts say about the order's size: the withdrawal facts' `first:` arguments follow them. */
export interface WithdrawalReadSize {
  /** Shopify's `fulfillmentsCount`: every fulfillment of the order, cancelled ones included. */
  fulfillments: number;
  /** The order's lines (all of them: the order facts page through them). */
  lineItems: number;
}

/** How to read an order's withdrawal facts: lines only (nothing shipped), sized from the order facts. */
export interface WithdrawalReadOptions {
  linesOnly?: boolean;
  size?: WithdrawalReadSize;
}

/** The read options for an order whose facts are known. */
export const withdrawalReadFor = (facts: {
  fulfillmentsCount: number;
  lineItems: readonly unknown[];
}): WithdrawalReadOptions & { linesOnly: boolean } => ({
  linesOnly: facts.fulfillmentsCount === 0,
  size: { fulfillments: facts.fulfillmentsCount, lineItems: facts.lineItems.length },
});

/** Ceilings of the `first:` arguments (units beyond are found nowhere: the apply step fails naming them). */
export const WITHDRAWAL_FIRST_MAX = { fulfillments: 10, lines: 25, shipmentLines: 10, lineItemsPage: 50 } as const;
/** Without a size (a caller that has no order facts): the ceilings. */
const UNSIZED: WithdrawalReadSize = { fulfillments: WITHDRAWAL_FIRST_MAX.fulfillments, lineItems: 50 };

const clamp = (n: number, max: number) => Math.max(1, Math.min(max, Math.floor(n)));

/** The `first:` arguments of `AmendWithdrawalFacts` for an order of that size. */
export function withdrawalFactsFirst(size: WithdrawalReadSize = UNSIZED) {
  return {
    fulfillments: clamp(size.fulfillments, WITHDRAWAL_FIRST_MAX.fulfillments),
    lines: clamp(size.lineItems, WITHDRAWAL_FIRST_MAX.lines),
    shipmentLines: clamp(size.lineItems, WITHDRAWAL_FIRST_MAX.shipmentLines),
  };
}

/**
 * The requested cost Shopify charges up front for `AmendWithdrawalFacts` of that size (object 1, list or connection
 * `first` × node, connection + 2): what a budget check must afford. `linesOnly`: the first `AmendWithdrawalLineItems`.
 */
export function withdrawalFactsRequestedCost(size: WithdrawalReadSize = UNSIZED, linesOnly = false): number {
  const line = 2; // the line and its product
  if (linesOnly) return 1 + 2 + clamp(size.lineItems, WITHDRAWAL_FIRST_MAX.lineItemsPage) * line;
  const first = withdrawalFactsFirst(size);
  const shipmentLines = 2 + first.shipmentLines * 2; // each with its line item
  const returnLines = 2 + first.shipmentLines * 2; // each with its fulfillment line item
  return 1 + first.fulfillments * (1 + shipmentLines) + (2 + first.lines * line) + (2 + 3 * (1 + returnLines));
}

/**
 * Requests a return for the withdrawn units that shipped: Shopify's return in status REQUESTED, which the
 * merchant approves (return label, refund) in Shopify admin. The customer's note names Amend's request, so a
 * retry after a lost answer finds the return instead of requesting a second one.
 */
export const RETURN_REQUEST_MUTATION = `#graphql
mutation AmendReturnRequest($input: ReturnRequestInput!) {
  returnRequest(input: $input) {
    return { id name status }
    userErrors { field message code }
  }
}
`;

/** The order's returns and their notes: how a retry recognises the return it already requested. */
export const ORDER_RETURNS_QUERY = `#graphql
query AmendOrderReturns($id: ID!) {
  order(id: $id) {
    id
    returns(first: 10) {
      nodes {
        id
        name
        status
        returnLineItems(first: 5) { nodes { ... on ReturnLineItem { customerNote } } }
      }
    }
  }
}
`;

/**
 * The storefront's lookup: the order with that name, and who it belongs to. Shopify's order search
 * (`name:`) matches the name exactly; the caller compares email and name itself.
 */
export const FIND_ORDER_BY_NAME_QUERY = `#graphql
query AmendFindOrderByName($query: String!) {
  orders(first: 1, query: $query) {
    nodes {
      id
      legacyResourceId
      name
      email
      customer { firstName lastName }
      shippingAddress { firstName lastName }
      billingAddress { firstName lastName }
    }
  }
}
`;

type WithdrawalOrder = NonNullable<Admin.AmendWithdrawalFactsQuery["order"]>;

/** Maps the AmendWithdrawalFacts answer to the domain's WithdrawalFacts. Pure. */
export function mapWithdrawalFacts(order: WithdrawalOrder): WithdrawalFacts {
  const shipments: ShipmentFact[] = order.fulfillments.map((f) => ({
    id: f.id,
    status: f.status as ShipmentFact["status"],
    createdAt: String(f.createdAt),
    deliveredAt: f.deliveredAt ? String(f.deliveredAt) : null,
    lines: f.fulfillmentLineItems.nodes.map((n) => ({
      fulfillmentLineItemId: n.id,
      lineItemId: n.lineItem.id,
      quantity: n.quantity ?? 0,
    })),
  }));
  const returns: ReturnFact[] = order.returns.nodes.map((r) => ({
    id: r.id,
    status: r.status as ReturnFact["status"],
    lines: r.returnLineItems.nodes.flatMap((n) =>
      "fulfillmentLineItem" in n && n.fulfillmentLineItem
        ? [{ fulfillmentLineItemId: n.fulfillmentLineItem.id, quantity: n.quantity }]
        : [],
    ),
  }));
  return {
    shipments,
    returns,
    lines: order.lineItems.nodes.map(mapLine),
  };
}

function mapLine(l: {
  id: string;
  variantTitle?: string | null;
  unfulfilledQuantity: number;
  product?: { tags: string[] } | null;
}): WithdrawalFacts["lines"][number] {
  return {
    id: l.id,
    variantTitle: l.variantTitle ?? null,
    unfulfilledQuantity: l.unfulfilledQuantity,
    productTags: l.product?.tags ?? [],
  };
}

/**
 * The withdrawal facts. `linesOnly` (the caller knows the order has no shipment, so no return either): only the
 * lines are read, with the lighter `AmendWithdrawalLineItems`. `size` (from the order facts) sizes the `first:`
 * arguments to the order, so the bucket is charged up front for what the order has, not for the ceilings.
 */
export async function getWithdrawalFacts(
  client: AdminClient,
  orderId: string,
  options: WithdrawalReadOptions = {},
): Promise<WithdrawalFacts | null> {
  const id = orderGid(orderId);
  let facts: WithdrawalFacts;
  let after: string | null | undefined;
  if (options.linesOnly) {
    const first = clamp(
      options.size?.lineItems ?? WITHDRAWAL_FIRST_MAX.lineItemsPage,
      WITHDRAWAL_FIRST_MAX.lineItemsPage,
    );
    const page = await client.request<Admin.AmendWithdrawalLineItemsQuery>(WITHDRAWAL_LINE_ITEMS_QUERY, {
      id,
      first,
      after: null,
    });
    const lines = page.order?.lineItems;
    if (!lines) return null;
    facts = { shipments: [], returns: [], lines: lines.nodes.map(mapLine) };
    after = lines.pageInfo.hasNextPage ? lines.pageInfo.endCursor : null;
  } else {
    const data = await client.request<Admin.AmendWithdrawalFactsQuery>(WITHDRAWAL_FACTS_QUERY, {
      id,
      ...withdrawalFactsFirst(options.size),
    });
    if (!data.order) return null;
    facts = mapWithdrawalFacts(data.order);
    after = data.order.lineItems.pageInfo.hasNextPage ? data.order.lineItems.pageInfo.endCursor : null;
  }
  while (after) {
    const page = await client.request<Admin.AmendWithdrawalLineItemsQuery>(WITHDRAWAL_LINE_ITEMS_QUERY, {
      id,
      first: WITHDRAWAL_FIRST_MAX.lineItemsPage,
      after,
    });
    const lines = page.order?.lineItems;
    if (!lines) break;
    facts.lines.push(...lines.nodes.map(mapLine));
    after = lines.pageInfo.hasNextPage ? lines.pageInfo.endCursor : null;
  }
  return facts;
}

export interface RequestedReturn {
  returnId: string;
  name: string;
}

/** The note on each returned line: it names the request, which is how a retry recognises the return. */
export const withdrawalReturnNote = (requestId: string) =>
  `Withdrawal from the contract (EU right of withdrawal), Amend request ${requestId}`;

/** Requests the return once per request (the ledger), recognising an earlier one by its note. */
export async function requestWithdrawalReturn(
  client: AdminClient,
  db: LedgerDb,
  args: {
    shop: string;
    requestId: string;
    orderId: string;
    lines: { fulfillmentLineItemId: string; quantity: number }[];
  },
): Promise<RequestedReturn> {
  const note = withdrawalReturnNote(args.requestId);
  const orderId = orderGid(args.orderId);
  const reconcile = async (): Promise<RequestedReturn | null> => {
    const data = await client.request<Admin.AmendOrderReturnsQuery>(ORDER_RETURNS_QUERY, { id: orderId });
    if (!data.order) throw new OrderNotFoundError(orderId);
    const found = data.order.returns.nodes.find((r) =>
      r.returnLineItems.nodes.some((l) => "customerNote" in l && l.customerNote === note),
    );
    return found ? { returnId: found.id, name: found.name } : null;
  };
  return sendOnce(client, db, ledgerEntry(args, "returnRequest"), {
    send: async () => {
      const data = await client.request<Admin.AmendReturnRequestMutation>(RETURN_REQUEST_MUTATION, {
        input: {
          orderId,
          returnLineItems: args.lines.map((l) => ({
            fulfillmentLineItemId: l.fulfillmentLineItemId,
            quantity: l.quantity,
            customerNote: note,
          })),
        },
      });
      const payload = data.returnRequest;
      if (payload?.userErrors.length) throw ShopifyUserError.of("returnRequest", payload.userErrors);
      if (!payload?.return) throw new OrderNotFoundError(orderId);
      return { returnId: payload.return.id, name: payload.return.name };
    },
    reconcile,
  });
}

/** The order a storefront visitor names, with what identifies its buyer; null when no order has that name. */
export interface OrderIdentity {
  orderId: string;
  name: string;
  email: string | null;
  /** The names on the order: the customer's, the shipping and the billing address's. */
  names: string[];
}

export async function findOrderByName(client: AdminClient, orderName: string): Promise<OrderIdentity | null> {
  // the value is quoted: the search syntax would read a space or a colon in it as another term
  const query = `name:"${orderName.replace(/["\\]/g, "")}"`;
  const data = await client.request<Admin.AmendFindOrderByNameQuery>(FIND_ORDER_BY_NAME_QUERY, { query });
  const order = data.orders.nodes[0];
  if (!order || order.name.toLowerCase() !== orderName.toLowerCase()) return null;
  const full = (p: { firstName?: string | null; lastName?: string | null } | null | undefined) =>
    [p?.firstName, p?.lastName].filter(Boolean).join(" ");
  return {
    orderId: String(order.legacyResourceId),
    name: order.name,
    email: order.email ?? null,
    names: [full(order.customer), full(order.shippingAddress), full(order.billingAddress)].filter(Boolean),
  };
}
