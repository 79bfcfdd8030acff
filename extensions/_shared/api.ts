import type { AddressField } from "../../app/domain/mailing-address";
import { APP_URL } from "./config";

/** The customer API's shapes (app/api/customer.server.ts: presentOptions, presentRequest). */
export interface Reason {
  code: string;
  message: string;
  field?: string;
}

/** An address as the API sends and takes it: every MailingAddressInput field, each possibly blank. */
export type Address = { [K in AddressField]?: string | null };

export interface Country {
  code: string;
  name: string;
  zipRequired: boolean;
  provinces: { code: string; name: string }[];
}

export interface RequestEvent {
  actor: string;
  from: string | null;
  to: string;
  toLabel: string;
  message: string | null;
  at: string;
}

export interface CustomerRequest {
  id: string;
  kind: "ADDRESS_CHANGE" | "CANCELLATION" | "WITHDRAWAL";
  kindLabel: string;
  status: string;
  statusLabel: string;
  orderId: string;
  orderName: string;
  createdAt: string;
  updatedAt: string;
  address?: Address | null;
  previousAddress?: Address | null;
  reason?: string | null;
  reasonLabel?: string | null;
  note?: string | null;
  decisionNote: string | null;
  deadline: string | null;
  canWithdraw: boolean;
  canReply: boolean;
  events?: RequestEvent[];
  messages?: { author: string; body: string; at: string }[];
}

export interface Options {
  order: { id: string; name: string };
  /** When Shopify's facts behind the answer were read; `stale` when past freshness (the shop's budget was low). */
  asOf?: string | null;
  stale?: boolean;
  /** A "checking" answer: nothing offered yet, ask again after `retryAfterSeconds` (useLoad does). */
  pending?: boolean;
  retryAfterSeconds?: number;
  addressChange: {
    allowed: boolean;
    reasons: Reason[];
    deadline?: string | null;
    currentAddress: Address | null;
    countries: Country[];
    requiresApproval?: boolean;
  };
  cancellation: {
    allowed: boolean;
    reasons: Reason[];
    deadline?: string | null;
    requiresApproval: boolean;
    customerReasons: { code: string; label: string }[];
  };
  requests: CustomerRequest[];
  /** The EU withdrawal function; absent from an older backend, which the extensions treat as not offered. */
  withdrawal?: Withdrawal;
}

export interface WithdrawalItem {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  withdrawableQuantity: number;
  exempt: boolean;
  exemptReason: "PERSONALISED" | "PERISHABLE" | "SEALED_HYGIENE" | "SEALED_MEDIA" | "OTHER" | null;
}

/** The options' `withdrawal` section: nothing at all is shown when `offered` is false. */
export interface Withdrawal {
  offered: boolean;
  allowed: boolean;
  reasons: Reason[];
  stage: "NOT_SHIPPED" | "SHIPPED" | "DELIVERED";
  periodDays: number;
  deliveredAt: string | null;
  periodEndsAt: string | null;
  items: WithdrawalItem[];
  customerName: string | null;
  /** Masked: where the acknowledgement goes. */
  contact: { email: string | null; phone: string | null };
  /** The storefront page (app proxy), reachable without logging in. */
  storefrontUrl: string;
}

/** The withdrawal statement as sent: `items` null withdraws from the whole order. */
export interface WithdrawalStatement {
  name: string;
  items: { lineItemId: string; quantity: number }[] | null;
  acknowledgeBy: { email: boolean; sms: boolean };
}

/** The answer to a withdrawal: the acknowledgement shown on screen (and sent by email / SMS). */
export interface SubmittedWithdrawal {
  request: CustomerRequest;
  withdrawal: {
    submittedAt: string;
    statement: {
      name: string;
      orderName: string;
      items: { lineItemId: string; title: string; quantity: number }[] | null;
      wholeOrder: boolean;
    };
    acknowledgement: { email: string | null; sms: string | null };
    outcome: "CANCELLATION" | "RETURN";
    reimbursementDueBy: string | null;
  };
}

/** How Amend reaches the customer about one order (app/api/contact.ts: presentContact). */
export interface Contact {
  email: { address: string | null; confirmed: boolean; on: boolean };
  sms: { offered: boolean; phone: string | null; on: boolean };
  pending: { channel: "EMAIL" | "SMS"; address: string; expiresAt: string; undeliverable: boolean }[];
  undelivered: {
    channel: "EMAIL" | "SMS";
    address: string;
    state: "FAILED" | "RETRYING";
    at: string;
    message: string;
  }[];
}

export interface ApiError {
  code: string;
  /** The API's message in the shopper's language; empty when the answer was not the API's JSON. */
  message: string;
  reasons?: Reason[];
  field?: string;
  fields?: { field: string; code: string }[];
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: ApiError }
  /** status 0: the request never got an answer (offline, DNS, CORS, timeout). */
  | { ok: false; status: 0; error: ApiError };

/** What the extensions need of the `shopify` global, whatever the target. */
export interface Host {
  sessionToken: { get(): Promise<string> };
  localization: { language: { value: { isoCode: string } } };
}

/** gid://shopify/Order/123 → "123" (the API's :orderId). */
export function numericId(gid: string | undefined | null): string {
  return gid?.match(/\d+$/)?.[0] || "";
}

/** A random id for one submit; a retry of the same submit sends it again so the server applies it once. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** The full-page extension (extensions/order-page) for this order. */
export const orderPageUrl = (orderId: string) => `extension:order-page/customer-account.order.page.render/${orderId}`;

/** The full-page withdrawal statement (extensions/withdrawal) for this order. */
export const withdrawalPageUrl = (orderId: string) =>
  `extension:withdrawal/customer-account.order.page.render/${orderId}`;
/**
 * The order page opened from the cancellation form's wrong-address offer; an address change made there tells the API
 * (origin WRONG_ADDRESS_OFFER), which counts it as a saved cancellation once applied.
 */
export const offerUrl = (orderId: string) => `${orderPageUrl(orderId)}?from=wrong-address`;
/** Whether this full page was opened by the offer (its URL, from the `navigation` global full-page targets get). */
export const cameFromOffer = () =>
  typeof navigation == "object" && /[?&]from=wrong-address(&|$)/.test(navigation.currentEntry?.url || "");

/** The client of the customer API (docs/customer-api.md). `checkout` reads options with the thank-you page's token. */
export function amendApi(shopify: Host, surface: "customer" | "checkout" = "customer") {
  // Promise chains rather than async/await, and no object spread: the CLI bundles for an older JavaScript, where
  // each of those costs a helper in every extension (which must stay under 30 KB).
  function call<T>(method: "GET" | "POST", path: string, body?: unknown, key?: string): Promise<ApiResult<T>> {
    return Promise.resolve()
      .then(() => shopify.sessionToken.get())
      .then((token) => {
        const headers: Record<string, string> = {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          "Accept-Language": shopify.localization.language.value?.isoCode || "en",
        };
        if (body !== undefined) headers["Content-Type"] = "application/json";
        if (key) headers["Idempotency-Key"] = key;
        return fetch(`${APP_URL}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      })
      .then(
        (response) =>
          response
            .json()
            .catch(() => null)
            .then((json: { error?: Partial<ApiError> } | null) => answer<T>(response, json)),
        // no answer at all (offline, DNS, CORS, timeout)
        (e: unknown): ApiResult<T> => ({
          ok: false,
          status: 0,
          error: { code: "NETWORK", message: e instanceof Error ? e.message : "" },
        }),
      );
  }
  return {
    call,
    options: (orderId: string) => call<Options>("GET", `/api/${surface}/orders/${orderId}/options`),
    /** POST /api/customer/…; the answer of every customer action is `{ request }` (and more for some). */
    post: <T = { request: CustomerRequest }>(path: string, body: unknown, key: string) =>
      call<T>("POST", `/api/customer${path}`, body, key),
  };
}

/** An answer of the API: its JSON data, or its error (only the fields of an ApiError, whatever else it sent). */
function answer<T>(response: Response, json: { error?: Partial<ApiError> } | null): ApiResult<T> {
  if (response.ok && json) return { ok: true, status: response.status, data: json as T };
  const e: Partial<ApiError> = json?.error || {};
  const error: ApiError = {
    code: typeof e.code === "string" ? e.code : `HTTP_${response.status}`,
    message: typeof e.message === "string" ? e.message : "",
  };
  if (Array.isArray(e.reasons)) error.reasons = e.reasons;
  if (typeof e.field === "string") error.field = e.field;
  if (Array.isArray(e.fields)) error.fields = e.fields;
  return { ok: false, status: response.status, error };
}

// The actions, one function each so that each extension bundles only the ones it uses.
export const changeAddress = (api: AmendApi, orderId: string, address: Address, key: string, origin?: string) =>
  api.post(`/orders/${orderId}/address-change`, origin ? { address, origin } : { address }, key);
export const requestCancellation = (
  api: AmendApi,
  orderId: string,
  body: { reason: string; note?: string },
  key: string,
) => api.post(`/orders/${orderId}/cancellation`, body, key);
export const reply = (api: AmendApi, requestId: string, body: string, key: string) =>
  api.post(`/requests/${requestId}/messages`, { body }, key);
export const withdraw = (api: AmendApi, requestId: string, key: string) =>
  api.post(`/requests/${requestId}/withdraw`, {}, key);

export const submitWithdrawal = (api: AmendApi, orderId: string, statement: WithdrawalStatement, key: string) =>
  api.post<SubmittedWithdrawal>(`/orders/${orderId}/withdrawal`, statement, key);
/** GET …/contact (no body), or POST …/contact, …/contact/code, …/contact/confirm: each answers `{ contact }`. */
export const contactCall = (api: AmendApi, orderId: string, tail = "", body?: unknown, key?: string) =>
  api.call<{ contact: Contact }>(
    body === undefined ? "GET" : "POST",
    `/api/customer/orders/${orderId}/contact${tail}`,
    body,
    key,
  );

export type AmendApi = ReturnType<typeof amendApi>;
