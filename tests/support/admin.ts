import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { prisma } from "~/db.server";
import { createRequest } from "~/models/change-request.server";
import type { EvaluatedRule, NewRequestPayload } from "~/models/request-payload";
import type { RequestKind } from "~/domain/types";

export const SHOP_A = "amend-demo.myshopify.com";
export const SHOP_B = "other-shop.myshopify.com";
const APP = "https://my-test-app.myshopify.io";

/**
 * An admin session token of a staff user of `store`, with Shopify's claims (the library's test helper leaves
 * the scheme out of `iss`).
 */
export async function adminToken(store: string, overrides: Record<string, unknown> = {}) {
  const shop = `${store}.myshopify.com`;
  return (await getJwt(store, API_KEY, API_SECRET_KEY, { iss: `https://${shop}/admin`, ...overrides })).token;
}

/** A document request from Shopify admin (id_token, shop and host in the URL), as the embedded app loads. */
export async function adminGet(store: "amend-demo" | "other-shop", path: string) {
  const url = new URL(`${APP}${path}`);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("shop", `${store}.myshopify.com`);
  url.searchParams.set("host", Buffer.from(`admin.shopify.com/store/${store}`).toString("base64"));
  url.searchParams.set("id_token", await adminToken(store));
  return new Request(url.href);
}

/** A fetch from the embedded app or an admin extension: the session token as a Bearer header. */
export async function adminFetch(
  store: "amend-demo" | "other-shop",
  path: string,
  init: { method?: string; form?: Record<string, string | string[]>; json?: unknown; origin?: string } = {},
) {
  let body: BodyInit | undefined;
  const headers: Record<string, string> = {};
  if (init.form) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(init.form)) (Array.isArray(v) ? v : [v]).forEach((x) => form.append(k, x));
    body = form;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  } else if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["Content-Type"] = "application/json";
  }
  if (init.origin) headers.Origin = init.origin;
  headers.Authorization = `Bearer ${await adminToken(store)}`;
  return new Request(`${APP}${path}`, { method: init.method ?? (body ? "POST" : "GET"), body, headers });
}

/** Runs a loader or action; a thrown Response is returned, like Remix would render it. */
export async function run<T>(
  fn: (args: never) => Promise<T> | T,
  request: Request,
  params: Record<string, string> = {},
) {
  try {
    return await fn({ request, params, context: {} } as never);
  } catch (error) {
    if (error instanceof Response) return error as unknown as T;
    throw error;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loader/action JSON loosely
export async function body(result: unknown): Promise<any> {
  if (result instanceof Response) {
    const text = await result.text();
    return text ? JSON.parse(text) : null;
  }
  return result;
}

let n = 0;
/** A request row as the customer API would have created it. */
export async function seedRequest(
  overrides: Partial<{
    shop: string;
    kind: RequestKind;
    status: "PENDING" | "APPLYING";
    orderId: string;
    orderName: string;
    customerName: string;
    customerEmail: string;
    payload: NewRequestPayload;
    evaluation: EvaluatedRule[];
    createdAt: Date;
  }> = {},
) {
  n += 1;
  const { request } = await createRequest(prisma, {
    shop: overrides.shop ?? SHOP_A,
    kind: overrides.kind ?? "CANCELLATION",
    status: overrides.status ?? "PENDING",
    orderId: overrides.orderId ?? String(900000 + n),
    orderName: overrides.orderName ?? `#${9000 + n}`,
    customerId: "7001",
    customerName: overrides.customerName ?? "Camille Martin",
    customerEmail: overrides.customerEmail ?? "camille@example.com",
    locale: "fr",
    payload: overrides.payload ?? { reason: "CHANGED_MIND", note: "Mauvaise taille" },
    evaluation: overrides.evaluation ?? [
      { code: "FULFILLMENT_STARTED", passed: true },
      { code: "WINDOW_EXPIRED", passed: true },
    ],
    settingsVersion: 0,
    idempotencyKey: `seed-${n}-${Math.random()}`,
    deadlineAt: null,
    actor: "CUSTOMER",
  });
  if (overrides.createdAt)
    return prisma.changeRequest.update({ where: { id: request.id }, data: { createdAt: overrides.createdAt } });
  return request;
}
