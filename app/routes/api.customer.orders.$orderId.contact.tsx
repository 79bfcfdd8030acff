import { z } from "zod";
import { presentContact } from "~/api/contact";
import { customerEndpoint, readBody } from "~/api/customer.server";
import { orderIdParam } from "~/http/params.server";
import { getContact, setContactChannels } from "~/services/customer-contact.server";

const Body = z.object({ emailOn: z.boolean(), smsOn: z.boolean() });

// GET: how Amend reaches the customer about this order; POST: which channels they want (the same values again
// change nothing). CORS preflight (OPTIONS) reaches the action; the library answers it.
const contact = customerEndpoint("customerAccount", async ({ request, params, deps, customer, locale }) => {
  const orderId = orderIdParam(params.orderId);
  if (request.method === "GET") {
    const state = await getContact(deps, { ...customer, orderId });
    return { status: 200, body: state.pending === true ? state : presentContact(state, locale) };
  }
  const { emailOn, smsOn } = await readBody(request, Body);
  return {
    status: 200,
    body: presentContact(await setContactChannels(deps, { ...customer, orderId, emailOn, smsOn }), locale),
  };
});

export const loader = contact;
export const action = contact;
