import { Badge, BlockStack, Card, EmptyState, IndexTable, Text } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { DeliveryLogView } from "~/admin/presenters/delivery-log";
import { ResendForm } from "./resend-form";
import { EMPTY_STATE_IMAGE } from "./empty-state-image";

const tone = (s: string) =>
  s === "SENT" ? "success" : s === "FAILED" ? "critical" : s === "SENDING" ? "info" : undefined;

/** Each message sent: when, what, to whom, its status and every attempt's answer, with a resend form. */
export function DeliveryLogTable({
  data,
  hasPrevious,
  update,
}: {
  data: DeliveryLogView;
  hasPrevious: boolean;
  update: (key: string, value: string) => void;
}) {
  const n = adminMessages(data.locale).notifications;
  const filtered = Boolean(data.query.status || data.query.channel || data.query.from || data.query.to);
  return (
    <Card padding="0">
      <IndexTable
        resourceName={{ singular: "message", plural: "messages" }}
        itemCount={data.rows.length}
        selectable={false}
        emptyState={
          <EmptyState heading={n.logEmptyTitle} image={EMPTY_STATE_IMAGE}>
            <p>{filtered ? n.logEmptyFiltered : n.logEmpty}</p>
          </EmptyState>
        }
        headings={[
          { title: n.logColumns.date },
          { title: n.logColumns.event },
          { title: n.logColumns.to },
          { title: n.logColumns.status },
          { title: n.logColumns.answer },
          { title: n.resendTo },
        ]}
        pagination={{
          hasNext: Boolean(data.next),
          hasPrevious,
          onNext: () => update("before", data.next ?? ""),
          onPrevious: () => update("before", ""),
        }}
      >
        {data.rows.map((m, i) => (
          <IndexTable.Row id={m.id} key={m.id} position={i}>
            <IndexTable.Cell>{m.created}</IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack>
                <Text as="span">{n.events[m.event as "INFO_REQUESTED"] ?? n.otherEvents[m.event] ?? m.event}</Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  {n.channels[m.channel] ?? m.channel}
                  {m.subject ? ` · ${m.subject}` : ""}
                </Text>
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>{m.recipient}</IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone={tone(m.status)}>{n.logStatuses[m.status] ?? m.status}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack gap="050">
                {m.attempts.length === 0 && m.lastError ? <Text as="span">{m.lastError}</Text> : null}
                {m.attempts.map((a, j) => (
                  <Text as="span" key={j} variant="bodySm" tone={a.ok ? undefined : "critical"}>
                    {a.at}: {a.response}
                  </Text>
                ))}
                {m.attempts.length > 0 ? (
                  <Text as="span" variant="bodySm" tone="subdued">
                    {n.attempts}: {m.attempts.length}
                  </Text>
                ) : null}
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {/* a Flow trigger has no address to send it to again */}
              {m.channel === "FLOW" ? null : (
                <ResendForm id={m.id} label={n.resendTo} button={n.resend} invalid={n.testInvalid} />
              )}
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
