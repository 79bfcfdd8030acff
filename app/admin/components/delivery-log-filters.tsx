import { Card, InlineStack, Select } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { DeliveryLogView } from "~/admin/presenters/delivery-log";
import { DateField } from "./date-field";

/** The delivery log's filters: status, channel and a date range, each kept in the URL by `update`. */
export function DeliveryLogFilters({
  data,
  update,
}: {
  data: DeliveryLogView;
  update: (key: string, value: string) => void;
}) {
  const n = adminMessages(data.locale).notifications;
  return (
    <Card>
      <InlineStack gap="300" blockAlign="end">
        <Select
          label={n.filters.status}
          options={[
            { label: n.filters.any, value: "" },
            ...["PENDING", "SENDING", "SENT", "FAILED"].map((s) => ({ label: n.logStatuses[s], value: s })),
          ]}
          value={data.query.status ?? ""}
          onChange={(v) => update("status", v)}
        />
        <Select
          label={n.filters.channel}
          options={[
            { label: n.filters.any, value: "" },
            { label: n.channels.EMAIL, value: "EMAIL" },
            { label: n.channels.SMS, value: "SMS" },
          ]}
          value={data.query.channel ?? ""}
          onChange={(v) => update("channel", v)}
        />
        <DateField label={n.filters.from} value={data.query.from} onChange={(v) => update("from", v)} />
        <DateField label={n.filters.to} value={data.query.to} onChange={(v) => update("to", v)} />
      </InlineStack>
    </Card>
  );
}
