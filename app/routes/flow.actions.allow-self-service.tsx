import type { ActionFunctionArgs } from "@remix-run/node";
import { runFlowAction } from "~/flow/action-route.server";
import { unblockOrderFromFlow } from "~/services/flow-actions.server";

/** Flow action "Allow self-service changes again" (extensions/flow-action-allow-self-service). */
export const action = ({ request }: ActionFunctionArgs) =>
  runFlowAction(request, {}, (deps, { order_id }) => unblockOrderFromFlow(deps, { orderId: order_id }));
