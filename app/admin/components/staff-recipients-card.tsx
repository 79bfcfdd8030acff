import { Box, Button, Card, InlineStack } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import { NOTIFICATION_EVENTS } from "~/notifications/events";
import { ControlledField } from "./controlled-field";
import type { NotificationCardProps } from "./notifications-page";
import { Section } from "./section-card";
import { ErrorBanner } from "./error-banner";

/** Who on the staff hears about each event that notifies staff: emails and phones. */
export function StaffRecipientsCard({ data, fetcher: staff }: NotificationCardProps) {
  const t = adminMessages(data.locale);
  const n = t.notifications;
  return (
    <Card>
      <staff.Form method="post">
        <input type="hidden" name="intent" value="staff" />
        <Section title={n.staffTitle} help={n.staffHelp}>
          <ErrorBanner
            message={staff.data?.invalid ? fill(n.invalidAddresses, { list: staff.data.invalid.join(", ") }) : null}
          />
          {NOTIFICATION_EVENTS.filter((e) => data.routes.some((r) => r.event === e && r.recipient === "STAFF")).map(
            (e) => (
              <InlineStack key={e} gap="300" wrap={false} blockAlign="start">
                {(["emails", "phones"] as const).map((kind) => (
                  <Box key={kind} width="50%">
                    <ControlledField
                      label={`${n.events[e]} — ${kind === "emails" ? n.staffEmails : n.staffPhones}`}
                      name={`${kind}:${e}`}
                      initial={(data.staff[e]?.[kind] ?? []).join("\n")}
                    />
                  </Box>
                ))}
              </InlineStack>
            ),
          )}
          <InlineStack align="end">
            <Button submit variant="primary" loading={staff.state !== "idle"} disabled={staff.state !== "idle"}>
              {t.common.save}
            </Button>
          </InlineStack>
        </Section>
      </staff.Form>
    </Card>
  );
}
