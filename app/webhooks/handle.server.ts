import type { ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "~/db.server";
import { logger, setLogShop } from "~/logger.server";
import { authenticate } from "~/shopify.server";
import { needsProcessing, processWebhookDelivery, receiveWebhook } from "~/services/webhooks.server";

/**
 * Verifies a webhook (a bad HMAC is the library's 401), stores it once per event id, answers 200 at once,
 * and does the work after the answer. A delivery left unprocessed is picked up by the worker's sweep.
 */
export async function handleWebhook({ request }: ActionFunctionArgs): Promise<Response> {
  const { shop, topic, payload, eventId, webhookId } = await authenticate.webhook(request);
  setLogShop(shop);
  const id = eventId ?? webhookId;
  // Most orders/updated deliveries (an edit, a tag, a note) change nothing for Amend: answered, not stored.
  if (!needsProcessing(String(topic), payload)) return new Response(null, { status: 200 });
  const first = await receiveWebhook(prisma, { eventId: id, shop, topic: String(topic), payload });
  if (first) {
    setImmediate(() => {
      processWebhookDelivery({ db: prisma, clock: () => new Date() }, id).catch((error: unknown) =>
        logger.error({ err: error, shop, topic, eventId: id }, "webhook processing failed; the sweep will retry it"),
      );
    });
  }
  return new Response(null, { status: 200 });
}
