import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMoney,
  compareDecimal,
  compareMoney,
  CurrencyMismatchError,
  formatDecimal,
  formatMoney,
  isZeroAmount,
  MoneyError,
  normalizeAmount,
  parseDecimal,
  sumMoney,
} from "./money";
import { eur } from "./test-fixtures";

describe("parseDecimal", () => {
  it.each([
    { input: "5.00", units: 500n, scale: 2 },
    { input: "12.5", units: 125n, scale: 1 },
    { input: "0.001", units: 1n, scale: 3 },
    { input: "7", units: 7n, scale: 0 },
    { input: ".5", units: 5n, scale: 1 },
    { input: "-3.20", units: -320n, scale: 2 },
    { input: " 4.90 ", units: 490n, scale: 2 },
    { input: "123456789012345678901234567890.99", units: 12345678901234567890123456789099n, scale: 2 },
  ])("$input → $units at scale $scale", ({ input, units, scale }) => {
    expect(parseDecimal(input)).toEqual({ units, scale });
  });

  it.each(["", ".", "abc", "1e3", "1,50", "1.2.3", "--1", "NaN"])("refuses %j", (input) => {
    expect(() => parseDecimal(input)).toThrow(MoneyError);
  });
});

describe("comparison", () => {
  it.each([
    { a: "4.90", b: "4.9", expected: 0 },
    { a: "4.91", b: "4.90", expected: 1 },
    { a: "4.899", b: "4.90", expected: -1 },
    { a: "0.1", b: "0.10000000000000000001", expected: -1 },
    { a: "-1", b: "0", expected: -1 },
    { a: "100", b: "99.999", expected: 1 },
  ])("$a vs $b → $expected", ({ a, b, expected }) => {
    expect(compareDecimal(a, b)).toBe(expected);
    expect(compareMoney(eur(a), eur(b))).toBe(expected);
  });

  it("refuses to compare different currencies", () => {
    expect(() => compareMoney(eur("1.00"), { amount: "1.00", currencyCode: "USD" })).toThrow(
      "Cannot compare EUR and USD: money of different currencies is never mixed",
    );
    expect(() => addMoney(eur("1"), { amount: "1", currencyCode: "CHF" })).toThrow(CurrencyMismatchError);
  });

  it("agrees with exact rational comparison on random cents and mills", () => {
    const amount = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(amount, amount, ([ua, sa], [ub, sb]) => {
        const a = formatDecimal({ units: ua, scale: sa });
        const b = formatDecimal({ units: ub, scale: sb });
        const left = ua * 10n ** BigInt(4 - sa);
        const right = ub * 10n ** BigInt(4 - sb);
        expect(compareDecimal(a, b)).toBe(left < right ? -1 : left > right ? 1 : 0);
      }),
    );
  });
});

describe("arithmetic", () => {
  it("adds exactly at the larger scale", () => {
    expect(addMoney(eur("5.00"), eur("12.5"))).toEqual(eur("17.50"));
    expect(addMoney(eur("0.1"), eur("0.2"))).toEqual(eur("0.3"));
    expect(addMoney(eur("12.5"), eur("0.001"))).toEqual(eur("12.501"));
  });

  it("sums a list, an empty one being zero in the given currency", () => {
    expect(sumMoney([eur("4.90"), eur("2"), eur("0.005")], "EUR")).toEqual(eur("6.905"));
    expect(sumMoney([], "EUR")).toEqual(eur("0"));
  });
});

describe("zero and formatting", () => {
  it.each([
    { amount: "0", zero: true },
    { amount: "0.00", zero: true },
    { amount: "-0.0", zero: true },
    { amount: ".0", zero: true },
    { amount: "0.01", zero: false },
    { amount: "10", zero: false },
    { amount: " 0.00 ", zero: true },
  ])("isZeroAmount($amount) = $zero", ({ amount, zero }) => {
    expect(isZeroAmount(amount)).toBe(zero);
  });

  it.each(["", "-", "0.0.0", "0x0", "1x"])("isZeroAmount refuses %j", (amount) => {
    expect(() => isZeroAmount(amount)).toThrow(MoneyError);
  });

  it("normalizes to at least two decimals without losing precision", () => {
    expect(normalizeAmount("4.9")).toBe("4.90");
    expect(normalizeAmount("7")).toBe("7.00");
    expect(normalizeAmount("0.001")).toBe("0.001");
    expect(normalizeAmount("-0.5")).toBe("-0.50");
  });

  it.each([
    { money: eur("7.9"), locale: "en", text: "€7.90" },
    { money: eur("7.9"), locale: "fr", text: "7,90\u00a0€" },
    { money: eur("1234.5"), locale: "fr", text: "1\u202f234,50\u00a0€" },
    { money: { amount: "1200", currencyCode: "JPY" }, locale: "en", text: "¥1,200" },
    {
      money: { amount: "12345678901234567.50", currencyCode: "USD" },
      locale: "en",
      text: "$12,345,678,901,234,567.50",
    },
    { money: { amount: "3.00", currencyCode: "XXXX" }, locale: "en", text: "3.00 XXXX" },
  ])("formatMoney($money.amount $money.currencyCode, $locale) = $text", ({ money, locale, text }) => {
    expect(formatMoney(money, locale)).toBe(text);
  });
});
