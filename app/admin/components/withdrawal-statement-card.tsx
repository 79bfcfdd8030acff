import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { adminMessages, fill } from "~/admin/i18n";
import type { WithdrawalStatementView } from "~/admin/presenters/withdrawals";
import type { Locale } from "~/domain/types";
import { SectionCard } from "./section-card";

/** A withdrawal's statement as the customer submitted it, its acknowledgement, what followed and the refund deadline. */
export function WithdrawalStatementCard({
  statement: s,
  locale,
}: {
  statement: WithdrawalStatementView;
  locale: Locale;
}) {
  const w = adminMessages(locale).withdrawals;
  const st = w.statement;
  return (
    <SectionCard title={st.title}>
      <dl style={TERMS}>
        <Field label={st.name}>{s.name}</Field>
        <Field label={st.order}>{s.orderName}</Field>
        <Field label={st.items}>
          <BlockStack gap="050">
            {s.items.map((item, i) => (
              <Text as="span" key={i}>
                {item}
              </Text>
            ))}
          </BlockStack>
        </Field>
        <Field label={st.submitted}>{s.submitted}</Field>
        {s.source ? <Field label={st.source}>{s.source}</Field> : null}
        <Field label={st.acknowledgeBy}>
          <InlineStack gap="100">
            {s.acknowledgement.map((a) => (
              <Badge key={a.channel} tone={a.tone}>
                {fill(w.ackLine, { channel: a.channel, state: a.label })}
              </Badge>
            ))}
          </InlineStack>
        </Field>
        <Field label={st.outcome}>
          <Badge tone={s.outcome.tone}>{s.outcome.label}</Badge>
        </Field>
        {s.returnId ? <Field label={st.returnId}>{s.returnId}</Field> : null}
        <Field label={st.reimburseBy}>
          <InlineStack gap="200" blockAlign="center">
            {s.reimbursement.state === "REFUNDED" ? null : <Text as="span">{s.reimbursement.due ?? "—"}</Text>}
            {s.reimbursement.label ? <Badge tone={s.reimbursement.tone}>{s.reimbursement.label}</Badge> : null}
          </InlineStack>
        </Field>
      </dl>
      <Text as="p" tone="subdued">
        {st.legal}
      </Text>
    </SectionCard>
  );
}

// terms and values side by side: a description list, so a screen reader reads them as pairs
const TERMS = {
  display: "grid",
  gridTemplateColumns: "minmax(10rem, max-content) 1fr",
  gap: "var(--p-space-200) var(--p-space-400)",
  margin: 0,
} as const;

/** One term of the statement and its value. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>
        <Text as="span" fontWeight="semibold">
          {label}
        </Text>
      </dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}
