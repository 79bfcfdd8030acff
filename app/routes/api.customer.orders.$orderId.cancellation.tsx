import { z } from "zod";
import { orderIdParam } from "~/http/params.server";
import { customerEndpoint, preflightLoader, presentRequest, readBody } from "~/api/customer.server";
import { requestCancellation } from "~/services/customer-requests.server";

// The reason's allowed values are the store's (checked by the domain); here only the shape.
const Body = z.object({ reason: z.string().min(1).max(64), note: z.string().max(5000).nullish() });

export const action = customerEndpoint("customerAccount", async ({ request, params, deps, customer, locale }) => {
  const orderId = orderIdParam(params.orderId);
  const { reason, note } = await readBody(request, Body);
  const created = await requestCancellation(deps, {
    ...customer,
    orderId,
    reason,
    note,
    idempotencyKey: request.headers.get("Idempotency-Key"),
  });
  return { status: 201, body: { request: presentRequest(created, locale) } };
});

// Remix sends the CORS preflight (OPTIONS) to the loader.
export const loader = preflightLoader();
