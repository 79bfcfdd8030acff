import type { StorePolicy } from "./policy";
import type { RequestKind } from "./types";

/**
 * Time windows and decision deadlines. Time always comes in as an argument; a window is open up to,
 * but not including, its deadline millisecond.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch ms of an ISO-8601 timestamp as Shopify writes them ("2025-03-14T09:00:00Z", with optional
 * milliseconds and ±HH:MM offset), parsed without Date.parse (several times faster on the hot path
 * of the rules); any other shape falls back to Date.parse. NaN when unreadable.
 */
// prettier-ignore
export function isoToMs(text: string): number {
  const n = text.length;
  const hasMs = n > 19 && text.charCodeAt(19) === 46;
  const zoneAt = hasMs ? 23 : 19;
  const zoneLength = n - zoneAt;
  if (
    (zoneLength === 1 || zoneLength === 6) &&
    text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text.charCodeAt(10) === 84 &&
    text.charCodeAt(13) === 58 && text.charCodeAt(16) === 58
  ) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    const ms = hasMs ? digits(text, 20, 3) : 0;
    let offset = 0;
    const zone = text.charCodeAt(zoneAt);
    if (zoneLength === 6 && (zone === 43 || zone === 45) && text.charCodeAt(zoneAt + 3) === 58) {
      const oh = digits(text, zoneAt + 1, 2);
      const om = digits(text, zoneAt + 4, 2);
      offset = oh < 0 || om < 0 || oh > 23 || om > 59 ? NaN : (zone === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
    } else if (zoneLength !== 1 || zone !== 90) {
      offset = NaN;
    }
    const valid =
      year >= 0 && ms >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1] &&
      !(month === 2 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0))) &&
      hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    if (valid && !Number.isNaN(offset)) {
      return daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offset;
    }
  }
  return Date.parse(text);
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`);
const pad3 = (value: number) => (value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`);

/** `new Date(ms).toISOString()` without the Date (H. Hinnant's civil_from_days), years 0–9999. */
export function msToIso(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (!Number.isFinite(ms) || year < 0 || year > 9999) return new Date(ms).toISOString();
  let rest = ms - days * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const year4 = year < 1000 ? `${year}`.padStart(4, "0") : `${year}`;
  return `${year4}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(rest - second * 1000)}Z`;
}

function toMillis(at: Date | string, what: string): number {
  const ms = typeof at === "string" ? isoToMs(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a valid time: ${String(at)}`);
  return ms;
}

function assertDuration(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative number, got ${value}`);
  }
}

/** Epoch milliseconds when the window closes, or null when there is no limit (allocation-free). */
export function windowDeadlineMs(createdAt: Date | string, windowMinutes: number | null): number | null {
  if (windowMinutes === null) return null;
  assertDuration(windowMinutes, "windowMinutes");
  return toMillis(createdAt, "createdAt") + windowMinutes * MINUTE_MS;
}

/**
 * When a request waiting for the merchant (PENDING / NEEDS_INFO) reaches the store's decision
 * deadline, counted from `since` (its creation, or the customer's last reply — the service
 * chooses). Only cancellations have a deadline setting; address changes awaiting approval have none.
 */
export function decisionDeadline(since: Date | string, policy: StorePolicy, kind: RequestKind): Date | null {
  const hours = kind === "CANCELLATION" ? policy.cancellation.decisionDeadlineHours : null;
  if (hours === null) return null;
  assertDuration(hours, "decisionDeadlineHours");
  return new Date(toMillis(since, "since") + hours * HOUR_MS);
}
