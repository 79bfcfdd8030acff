import { z } from "zod";
import { presentContact } from "~/api/contact";
import { customerEndpoint, preflightLoader, readBody } from "~/api/customer.server";
import { CONTACT_CHANNELS } from "~/domain/contact";
import { orderIdParam } from "~/http/params.server";
import { sendContactCode } from "~/services/customer-contact.server";

// The address's format is the service's (an email, or an E.164 number); here only the shape.
const Body = z.object({ channel: z.enum(CONTACT_CHANNELS), address: z.string().min(1).max(320) });

export const action = customerEndpoint("customerAccount", async ({ request, params, deps, customer, locale }) => {
  const orderId = orderIdParam(params.orderId);
  const { channel, address } = await readBody(request, Body);
  const state = await sendContactCode(deps, {
    ...customer,
    orderId,
    channel,
    address,
    idempotencyKey: request.headers.get("Idempotency-Key"),
  });
  return { status: 202, body: presentContact(state, locale) };
});

// Remix sends the CORS preflight (OPTIONS) to the loader.
export const loader = preflightLoader();
