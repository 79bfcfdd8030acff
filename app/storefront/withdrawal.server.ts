import { RateLimiter } from "~/api/rate-limit.server";
import { storefrontTexts } from "~/i18n/storefront";
import { ServiceError } from "~/services/errors";
import { servicesFor } from "~/services/context.server";
import type { ServiceDeps } from "~/services/ports";
import { findOrderForWithdrawal, submitWithdrawal, withdrawalOptions } from "~/services/withdrawal.server";
import { issueFormToken, readFormToken } from "./form-token.server";
import { takeAll, type ProxyAnswer, type ProxyCall } from "./proxy.server";
import { presentAcknowledgement, presentStatement } from "./presenters";
import {
  esc,
  lookupMissingMessage,
  lookupNotFoundMessage,
  renderAcknowledgement,
  renderLookup,
  renderProblem,
  renderStatement,
  type LookupValues,
} from "./withdrawal-page";

/**
 * The storefront withdrawal page's steps (`/proxy/withdrawal`): 1. name, order number and email → 2. the
 * statement of the matched order → 3. the acknowledgement. Each POST carries its form's token; the order is known
 * only from a confirm token, which is issued only after all three matched.
 */

/**
 * Lookups per visitor (shop + address): 10, then one a minute. Per order number (shop + number, from any
 * address): 5, then one every 5 minutes — guessing an order's email from many addresses gets nowhere.
 * Confirmations per visitor: 10, then one every 30 s.
 */
const lookupsPerVisitor = new RateLimiter(10, 1 / 60);
const lookupsPerOrderNumber = new RateLimiter(5, 1 / 300);
const confirmsPerVisitor = new RateLimiter(10, 1 / 30);

const FIELD_MAX = { name: 200, orderNumber: 40, email: 320 } as const;

const nowSeconds = (call: ProxyCall) => Math.floor(call.now.getTime() / 1000);

/** Where the page's forms post: back through the storefront's proxy, in the same language. */
function actionOf(call: ProxyCall): string {
  return `${call.pathPrefix}/withdrawal?locale=${call.locale}`;
}

function lookupToken(call: ProxyCall): string {
  return issueFormToken({
    secret: call.secret,
    shop: call.shop,
    purpose: "lookup",
    orderId: null,
    nowSeconds: nowSeconds(call),
  });
}

function field(form: URLSearchParams, name: keyof typeof FIELD_MAX): string {
  return (form.get(name) ?? "").trim().slice(0, FIELD_MAX[name]);
}

/** "#1001", " 1001 " and "1001" are the same order number for the per-number limit. */
function orderNumberKey(value: string): string {
  return value.replace(/^#/, "").replace(/\s+/g, "").toLowerCase();
}

const expired = (call: ProxyCall): ProxyAnswer => ({
  status: 403,
  html: renderProblem({ locale: call.locale, code: "FORM_EXPIRED", restartAction: actionOf(call) }),
});

function lookupPage(call: ProxyCall, status: number, values?: LookupValues, error?: string): ProxyAnswer {
  return {
    status,
    html: renderLookup({ locale: call.locale, action: actionOf(call), token: lookupToken(call), values, error }),
  };
}

/** GET: step 1. */
export async function showLookup(call: ProxyCall): Promise<ProxyAnswer> {
  return lookupPage(call, 200);
}

/** POST: step 1 → 2 (`step=lookup`) or 2 → 3 (`step=confirm`). */
export async function submitStep(call: ProxyCall): Promise<ProxyAnswer> {
  const form = call.form ?? new URLSearchParams();
  return form.get("step") === "confirm" ? confirm(call, form) : lookup(call, form);
}

async function lookup(call: ProxyCall, form: URLSearchParams): Promise<ProxyAnswer> {
  if (!readFormToken(form.get("token"), { ...expectation(call), purpose: "lookup" })) return expired(call);
  const values: LookupValues = {
    name: field(form, "name"),
    orderNumber: field(form, "orderNumber"),
    email: field(form, "email"),
  };
  const missing = (["name", "orderNumber", "email"] as const).filter((key) => !values[key]);
  if (missing.length) return lookupPage(call, 400, values, lookupMissingMessage(call.locale, missing));
  const limited = takeAll(call.locale, [
    [lookupsPerVisitor, `${call.shop}|${call.ip}`],
    [lookupsPerOrderNumber, `${call.shop}|${orderNumberKey(values.orderNumber)}`],
  ]);
  if (limited) return limited;

  // findOrderForWithdrawal answers a miss and a match in the same minimum time, whatever part was wrong
  let deps: ServiceDeps | null = null;
  let found: { orderId: string } | null = null;
  try {
    deps = await servicesFor(call.shop);
    found = await findOrderForWithdrawal(deps, values);
  } catch (error) {
    // a malformed number or email, or a shop without Amend: the same "no such order" as any other miss
    if (!(error instanceof ServiceError) || !["INVALID_INPUT", "ORDER_NOT_FOUND"].includes(error.code)) throw error;
  }
  if (!found || !deps) return lookupPage(call, 200, values, lookupNotFoundMessage(call.locale));
  return statementPage(call, deps, found.orderId, values.name);
}

function expectation(call: ProxyCall) {
  return { secret: call.secret, shop: call.shop, nowSeconds: nowSeconds(call) };
}

async function statementPage(
  call: ProxyCall,
  deps: ServiceDeps,
  orderId: string,
  name: string,
  error?: string,
  status = 200,
): Promise<ProxyAnswer> {
  const options = await withdrawalOptions(deps, { orderId, customerId: null });
  const token = issueFormToken({ ...expectation(call), purpose: "confirm", orderId });
  return {
    status,
    html: renderStatement({
      locale: call.locale,
      action: actionOf(call),
      restartAction: actionOf(call),
      token,
      view: presentStatement(options, call.locale),
      name,
      error,
    }),
  };
}

/** `qty.<lineItemId>` fields, as the service's items; whole order when the visitor chose it. */
function itemsOf(form: URLSearchParams): { lineItemId: string; quantity: number }[] | null | "NONE" {
  if (form.get("scope") !== "items") return null;
  const items: { lineItemId: string; quantity: number }[] = [];
  for (const [key, value] of form) {
    const lineItemId = /^qty\.(\d{1,20})$/.exec(key)?.[1];
    if (!lineItemId || !/^\d{1,6}$/.test(value.trim())) continue;
    const quantity = Number(value.trim());
    if (quantity > 0) items.push({ lineItemId, quantity });
  }
  return items.length ? items : "NONE";
}

async function confirm(call: ProxyCall, form: URLSearchParams): Promise<ProxyAnswer> {
  const token = readFormToken(form.get("token"), { ...expectation(call), purpose: "confirm" });
  if (!token?.orderId) return expired(call);
  const limited = takeAll(call.locale, [[confirmsPerVisitor, `${call.shop}|${call.ip}`]]);
  if (limited) return limited;
  const deps = await servicesFor(call.shop);
  const name = (form.get("name") ?? "").trim().slice(0, 1000);
  const items = itemsOf(form);
  const texts = storefrontTexts[call.locale].statement;
  if (items === "NONE") return statementPage(call, deps, token.orderId, name, esc(texts.noItems), 400);
  try {
    const submitted = await submitWithdrawal(deps, {
      orderId: token.orderId,
      source: "STOREFRONT",
      customerId: null,
      name,
      items,
      acknowledgeBy: { email: true, sms: form.get("sms") === "1" },
      // one form, one withdrawal: a double submit (or a reload of the answer) replays the first
      idempotencyKey: `storefront:${token.nonce}`,
    });
    return {
      status: 200,
      html: renderAcknowledgement({ locale: call.locale, view: presentAcknowledgement(submitted, call.locale) }),
    };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "INVALID_INPUT") {
      const field = String(error.details.field ?? "");
      const message =
        field === "name" ? texts.nameInvalid : field.startsWith("items") ? texts.noItems : texts.checkChoices;
      return statementPage(call, deps, token.orderId, name, esc(message), 400);
    }
    // refused by the rules meanwhile (period ended, already withdrawn…), or this form already registered another
    // statement: the statement step, read afresh, shows where the order stands
    if (error instanceof ServiceError && (error.details.reasons?.length || error.code === "IDEMPOTENCY_KEY_REUSED")) {
      return statementPage(call, deps, token.orderId, name, undefined, error.status);
    }
    throw error;
  }
}
