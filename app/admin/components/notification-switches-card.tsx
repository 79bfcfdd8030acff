import { BlockStack, Button, Checkbox, DataTable, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { adminMessages } from "~/admin/i18n";
import {
  CHANNELS,
  NOTIFICATION_EVENTS,
  RECIPIENTS,
  type Channel,
  type NotificationEvent,
  type Recipient,
} from "~/notifications/events";
import type { NotificationCardProps } from "./notifications-page";
import { SectionCard } from "./section-card";

/** One switch per notification that exists (event × channel × recipient), a table per channel, saved together. */
export function NotificationSwitchesCard({ data, fetcher: switches }: NotificationCardProps) {
  const t = adminMessages(data.locale);
  const routes = data.routes;
  const n = t.notifications;
  const [on, setOn] = useState(
    () => new Set(routes.filter((r) => r.enabled).map((r) => `${r.event}|${r.channel}|${r.recipient}`)),
  );

  const routeKeys = new Set(routes.map((r) => `${r.event}|${r.channel}|${r.recipient}`));
  const exists = (event: NotificationEvent, channel: Channel, recipient: Recipient) =>
    routeKeys.has(`${event}|${channel}|${recipient}`);

  const checkbox = (event: NotificationEvent, channel: Channel, recipient: Recipient) => {
    const key = `${event}|${channel}|${recipient}`;
    if (!routeKeys.has(key)) return "—";
    return (
      <Checkbox
        key={key}
        label={`${n.events[event]} — ${n.channels[channel]} — ${n.recipients[recipient]}`}
        labelHidden
        checked={on.has(key)}
        onChange={(checked) =>
          setOn((prev) => {
            const next = new Set(prev);
            if (checked) next.add(key);
            else next.delete(key);
            return next;
          })
        }
      />
    );
  };

  // One table per channel, its columns the recipients that channel reaches and its rows the events it can tell
  // them about: a single events × (channel × recipient) table is too wide for the card and hid its last columns.
  const tables = CHANNELS.map((channel) => {
    const recipients = RECIPIENTS.filter((r) => NOTIFICATION_EVENTS.some((e) => exists(e, channel, r)));
    const events = NOTIFICATION_EVENTS.filter((e) => recipients.some((r) => exists(e, channel, r)));
    return { channel, recipients, events };
  }).filter((table) => table.events.length > 0);

  return (
    <SectionCard title={n.switchesTitle}>
      {tables.map(({ channel, recipients, events }) => (
        <BlockStack gap="200" key={channel}>
          <Text as="h3" variant="headingSm">
            {n.channels[channel]}
          </Text>
          <DataTable
            columnContentTypes={["text", ...recipients.map(() => "text" as const)]}
            headings={[n.event, ...recipients.map((r) => n.recipients[r])]}
            rows={events.map((e) => [n.events[e], ...recipients.map((r) => checkbox(e, channel, r))])}
          />
        </BlockStack>
      ))}
      <InlineStack align="end">
        <Button
          variant="primary"
          loading={switches.state !== "idle"}
          disabled={switches.state !== "idle"}
          onClick={() => {
            const form = new FormData();
            form.set("intent", "switches");
            on.forEach((k) => form.append("on", k));
            switches.submit(form, { method: "post" });
          }}
        >
          {t.common.save}
        </Button>
      </InlineStack>
    </SectionCard>
  );
}
