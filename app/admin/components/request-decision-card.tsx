import { Button, InlineStack, Select, Text } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { RequestStatus } from "~/domain/types";
import { SectionCard } from "./section-card";
import { StaffNoteField } from "./staff-note-field";
import { ErrorBanner } from "./error-banner";
import type { RequestActionCardProps } from "./request-detail-page";

/** The staff decision: a note (from a saved reply or typed) and one button per action the status allows. */
export function RequestDecisionCard({
  status,
  actions,
  note,
  setNote,
  fetcher: decision,
  busy,
  error,
  locale,
}: RequestActionCardProps & {
  status: RequestStatus;
  actions: string[];
  note: string;
  setNote: (note: string) => void;
}) {
  const t = adminMessages(locale);
  const d = t.detail;
  const decide = (intent: string) => decision.submit({ intent, note }, { method: "post" });
  const can = (a: string) => actions.includes(a);
  const button = (intent: string) => ({
    onClick: () => decide(intent),
    disabled: busy,
    loading: decision.state !== "idle" && decision.formData?.get("intent") === intent,
  });
  return (
    <SectionCard title={d.decision}>
      <ErrorBanner message={error} />
      {actions.length === 0 ? (
        <Text as="p" tone="subdued">
          {fill(d.closed, { status: t.statuses[status] })}
        </Text>
      ) : (
        <>
          {can("approve") || can("reject") || can("requestInfo") ? (
            <>
              <Select
                label={d.savedReplies}
                placeholder={d.savedReplyPlaceholder}
                options={Object.entries(t.savedReplies).map(([id, s]) => ({ label: s.label, value: id }))}
                value=""
                onChange={(id) => setNote(t.savedReplies[id as keyof typeof t.savedReplies]?.text ?? note)}
              />
              <StaffNoteField
                label={d.decisionNote}
                helpText={d.decisionNoteHelp}
                value={note}
                onChange={setNote}
                rows={4}
                error={decision.data?.error?.code === "NOTE_REQUIRED" ? t.errors.NOTE_REQUIRED : undefined}
              />
            </>
          ) : null}
          <InlineStack gap="200" wrap>
            {can("approve") ? (
              <Button variant="primary" {...button("approve")}>
                {d.approve}
              </Button>
            ) : null}
            {can("reject") ? (
              <Button tone="critical" {...button("reject")}>
                {d.reject}
              </Button>
            ) : null}
            {can("requestInfo") ? <Button {...button("requestInfo")}>{d.requestInfo}</Button> : null}
            {can("retry") ? <Button {...button("retry")}>{d.retry}</Button> : null}
          </InlineStack>
        </>
      )}
    </SectionCard>
  );
}
