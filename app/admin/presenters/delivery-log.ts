import { formatDateTime } from "~/admin/i18n";
import type { Locale } from "~/domain/types";
import type { deliveryLog, LogQuerySchema } from "~/services/admin-notifications.server";
import type { z } from "zod";

export type DeliveryLog = Awaited<ReturnType<typeof deliveryLog>>;
export type LogQuery = z.infer<typeof LogQuerySchema>;

/** The delivery log page's data: the filters it shows, the next page's cursor, and each message's attempts. */
export function presentDeliveryLog(log: DeliveryLog, query: LogQuery, locale: Locale) {
  return {
    locale,
    query,
    next: log.next,
    rows: log.rows.map((m) => ({
      id: m.id,
      event: m.event,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      status: m.status,
      created: formatDateTime(m.createdAt, locale),
      lastError: m.lastError,
      resendOf: m.resendOfId,
      attempts: m.attemptsLog.map((a) => ({ at: formatDateTime(a.at, locale), ok: a.ok, response: a.response })),
    })),
  };
}

export type DeliveryLogView = ReturnType<typeof presentDeliveryLog>;
