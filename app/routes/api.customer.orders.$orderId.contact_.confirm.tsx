import { z } from "zod";
import { presentContact } from "~/api/contact";
import { customerEndpoint, preflightLoader, readBody } from "~/api/customer.server";
import { CONTACT_CHANNELS } from "~/domain/contact";
import { orderIdParam } from "~/http/params.server";
import { confirmContactCode } from "~/services/customer-contact.server";

const Body = z.object({ channel: z.enum(CONTACT_CHANNELS), code: z.string().regex(/^\d{6}$/) });

export const action = customerEndpoint("customerAccount", async ({ request, params, deps, customer, locale }) => {
  const orderId = orderIdParam(params.orderId);
  const { channel, code } = await readBody(request, Body);
  const state = await confirmContactCode(deps, { ...customer, orderId, channel, code });
  return { status: 200, body: presentContact(state, locale) };
});

// Remix sends the CORS preflight (OPTIONS) to the loader.
export const loader = preflightLoader();
