import { Banner, BlockStack, Button, Text } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { RequestDetailView } from "~/admin/presenters/request-detail";
import type { Locale } from "~/domain/types";

/**
 * Messages to the customer about this request that did not arrive: what was refused, where, and the server's answer;
 * the customer gives another address on their order page, or staff resend from the delivery log.
 */
export function RequestDeliveryBanner({
  undelivered,
  locale,
}: {
  undelivered: RequestDetailView["undelivered"];
  locale: Locale;
}) {
  if (undelivered.length === 0) return null;
  const t = adminMessages(locale);
  const d = t.detail.delivery;
  return (
    <Banner tone={undelivered.some((u) => !u.retrying) ? "critical" : "warning"} title={d.title}>
      <BlockStack gap="200">
        {undelivered.map((u) => (
          <Text as="p" key={u.id}>
            {fill(u.retrying ? d.retrying : d.failed, {
              event: t.notifications.events[u.event as "INFO_REQUESTED"] ?? u.event,
              channel: t.notifications.channels[u.channel] ?? u.channel,
              address: u.address,
              at: u.at,
              answer: u.answer ?? "",
            })}
          </Text>
        ))}
        <Text as="p">{d.help}</Text>
        <div>
          <Button url="/app/notifications/log?status=FAILED">{d.openLog}</Button>
        </div>
      </BlockStack>
    </Banner>
  );
}
