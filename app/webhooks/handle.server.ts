import type { ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "~/db.server";
import { logger, setLogShop } from "~/logger.server";
import { authenticate } from "~/shopify.server";
import { needsProcessing, processClaimedDelivery, receiveWebhook } from "~/services/webhooks.server";

/**
 * Verifies a webhook (a bad HMAC is the library's 401), stores it once per event id, answers 200 at once,
 * and does the work after the answer. A delivery left unprocessed is picked up by the worker's sweep.
 */
export async function handleWebhook({ request }: ActionFunctionArgs): Promise<Response> {
  const { shop, topic, payload, eventId, webhookId } = await authenticate.webhook(request);
  setLogShop(shop);
  const id = eventId ?? webhookId;
  // Most order deliveries (an edit, a tag, an order with no open request) change nothing: answered, not stored.
  if (!(await needsProcessing(prisma, shop, String(topic), payload))) return new Response(null, { status: 200 });
  const delivery = await receiveWebhook(prisma, { eventId: id, shop, topic: String(topic), payload, now: new Date() });
  if (delivery) {
    setImmediate(() => {
      processClaimedDelivery({ db: prisma, clock: () => new Date() }, delivery).catch((error: unknown) =>
        logger.error({ err: error, shop, topic, eventId: id }, "webhook processing failed; the sweep will retry it"),
      );
    });
  }
  return new Response(null, { status: 200 });
}
