/**
 * How Amend reaches a customer about one order (docs/notifications.md#the-customers-own-channels): the rules of the
 * confirmation code that proves an address reaches them, and which address each channel uses. Pure: the clock, the
 * stored rows and whether the code matched are arguments.
 */

export const CONTACT_CHANNELS = ["EMAIL", "SMS"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_CODE = {
  /** Digits of a code. */
  digits: 6,
  /** A code is valid this long after it was sent. */
  ttlMs: 10 * 60_000,
  /** Wrong tries a code takes; after the last one it is dead and a new code must be asked for. */
  maxAttempts: 5,
  /** Codes sent per shop, order and customer within an hour. */
  maxSendsPerHour: 5,
  /** The shortest wait between two codes for the same order and customer. */
  minIntervalMs: 30_000,
} as const;

/** What checking a code found; every outcome but CONFIRMED / ALREADY_CONFIRMED is the API error code. */
export type CodeCheck = "CONFIRMED" | "ALREADY_CONFIRMED" | "CODE_INVALID" | "CODE_EXPIRED" | "CODE_ATTEMPTS_EXCEEDED";

export interface VerificationState {
  attempts: number;
  expiresAt: Date;
  confirmedAt: Date | null;
}

/**
 * The outcome of a try. A confirmed code answers ALREADY_CONFIRMED to the same code (a retried confirmation), and
 * CODE_INVALID to any other without counting it; a dead code (too many tries, expired) stays dead even to the right
 * code, so guessing after the limit gains nothing.
 */
export function checkCode(v: VerificationState, now: Date, matches: boolean): CodeCheck {
  if (v.confirmedAt) return matches ? "ALREADY_CONFIRMED" : "CODE_INVALID";
  if (v.attempts >= CONTACT_CODE.maxAttempts) return "CODE_ATTEMPTS_EXCEEDED";
  if (v.expiresAt.getTime() <= now.getTime()) return "CODE_EXPIRED";
  if (!matches) return v.attempts + 1 >= CONTACT_CODE.maxAttempts ? "CODE_ATTEMPTS_EXCEEDED" : "CODE_INVALID";
  return "CONFIRMED";
}

/** Tries left after a wrong code (the one just made counted). */
export const attemptsLeft = (attemptsBefore: number) => Math.max(0, CONTACT_CODE.maxAttempts - attemptsBefore - 1);

/**
 * Seconds to wait before another code may be sent, or 0: at most `maxSendsPerHour` an hour, and `minIntervalMs`
 * between two. `sentAt` are the times of the codes sent for this order and customer (any order).
 */
export function codeSendWait(sentAt: Date[], now: Date): number {
  const t = now.getTime();
  const lastHour = sentAt.map((d) => d.getTime()).filter((s) => s > t - 3_600_000);
  let until = 0;
  if (lastHour.length >= CONTACT_CODE.maxSendsPerHour) {
    // the oldest of the hour's codes must leave the window before another may go
    const sorted = [...lastHour].sort((a, b) => a - b);
    until = sorted[lastHour.length - CONTACT_CODE.maxSendsPerHour] + 3_600_000;
  }
  const latest = Math.max(0, ...lastHour);
  if (latest) until = Math.max(until, latest + CONTACT_CODE.minIntervalMs);
  return until > t ? Math.ceil((until - t) / 1000) : 0;
}

/** The customer's choice for one order, as stored (CustomerContact). */
export interface ContactChoice {
  email: string | null;
  phone: string | null;
  emailOn: boolean;
  smsOn: boolean;
}

/**
 * The addresses a customer notification of this order goes to: the confirmed email instead of the order's, the
 * confirmed number for SMS when switched on. `emailOptOut` is true when the customer chose SMS only: email is then
 * skipped for an event only if an SMS goes out for it (an event is never sent to nobody because of the choice).
 */
export function customerReach(
  order: { email: string | null; phone: string | null },
  choice: ContactChoice | null,
): { email: string | null; phone: string | null; emailOptOut: boolean } {
  if (!choice) return { email: order.email, phone: order.phone, emailOptOut: false };
  return {
    email: choice.email ?? order.email,
    phone: choice.smsOn ? choice.phone : null,
    emailOptOut: !choice.emailOn && choice.smsOn && Boolean(choice.phone),
  };
}
