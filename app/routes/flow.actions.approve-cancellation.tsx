import type { ActionFunctionArgs } from "@remix-run/node";
import { runFlowAction } from "~/flow/action-route.server";
import { approveCancellationFromFlow } from "~/services/flow-actions.server";

/** Flow action "Approve cancellation request" (extensions/flow-action-approve-cancellation). */
export const action = ({ request }: ActionFunctionArgs) =>
  runFlowAction(request, {}, (deps, { order_id }) => approveCancellationFromFlow(deps, { orderId: order_id }));
