import { Link, useSearchParams } from "@remix-run/react";
import { BlockStack, EmptyState, IndexTable, Text, type IndexTableProps } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { InboxView } from "~/admin/presenters/inbox";
import { StatusBadge } from "./status-badge";
import { EMPTY_STATE_IMAGE } from "./empty-state-image";

/** The inbox's requests, selectable for a bulk decision, a page at a time (cursors in the URL). */
export function InboxTable({
  data,
  loading,
  selectedResources,
  allResourcesSelected,
  onSelectionChange,
  submitting,
  onBulk,
}: {
  data: InboxView;
  loading: boolean;
  selectedResources: string[];
  allResourcesSelected: boolean;
  onSelectionChange: IndexTableProps["onSelectionChange"];
  submitting: boolean;
  onBulk: (intent: "approve" | "reject") => void;
}) {
  const locale = data.locale;
  const t = adminMessages(locale);
  const [params, setParams] = useSearchParams();
  const rows = data.rows;
  const filtered = Boolean(
    data.query.q || data.query.kind || data.query.status.length || data.query.from || data.query.to,
  );

  const emptyState = (
    <EmptyState heading={t.inbox.emptyTitle} image={EMPTY_STATE_IMAGE}>
      <p>
        {filtered
          ? t.inbox.emptyFiltered
          : data.query.tab === "NEEDS_ACTION"
            ? t.inbox.emptyNeedsAction
            : t.inbox.emptyOther}
      </p>
    </EmptyState>
  );

  return (
    <IndexTable
      resourceName={t.inbox.resourceName}
      itemCount={rows.length}
      selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
      onSelectionChange={onSelectionChange}
      loading={loading}
      emptyState={emptyState}
      promotedBulkActions={[
        { content: t.inbox.bulkApprove, onAction: () => onBulk("approve"), disabled: submitting },
        { content: t.inbox.bulkReject, onAction: () => onBulk("reject"), disabled: submitting },
      ]}
      headings={[
        { title: t.inbox.columns.order },
        { title: t.inbox.columns.customer },
        { title: t.inbox.columns.kind },
        { title: t.inbox.columns.status },
        { title: t.inbox.columns.summary },
        { title: data.query.sort.startsWith("updated") ? t.inbox.columns.updated : t.inbox.columns.created },
      ]}
      pagination={{
        hasNext: Boolean(data.next),
        hasPrevious: Boolean(data.previous),
        accessibilityLabel: t.inbox.pagination,
        onNext: () => {
          const next = new URLSearchParams(params);
          next.delete("before");
          next.set("after", data.next!);
          setParams(next);
        },
        onPrevious: () => {
          const next = new URLSearchParams(params);
          next.delete("after");
          next.set("before", data.previous!);
          setParams(next);
        },
      }}
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)}>
          <IndexTable.Cell>
            <Link
              to={`/app/requests/${row.id}`}
              data-primary-link
              aria-label={`${row.orderName} — ${t.kinds[row.kind]}`}
            >
              <Text as="span" fontWeight="semibold">
                {row.orderName}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <BlockStack>
              <Text as="span">{row.customerName}</Text>
              <Text as="span" tone="subdued" variant="bodySm">
                {row.customerEmail ?? ""}
              </Text>
            </BlockStack>
          </IndexTable.Cell>
          <IndexTable.Cell>{t.kinds[row.kind]}</IndexTable.Cell>
          <IndexTable.Cell>
            <StatusBadge status={row.status} locale={locale} />
          </IndexTable.Cell>
          <IndexTable.Cell>{row.summary}</IndexTable.Cell>
          <IndexTable.Cell>{data.query.sort.startsWith("updated") ? row.updated : row.created}</IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
