/**
 * The hostile suite's store file: the fault suite's orders (unfulfilled, authorized, in France: both an address
 * change and a cancellation allowed), one per slot, each slot's customer its own — the customer API limits writes
 * per customer, so the groups do not spend each other's allowance.
 */
import { buildFaultStore, type FaultOrder } from "../../faults/lib/store";

/** Slot → the customer who owns its order (two slots may share one, e.g. a key reused on another order). */
const SLOTS = {
  "idem-replay": "idem-replay",
  "idem-kind": "idem-kind",
  "idem-order-a": "idem-orders",
  "idem-order-b": "idem-orders",
  "idem-body": "idem-body",
  "race-address": "race-address",
  "race-withdraw-approve-1": "race-withdraw-approve",
  "race-withdraw-approve-2": "race-withdraw-approve",
  "race-withdraw-approve-3": "race-withdraw-approve",
  "race-withdraw-reject-1": "race-withdraw-reject",
  "race-withdraw-reject-2": "race-withdraw-reject",
  "race-withdraw-reject-3": "race-withdraw-reject",
  tokens: "tokens",
  "budget-greedy": "budget-greedy",
  "budget-other": "budget-other",
  "info-email": "info-email",
  webhooks: "webhooks",
  ids: "ids",
  bodies: "bodies",
  encodings: "encodings",
  flow: "flow",
} as const;

export type Slot = keyof typeof SLOTS;

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function buildHostileStore(): { store: Rec; orders: FaultOrder[]; slots: Record<Slot, FaultOrder> } {
  const names = Object.keys(SLOTS) as Slot[];
  const { store, orders } = buildFaultStore(names.length);
  const owners = [...new Set(Object.values(SLOTS))];
  const customers: Rec[] = owners.map((owner, i) => {
    const like = store.customers[i % store.customers.length];
    return {
      ...like,
      id: `gid://shopify/Customer/${760_000 + i}`,
      email: `hostile-${owner}@example.com`,
      phone: null,
      locale: "en",
    };
  });
  const slots = {} as Record<Slot, FaultOrder>;
  names.forEach((slot, i) => {
    const customer = customers[owners.indexOf(SLOTS[slot])];
    const order = store.orders[i];
    order.customer = { id: customer.id };
    order.email = customer.email;
    order.shippingAddress = { ...order.shippingAddress, firstName: customer.firstName, lastName: customer.lastName };
    order.note = `hostile suite: ${slot}`;
    orders[i] = { ...orders[i], customerId: String(customer.id).split("/").pop()! };
    slots[slot] = orders[i];
  });
  return { store: { ...store, customers }, orders, slots };
}
