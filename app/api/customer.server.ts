import type { ChangeRequest } from "@prisma/client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { type z } from "zod";
import { COUNTRY_PROVINCES, countryRequiresZip } from "~/domain/address";
import { DEFAULT_POLICY } from "~/domain/policy";
import {
  countryName,
  customerReasonLabel,
  explainReasons,
  interpolate,
  pickLocale,
  statusLabel,
  requestKindLabel,
} from "~/domain/messages";
import { InvalidTransitionError, allowedActions } from "~/domain/state-machine";
import type { CustomerReason, Locale, RequestKind, RequestStatus } from "~/domain/types";
import { apiErrors } from "~/i18n/api";
import { logger, setLogShop } from "~/logger.server";
import type { RequestWithHistory } from "~/models/change-request.server";
import { StaleRequestError } from "~/models/change-request.server";
import { servicesFor } from "~/services/context.server";
import type { CustomerActor, OrderOptions } from "~/services/customer-requests.server";
import { PayloadTooLargeError, payloadTooLargeBody, readBodyText } from "~/http/body-limit.server";
import { ServiceError } from "~/services/errors";
import type { ServiceDeps } from "~/services/ports";
import { authenticate } from "~/shopify.server";
import { RateLimiter } from "./rate-limit.server";

/**
 * Reads per customer: a burst of 100 (an order history page loads every order's options), then 2 a second.
 * Changes per customer: a burst of 10, then one every 3 s. Per shop (what protects the shop's Admin API
 * budget from a flood): a burst of 2000, then 200 a second.
 */
const readsPerCustomer = new RateLimiter(100, 2);
const writesPerCustomer = new RateLimiter(10, 1 / 3);
const perShop = new RateLimiter(2000, 200);
/** Headers the extensions send besides Authorization and Content-Type (CORS must allow them). */
const CORS_HEADERS = ["Idempotency-Key", "Accept-Language"];

export interface CustomerCall {
  request: Request;
  params: Record<string, string | undefined>;
  deps: ServiceDeps;
  customer: CustomerActor;
  locale: Locale;
}

type Handler = (call: CustomerCall) => Promise<{ status: number; body: unknown }>;

function errorBody(locale: Locale, code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

function apiMessage(locale: Locale, code: string, params: Record<string, string> = {}) {
  return interpolate(apiErrors[locale][code] ?? apiErrors[locale].INTERNAL, params);
}

/** A ServiceError as the API's error answer, in the customer's language. */
export function serviceErrorResponse(
  error: ServiceError,
  locale: Locale,
): { status: number; body: unknown; headers?: HeadersInit } {
  const reasons = error.details.reasons ? explainReasons(error.details.reasons, locale) : undefined;
  let message: string;
  if (reasons?.length && error.code !== "RULES_FAILED") message = reasons[0].message;
  else if (error.code === "RULES_FAILED") message = apiMessage(locale, "RULES_FAILED");
  else if (error.code === "ADDRESS_INVALID" && reasons?.length) message = reasons[0].message;
  else if (error.code === "NOT_ORDER_OWNER" || error.code === "ORDER_NOT_FOUND")
    message = explainReasons([{ code: error.code }], locale)[0].message;
  else message = apiMessage(locale, error.code, { field: String(error.details.field ?? "") });
  return {
    status: error.status,
    body: errorBody(locale, error.code, message, {
      ...(reasons ? { reasons } : {}),
      ...(error.details.field ? { field: error.details.field } : {}),
      ...(error.details.fieldErrors ? { fields: error.details.fieldErrors } : {}),
    }),
    headers: error.details.retryAfterSeconds ? { "Retry-After": String(error.details.retryAfterSeconds) } : undefined,
  };
}

function json(status: number, body: unknown, headers?: HeadersInit) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

/**
 * The customer API's frame: verifies the session token with the library (401 otherwise), requires a signed-in
 * customer, applies rate limits, runs one handler, and answers JSON with CORS — errors as { error: { code,
 * message, reasons? } } in the customer's language.
 */
export function customerEndpoint(surface: "customerAccount" | "checkout", handler: Handler) {
  return async ({ request, params }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> => {
    const { sessionToken, cors } = await authenticate.public[surface](request, { corsHeaders: CORS_HEADERS });
    const locale = pickLocale(request.headers.get("Accept-Language")?.split(",")[0]);
    const answer = (status: number, body: unknown, headers?: HeadersInit) => cors(json(status, body, headers));
    const shop = new URL(sessionToken.dest).hostname;
    setLogShop(shop);
    const customerId = sessionToken.sub?.match(/Customer\/(\d+)$/)?.[1];
    if (!customerId) return answer(401, errorBody(locale, "LOGIN_REQUIRED", apiMessage(locale, "LOGIN_REQUIRED")));

    for (const [limiter, key] of [
      [request.method === "GET" ? readsPerCustomer : writesPerCustomer, `${shop}|${customerId}`],
      [perShop, shop],
    ] as const) {
      const taken = limiter.take(key);
      if (!taken.ok) {
        return answer(429, errorBody(locale, "RATE_LIMITED", apiMessage(locale, "RATE_LIMITED")), {
          "Retry-After": String(taken.retryAfterSeconds),
        });
      }
    }
    try {
      const deps = await servicesFor(shop);
      const { status, body } = await handler({ request, params, deps, customer: { customerId, locale }, locale });
      return answer(status, body);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return answer(413, payloadTooLargeBody(error.limit));
      if (error instanceof ServiceError) {
        const { status, body, headers } = serviceErrorResponse(error, locale);
        return answer(status, body, headers);
      }
      if (error instanceof InvalidTransitionError || error instanceof StaleRequestError) {
        const code = error instanceof StaleRequestError ? "STALE_REQUEST" : "INVALID_TRANSITION";
        return answer(409, errorBody(locale, code, apiMessage(locale, code)));
      }
      if (error instanceof Response) throw error;
      logger.error({ err: error, shop, path: new URL(request.url).pathname }, "customer API failure");
      return answer(500, errorBody(locale, "INTERNAL", apiMessage(locale, "INTERNAL")));
    }
  };
}

/**
 * Remix hands OPTIONS to a route's loader, not to its action: a POST-only endpoint answers the browser's CORS
 * preflight here (the library's 204 with the CORS headers) and any other method with 405.
 */
export function preflightLoader(surface: "customerAccount" | "checkout" = "customerAccount") {
  return async ({ request }: LoaderFunctionArgs): Promise<Response> => {
    if (request.method === "OPTIONS") await authenticate.public[surface](request, { corsHeaders: CORS_HEADERS });
    return new Response(null, { status: 405, headers: { Allow: "POST, OPTIONS" } });
  };
}

/** Reads (within the path's body limit, else PayloadTooLargeError) and validates a JSON body; a malformed one is a 400. */
export async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await readBodyText(request);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ServiceError("INVALID_INPUT", "The request body must be JSON.", { field: "body" });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError("INVALID_INPUT", issue.message, {
      field: issue.path.join(".") || "body",
      fieldErrors: parsed.error.issues.map((i) => ({ field: i.path.join("."), code: i.code })),
    });
  }
  return parsed.data;
}

/** The numeric order id of the path; anything else is a 400. */
export function orderIdParam(params: Record<string, string | undefined>): string {
  const id = params.orderId ?? "";
  if (!/^\d{1,20}$/.test(id))
    throw new ServiceError("INVALID_INPUT", "orderId must be the numeric order id.", { field: "orderId" });
  return id;
}

interface Payload {
  address?: unknown;
  previousAddress?: unknown;
  reason?: CustomerReason;
  note?: string | null;
}

/** A request as the customer sees it: what was asked, where it stands, its history and thread. */
export function presentRequest(request: ChangeRequest | RequestWithHistory, locale: Locale) {
  const payload = JSON.parse(request.payload) as Payload;
  const actions = allowedActions(request.status as RequestStatus);
  return {
    id: request.id,
    kind: request.kind,
    kindLabel: requestKindLabel(request.kind as RequestKind, locale),
    status: request.status,
    statusLabel: statusLabel(request.status as RequestStatus, locale),
    orderId: request.orderId,
    orderName: request.orderName,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    ...(request.kind === "ADDRESS_CHANGE"
      ? { address: payload.address ?? null, previousAddress: payload.previousAddress ?? null }
      : {
          reason: payload.reason ?? null,
          reasonLabel: payload.reason ? customerReasonLabel(payload.reason, locale) : null,
          note: payload.note ?? null,
        }),
    decisionNote: request.decisionNote,
    deadline: request.deadlineAt?.toISOString() ?? null,
    canWithdraw: actions.includes("withdraw"),
    canReply: actions.includes("customerReply"),
    ...("events" in request
      ? {
          events: request.events.map((e) => ({
            actor: e.actor,
            from: e.fromStatus,
            to: e.toStatus,
            toLabel: statusLabel(e.toStatus as RequestStatus, locale),
            // what staff wrote is shown; system notes (Shopify's answers) stay internal
            message: e.actor === "SYSTEM" ? null : e.message,
            at: e.at.toISOString(),
          })),
          messages: request.messages.map((m) => ({ author: m.author, body: m.body, at: m.at.toISOString() })),
        }
      : {}),
  };
}

/** The countries the address form offers, each with its provinces (where Amend knows them) and whether a zip is needed. */
export function presentCountries(codes: readonly string[], locale: Locale) {
  return codes.map((code) => ({
    code,
    name: countryName(code, locale),
    zipRequired: countryRequiresZip(code),
    provinces: Object.entries(COUNTRY_PROVINCES[code] ?? {}).map(([provinceCode, name]) => ({
      code: provinceCode,
      name,
    })),
  }));
}

/** GET options as DESIGN.md §3 gives it. */
export function presentOptions(options: OrderOptions, locale: Locale) {
  const offered = options.policy.cancellation.customerReasons ?? DEFAULT_POLICY.cancellation.customerReasons;
  return {
    order: { id: options.facts.legacyId, name: options.facts.name },
    addressChange: {
      allowed: options.addressChange.allowed,
      reasons: explainReasons(options.addressChange.reasons, locale),
      deadline: options.addressChange.deadline,
      currentAddress: options.facts.shippingAddress,
      allowCountryChange: options.policy.addressChange.allowCountryChange,
      // the current country only, unless the store lets customers move an order to another country it ships to
      countries: presentCountries(
        options.policy.addressChange.allowCountryChange && options.shipsToCountries.length
          ? options.shipsToCountries
          : [options.facts.shippingAddress?.countryCode ?? "FR"].filter(Boolean),
        locale,
      ),
      requiresApproval: options.policy.addressChange.requireApproval,
    },
    cancellation: {
      allowed: options.cancellation.allowed,
      reasons: explainReasons(options.cancellation.reasons, locale),
      deadline: options.cancellation.deadline,
      requiresApproval: options.policy.cancellation.requireApproval,
      customerReasons: offered.map((code) => ({ code, label: customerReasonLabel(code, locale) })),
    },
    requests: options.requests.map((r) => presentRequest(r, locale)),
  };
}
