import { orderIdParam } from "~/http/params.server";
import { customerEndpoint, presentOptions } from "~/api/customer.server";
import { getOptions } from "~/services/customer-requests.server";

const options = customerEndpoint("customerAccount", async ({ params, deps, customer, locale }) => ({
  status: 200,
  body: presentOptions(await getOptions(deps, { ...customer, orderId: orderIdParam(params.orderId) }), locale),
}));

export const loader = options;
// CORS preflight (OPTIONS) reaches the action; the library answers it.
export const action = options;
