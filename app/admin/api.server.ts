import { PayloadTooLargeError, payloadTooLargeResponse } from "~/http/body-limit.server";
import { setLogShop } from "~/logger.server";
import { authenticate } from "~/shopify.server";
import { toAdminError } from "./errors.server";

type AdminApiContext = Awaited<ReturnType<typeof authenticate.admin>>;

/**
 * An endpoint the admin order block calls with `fetch("/api/admin/…")`: Shopify adds the session token
 * (Authorization: Bearer), `authenticate.admin` verifies it (and answers CORS preflights), and every
 * answer, errors included, carries the library's CORS headers.
 */
export async function adminApi(
  request: Request,
  handler: (ctx: AdminApiContext) => Promise<unknown>,
): Promise<Response> {
  const ctx = await authenticate.admin(request);
  setLogShop(ctx.session.shop);
  try {
    const body = await handler(ctx);
    return ctx.cors(body instanceof Response ? body : Response.json(body));
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return ctx.cors(payloadTooLargeResponse(error.limit));
    const e = toAdminError(error, { shop: ctx.session.shop, path: new URL(request.url).pathname });
    return ctx.cors(Response.json({ error: { code: e.code, message: e.message ?? null } }, { status: e.status }));
  }
}
