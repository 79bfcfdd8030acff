import { LOCALES, type Locale } from "~/domain/types";
import type { Channel, NotificationEvent, Recipient } from "../events";
import { en } from "./en";
import { fr } from "./fr";
import type { EmailTemplateSource, LocaleTemplates, SmsTemplateSource } from "./types";

export type { EmailTemplateSource, LocaleTemplates, SmsTemplateSource, TemplateSource } from "./types";

const BY_LOCALE: Record<Locale, LocaleTemplates> = { en, fr };

/** "fr-CA" → "fr"; anything unsupported → "en" (English is the fallback). */
export function resolveLocale(locale: string | null | undefined): Locale {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : "en";
}

export function localeTemplates(locale: Locale | string): LocaleTemplates {
  return BY_LOCALE[resolveLocale(locale)];
}

/** The default template of a route in a locale, or undefined when that route does not exist. */
export function defaultTemplate(
  event: NotificationEvent,
  channel: Channel,
  recipient: Recipient,
  locale: Locale | string,
): EmailTemplateSource | SmsTemplateSource | undefined {
  const set = localeTemplates(locale);
  return channel === "EMAIL" ? set.email[event]?.[recipient] : set.sms[event]?.[recipient];
}
