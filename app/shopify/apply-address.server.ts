import type { MailingAddress } from "~/domain/types";
import type * as Admin from "~/types/admin.generated";
import { AddressNotAppliedError, OrderNotFoundError, ShopifyUserError } from "./errors";
import type { AdminClient } from "./graphql-client.server";
import { ledgerEntry, sendOnce, type LedgerDb } from "./ledger.server";
import { mapMailingAddress } from "./order-facts.server";
import { toMailingAddressInput } from "./shipping-quote.server";

/** Sets the order's shipping address and reads back what Shopify kept, on the order and its fulfillment orders. */
export const APPLY_SHIPPING_ADDRESS_MUTATION = `#graphql
mutation AmendApplyShippingAddress($input: OrderInput!) {
  orderUpdate(input: $input) {
    order {
      id
      shippingAddress { firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone }
      fulfillmentOrders(first: 10) {
        nodes { id status destination { address1 city zip countryCode } }
      }
    }
    userErrors { field message }
  }
}
`;

/** The same read-back on its own: after a lost answer, or to give Shopify a moment to propagate. */
export const SHIPPING_ADDRESS_READ_BACK_QUERY = `#graphql
query AmendShippingAddressReadBack($id: ID!) {
  order(id: $id) {
    id
    shippingAddress { firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone }
    fulfillmentOrders(first: 10) {
      nodes { id status destination { address1 city zip countryCode } }
    }
  }
}
`;

/** Fulfillment orders that will still ship, so must ship to the new address. */
const PENDING_FO_STATUSES = new Set(["OPEN", "SCHEDULED", "ON_HOLD"]);

export interface AppliedAddress {
  orderId: string;
  /** The address Shopify holds now (read back). */
  shippingAddress: MailingAddress;
  /** The pending fulfillment orders whose destination was checked. */
  fulfillmentOrderIds: string[];
}

type ReadBackOrder = NonNullable<Admin.AmendShippingAddressReadBackQuery["order"]>;

const norm = (value: string | null | undefined) => (value ?? "").trim().replace(/\s+/g, " ").toLowerCase();
const normZip = (value: string | null | undefined) => (value ?? "").replace(/[\s-]/g, "").toUpperCase();

/** The fields that decide where a parcel goes (names and phone are not compared). */
function sameDestination(
  requested: MailingAddress,
  found: {
    address1?: string | null;
    city?: string | null;
    zip?: string | null;
    countryCode?: string | null;
    provinceCode?: string | null;
  },
  compareProvince: boolean,
): boolean {
  return (
    norm(requested.address1) === norm(found.address1) &&
    norm(requested.city) === norm(found.city) &&
    normZip(requested.zip) === normZip(found.zip) &&
    norm(requested.countryCode) === norm(found.countryCode) &&
    (!compareProvince || norm(requested.provinceCode) === norm(found.provinceCode))
  );
}

/** Where the read-back differs from the requested address (empty = applied everywhere). Pure. */
export function addressMismatches(order: ReadBackOrder, requested: MailingAddress) {
  const mismatches: { where: string; found: Partial<MailingAddress> | null }[] = [];
  const shipping = order.shippingAddress ? mapMailingAddress(order.shippingAddress) : null;
  if (!shipping || !sameDestination(requested, shipping, true)) {
    mismatches.push({ where: "order", found: shipping });
  }
  for (const fo of order.fulfillmentOrders.nodes) {
    if (!PENDING_FO_STATUSES.has(fo.status)) continue;
    const d = fo.destination;
    if (!d || !sameDestination(requested, { ...d, countryCode: d.countryCode ?? null }, false)) {
      mismatches.push({
        where: fo.id,
        found: d
          ? { address1: d.address1 ?? "", city: d.city ?? "", zip: d.zip ?? null, countryCode: d.countryCode ?? "" }
          : null,
      });
    }
  }
  return mismatches;
}

function applied(order: ReadBackOrder): AppliedAddress {
  return {
    orderId: order.id,
    shippingAddress: mapMailingAddress(order.shippingAddress ?? {}),
    fulfillmentOrderIds: order.fulfillmentOrders.nodes
      .filter((fo) => PENDING_FO_STATUSES.has(fo.status))
      .map((fo) => fo.id),
  };
}

// Names and phone are not compared; a withheld street address reads back empty and counts as a mismatch.
const readBackWithout = () => {};

async function readBack(client: AdminClient, orderId: string): Promise<ReadBackOrder> {
  const data = await client.request<Admin.AmendShippingAddressReadBackQuery>(
    SHIPPING_ADDRESS_READ_BACK_QUERY,
    { id: orderId },
    { onAccessDenied: readBackWithout },
  );
  if (!data.order) throw new OrderNotFoundError(orderId);
  return data.order;
}

/**
 * Applies a new shipping address once per request: `orderUpdate`, whose payload is the read-back
 * (one call); if that shows the old address somewhere, one separate read-back before concluding.
 * Throws AddressNotAppliedError when Shopify kept the old address on the order or a pending
 * fulfillment order, ShopifyUserError when Shopify refuses the address.
 */
export async function applyShippingAddress(
  client: AdminClient,
  db: LedgerDb,
  args: { shop: string; requestId: string; orderId: string; address: MailingAddress },
): Promise<AppliedAddress> {
  const { orderId, address } = args;
  return sendOnce(client, db, ledgerEntry(args, "orderUpdate"), {
    send: async () => {
      const data = await client.request<Admin.AmendApplyShippingAddressMutation>(
        APPLY_SHIPPING_ADDRESS_MUTATION,
        { input: { id: orderId, shippingAddress: toMailingAddressInput(address) } },
        { onAccessDenied: readBackWithout },
      );
      const payload = data.orderUpdate;
      if (payload?.userErrors.length) {
        throw ShopifyUserError.of("orderUpdate", payload.userErrors);
      }
      if (!payload?.order) throw new OrderNotFoundError(orderId);
      if (addressMismatches(payload.order, address).length === 0) return applied(payload.order);
      // fulfillment orders may take a moment to follow the order: look once more before calling it a failure
      const again = await readBack(client, orderId);
      const mismatches = addressMismatches(again, address);
      if (mismatches.length > 0) throw new AddressNotAppliedError(orderId, address, mismatches);
      return applied(again);
    },
    reconcile: async () => {
      const order = await readBack(client, orderId);
      return addressMismatches(order, address).length === 0 ? applied(order) : null;
    },
  });
}
