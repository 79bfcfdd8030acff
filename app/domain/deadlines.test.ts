import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decisionDeadline, isoToMs, msToIso, windowDeadlineMs } from "./deadlines";
import { ORDER_CREATED_AT, policy } from "./test-fixtures";

const deadlineIso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe("windowDeadlineMs", () => {
  it.each([
    { windowMinutes: null, deadline: null },
    { windowMinutes: 0, deadline: "2025-03-14T09:00:00.000Z" },
    { windowMinutes: 120, deadline: "2025-03-14T11:00:00.000Z" },
    { windowMinutes: 2880, deadline: "2025-03-16T09:00:00.000Z" },
  ])("a $windowMinutes-minute window closes at $deadline", ({ windowMinutes, deadline }) => {
    expect(deadlineIso(windowDeadlineMs(ORDER_CREATED_AT, windowMinutes))).toBe(deadline);
    expect(deadlineIso(windowDeadlineMs(new Date(ORDER_CREATED_AT), windowMinutes))).toBe(deadline);
  });

  it("refuses a negative window and an unreadable time", () => {
    expect(() => windowDeadlineMs(ORDER_CREATED_AT, -5)).toThrow("windowMinutes must be a non-negative number, got -5");
    expect(() => windowDeadlineMs("yesterday-ish", 5)).toThrow("createdAt is not a valid time: yesterday-ish");
  });
});

describe("decisionDeadline", () => {
  it.each([
    { kind: "CANCELLATION" as const, hours: 48, deadline: "2025-03-16T09:00:00.000Z" },
    { kind: "CANCELLATION" as const, hours: null, deadline: null },
    { kind: "ADDRESS_CHANGE" as const, hours: 48, deadline: null },
  ])("$kind with a $hours-hour setting → $deadline", ({ kind, hours, deadline }) => {
    const p = policy({ cancellation: { decisionDeadlineHours: hours } });
    expect(decisionDeadline(ORDER_CREATED_AT, p, kind)?.toISOString() ?? null).toBe(deadline);
  });
});

describe("fast ISO timestamps agree with Date", () => {
  const instant = fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 });

  it("msToIso(ms) is toISOString and isoToMs reads it back, for every instant of years 0–9999", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(msToIso(ms)).toBe(iso);
        expect(isoToMs(iso)).toBe(ms);
      }),
      { numRuns: 5000 },
    );
  });

  it("isoToMs reads Shopify's shapes (no milliseconds, offsets) exactly as Date.parse does", () => {
    const offset = fc.tuple(
      fc.constantFrom("+", "-"),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 253_402_300_799 }).map((s) => s * 1000),
        offset,
        (ms, [sign, h, m]) => {
          const base = new Date(ms).toISOString().slice(0, 19);
          const zoned = `${base}${sign}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
          expect(isoToMs(`${base}Z`)).toBe(Date.parse(`${base}Z`));
          expect(isoToMs(zoned)).toBe(Date.parse(zoned));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it.each([
    "2025-02-29T00:00:00Z",
    "2024-02-29T00:00:00Z",
    "2025-02-30T00:00:00Z",
    "2025-03-14T24:00:00Z",
    "2025-03-14T09:00:60Z",
    "2025-03-14T09:00:00+25:00",
    "2025-03-14T09:00:00.5Z",
    "2025-03-14",
    "14/03/2025",
    "",
  ])("an unusual string %j reads as Date.parse reads it", (text) => {
    expect(isoToMs(text)).toBe(Date.parse(text));
  });

  it("outside years 0–9999 falls back to toISOString", () => {
    expect(msToIso(8.64e15)).toBe("+275760-09-13T00:00:00.000Z");
    expect(() => msToIso(Number.NaN)).toThrow(RangeError);
  });
});
