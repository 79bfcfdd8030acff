import { setLogShop } from "~/logger.server";
import { isAdminSessionToken, unverifiedClaims } from "~/http/session-token.server";
import { authenticate } from "~/shopify.server";
import { errorBody, toHttpError } from "~/http/errors.server";

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
  // only an admin's token naming its shop: the library checks no `iss` (it verifies the signature and `aud` next)
  const claims = unverifiedClaims(request);
  if (claims && !isAdminSessionToken(claims))
    return Response.json(
      { error: { code: "UNAUTHORIZED", message: "This is not an admin session token of a shop." } },
      { status: 401 },
    );
  const ctx = await authenticate.admin(request);
  setLogShop(ctx.session.shop);
  try {
    const body = await handler(ctx);
    return ctx.cors(body instanceof Response ? body : Response.json(body));
  } catch (error) {
    const e = toHttpError(error, { shop: ctx.session.shop, path: new URL(request.url).pathname });
    return ctx.cors(Response.json(errorBody(e), { status: e.status, headers: e.headers }));
  }
}
