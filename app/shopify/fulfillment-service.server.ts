import type * as Admin from "~/types/admin.generated";
import { OrderNotFoundError, ShopifyUserError } from "./errors";
import type { AdminClient } from "./graphql-client.server";
import { ledgerEntry, sendOnce, type LedgerDb } from "./ledger.server";

/** The order's fulfillment orders with where they are and, at a fulfillment service, what the service said. */
export const FULFILLMENT_SERVICE_WORK_QUERY = `#graphql
query AmendFulfillmentServiceWork($id: ID!) {
  order(id: $id) {
    id
    cancelledAt
    fulfillmentOrders(first: 20) {
      nodes {
        id
        status
        requestStatus
        assignedLocation {
          name
          location { id isFulfillmentService fulfillmentService { serviceName } }
        }
        merchantRequests(kind: CANCELLATION_REQUEST, last: 1) {
          nodes { message responseData sentAt }
        }
      }
    }
  }
}
`;

export const SUBMIT_CANCELLATION_REQUEST_MUTATION = `#graphql
mutation AmendSubmitCancellationRequest($id: ID!, $message: String) {
  fulfillmentOrderSubmitCancellationRequest(id: $id, message: $message) {
    fulfillmentOrder { id requestStatus }
    userErrors { field message }
  }
}
`;

export const REQUEST_STATUS_QUERY = `#graphql
query AmendFulfillmentOrderRequestStatus($id: ID!) {
  fulfillmentOrder(id: $id) { id requestStatus }
}
`;

/** The request statuses a fulfillment order can be in once a cancellation request reached its service. */
const AFTER_REQUEST = new Set(["CANCELLATION_REQUESTED", "CANCELLATION_ACCEPTED", "CANCELLATION_REJECTED", "CLOSED"]);

/** The request statuses in which a fulfillment service holds the work: Shopify's orderCancel waits for its answer. */
const HELD_BY_SERVICE = new Set(["ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"]);

export interface ServiceRefusal {
  fulfillmentOrderId: string;
  service: string;
  /** What the service answered, when it said something. */
  message: string | null;
}

/** Where a cancellation stands with the order's fulfillment services. */
export interface ServiceCancellation {
  /** Services whose answer to a cancellation request is awaited (names, one per fulfillment order). */
  waitingFor: string[];
  /** Fulfillment orders whose service refused this round's cancellation request. */
  refused: ServiceRefusal[];
  /** Fulfillment orders a cancellation request was sent for by this call. */
  submitted: string[];
}

type FulfillmentOrderNode = NonNullable<
  Admin.AmendFulfillmentServiceWorkQuery["order"]
>["fulfillmentOrders"]["nodes"][number];

const serviceName = (fo: FulfillmentOrderNode) =>
  fo.assignedLocation.location?.fulfillmentService?.serviceName ?? fo.assignedLocation.name;

/** The service's own words, from the last cancellation request's response (Shopify keeps it as JSON). */
function refusalMessage(fo: FulfillmentOrderNode): string | null {
  const data = fo.merchantRequests.nodes[0]?.responseData as { message?: unknown } | null | undefined;
  return typeof data?.message === "string" && data.message.trim() ? data.message.trim() : null;
}

/**
 * Asks each fulfillment service that holds part of the order (request ACCEPTED, or a refusal from an earlier round)
 * to cancel it, once per fulfillment order and round (the ledger: a retry by staff is a new round), and reports what
 * is still awaited and what was refused in this round. A fulfillment order SUBMITTED but not accepted needs no
 * request: Shopify's orderCancel withdraws it.
 */
export async function requestCancellationAtServices(
  client: AdminClient,
  db: LedgerDb,
  args: { shop: string; requestId: string; orderId: string; round: number; message: string },
): Promise<ServiceCancellation> {
  const data = await client.request<Admin.AmendFulfillmentServiceWorkQuery>(FULFILLMENT_SERVICE_WORK_QUERY, {
    id: args.orderId,
  });
  if (!data.order) throw new OrderNotFoundError(args.orderId);
  const result: ServiceCancellation = { waitingFor: [], refused: [], submitted: [] };
  if (data.order.cancelledAt) return result;
  for (const fo of data.order.fulfillmentOrders.nodes) {
    if (!fo.assignedLocation.location?.isFulfillmentService || !HELD_BY_SERVICE.has(fo.requestStatus)) continue;
    const entry = ledgerEntry(args, "fulfillmentOrderSubmitCancellationRequest", `${fo.id}:${args.round}`);
    const sent = await db.shopifyMutation.findUnique({ where: { key: entry.key } });
    if (fo.requestStatus === "CANCELLATION_REJECTED" && sent?.status === "CONFIRMED") {
      result.refused.push({ fulfillmentOrderId: fo.id, service: serviceName(fo), message: refusalMessage(fo) });
      continue;
    }
    // a request already pending (this round's, or the merchant's own) is waited for, not sent again
    if (fo.requestStatus !== "CANCELLATION_REQUESTED") {
      await sendOnce(client, db, entry, {
        send: async () => {
          const answer = await client.request<Admin.AmendSubmitCancellationRequestMutation>(
            SUBMIT_CANCELLATION_REQUEST_MUTATION,
            { id: fo.id, message: args.message },
          );
          const payload = answer.fulfillmentOrderSubmitCancellationRequest;
          const errors = payload?.userErrors ?? [];
          if (errors.length > 0) throw ShopifyUserError.of("fulfillmentOrderSubmitCancellationRequest", errors);
          return { fulfillmentOrderId: fo.id };
        },
        // after a lost answer: sent if the service now has a cancellation request (or already answered one)
        reconcile: async () => {
          const now = await client.request<Admin.AmendFulfillmentOrderRequestStatusQuery>(REQUEST_STATUS_QUERY, {
            id: fo.id,
          });
          return AFTER_REQUEST.has(now.fulfillmentOrder?.requestStatus ?? "") ? { fulfillmentOrderId: fo.id } : null;
        },
      });
      if (sent?.status !== "CONFIRMED") result.submitted.push(fo.id);
    }
    result.waitingFor.push(serviceName(fo));
  }
  return result;
}

/** The requests that asked a fulfillment order's service to cancel (from the ledger's keys): whom its answer concerns. */
export async function requestsAskingService(
  db: Pick<LedgerDb, "shopifyMutation">,
  args: { shop: string; fulfillmentOrderId: string },
): Promise<string[]> {
  const id = args.fulfillmentOrderId.startsWith("gid://")
    ? args.fulfillmentOrderId
    : `gid://shopify/FulfillmentOrder/${args.fulfillmentOrderId}`;
  const rows = await db.shopifyMutation.findMany({
    where: {
      shop: args.shop,
      operation: "fulfillmentOrderSubmitCancellationRequest",
      key: { contains: `:fulfillmentOrderSubmitCancellationRequest:${id}:` },
    },
    select: { requestId: true },
  });
  return [...new Set(rows.map((r) => r.requestId).filter((r): r is string => r !== null))];
}
