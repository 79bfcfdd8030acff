import { z } from "zod";
import { orderIdParam } from "~/http/params.server";
import { customerEndpoint, preflightLoader, readBody } from "~/api/customer.server";
import { presentSubmittedWithdrawal } from "~/api/withdrawal.server";
import { submitWithdrawal } from "~/services/withdrawal.server";

// Only the shape here; the name, items and means of acknowledgement are checked by the domain (400 naming the field).
const Body = z.object({
  name: z.string().max(1000),
  items: z
    .array(z.object({ lineItemId: z.string().max(64), quantity: z.number() }))
    .max(250)
    .nullable(),
  acknowledgeBy: z.object({ email: z.boolean(), sms: z.boolean() }),
});

/** The customer withdraws from the contract (EU right of withdrawal): registered at once, 201. */
export const action = customerEndpoint("customerAccount", async ({ request, params, deps, customer, locale }) => {
  const orderId = orderIdParam(params.orderId);
  const body = await readBody(request, Body);
  const submitted = await submitWithdrawal(deps, {
    orderId,
    source: "CUSTOMER_ACCOUNT",
    customerId: customer.customerId,
    name: body.name,
    items: body.items,
    acknowledgeBy: body.acknowledgeBy,
    idempotencyKey: request.headers.get("Idempotency-Key"),
    locale,
  });
  return { status: 201, body: presentSubmittedWithdrawal(submitted, locale) };
});

// Remix sends the CORS preflight (OPTIONS) to the loader.
export const loader = preflightLoader();
