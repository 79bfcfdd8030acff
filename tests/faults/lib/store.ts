/**
 * The fault suite's store file: the demo shop, its customers and zones, and `count` fresh orders that allow both an
 * address change (unfulfilled, authorized, within France) and a cancellation request — one order per action, so the
 * actions do not compete for the same order.
 */
import fs from "node:fs";
import path from "node:path";

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEMO_STORE = path.resolve(import.meta.dirname, "../../../demo/store.json");

export interface FaultOrder {
  /** Numeric order id (the customer API's :orderId). */
  id: string;
  name: string;
  /** Numeric customer id. */
  customerId: string;
}

export function buildFaultStore(count: number): { store: Rec; orders: FaultOrder[] } {
  const demo = JSON.parse(fs.readFileSync(DEMO_STORE, "utf8")) as Rec;
  const template = demo.orders.find((o: Rec) => o.name === "#1001");
  if (!template) throw new Error("demo/store.json has no #1001 to copy");
  const customers: Rec[] = demo.customers;
  const orders: Rec[] = [];
  const list: FaultOrder[] = [];
  for (let i = 0; i < count; i++) {
    const customer = customers[i % customers.length];
    const orderId = 800_000 + i;
    const order = structuredClone(template);
    order.id = `gid://shopify/Order/${orderId}`;
    order.name = `#${5000 + i}`;
    order.customer = { id: customer.id };
    order.email = customer.email;
    order.note = `fault suite order ${i}`;
    order.shippingAddress = {
      ...order.shippingAddress,
      firstName: customer.firstName,
      lastName: customer.lastName,
      address1: `${i + 1} rue des Martyrs`,
    };
    order.lineItems.nodes = order.lineItems.nodes.map((line: Rec, j: number) => ({
      ...line,
      id: `gid://shopify/LineItem/${9_000_000 + i * 10 + j}`,
    }));
    delete order.fulfillmentOrders; // one is made per order at load
    orders.push(order);
    list.push({ id: String(orderId), name: order.name, customerId: String(customer.id).split("/").pop()! });
  }
  return {
    store: { shop: demo.shop, customers, shippingZones: demo.shippingZones, orders },
    orders: list,
  };
}
