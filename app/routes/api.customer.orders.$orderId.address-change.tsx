import { z } from "zod";
import { REQUEST_ORIGINS } from "~/domain/types";
import { orderIdParam } from "~/http/params.server";
import { customerEndpoint, preflightLoader, presentRequest, readBody } from "~/api/customer.server";
import { requestAddressChange } from "~/services/customer-requests.server";

const field = z.string().max(255).nullish();
// Shape only; the address's business validation (required per country, formats) is the domain's.
const Body = z.object({
  address: z.object({
    firstName: field,
    lastName: field,
    company: field,
    address1: field,
    address2: field,
    city: field,
    provinceCode: field,
    zip: field,
    countryCode: field,
    phone: field,
  }),
  // the cancellation modal's wrong-address offer led here (counted as a save once applied)
  origin: z.enum(REQUEST_ORIGINS).nullish(),
});

export const action = customerEndpoint("customerAccount", async ({ request, params, deps, customer, locale }) => {
  const orderId = orderIdParam(params.orderId);
  const { address, origin } = await readBody(request, Body);
  const created = await requestAddressChange(deps, {
    ...customer,
    orderId,
    address,
    origin,
    idempotencyKey: request.headers.get("Idempotency-Key"),
  });
  return { status: 200, body: { request: presentRequest(created, locale) } };
});

// Remix sends the CORS preflight (OPTIONS) to the loader.
export const loader = preflightLoader();
