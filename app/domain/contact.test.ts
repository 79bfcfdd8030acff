import { describe, expect, it } from "vitest";
import { CONTACT_CODE, attemptsLeft, checkCode, codeSendWait, customerReach } from "./contact";

const now = new Date("2026-12-05T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const open = { attempts: 0, expiresAt: later(CONTACT_CODE.ttlMs), confirmedAt: null };

describe("checkCode", () => {
  it.each([
    ["the right code in time", open, true, "CONFIRMED"],
    ["a wrong code with tries left", open, false, "CODE_INVALID"],
    [
      "a wrong code on the last try",
      { ...open, attempts: CONTACT_CODE.maxAttempts - 1 },
      false,
      "CODE_ATTEMPTS_EXCEEDED",
    ],
    [
      "the right code after every try was used",
      { ...open, attempts: CONTACT_CODE.maxAttempts },
      true,
      "CODE_ATTEMPTS_EXCEEDED",
    ],
    ["the right code once expired", { ...open, expiresAt: now }, true, "CODE_EXPIRED"],
    ["the same code again once confirmed", { ...open, confirmedAt: now }, true, "ALREADY_CONFIRMED"],
    ["another code once confirmed", { ...open, confirmedAt: now }, false, "CODE_INVALID"],
  ] as const)("%s → %s", (_, state, matches, expected) => {
    expect(checkCode(state, now, matches)).toBe(expected);
  });

  it("counts the tries left after a wrong code", () => {
    expect(attemptsLeft(0)).toBe(CONTACT_CODE.maxAttempts - 1);
    expect(attemptsLeft(CONTACT_CODE.maxAttempts)).toBe(0);
  });
});

describe("codeSendWait", () => {
  it("GIVEN no code sent THEN no wait", () => {
    expect(codeSendWait([], now)).toBe(0);
  });

  it("GIVEN a code sent 10 s ago THEN the rest of the 30 s interval", () => {
    expect(codeSendWait([later(-10_000)], now)).toBe(20);
  });

  it("GIVEN five codes within the hour THEN wait until the oldest leaves the hour", () => {
    const sent = [-50, -40, -30, -20, -10].map((m) => later(m * 60_000));
    expect(codeSendWait(sent, now)).toBe(10 * 60);
  });

  it("GIVEN codes older than an hour THEN they do not count", () => {
    expect(codeSendWait([later(-61 * 60_000), later(-70 * 60_000)], now)).toBe(0);
  });
});

describe("customerReach", () => {
  const order = { email: "camille@example.com", phone: "+33612345678" };

  it("GIVEN no choice THEN the order's email and phone", () => {
    expect(customerReach(order, null)).toEqual({ ...order, emailOptOut: false });
  });

  it("GIVEN a confirmed email THEN it replaces the order's; SMS only when switched on", () => {
    expect(customerReach(order, { email: "c.martin@proton.me", phone: null, emailOn: true, smsOn: false })).toEqual({
      email: "c.martin@proton.me",
      phone: null,
      emailOptOut: false,
    });
  });

  it("GIVEN SMS only with a confirmed number THEN email is opted out", () => {
    expect(customerReach(order, { email: null, phone: "+33700000000", emailOn: false, smsOn: true })).toEqual({
      email: "camille@example.com",
      phone: "+33700000000",
      emailOptOut: true,
    });
  });
});
