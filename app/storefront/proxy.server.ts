import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { type RateLimiter } from "~/api/rate-limit.server";
import { pickLocale } from "~/domain/messages";
import type { Locale } from "~/domain/types";
import { env } from "~/env.server";
import { verifyAppProxyQuery } from "~/http/app-proxy.server";
import { readBodyText } from "~/http/body-limit.server";
import { toHttpError } from "~/http/errors.server";
import { logger, setLogShop } from "~/logger.server";
import { renderProblem, standaloneDocument, type ProblemCode } from "./withdrawal-page";

/**
 * The storefront's frame (Shopify's app proxy, `/proxy/*`): verifies the proxy signature (401 otherwise, before
 * anything else is read), picks the visitor's language, reads a form body within the path's limit, runs one
 * handler, and answers its HTML as `application/liquid` so that Shopify shows it inside the store's theme.
 * A use case's error becomes a page in the visitor's language, never a stack trace.
 */

export interface ProxyCall {
  request: Request;
  shop: string;
  /** The storefront path the app is served under (`/apps/amend`): forms post back through the proxy. */
  pathPrefix: string;
  locale: Locale;
  /** The visitor's address as Shopify forwards it (`X-Forwarded-For`), for rate limits. */
  ip: string;
  /** A POST's form fields (urlencoded; anything else reads as no fields), null for a GET. */
  form: URLSearchParams | null;
  secret: string;
  now: Date;
}

export interface ProxyAnswer {
  status: number;
  html: string;
  headers?: Record<string, string>;
}

type Handler = (call: ProxyCall) => Promise<ProxyAnswer>;

/** The visitor's language: the storefront's (the link's `locale`, part of the signed query), else the browser's. */
export function proxyLocale(url: URL, acceptLanguage: string | null): Locale {
  const fromLink = url.searchParams.get("locale");
  if (fromLink && /^[a-z]{2}([-_][a-z0-9]{2,8})?$/i.test(fromLink)) return pickLocale(fromLink);
  return pickLocale(acceptLanguage?.split(",")[0]);
}

/** The first address of `X-Forwarded-For` (the visitor, as Shopify forwards it), bounded; "unknown" without one. */
export function visitorIp(request: Request): string {
  const first = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() ?? "";
  return /^[0-9a-f.:]{2,45}$/i.test(first) ? first.toLowerCase() : "unknown";
}

const HEADERS = {
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

/** The page inside the store's theme (Shopify renders `application/liquid` answers in the theme's layout). */
export function liquidPage(answer: ProxyAnswer): Response {
  return new Response(answer.html, {
    status: answer.status,
    headers: { ...HEADERS, ...answer.headers, "Content-Type": "application/liquid" },
  });
}

function problemPage(
  status: number,
  locale: Locale,
  code: ProblemCode,
  more: { params?: Record<string, string | number>; headers?: Record<string, string>; restart?: string } = {},
): Response {
  return liquidPage({
    status,
    html: renderProblem({ locale, code, params: more.params, restartAction: more.restart ?? null }),
    headers: more.headers,
  });
}

/** A rate limit's refusal as a page: 429 with Retry-After, the wait in minutes. */
export function rateLimited(locale: Locale, retryAfterSeconds: number): ProxyAnswer {
  return {
    status: 429,
    html: renderProblem({ locale, code: "RATE_LIMITED", params: { minutes: Math.ceil(retryAfterSeconds / 60) } }),
    headers: { "Retry-After": String(retryAfterSeconds) },
  };
}

/** Takes a token from each limiter for its key; the first one empty answers. */
export function takeAll(locale: Locale, takes: [RateLimiter, string][]): ProxyAnswer | null {
  for (const [limiter, key] of takes) {
    const taken = limiter.take(key);
    if (!taken.ok) return rateLimited(locale, taken.retryAfterSeconds);
  }
  return null;
}

export function storefrontProxy(handler: Handler) {
  return async ({ request }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> => {
    const url = new URL(request.url);
    const locale = proxyLocale(url, request.headers.get("Accept-Language"));
    const secret = env().SHOPIFY_API_SECRET;
    const verdict = verifyAppProxyQuery(url.searchParams, { secret, nowSeconds: Math.floor(Date.now() / 1000) });
    if (!verdict.ok) {
      logger.info({ reason: verdict.reason, path: url.pathname }, "app proxy request refused");
      // not from Shopify: a plain page of its own, no theme around it
      return new Response(standaloneDocument(locale, renderProblem({ locale, code: "UNAUTHORIZED" })), {
        status: 401,
        headers: { ...HEADERS, "Content-Type": "text/html; charset=utf-8" },
      });
    }
    const { shop, pathPrefix } = verdict.context;
    setLogShop(shop);
    const restart = `${pathPrefix}${url.pathname.replace(/^\/proxy/, "")}`;
    if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "POST") {
      return new Response(null, { status: 405, headers: { ...HEADERS, Allow: "GET, POST" } });
    }
    try {
      let form: URLSearchParams | null = null;
      if (request.method === "POST") {
        const type = request.headers.get("Content-Type") ?? "";
        const text = await readBodyText(request);
        form = /^application\/x-www-form-urlencoded\b/i.test(type) ? new URLSearchParams(text) : new URLSearchParams();
      }
      return liquidPage(
        await handler({ request, shop, pathPrefix, locale, ip: visitorIp(request), form, secret, now: new Date() }),
      );
    } catch (error) {
      const http = toHttpError(error, { shop, path: url.pathname });
      if (http.code === "PAYLOAD_TOO_LARGE") return problemPage(413, locale, "PAYLOAD_TOO_LARGE", { restart });
      if (http.code === "RATE_LIMITED") {
        const answer = rateLimited(locale, Number(http.headers["Retry-After"] ?? 60));
        return liquidPage(answer);
      }
      if (http.status === 503) {
        return problemPage(503, locale, "SHOPIFY_UNAVAILABLE", { headers: http.headers, restart });
      }
      return problemPage(http.status >= 500 ? 500 : http.status, locale, "INTERNAL", { restart });
    }
  };
}
