import type { ChangeRequest } from "@prisma/client";

/** A request's identity: what it is, where it stands, and whose order it concerns. */
export function requestIdentity(r: ChangeRequest) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    orderId: r.orderId,
    orderName: r.orderName,
    customerName: r.customerName,
    customerEmail: r.customerEmail,
  };
}
