import { NOTIFICATION_EVENTS } from "~/notifications/events";

/** The notification pages' forms as the services take them. */

/** The switches form: one `on` field per route turned on, as "<event>|<channel>|<recipient>". */
export function switchesFrom(form: FormData): Set<string> {
  return new Set(form.getAll("on").map(String));
}

/** The staff recipients form: per event, emails and phones one per line (or separated by , or ;). */
export function staffRecipientsFrom(form: FormData): Record<string, { emails: string[]; phones: string[] }> {
  const lines = (v: FormDataEntryValue | null) => String(v ?? "").split(/[\n,;]+/);
  return Object.fromEntries(
    NOTIFICATION_EVENTS.map((e) => [
      e,
      { emails: lines(form.get(`emails:${e}`)), phones: lines(form.get(`phones:${e}`)) },
    ]),
  );
}
