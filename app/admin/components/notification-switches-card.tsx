import { Button, Checkbox, DataTable, InlineStack } from "@shopify/polaris";
import { useState } from "react";
import { adminMessages } from "~/admin/i18n";
import { CHANNELS, NOTIFICATION_EVENTS, RECIPIENTS, type NotificationEvent } from "~/notifications/events";
import type { NotificationCardProps } from "./notifications-page";
import { SectionCard } from "./section-card";

/** One switch per notification that exists (event × channel × recipient), saved together. */
export function NotificationSwitchesCard({ data, fetcher: switches }: NotificationCardProps) {
  const t = adminMessages(data.locale);
  const routes = data.routes;
  const n = t.notifications;
  const [on, setOn] = useState(
    () => new Set(routes.filter((r) => r.enabled).map((r) => `${r.event}|${r.channel}|${r.recipient}`)),
  );

  const cells = (event: NotificationEvent) =>
    CHANNELS.flatMap((channel) =>
      RECIPIENTS.map((recipient) => {
        const key = `${event}|${channel}|${recipient}`;
        const exists = routes.some((r) => `${r.event}|${r.channel}|${r.recipient}` === key);
        if (!exists) return "—";
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
      }),
    );

  return (
    <SectionCard title={n.switchesTitle}>
      <DataTable
        columnContentTypes={["text", ...CHANNELS.flatMap(() => RECIPIENTS.map(() => "text" as const))]}
        headings={[n.event, ...CHANNELS.flatMap((c) => RECIPIENTS.map((r) => `${n.channels[c]} · ${n.recipients[r]}`))]}
        rows={NOTIFICATION_EVENTS.map((e) => [n.events[e], ...cells(e)])}
      />
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
