import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decisionDeadline, isDue, isoToMs, isWindowOpen, msToIso, windowDeadline } from "./deadlines";
import { ORDER_CREATED_AT, policy } from "./test-fixtures";

const created = Date.parse(ORDER_CREATED_AT);
const at = (ms: number) => new Date(created + ms);

describe("windowDeadline and isWindowOpen", () => {
  it.each([
    { windowMinutes: null, deadline: null },
    { windowMinutes: 0, deadline: "2025-03-14T09:00:00.000Z" },
    { windowMinutes: 120, deadline: "2025-03-14T11:00:00.000Z" },
    { windowMinutes: 2880, deadline: "2025-03-16T09:00:00.000Z" },
  ])("a $windowMinutes-minute window closes at $deadline", ({ windowMinutes, deadline }) => {
    expect(windowDeadline(ORDER_CREATED_AT, windowMinutes)?.toISOString() ?? null).toBe(deadline);
    expect(windowDeadline(new Date(ORDER_CREATED_AT), windowMinutes)?.toISOString() ?? null).toBe(deadline);
  });

  it.each([
    { offset: -1, open: true },
    { offset: 0, open: false },
    { offset: 1, open: false },
  ])("a 2-hour window, at its end %+d ms → open=$open", ({ offset, open }) => {
    expect(isWindowOpen(ORDER_CREATED_AT, 120, at(120 * 60_000 + offset))).toBe(open);
  });

  it("without a limit the window never closes", () => {
    expect(isWindowOpen(ORDER_CREATED_AT, null, at(10 * 365 * 86_400_000))).toBe(true);
  });

  it("refuses a negative window and an unreadable time", () => {
    expect(() => windowDeadline(ORDER_CREATED_AT, -5)).toThrow("windowMinutes must be a non-negative number, got -5");
    expect(() => windowDeadline("yesterday-ish", 5)).toThrow("createdAt is not a valid time: yesterday-ish");
  });
});

describe("decisionDeadline and isDue", () => {
  it.each([
    { kind: "CANCELLATION" as const, hours: 48, deadline: "2025-03-16T09:00:00.000Z" },
    { kind: "CANCELLATION" as const, hours: null, deadline: null },
    { kind: "ADDRESS_CHANGE" as const, hours: 48, deadline: null },
  ])("$kind with a $hours-hour setting → $deadline", ({ kind, hours, deadline }) => {
    const p = policy({ cancellation: { decisionDeadlineHours: hours } });
    expect(decisionDeadline(ORDER_CREATED_AT, p, kind)?.toISOString() ?? null).toBe(deadline);
  });

  it.each([
    { deadline: null, offset: 0, due: false },
    { deadline: "2025-03-14T09:00:00.000Z", offset: -1, due: false },
    { deadline: "2025-03-14T09:00:00.000Z", offset: 0, due: true },
    { deadline: "2025-03-14T09:00:00.000Z", offset: 1, due: true },
  ])("deadline $deadline, now $offset ms from it → due=$due", ({ deadline, offset, due }) => {
    expect(isDue(deadline, at(offset))).toBe(due);
    expect(isDue(deadline === null ? null : new Date(deadline), at(offset))).toBe(due);
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
