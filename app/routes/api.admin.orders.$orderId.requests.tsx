import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminApi } from "~/admin/api.server";
import { prisma } from "~/db.server";
import { allowedActions } from "~/domain/state-machine";
import { requestsForOrder } from "~/models/change-request.server";
import { decodePayload } from "~/models/request-payload";
import { orderIdParam } from "~/http/params.server";

/** GET /api/admin/orders/:orderId/requests — this order's requests, for the order page block. */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  adminApi(request, async ({ session }) => {
    const requests = await requestsForOrder(prisma, session.shop, orderIdParam(params.orderId));
    return {
      requests: requests.map((r) => {
        const payload = decodePayload(r);
        const address = payload.kind === "ADDRESS_CHANGE" ? payload.address : null;
        return {
          id: r.id,
          kind: r.kind,
          status: r.status,
          createdAt: r.createdAt.toISOString(),
          reason: payload.kind === "CANCELLATION" ? payload.reason : null,
          note: payload.kind === "CANCELLATION" ? payload.note : null,
          newAddress: address ? { city: address.city, countryCode: address.countryCode } : null,
          canDecide: allowedActions(r.status).some((a) => a === "approve" || a === "reject"),
        };
      }),
    };
  });
