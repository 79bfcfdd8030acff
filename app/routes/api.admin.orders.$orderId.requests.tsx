import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { adminApi } from "~/admin/api.server";
import { prisma } from "~/db.server";
import { allowedActions } from "~/domain/state-machine";
import type { RequestStatus } from "~/domain/types";
import { requestsForOrder } from "~/models/change-request.server";
import { ServiceError } from "~/services/errors";

/** GET /api/admin/orders/:orderId/requests — this order's requests, for the order page block. */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  adminApi(request, async ({ session }) => {
    const orderId = z.string().regex(/^\d+$/).safeParse(params.orderId);
    if (!orderId.success)
      throw new ServiceError("INVALID_INPUT", "orderId must be the numeric order id.", { field: "orderId" });
    const requests = await requestsForOrder(prisma, session.shop, orderId.data);
    return {
      requests: requests.map((r) => {
        const payload = JSON.parse(r.payload) as {
          reason?: string;
          note?: string | null;
          address?: { city?: string; countryCode?: string };
        };
        return {
          id: r.id,
          kind: r.kind,
          status: r.status,
          createdAt: r.createdAt.toISOString(),
          reason: payload.reason ?? null,
          note: payload.note ?? null,
          newAddress: payload.address
            ? { city: payload.address.city ?? "", countryCode: payload.address.countryCode ?? "" }
            : null,
          canDecide: allowedActions(r.status as RequestStatus).some((a) => a === "approve" || a === "reject"),
        };
      }),
    };
  });
