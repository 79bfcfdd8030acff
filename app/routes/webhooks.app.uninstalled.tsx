import type { ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "../db.server";
import { verifiedWebhook } from "~/webhooks/handle.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, session } = await verifiedWebhook(request, "APP_UNINSTALLED");
  // The webhook can arrive more than once, or after the sessions are gone.
  if (session) await prisma.session.deleteMany({ where: { shop } });
  return new Response();
};
