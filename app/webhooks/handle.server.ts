import type { ActionFunctionArgs } from "@remix-run/node";
import { InvalidShopError } from "@shopify/shopify-api";
import { prisma } from "~/db.server";
import { logger, setLogShop } from "~/logger.server";
import { authenticate } from "~/shopify.server";
import { PayloadTooLargeError, payloadTooLargeResponse, readBodyBytes } from "~/http/body-limit.server";
import { isShopifyHmac } from "~/http/hmac.server";
import { isShopDomain } from "~/http/session-token.server";
import { appNotifier, shopifyFor } from "~/services/context.server";
import { promisesInvalidations } from "~/models/order-facts-cache.server";
import {
  cacheFactsFromOrderCreate,
  invalidateCachedFacts,
  needsProcessing,
  processClaimedDelivery,
  receiveWebhook,
  type WebhookTopic,
} from "~/services/webhooks.server";

/**
 * A delivery for a route that accepts only `accepts` (its topic in shopify.app.toml, as authenticate.webhook
 * names it): the library's check (a bad HMAC is its 401), then what it leaves out — another topic, a shop domain
 * that is not a shop's, or a body that is not JSON is thrown as a 400, before anything is done.
 */
export async function verifiedWebhook(request: Request, accepts: WebhookTopic) {
  let context;
  try {
    context = await authenticate.webhook(await utf8Delivery(request));
  } catch (error) {
    // past a valid HMAC the library looks up the shop's session (a malformed domain throws) and parses the body
    if (!(error instanceof InvalidShopError || error instanceof SyntaxError)) throw error;
  }
  if (!context || String(context.topic) !== accepts || !isShopDomain(context.shop)) {
    logger.warn({ topic: context?.topic, shop: context?.shop, accepts }, "webhook refused: not this route's delivery");
    throw new Response(null, { status: 400 });
  }
  return context;
}

/**
 * The action of a webhook route whose work is stored: verifies the delivery (verifiedWebhook), stores it once
 * per event id, answers 200 at once, and does the work after the answer. A delivery left unprocessed is picked
 * up by the worker's sweep.
 */
export function webhookRoute(accepts: WebhookTopic) {
  return ({ request }: ActionFunctionArgs) => handleWebhook(request, accepts);
}

async function handleWebhook(request: Request, accepts: WebhookTopic): Promise<Response> {
  const { shop, topic, payload, eventId, webhookId } = await verifiedWebhook(request, accepts);
  setLogShop(shop);
  const id = eventId ?? webhookId;
  // The order's cached facts are out of date from now on, and no read that starts after the answer may be served
  // them (a failed write before the answer is a 500: Shopify delivers again). Several instances (PostgreSQL) learn
  // it only from the database: written before the answer, at once with `needsProcessing` (independent work). One
  // process (SQLite): promised in memory at once, written right after the answer (a failure is retried; the promise
  // holds meanwhile). Most order deliveries (an edit, a tag, an order with no open request) change nothing else:
  // answered, not stored.
  const invalidation = invalidateCachedFacts(prisma, shop, String(topic), payload, new Date(), {
    promiseFirst: promisesInvalidations(),
  });
  if (invalidation.promised)
    invalidation.written.catch((error: unknown) =>
      logger.error({ err: error, shop, topic }, "cache invalidation not written yet; retried, promised meanwhile"),
    );
  const [, needed] = await Promise.all([
    invalidation.promised ? undefined : invalidation.written,
    needsProcessing(prisma, shop, String(topic), payload),
  ]);
  if (String(topic) === "ORDERS_CREATE") {
    // the new order's first cache entry, from the payload: after the answer (a lost one costs only a read)
    setImmediate(() => {
      cacheFactsFromOrderCreate(prisma, shop, payload, new Date()).catch((error: unknown) =>
        logger.warn({ err: error, shop, topic }, "orders/create: facts not cached; the first look reads Shopify"),
      );
    });
  }
  if (!needed) return new Response(null, { status: 200 });
  const delivery = await receiveWebhook(prisma, { eventId: id, shop, topic: String(topic), payload, now: new Date() });
  if (delivery) {
    setImmediate(() => {
      processClaimedDelivery(
        { db: prisma, clock: () => new Date(), notify: appNotifier(), shopifyFor },
        delivery,
      ).catch((error: unknown) =>
        logger.error({ err: error, shop, topic, eventId: id }, "webhook processing failed; the sweep will retry it"),
      );
    });
  }
  return new Response(null, { status: 200 });
}

/**
 * The delivery with its body read (within the webhook limit: 413) and checked to be UTF-8. The library signs the
 * body decoded as text, so a signed body that is not UTF-8 would be its 401: it is refused here as the 400 it is
 * (401 still when a signature is given and is not the body's; no signature is the library's 400 too).
 */
async function utf8Delivery(request: Request): Promise<Request> {
  const bytes = await readBodyBytes(request).catch((error: unknown) => {
    throw error instanceof PayloadTooLargeError ? payloadTooLargeResponse(error.limit) : error;
  });
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const signature = request.headers.get("X-Shopify-Hmac-Sha256");
    const forged = signature !== null && !isShopifyHmac(bytes, signature);
    logger.warn({ forged }, "webhook refused: the body is not UTF-8");
    throw new Response(null, { status: forged ? 401 : 400 });
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.from(bytes) });
}
