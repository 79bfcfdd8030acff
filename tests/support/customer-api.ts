import type { startSimulator } from "../../demo/simulator/server";

export type Route = (args: never) => Promise<Response>;

/** Calls a customer API route as the extension would: bearer token, CORS origin, language, JSON body. */
export async function callCustomerApi(
  route: Route,
  path: string,
  init: { token: string; method?: string; body?: unknown; lang?: string; headers?: Record<string, string> },
) {
  const request = new Request(`https://amend.example.com${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      Authorization: `Bearer ${init.token}`,
      Origin: "https://extensions.shopifycdn.com",
      "Accept-Language": init.lang ?? "fr-FR",
      ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const params = Object.fromEntries(
    [...path.matchAll(/\/(orders|requests)\/([^/]+)/g)].map((m) => [m[1] === "orders" ? "orderId" : "requestId", m[2]]),
  );
  const response = await route({ request, params, context: {} } as never).catch((e: unknown) => {
    if (e instanceof Response) return e;
    throw e;
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** The simulator's copy of an order (what Shopify would now hold). */
export function simOrder(sim: Awaited<ReturnType<typeof startSimulator>>, id: string) {
  const order = sim.store.orders.find((o) => (o as { id: string }).id === `gid://shopify/Order/${id}`);
  return order as unknown as {
    shippingAddress: { city: string };
    fulfillmentOrders: { nodes: { status: string }[] };
  };
}
