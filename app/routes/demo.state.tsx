import type { LoaderFunctionArgs } from "@remix-run/node";
import { simulatorState, statePage, wantsHtml } from "~/demo/demo.server";

// Demo only (DEMO_MODE=true, otherwise 404): the simulator's orders, as JSON or as a page for a browser.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const state = await simulatorState();
  return wantsHtml(request) ? statePage(state) : Response.json(state, { headers: { "Cache-Control": "no-store" } });
};
