import { createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/graphql-client.server";
import { AdminApiError, ShopifyUnavailableError } from "~/shopify/errors";
import type { DeliveryResult, OutgoingMessage, Transport } from "./types";

export const FLOW_TRIGGER_RECEIVE = `#graphql
  mutation AmendFlowTriggerReceive($handle: String!, $payload: JSON!) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors {
        field
        message
      }
    }
  }
`;

export interface FlowTransportOptions {
  /** The shop's Admin API `graphql` (e.g. `(await unauthenticated.admin(shop)).admin.graphql`). */
  graphqlFor: (shop: string) => Promise<AdminGraphql>;
  client?: AdminClientOptions;
}

/**
 * Sends a FLOW outbox row (recipient = the trigger's handle, text = its JSON payload) with
 * flowTriggerReceive through the shop's Admin API. flowTriggerReceive takes no idempotency key: the
 * outbox's claim (one worker holds the row, every write after the send fenced by its lease) is what keeps
 * a trigger from being sent twice, and the client never resends a mutation whose answer was lost.
 */
export function createFlowTransport(options: FlowTransportOptions): Transport {
  return {
    async send(message: OutgoingMessage): Promise<DeliveryResult> {
      let payload: unknown;
      try {
        payload = JSON.parse(message.text);
      } catch {
        return { ok: false, response: `FLOW message ${message.id} has no JSON payload`, retryable: false };
      }
      if (!message.shop) return { ok: false, response: `FLOW message ${message.id} names no shop`, retryable: false };
      let graphql: AdminGraphql;
      try {
        graphql = await options.graphqlFor(message.shop);
      } catch (err) {
        // No offline session: the shop uninstalled Amend (or is reinstalling); later attempts may find one.
        return {
          ok: false,
          response: `no Admin API session for ${message.shop}: ${(err as Error).message}`,
          retryable: true,
        };
      }
      try {
        const data = await createAdminClient(graphql, options.client).request<{
          flowTriggerReceive: { userErrors: { field: string[] | null; message: string }[] } | null;
        }>(FLOW_TRIGGER_RECEIVE, { handle: message.recipient, payload });
        const errors = data.flowTriggerReceive?.userErrors ?? [];
        if (errors.length > 0) {
          const detail = errors.map((e) => `${(e.field ?? []).join(".") || "-"}: ${e.message}`).join("; ");
          return {
            ok: false,
            response: `flowTriggerReceive refused ${message.recipient}: ${detail}`,
            retryable: false,
          };
        }
        return { ok: true, response: `flowTriggerReceive ${message.recipient} accepted`, providerMessageId: null };
      } catch (err) {
        if (err instanceof ShopifyUnavailableError)
          return { ok: false, response: err.message, retryable: !err.mayHaveApplied };
        if (err instanceof AdminApiError)
          // Access denied / invalid: retried with backoff (a scope or reinstall may fix it), then FAILED in the log.
          return { ok: false, response: err.message, retryable: true };
        return { ok: false, response: `flowTriggerReceive error: ${(err as Error).message}`, retryable: true };
      }
    },
  };
}

/** The transport as an app instance runs it: each shop's offline session (unauthenticated.admin). */
export async function createAppFlowTransport(client?: AdminClientOptions): Promise<Transport> {
  const { unauthenticated } = await import("~/shopify.server");
  return createFlowTransport({
    graphqlFor: async (shop) => (await unauthenticated.admin(shop)).admin.graphql as unknown as AdminGraphql,
    client,
  });
}
