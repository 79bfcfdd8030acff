import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, IndexTable, InlineStack, Text } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { WithdrawalsView } from "~/admin/presenters/withdrawals";
import { EMPTY_STATE_IMAGE } from "./empty-state-image";

/** The register's rows: order, customer, submission, items, outcome, reimbursement deadline and acknowledgement. */
export function WithdrawalsTable({
  data,
  loading,
  update,
}: {
  data: WithdrawalsView;
  loading: boolean;
  update: (changes: Record<string, string>) => void;
}) {
  const w = adminMessages(data.locale).withdrawals;
  const filtered = Boolean(data.query.from || data.query.to);
  return (
    <Card padding="0">
      <IndexTable
        resourceName={w.resourceName}
        itemCount={data.rows.length}
        selectable={false}
        loading={loading}
        emptyState={
          <EmptyState heading={w.emptyTitle} image={EMPTY_STATE_IMAGE}>
            <p>{filtered && data.any ? w.emptyFiltered : w.empty}</p>
          </EmptyState>
        }
        headings={[
          { title: w.columns.order },
          { title: w.columns.customer },
          { title: w.columns.submitted },
          { title: w.columns.items },
          { title: w.columns.outcome },
          { title: w.columns.reimburseBy },
          { title: w.columns.acknowledgement },
        ]}
        pagination={{
          accessibilityLabel: w.pagination,
          hasNext: Boolean(data.next),
          hasPrevious: Boolean(data.previous),
          onNext: () => update({ after: data.next ?? "" }),
          onPrevious: () => update({ before: data.previous ?? "" }),
        }}
      >
        {data.rows.map((row, i) => (
          <IndexTable.Row
            id={row.id}
            key={row.id}
            position={i}
            tone={row.reimbursement.state === "OVERDUE" ? "critical" : undefined}
          >
            <IndexTable.Cell>
              <Link to={row.url}>
                <Text as="span" fontWeight="semibold">
                  {row.orderName}
                </Text>
              </Link>
            </IndexTable.Cell>
            <IndexTable.Cell>{row.name}</IndexTable.Cell>
            <IndexTable.Cell>{row.submitted}</IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack gap="050">
                {row.items.map((item, j) => (
                  <Text as="span" key={j}>
                    {item}
                  </Text>
                ))}
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone={row.outcome.tone}>{row.outcome.label}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <BlockStack gap="050">
                {row.reimbursement.state === "REFUNDED" ? null : <Text as="span">{row.reimbursement.due ?? "—"}</Text>}
                {row.reimbursement.label ? (
                  <Badge tone={row.reimbursement.tone}>{row.reimbursement.label}</Badge>
                ) : null}
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <InlineStack gap="100">
                {row.acknowledgement.map((a) => (
                  <Badge key={a.channel} tone={a.tone}>
                    {fill(w.ackLine, { channel: a.channel, state: a.label })}
                  </Badge>
                ))}
              </InlineStack>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
