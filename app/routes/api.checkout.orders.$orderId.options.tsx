import { orderIdParam } from "~/http/params.server";
import { customerEndpoint, presentOptions } from "~/api/customer.server";
import { getOptions } from "~/services/customer-requests.server";

// The thank-you page's view of the same options, authenticated with the checkout session token.
const options = customerEndpoint("checkout", async ({ params, deps, customer, locale }) => ({
  status: 200,
  body: presentOptions(await getOptions(deps, { ...customer, orderId: orderIdParam(params.orderId) }), locale),
}));

export const loader = options;
export const action = options;
