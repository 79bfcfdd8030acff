import type { LoaderFunctionArgs } from "@remix-run/node";
import { mailbox, mailboxPage, wantsHtml } from "~/demo/demo.server";

// Demo only (DEMO_MODE=true, otherwise 404): the emails and SMS the demo's sinks captured.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const box = await mailbox();
  return wantsHtml(request) ? mailboxPage(box) : Response.json(box, { headers: { "Cache-Control": "no-store" } });
};
