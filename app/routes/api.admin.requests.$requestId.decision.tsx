import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { adminApi } from "~/admin/api.server";
import { STAFF_NOTE_MAX_LENGTH } from "~/admin/constants";
import { requestIdParam } from "~/http/params.server";
import { readBodyText } from "~/http/body-limit.server";
import { servicesFor } from "~/services/context.server";
import { decideRequest } from "~/services/admin-requests.server";
import { ServiceError } from "~/services/errors";

const Body = z.object({
  action: z.enum(["approve", "reject"]),
  note: z.string().max(STAFF_NOTE_MAX_LENGTH).optional(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Preflight (OPTIONS) is answered by authenticate.admin. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  adminApi(request, async () => new Response(null, { status: 405 }));

/** POST /api/admin/requests/:requestId/decision { action: approve | reject, note? } — from the order page block. */
export const action = ({ request, params }: ActionFunctionArgs) =>
  adminApi(request, async ({ session, admin }) => {
    const text = await readBodyText(request);
    const body = Body.safeParse(parseJson(text));
    if (!body.success)
      throw new ServiceError("INVALID_INPUT", "Send { action: 'approve' | 'reject', note? }.", { field: "action" });
    const deps = await servicesFor(session.shop, admin.graphql);
    const updated = await decideRequest(deps, {
      requestId: requestIdParam(params.requestId),
      action: body.data.action,
      note: body.data.note,
    });
    return { request: { id: updated.id, status: updated.status } };
  });
