import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { prisma } from "../db.server";
import { verifiedWebhook } from "~/webhooks/handle.server";

const Payload = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { payload, session } = await verifiedWebhook(request, "APP_SCOPES_UPDATE");
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) return new Response("payload.current must be a list of scopes", { status: 400 });
  if (session) {
    await prisma.session.update({ where: { id: session.id }, data: { scope: parsed.data.current.join(",") } });
  }
  return new Response();
};
