import { z } from "zod";
import { requestIdParam } from "~/http/params.server";
import { customerEndpoint, preflightLoader, presentRequest, readBody } from "~/api/customer.server";
import { customerReply } from "~/services/customer-requests.server";

const Body = z.object({ body: z.string().trim().min(1).max(2000) });

export const action = customerEndpoint("customerAccount", async ({ request, params, deps, customer, locale }) => {
  const { body } = await readBody(request, Body);
  const updated = await customerReply(deps, { ...customer, requestId: requestIdParam(params.requestId), body });
  return { status: 201, body: { request: presentRequest(updated, locale) } };
});

// Remix sends the CORS preflight (OPTIONS) to the loader.
export const loader = preflightLoader();
