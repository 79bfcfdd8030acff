import type { ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "~/db.server";
import { triggerOfCallback } from "~/flow/triggers";
import { FlowLifecycleBody, readFlowRequest } from "~/flow/verify.server";
import { logger } from "~/logger.server";
import { recordFlowTriggerLifecycle } from "~/models/flow-triggers.server";

/**
 * Flow's trigger lifecycle callback (extensions/flow-trigger-lifecycle): a workflow using one of Amend's
 * triggers was turned on or off in a shop. Answered at once: Flow will not enable the workflow without a 2xx.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  try {
    const { body } = await readFlowRequest(request, FlowLifecycleBody);
    const handle = triggerOfCallback({ handle: body.handle, definitionId: body.flow_trigger_definition_id });
    if (!handle) {
      logger.warn({ body }, "Flow lifecycle callback for a trigger Amend does not know");
      return Response.json({ ok: true, ignored: true });
    }
    const applied = await recordFlowTriggerLifecycle(prisma, {
      shop: body.shopify_domain,
      handle,
      enabled: body.has_enabled_flow,
      definitionId: body.flow_trigger_definition_id,
      at: new Date(body.timestamp),
    });
    return Response.json({ ok: true, handle, enabled: body.has_enabled_flow, applied });
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
};
