import { interpolate, messagesFor, pickLocale } from "~/domain/messages";
import type { AdminMessages } from "~/i18n/admin-en";
import type { Locale } from "~/domain/types";

/** The admin's texts in a locale (en, fr; anything else → en). Usable on server and client. */
export function adminMessages(locale: string | null | undefined): AdminMessages {
  return messagesFor(locale ?? "en").admin;
}

export const fill = interpolate;

/** A date and time for the admin, formatted on the server (so the client hydrates the same text). */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale, timeZone = "UTC"): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(pickLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    date,
  );
}

/** 95 minutes → "1 h 35 min" / "1 h 35 min"; days when long. */
export function formatElapsed(ms: number, locale: Locale): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const d = locale === "fr" ? "j" : "d";
  if (days > 0) return `${days} ${d} ${hours} h`;
  if (hours > 0) return `${hours} h ${mins} min`;
  return `${mins} min`;
}
