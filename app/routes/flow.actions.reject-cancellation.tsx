import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { runFlowAction } from "~/flow/action-route.server";
import { rejectCancellationFromFlow } from "~/services/flow-actions.server";

/** Flow action "Reject cancellation request" (extensions/flow-action-reject-cancellation); the note is for the customer. */
export const action = ({ request }: ActionFunctionArgs) =>
  runFlowAction(request, { note: z.string().trim().min(1).max(2000) }, (deps, { order_id, note }) =>
    rejectCancellationFromFlow(deps, { orderId: order_id, note }),
  );
