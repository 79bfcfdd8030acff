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
import { allowedActions } from "~/domain/state-machine";
import { isCustomerReason, type Locale } from "~/domain/types";
import { apiErrors } from "~/i18n/api";
import { errorBody, toHttpError, type HttpError } from "~/http/errors.server";
import { customerIdOfSub, isForThisApp, shopOfDest } from "~/http/session-token.server";
import { setLogShop } from "~/logger.server";
import type { RequestWithHistory } from "~/models/change-request.server";
import { decodePayload } from "~/models/request-payload";
import { servicesFor } from "~/services/context.server";
import type { CustomerActor, OrderOptions, PendingOptions } from "~/services/customer-requests.server";
import { readBodyText } from "~/http/body-limit.server";
import { ServiceError } from "~/services/errors";
import type { ServiceDeps } from "~/services/ports";
import { authenticate } from "~/shopify.server";
import { customerReadPort } from "./order-reads.server";
import { presentWithdrawalOptions } from "./withdrawal.server";
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

/** One of the frame's own refusals (token, sign-in, rate limit), in the customer's language. */
function refusal(locale: Locale, code: string) {
  return { error: { code, message: apiMessage(locale, code) } };
}

function apiMessage(locale: Locale, code: string, params: Record<string, string> = {}) {
  return interpolate(apiErrors[locale][code] ?? apiErrors[locale].INTERNAL, params);
}

/** A use case's error as the API's answer, in the customer's language (rule reasons explained). */
export function customerErrorResponse(
  error: HttpError,
  locale: Locale,
): { status: number; body: unknown; headers: Record<string, string> } {
  const reasons = error.reasons ? explainReasons(error.reasons, locale) : undefined;
  let message: string;
  if (error.code === "RULES_FAILED") message = apiMessage(locale, "RULES_FAILED");
  else if (reasons?.length) message = reasons[0].message;
  else if (error.code === "NOT_ORDER_OWNER" || error.code === "ORDER_NOT_FOUND")
    message = explainReasons([{ code: error.code }], locale)[0].message;
  else message = apiMessage(locale, error.code, error.params);
  return { status: error.status, body: errorBody(error, message, reasons), headers: error.headers };
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
    // the library skips `aud` for extension tokens, and `dest` names the shop: both checked here
    const shop = shopOfDest(sessionToken.dest);
    if (!shop || !isForThisApp(sessionToken.aud)) return answer(401, refusal(locale, "UNAUTHORIZED"));
    setLogShop(shop);
    // a customer's token only: an admin's (a staff id as `sub`) or one with no signed-in customer is refused
    const customerId = customerIdOfSub(sessionToken.sub);
    if (!customerId) return answer(401, refusal(locale, "LOGIN_REQUIRED"));

    for (const [limiter, key] of [
      [request.method === "GET" ? readsPerCustomer : writesPerCustomer, `${shop}|${customerId}`],
      [perShop, shop],
    ] as const) {
      const taken = limiter.take(key);
      if (!taken.ok) {
        return answer(429, refusal(locale, "RATE_LIMITED"), {
          "Retry-After": String(taken.retryAfterSeconds),
        });
      }
    }
    const reading = request.method === "GET";
    try {
      const deps = await servicesFor(shop);
      // a read shares the order's facts with other reads and counts against the customer's Admin API reads
      if (reading) deps.shopify = customerReadPort(deps.shopify, shop, customerId);
      const { status, body } = await handler({ request, params, deps, customer: { customerId, locale }, locale });
      return answer(status, body);
    } catch (error) {
      const { status, body, headers } = customerErrorResponse(
        toHttpError(error, { shop, path: new URL(request.url).pathname }),
        locale,
      );
      return answer(status, body, headers);
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

/** A request as the customer sees it: what was asked, where it stands, its history and thread. */
export function presentRequest(request: ChangeRequest | RequestWithHistory, locale: Locale) {
  const payload = decodePayload(request);
  const actions = allowedActions(request.status, request.kind);
  return {
    id: request.id,
    kind: request.kind,
    kindLabel: requestKindLabel(request.kind, locale),
    status: request.status,
    statusLabel: statusLabel(request.status, locale),
    orderId: request.orderId,
    orderName: request.orderName,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    ...(payload.kind === "ADDRESS_CHANGE"
      ? { address: payload.address, previousAddress: payload.previousAddress }
      : payload.kind === "WITHDRAWAL"
        ? {
            statement: payload.statement,
            outcome: payload.outcome,
            reimbursementDueBy: payload.reimbursementDueBy,
          }
        : {
            reason: payload.reason,
            reasonLabel: isCustomerReason(payload.reason) ? customerReasonLabel(payload.reason, locale) : null,
            note: payload.note,
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
            toLabel: statusLabel(e.toStatus, locale),
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

/**
 * The answer of GET options while the order's facts wait for the shop's Admin API budget (docs/customer-api.md,
 * "Checking"): the usual shape with nothing offered and nothing about the order, `pending: true` and when to ask again.
 */
function presentPendingOptions(options: PendingOptions) {
  return {
    order: { id: options.orderId, name: null },
    pending: true,
    retryAfterSeconds: options.retryAfterSeconds,
    asOf: null,
    stale: false,
    addressChange: {
      allowed: false,
      reasons: [],
      deadline: null,
      currentAddress: null,
      allowCountryChange: false,
      countries: [],
      requiresApproval: false,
    },
    cancellation: { allowed: false, reasons: [], deadline: null, requiresApproval: false, customerReasons: [] },
    requests: [],
  };
}

/** The answer of GET options: what the customer may do with the order and why not (docs/customer-api.md). */
export function presentOptions(options: OrderOptions | PendingOptions, locale: Locale) {
  if ("pending" in options) return presentPendingOptions(options);
  const offered = options.policy.cancellation.customerReasons ?? DEFAULT_POLICY.cancellation.customerReasons;
  return {
    order: { id: options.facts.legacyId, name: options.facts.name },
    // when Shopify's facts were read; `stale` when served past freshness while the shop's Admin API budget is low
    asOf: options.asOf.toISOString(),
    stale: options.stale,
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
    withdrawal: presentWithdrawalOptions(options.withdrawal, locale),
  };
}
