import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { runFlowAction } from "~/flow/action-route.server";
import { blockOrderFromFlow } from "~/services/flow-actions.server";

/** Flow action "Block self-service changes for this order" (extensions/flow-action-block-self-service). */
export const action = ({ request }: ActionFunctionArgs) =>
  runFlowAction(request, { reason: z.string().trim().max(500).nullish() }, (deps, { order_id, reason }) =>
    blockOrderFromFlow(deps, { orderId: order_id, reason: reason || null }),
  );
