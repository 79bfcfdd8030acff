import { useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { adminMessages } from "~/admin/i18n";
import type { DeliveryLogView } from "~/admin/presenters/delivery-log";
import { DeliveryLogFilters } from "./delivery-log-filters";
import { DeliveryLogTable } from "./delivery-log-table";
import { NotificationsFrame } from "./notification-tabs";
import { useToast } from "./use-toast";

/** Every notification sent, filtered and a page at a time, each with its attempts and a resend. */
export function DeliveryLogPage({ data }: { data: DeliveryLogView }) {
  const n = adminMessages(data.locale).notifications;
  const [params, setParams] = useSearchParams();
  const toast = useToast();
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.delete("before");
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  useEffect(() => undefined, [toast]);

  return (
    <NotificationsFrame title={n.logTitle} locale={data.locale}>
      <DeliveryLogFilters data={data} update={update} />
      <DeliveryLogTable data={data} hasPrevious={Boolean(params.get("before"))} update={update} />
    </NotificationsFrame>
  );
}
