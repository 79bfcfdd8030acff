import { en, type Messages } from "../i18n/en";
import { fr } from "../i18n/fr";
import type { AddressError, AddressErrorCode, AddressField } from "./address";
import { formatMoney } from "./money";
import {
  LOCALES,
  isRequestKind,
  type CustomerReason,
  type Locale,
  type Reason,
  type RequestKind,
  type RequestStatus,
} from "./types";

/** Texts for customers, in their language: English and French, English as the fallback. */

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, fr };

/** "fr-CA", "fr_FR", "FR" → "fr"; anything unknown or missing → "en". */
export function pickLocale(input?: string | null): Locale {
  const language = (input ?? "").trim().split(/[-_]/)[0].toLowerCase();
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : "en";
}

export function messagesFor(locale: string): Messages {
  return MESSAGES[pickLocale(locale)];
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => params[name] ?? placeholder);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** 90 → "90 minutes", 120 → "2 hours", 2880 → "2 jours": the largest whole unit. */
export function formatDuration(minutes: number, locale: string): string {
  const lang = pickLocale(locale);
  const unit = minutes > 0 && minutes % 1440 === 0 ? "day" : minutes > 0 && minutes % 60 === 0 ? "hour" : "minute";
  const count = unit === "day" ? minutes / 1440 : unit === "hour" ? minutes / 60 : minutes;
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const forms = MESSAGES[lang].durations[unit];
  const template = rules.select(count) === "one" ? forms.one : forms.other;
  return interpolate(template, { count: String(count) });
}

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** "BE" → "Belgium" / "Belgique"; the code itself when unknown. */
export function countryName(countryCode: string, locale: string): string {
  const lang = pickLocale(locale);
  let names = regionNames.get(lang);
  if (!names) regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" })));
  try {
    return names.of(countryCode.toUpperCase()) ?? countryCode;
  } catch {
    return countryCode; // not a well-formed region code
  }
}

export function statusLabel(status: RequestStatus, locale: string): string {
  return messagesFor(locale).statuses[status];
}

export function customerReasonLabel(reason: CustomerReason, locale: string): string {
  return messagesFor(locale).customerReasons[reason];
}

export function requestKindLabel(kind: RequestKind, locale: string): string {
  return messagesFor(locale).requestKinds[kind];
}

/** "Postal code doesn't look right. Please check it. For example: 75002." */
export function addressErrorMessage(error: Pick<AddressError, "field" | "code" | "params">, locale: string): string {
  const m = messagesFor(locale);
  const text = interpolate(m.addressErrors[error.code], {
    field: m.addressFields[error.field],
    max: error.params?.max ?? "",
  });
  const example = error.params?.example;
  return example ? `${text} ${interpolate(m.addressErrorExample, { example })}` : text;
}

const isAddressErrorCode = (code: string | undefined): code is AddressErrorCode =>
  code === "REQUIRED" || code === "TOO_LONG" || code === "INVALID";

/**
 * The customer-facing explanation of a refusal, with its params rendered for the locale (prices as
 * "€7.90" / "7,90 €", durations, country names).
 */
export function reasonMessage(reason: Reason, locale: string): string {
  const lang = pickLocale(locale);
  const m = MESSAGES[lang];
  const params = reason.params ?? {};
  switch (reason.code) {
    case "ADDRESS_INVALID": {
      if (!reason.field) return interpolate(m.reasons.ADDRESS_INVALID, { field: m.addressFields.address1 });
      const code = params.error;
      if (!isAddressErrorCode(code))
        return interpolate(m.reasons.ADDRESS_INVALID, { field: m.addressFields[reason.field] });
      return addressErrorMessage(
        { field: reason.field, code, params: { max: params.max, example: params.example } },
        lang,
      );
    }
    case "SHIPPING_COST_INCREASE": {
      const currencyCode = params.currencyCode ?? "";
      const price = (amount: string | undefined) => (amount ? formatMoney({ amount, currencyCode }, lang) : "");
      return interpolate(m.reasons.SHIPPING_COST_INCREASE, {
        newPrice: price(params.newPrice),
        oldPrice: price(params.oldPrice),
      });
    }
    case "WINDOW_EXPIRED": {
      const minutes = Number(params.windowMinutes);
      const window = Number.isFinite(minutes) && params.windowMinutes ? formatDuration(minutes, lang) : "";
      return interpolate(m.reasons.WINDOW_EXPIRED, { window });
    }
    case "COUNTRY_CHANGE_NOT_ALLOWED":
      return interpolate(m.reasons.COUNTRY_CHANGE_NOT_ALLOWED, {
        from: countryName(params.from ?? "", lang),
        to: countryName(params.to ?? "", lang),
      });
    case "REQUEST_ALREADY_PENDING": {
      const kind = isRequestKind(params.kind) ? params.kind : "ANY";
      return interpolate(m.reasons.REQUEST_ALREADY_PENDING, { request: m.pendingRequest[kind] });
    }
    default:
      return interpolate(m.reasons[reason.code], params);
  }
}

/** `{ code, message }` pairs as the customer API answers them. */
export function explainReasons(
  reasons: readonly Reason[],
  locale: string,
): { code: Reason["code"]; field?: AddressField; message: string }[] {
  return reasons.map((reason) => ({
    code: reason.code,
    ...(reason.field ? { field: reason.field } : {}),
    message: reasonMessage(reason, locale),
  }));
}
