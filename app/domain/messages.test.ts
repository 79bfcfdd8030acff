import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { fr } from "../i18n/fr";
import { ADDRESS_ERROR_CODES, ADDRESS_FIELDS } from "./address";
import {
  addressErrorMessage,
  countryName,
  customerReasonLabel,
  explainReasons,
  formatDuration,
  interpolate,
  messagesFor,
  pickLocale,
  reasonMessage,
  requestKindLabel,
  statusLabel,
} from "./messages";
import {
  CUSTOMER_REASONS,
  LOCALES,
  REASON_CODES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type Reason,
  type ReasonCode,
} from "./types";

/** A reason as the rules produce it, with the params each code carries. */
const SAMPLE: Record<ReasonCode, Reason> = {
  FULFILLMENT_STARTED: { code: "FULFILLMENT_STARTED" },
  PAYMENT_CONFIRMED: { code: "PAYMENT_CONFIRMED" },
  ADDRESS_ALREADY_CHANGED: { code: "ADDRESS_ALREADY_CHANGED" },
  SHIPPING_COST_INCREASE: {
    code: "SHIPPING_COST_INCREASE",
    params: { newPrice: "7.90", oldPrice: "4.90", currencyCode: "EUR", rateTitle: "Colissimo" },
  },
  FREE_SHIPPING_DISCOUNT_USED: { code: "FREE_SHIPPING_DISCOUNT_USED" },
  ORDER_CANCELLED: { code: "ORDER_CANCELLED" },
  ORDER_CLOSED: { code: "ORDER_CLOSED" },
  WINDOW_EXPIRED: { code: "WINDOW_EXPIRED", params: { windowMinutes: "120" } },
  FEATURE_DISABLED: { code: "FEATURE_DISABLED" },
  ADDRESS_INVALID: { code: "ADDRESS_INVALID", field: "zip", params: { error: "INVALID", example: "75002" } },
  NO_SHIPPING_RATE: { code: "NO_SHIPPING_RATE", params: { countryCode: "CH" } },
  COUNTRY_CHANGE_NOT_ALLOWED: { code: "COUNTRY_CHANGE_NOT_ALLOWED", params: { from: "FR", to: "BE" } },
  LOCAL_DELIVERY_UNAVAILABLE: {
    code: "LOCAL_DELIVERY_UNAVAILABLE",
    params: { rateTitle: "Coursier Lyon", zip: "69001" },
  },
  NOTHING_TO_SHIP: { code: "NOTHING_TO_SHIP" },
  PICKUP_ORDER: { code: "PICKUP_ORDER" },
  B2B_ORDER: { code: "B2B_ORDER" },
  ORDER_ON_HOLD: { code: "ORDER_ON_HOLD" },
  REQUEST_ALREADY_PENDING: { code: "REQUEST_ALREADY_PENDING", params: { kind: "CANCELLATION", status: "PENDING" } },
  NOT_ORDER_OWNER: { code: "NOT_ORDER_OWNER" },
  ORDER_NOT_FOUND: { code: "ORDER_NOT_FOUND" },
  CUSTOMER_DATA_UNAVAILABLE: { code: "CUSTOMER_DATA_UNAVAILABLE" },
  WITHDRAWAL_PERIOD_ENDED: { code: "WITHDRAWAL_PERIOD_ENDED", params: { days: "30" } },
  ALREADY_WITHDRAWN: { code: "ALREADY_WITHDRAWN" },
  ALL_ITEMS_EXEMPT: { code: "ALL_ITEMS_EXEMPT" },
  NOTHING_TO_WITHDRAW: { code: "NOTHING_TO_WITHDRAW" },
};

const EXPECTED: Record<"en" | "fr", Partial<Record<ReasonCode, string>>> = {
  en: {
    SHIPPING_COST_INCREASE:
      "Shipping to the new address costs €7.90, more than the €4.90 you paid, so it can't be changed here. Try an address nearby, or contact the store.",
    WINDOW_EXPIRED:
      "Orders can be changed within 2 hours of being placed, and that time has passed. Please contact the store if you need help.",
    ADDRESS_INVALID: "Postal code doesn't look right. Please check it. For example: 75002.",
    COUNTRY_CHANGE_NOT_ALLOWED:
      "This store can't change the delivery country (France → Belgium). Please choose an address in France.",
    REQUEST_ALREADY_PENDING:
      "You already have a cancellation request in progress for this order. We'll write to you as soon as the store has decided.",
  },
  fr: {
    SHIPPING_COST_INCREASE:
      "La livraison à la nouvelle adresse coûte 7,90\u00a0€, plus que les 4,90\u00a0€ que vous avez payés : l'adresse ne peut pas être modifiée ici. Essayez une adresse proche, ou contactez la boutique.",
    WINDOW_EXPIRED:
      "Une commande peut être modifiée dans un délai de 2 heures après avoir été passée, et ce délai est dépassé. Contactez la boutique si vous avez besoin d'aide.",
    ADDRESS_INVALID: "Le champ « Code postal » ne semble pas correct. Vérifiez-le. Par exemple : 75002.",
    COUNTRY_CHANGE_NOT_ALLOWED:
      "Cette boutique ne peut pas changer le pays de livraison (France → Belgique). Choisissez une adresse dans ce pays : France.",
    REQUEST_ALREADY_PENDING:
      "Vous avez déjà une demande d'annulation en cours pour cette commande. Nous vous écrirons dès que la boutique aura pris sa décision.",
  },
};

describe("reasonMessage", () => {
  describe.each(LOCALES)("%s", (locale) => {
    it.each(REASON_CODES.map((code) => ({ code })))("renders $code with every placeholder filled", ({ code }) => {
      const message = reasonMessage(SAMPLE[code], locale);
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toMatch(/[{}]/);
      const expected = EXPECTED[locale][code];
      if (expected) expect(message).toBe(expected);
    });
  });

  it.each([
    {
      reason: { code: "ADDRESS_INVALID", field: "lastName", params: { error: "REQUIRED" } } as Reason,
      locale: "en",
      text: "Last name is required.",
    },
    {
      reason: { code: "ADDRESS_INVALID", field: "city", params: { error: "TOO_LONG", max: "255" } } as Reason,
      locale: "fr",
      text: "Le champ « Ville » est trop long : 255 caractères au maximum.",
    },
    {
      reason: { code: "ADDRESS_INVALID", field: "phone" } as Reason,
      locale: "en",
      text: "Please check the address: Phone needs your attention.",
    },
    {
      reason: { code: "REQUEST_ALREADY_PENDING", params: { kind: "ADDRESS_CHANGE" } } as Reason,
      locale: "fr",
      text: "Vous avez déjà une demande de changement d'adresse en cours pour cette commande. Nous vous écrirons dès que la boutique aura pris sa décision.",
    },
    {
      reason: { code: "REQUEST_ALREADY_PENDING" } as Reason,
      locale: "en",
      text: "You already have a request in progress for this order. We'll write to you as soon as the store has decided.",
    },
    {
      reason: { code: "WINDOW_EXPIRED", params: { windowMinutes: "30" } } as Reason,
      locale: "en-GB",
      text: "Orders can be changed within 30 minutes of being placed, and that time has passed. Please contact the store if you need help.",
    },
  ])("$reason.code in $locale: $text", ({ reason, locale, text }) => {
    expect(reasonMessage(reason, locale)).toBe(text);
  });

  it("explains a list of reasons as the customer API answers them", () => {
    expect(explainReasons([SAMPLE.ORDER_CLOSED, SAMPLE.ADDRESS_INVALID], "de")).toEqual([
      { code: "ORDER_CLOSED", message: en.reasons.ORDER_CLOSED },
      {
        code: "ADDRESS_INVALID",
        field: "zip",
        message: "Postal code doesn't look right. Please check it. For example: 75002.",
      },
    ]);
  });
});

describe("pickLocale", () => {
  it.each([
    { input: "fr", locale: "fr" },
    { input: "fr-CA", locale: "fr" },
    { input: "FR_fr", locale: "fr" },
    { input: "en-US", locale: "en" },
    { input: "de-DE", locale: "en" },
    { input: "", locale: "en" },
    { input: null, locale: "en" },
    { input: undefined, locale: "en" },
  ])("$input → $locale", ({ input, locale }) => {
    expect(pickLocale(input)).toBe(locale);
  });
});

describe("labels", () => {
  it.each(LOCALES)("every status, customer reason, request kind and address field has a %s label", (locale) => {
    for (const status of REQUEST_STATUSES) expect(statusLabel(status, locale)).toBeTruthy();
    for (const reason of CUSTOMER_REASONS) expect(customerReasonLabel(reason, locale)).toBeTruthy();
    for (const kind of REQUEST_KINDS) expect(requestKindLabel(kind, locale)).toBeTruthy();
    for (const field of ADDRESS_FIELDS) expect(messagesFor(locale).addressFields[field]).toBeTruthy();
    for (const code of ADDRESS_ERROR_CODES) {
      expect(addressErrorMessage({ field: "zip", code, params: { max: "20" } }, locale)).not.toMatch(/[{}]/);
    }
  });

  it("examples", () => {
    expect(statusLabel("NEEDS_INFO", "fr-FR")).toBe("La boutique a besoin de précisions");
    expect(customerReasonLabel("WRONG_ADDRESS", "en")).toBe("The delivery address is wrong");
    expect(messagesFor("fr").addressFields.zip).toBe("Code postal");
  });

  it("French translates every text (no English left behind)", () => {
    const leaves = (value: unknown, path: string[] = []): [string, string][] =>
      typeof value === "string"
        ? [[path.join("."), value]]
        : Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => leaves(v, [...path, key]));
    const french = new Map(leaves(fr));
    const sameInBothLanguages = new Set([
      "durations.minute.one",
      "durations.minute.other",
      // the admin's words that French shares with English, and the app's name
      "admin.nav.notifications",
      "admin.notifications.title",
      "admin.notifications.channels.SMS",
      "admin.notifications.channels.FLOW",
      "admin.settings.window.minutes",
      "admin.actors.SYSTEM",
      "admin.home.title",
      "admin.withdrawals.itemLine",
      "admin.withdrawals.ackChannel.sms",
    ]);
    for (const [path, text] of leaves(en)) {
      expect(french.has(path), path).toBe(true);
      if (!sameInBothLanguages.has(path)) expect(french.get(path), path).not.toBe(text);
    }
  });
});

describe("formatting helpers", () => {
  it.each([
    { minutes: 1, en: "1 minute", fr: "1 minute" },
    { minutes: 90, en: "90 minutes", fr: "90 minutes" },
    { minutes: 60, en: "1 hour", fr: "1 heure" },
    { minutes: 120, en: "2 hours", fr: "2 heures" },
    { minutes: 1440, en: "1 day", fr: "1 jour" },
    { minutes: 4320, en: "3 days", fr: "3 jours" },
    { minutes: 0, en: "0 minutes", fr: "0 minute" },
  ])("$minutes minutes → $en / $fr", ({ minutes, en: english, fr: french }) => {
    expect(formatDuration(minutes, "en")).toBe(english);
    expect(formatDuration(minutes, "fr")).toBe(french);
  });

  it("names countries in the customer's language", () => {
    expect(countryName("de", "fr")).toBe("Allemagne");
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("", "en")).toBe("");
  });

  it("interpolation leaves an unknown placeholder visible", () => {
    expect(interpolate("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });
});
