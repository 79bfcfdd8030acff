import { z } from "zod";
import { env } from "~/env.server";
import { PayloadTooLargeError, payloadTooLargeResponse, readBodyText } from "~/http/body-limit.server";
import { isShopifyHmac } from "~/http/hmac.server";

/** An error answer as the rest of the API gives it: `{ error: { code, message, field? } }`. */
export function flowError(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}

/** Flow signs the raw body: base64 HMAC-SHA256 with the app's secret, in X-Shopify-Hmac-Sha256. */
export function validFlowHmac(rawBody: string, header: string | null, secret = env().SHOPIFY_API_SECRET): boolean {
  return isShopifyHmac(rawBody, header, secret);
}

/**
 * Reads a request from Flow: POST, within the body limit (413), signed (401 otherwise — before the body is even parsed), JSON (400),
 * of the given shape (400 naming the field). Throws the answer as a Response; returns the body and a
 * copy of the request for authenticate.flow (which reads the body again).
 */
export async function readFlowRequest<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ body: z.infer<S>; replay: () => Request }> {
  if (request.method !== "POST") throw flowError(405, "METHOD_NOT_ALLOWED", "Flow calls this URL with POST.");
  const raw = await readBodyText(request).catch((error: unknown) => {
    throw error instanceof PayloadTooLargeError ? payloadTooLargeResponse(error.limit) : error;
  });
  if (!validFlowHmac(raw, request.headers.get("X-Shopify-Hmac-Sha256")))
    throw flowError(401, "UNAUTHORIZED", "The request is not signed by Shopify Flow with this app's secret.");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw flowError(400, "INVALID_INPUT", "The body is not JSON.", "body");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") || "body";
    throw flowError(400, "INVALID_INPUT", `${field}: ${issue?.message ?? "invalid"}`, field);
  }
  return {
    body: parsed.data,
    replay: () => new Request(request.url, { method: "POST", headers: request.headers, body: raw }),
  };
}

const SHOP_DOMAIN = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "expected a myshopify.com domain");

/** A numeric order id from Flow's order reference ("123", 123 or "gid://shopify/Order/123"). */
const ORDER_ID = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).replace(/^gid:\/\/shopify\/Order\//, ""))
  .pipe(z.string().regex(/^[1-9]\d{0,19}$/, "expected an order id"));

/** The body of a Flow action run (https://shopify.dev/docs/apps/build/flow/actions/endpoints). */
export function flowActionBody<P extends z.ZodRawShape>(properties: P) {
  return z.object({
    shop_id: z.union([z.string(), z.number()]).optional(),
    shopify_domain: SHOP_DOMAIN,
    action_run_id: z.string().min(1).optional(),
    handle: z.string().optional(),
    properties: z.object({ order_id: ORDER_ID, ...properties }),
  });
}

/** The body of a trigger lifecycle callback (https://shopify.dev/docs/apps/build/flow/track-lifecycle-events). */
export const FlowLifecycleBody = z.object({
  flow_trigger_definition_id: z.string().min(1),
  has_enabled_flow: z.boolean(),
  shop_id: z.union([z.string(), z.number()]).optional(),
  shopify_domain: SHOP_DOMAIN,
  timestamp: z.iso.datetime({ offset: true }),
  handle: z.string().optional(),
});
