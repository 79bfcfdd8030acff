import type { Money } from "./types";

/**
 * Decimal money without floating point: amounts are Shopify's decimal strings, compared as
 * BigInt units at a common scale ("4.9" and "4.90" are equal; 0.1 + 0.2 is exactly 0.3).
 */

/** A malformed amount, or an operation between different currencies. */
export class MoneyError extends Error {
  override name = "MoneyError";
}

export class CurrencyMismatchError extends MoneyError {
  override name = "CurrencyMismatchError";
  constructor(
    readonly left: string,
    readonly right: string,
    operation: string,
  ) {
    super(`Cannot ${operation} ${left} and ${right}: money of different currencies is never mixed`);
  }
}

/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Parses "5.00", "12.5", "0.001", "-3", ".5"; throws MoneyError on anything else (no exponents). */
export function parseDecimal(value: string): Decimal {
  const match = typeof value === "string" ? DECIMAL_PATTERN.exec(value.trim()) : null;
  const whole = match?.[2] ?? "";
  const fraction = match?.[3] ?? "";
  if (!match || whole.length + fraction.length === 0) {
    throw new MoneyError(`"${String(value)}" is not a decimal amount`);
  }
  const units = BigInt((whole || "0") + fraction);
  return { units: match[1] === "-" ? -units : units, scale: fraction.length };
}

function unitsAt(value: Decimal, scale: number): bigint {
  return scale === value.scale ? value.units : value.units * 10n ** BigInt(scale - value.scale);
}

/** Renders a Decimal with at least `minScale` fraction digits (trailing zeros beyond it are kept). */
export function formatDecimal(value: Decimal, minScale = 0): string {
  const scale = Math.max(value.scale, minScale);
  const units = unitsAt(value, scale);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const text = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const left = unitsAt(x, scale);
  const right = unitsAt(y, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

function assertSameCurrency(a: Money, b: Money, operation: string): void {
  if (a.currencyCode !== b.currencyCode) {
    throw new CurrencyMismatchError(a.currencyCode, b.currencyCode, operation);
  }
}

/** Compares two amounts of the same currency; a currency mismatch throws. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b, "compare");
  return compareDecimal(a.amount, b.amount);
}

/** a + b, at the larger of the two scales ("5.00" + "12.5" = "17.50"). */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b, "add");
  const x = parseDecimal(a.amount);
  const y = parseDecimal(b.amount);
  const scale = Math.max(x.scale, y.scale);
  const units = unitsAt(x, scale) + unitsAt(y, scale);
  return { amount: formatDecimal({ units, scale }), currencyCode: a.currencyCode };
}

/** The sum of `items`, all in `currencyCode` (an empty list is zero in that currency). */
export function sumMoney(items: readonly Money[], currencyCode: string): Money {
  let total: Money = { amount: "0", currencyCode };
  for (const item of items) total = addMoney(total, item);
  return total;
}

/** True when the amount is zero, without allocating a BigInt (hot path of the free-shipping rule). */
export function isZeroAmount(amount: string): boolean {
  let digits = 0;
  let dots = 0;
  let nonZero = false;
  for (let i = 0; i < amount.length; i++) {
    const c = amount.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (c !== 48) nonZero = true;
    } else if (c === 46 && dots === 0) {
      dots++;
    } else if (!(i === 0 && (c === 43 || c === 45))) {
      // not a digit, a single dot or a leading sign: let the strict parser say what is wrong
      return parseDecimal(amount).units === 0n;
    }
  }
  if (digits === 0) throw new MoneyError(`"${amount}" is not a decimal amount`);
  return !nonZero;
}

/** The canonical amount string with at least two decimals ("4.9" → "4.90"), for params and logs. */
export function normalizeAmount(amount: string, minScale = 2): string {
  return formatDecimal(parseDecimal(amount), minScale);
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * The amount for a shopper, e.g. "€7.90" (en) or "7,90 €" (fr). Intl formats the decimal string
 * exactly (no float conversion); an unknown currency code falls back to "7.90 XYZ".
 */
export function formatMoney(money: Money, locale = "en"): string {
  const amount = normalizeAmount(money.amount);
  const key = `${locale}|${money.currencyCode}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: "currency", currency: money.currencyCode });
    } catch {
      return `${amount} ${money.currencyCode}`;
    }
    formatters.set(key, formatter);
  }
  return formatter.format(amount as `${number}`);
}
