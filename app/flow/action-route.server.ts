import type { z } from "zod";
import { logger, setLogShop } from "~/logger.server";
import { errorBody, toHttpError } from "~/http/errors.server";
import { authenticate } from "~/shopify.server";
import { servicesFor } from "~/services/context.server";
import type { FlowActionResult } from "~/services/flow-actions.server";
import type { ServiceDeps } from "~/services/ports";
import { flowActionBody, flowError, readFlowRequest } from "./verify.server";

type Properties<P extends z.ZodRawShape> = z.infer<ReturnType<typeof flowActionBody<P>>>["properties"];

/**
 * One Flow action route: signature (401), body (400 with the field), the shop's session and Admin API
 * (authenticate.flow), then one service call; errors answer as every API does (toHttpError). 4xx tells Flow
 * the run failed for good; 503 makes it retry.
 */
export async function runFlowAction<P extends z.ZodRawShape>(
  request: Request,
  properties: P,
  run: (deps: ServiceDeps, properties: Properties<P>) => Promise<FlowActionResult>,
): Promise<Response> {
  try {
    const { body, replay } = await readFlowRequest(request, flowActionBody(properties));
    let context;
    try {
      context = await authenticate.flow(replay());
    } catch (err) {
      if (err instanceof Response && err.status === 400)
        return flowError(404, "ORDER_NOT_FOUND", `Amend is not installed on ${body.shopify_domain}.`);
      throw err;
    }
    setLogShop(context.session.shop);
    const deps = await servicesFor(context.session.shop, context.admin.graphql);
    const result = await run(deps, body.properties as Properties<P>);
    logger.info({ shop: deps.shop, action: body.handle, run: body.action_run_id, result }, "Flow action done");
    return Response.json({ ok: true, ...result });
  } catch (err) {
    if (err instanceof Response) return err;
    const e = toHttpError(err, { path: new URL(request.url).pathname });
    return Response.json(errorBody(e), { status: e.status, headers: e.headers });
  }
}
