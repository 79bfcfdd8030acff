import crypto from "node:crypto";

/**
 * The storefront forms' CSRF token. Shopify's app proxy strips cookies, so there is no session to bind a token
 * to: each form carries a signed, short-lived token naming the shop, what the form does and (once the visitor gave
 * name, order number and email that match) the order. A POST without a valid token for its shop and step is
 * refused; a token cannot be moved to another shop, step or order, and its nonce is the submission's
 * idempotency key, so a double submit of one form registers one withdrawal.
 *
 * Format: `<base64url JSON payload>.<base64url HMAC-SHA256>`, with a key derived from the app's secret for this
 * use only (a token is never a valid signature of anything else).
 */

export type FormPurpose = "lookup" | "confirm";

/** How long a form stays usable after it was shown. */
export const FORM_TOKEN_TTL_SECONDS: Record<FormPurpose, number> = { lookup: 60 * 60, confirm: 30 * 60 };
/** Longer than any token this module issues: anything longer is refused before parsing. */
const MAX_TOKEN_LENGTH = 512;

interface Payload {
  v: 1;
  s: string;
  p: FormPurpose;
  o: string | null;
  e: number;
  n: string;
}

export interface FormToken {
  shop: string;
  purpose: FormPurpose;
  /** The matched order's numeric id (confirm), null before a match (lookup). */
  orderId: string | null;
  /** Unique per issued form: the idempotency key of what the form submits. */
  nonce: string;
  expiresAt: number;
}

function keyFor(secret: string): Buffer {
  return crypto.createHmac("sha256", secret).update("amend:storefront-form-token:v1").digest();
}

function mac(secret: string, payload: string): Buffer {
  return crypto.createHmac("sha256", keyFor(secret)).update(payload).digest();
}

export function issueFormToken(input: {
  secret: string;
  shop: string;
  purpose: FormPurpose;
  orderId: string | null;
  nowSeconds: number;
}): string {
  const payload: Payload = {
    v: 1,
    s: input.shop,
    p: input.purpose,
    o: input.orderId,
    e: input.nowSeconds + FORM_TOKEN_TTL_SECONDS[input.purpose],
    n: crypto.randomBytes(16).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(input.secret, body).toString("base64url")}`;
}

/**
 * The token's contents when it is this app's, unexpired, for `shop` and `purpose`; null for anything else
 * (absent, malformed, forged, expired, another shop or step). Compared in constant time.
 */
export function readFormToken(
  token: unknown,
  expect: { secret: string; shop: string; purpose: FormPurpose; nowSeconds: number },
): FormToken | null {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return null;
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(expect.secret, body);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let payload: Partial<Payload>;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<Payload>;
  } catch {
    return null;
  }
  if (
    payload.v !== 1 ||
    payload.s !== expect.shop ||
    payload.p !== expect.purpose ||
    typeof payload.e !== "number" ||
    payload.e < expect.nowSeconds ||
    typeof payload.n !== "string" ||
    !(payload.o === null || (typeof payload.o === "string" && /^\d{1,20}$/.test(payload.o))) ||
    (expect.purpose === "confirm") !== (payload.o !== null)
  ) {
    return null;
  }
  return { shop: payload.s, purpose: payload.p, orderId: payload.o, nonce: payload.n, expiresAt: payload.e };
}
