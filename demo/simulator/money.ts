/**
 * Decimal money without floats. Amounts are held as integers of 1/10 000 of the unit (enough for every
 * ISO currency) and written back the way the Admin API writes Decimal amounts: "4.9", "20.0", "19.99".
 */
const SCALE = 10_000;
const DECIMAL = /^-?\d+(\.\d{1,4})?$/;

export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}
export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney?: MoneyV2;
}

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

export function toUnits(amount: string): number {
  if (!DECIMAL.test(amount)) throw new Error(`not a decimal amount: ${JSON.stringify(amount)}`);
  const negative = amount.startsWith("-");
  const [whole, frac = ""] = amount.replace("-", "").split(".");
  const units = Number(whole) * SCALE + Number(frac.padEnd(4, "0"));
  return negative ? -units : units;
}

/** Shopify's Decimal formatting: no trailing zeros, but always one decimal digit ("20.0"). */
export function fromUnits(units: number): string {
  const negative = units < 0;
  const abs = Math.abs(Math.round(units));
  const whole = Math.floor(abs / SCALE);
  let frac = String(abs % SCALE)
    .padStart(4, "0")
    .replace(/0+$/, "");
  if (frac === "") frac = "0";
  return `${negative ? "-" : ""}${whole}.${frac}`;
}

export function normalizeAmount(amount: string): string {
  return fromUnits(toUnits(amount));
}

export function money(units: number, currencyCode: string): MoneyV2 {
  return { amount: fromUnits(units), currencyCode };
}

export function bag(units: number, currencyCode: string, presentmentCurrencyCode = currencyCode): Required<MoneyBag> {
  // The simulator has one currency per order: presentment money equals shop money unless the store file says otherwise.
  return { shopMoney: money(units, currencyCode), presentmentMoney: money(units, presentmentCurrencyCode) };
}

export function bagUnits(value: MoneyBag | null | undefined): number {
  return value ? toUnits(value.shopMoney.amount) : 0;
}

/** Percentage of an amount, rounded half-up to the currency's cents (the simulator assumes 2-decimal currencies). */
export function percentOf(units: number, percentage: number): number {
  const cents = (units / 100) * (percentage / 100);
  return Math.round(cents) * 100;
}
