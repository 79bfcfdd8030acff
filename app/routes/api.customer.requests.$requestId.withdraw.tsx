import { requestIdParam } from "~/http/params.server";
import { customerEndpoint, preflightLoader, presentRequest } from "~/api/customer.server";
import { withdrawRequest } from "~/services/customer-requests.server";

export const action = customerEndpoint("customerAccount", async ({ params, deps, customer, locale }) => {
  const withdrawn = await withdrawRequest(deps, { ...customer, requestId: requestIdParam(params.requestId) });
  return { status: 200, body: { request: presentRequest(withdrawn, locale) } };
});

// Remix sends the CORS preflight (OPTIONS) to the loader.
export const loader = preflightLoader();
