import { Box, Divider, Text } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { RequestDetailView } from "~/admin/presenters/request-detail";
import type { Locale } from "~/domain/types";
import { SectionCard } from "./section-card";

/** The request's history (each status and who moved it) and the messages exchanged with the customer. */
export function RequestTimelineCard({
  events,
  messages,
  locale,
}: {
  events: RequestDetailView["events"];
  messages: RequestDetailView["messages"];
  locale: Locale;
}) {
  const t = adminMessages(locale);
  const d = t.detail;
  return (
    <SectionCard title={d.timeline}>
      <ol style={{ margin: 0, paddingLeft: 20 }}>
        {events.map((e) => (
          <li key={e.id}>
            <Text as="p">
              <Text as="span" fontWeight="semibold">
                {t.statuses[e.to]}
              </Text>{" "}
              {e.from ? `(${fill(d.from, { from: t.statuses[e.from] })}) ` : ""}— {t.actors[e.actor]} · {e.at}
            </Text>
            {e.message ? (
              <Text as="p" tone="subdued">
                {e.message}
              </Text>
            ) : null}
          </li>
        ))}
      </ol>
      <Divider />
      <Text as="h3" variant="headingSm">
        {d.messages}
      </Text>
      {messages.length === 0 ? (
        <Text as="p" tone="subdued">
          {d.noMessages}
        </Text>
      ) : (
        messages.map((m) => (
          <Box
            key={m.id}
            padding="200"
            background={m.author === "STAFF" ? "bg-surface-secondary" : "bg-surface"}
            borderRadius="200"
          >
            <Text as="p" variant="bodySm" tone="subdued">
              {t.actors[m.author]} · {m.at}
            </Text>
            <Text as="p">{m.body}</Text>
          </Box>
        ))
      )}
    </SectionCard>
  );
}
