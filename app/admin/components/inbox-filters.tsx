import { BlockStack, ChoiceList, IndexFilters, type IndexFiltersProps, type TabProps } from "@shopify/polaris";
import { useRef, useState } from "react";
import { INBOX_TAB_NAMES } from "~/admin/constants";
import { adminMessages, fill } from "~/admin/i18n";
import type { InboxView } from "~/admin/presenters/inbox";
import { REQUEST_KINDS, REQUEST_STATUSES } from "~/domain/types";
import { DateField } from "./date-field";

/** The inbox's tabs, search, sort and filters; every change goes to the URL through `update`. */
export function InboxFilters({
  data,
  update,
  loading,
  mode,
  setMode,
}: {
  data: InboxView;
  update: (changes: Record<string, string | string[] | null>) => void;
  loading: boolean;
  mode: IndexFiltersProps["mode"];
  setMode: IndexFiltersProps["setMode"];
}) {
  const t = adminMessages(data.locale);
  const [query, setQuery] = useState(data.query.q ?? "");
  const searchTimer = useRef<ReturnType<typeof setTimeout>>();

  const tabIndex = Math.max(0, INBOX_TAB_NAMES.indexOf(data.query.tab));
  const tabs: TabProps[] = INBOX_TAB_NAMES.map((name, i) => ({
    id: `tab-${name}`,
    content: t.inbox.tabs[name],
    badge:
      name === "NEEDS_ACTION" && data.needsAction > 0
        ? data.needsAction >= 1000
          ? fill(t.inbox.moreThan, { count: "999" })
          : String(data.needsAction)
        : undefined,
    index: i,
    onAction: () => update({ tab: name, status: null }),
    isLocked: true,
  }));

  const sortOptions: IndexFiltersProps["sortOptions"] = [
    { label: t.inbox.columns.created, value: "created desc", directionLabel: t.inbox.sort.created_desc },
    { label: t.inbox.columns.created, value: "created asc", directionLabel: t.inbox.sort.created_asc },
    { label: t.inbox.columns.updated, value: "updated desc", directionLabel: t.inbox.sort.updated_desc },
    { label: t.inbox.columns.updated, value: "updated asc", directionLabel: t.inbox.sort.updated_asc },
  ];

  const filters = [
    {
      key: "kind",
      label: t.inbox.filters.kind,
      shortcut: true,
      filter: (
        <ChoiceList
          title={t.inbox.filters.kind}
          titleHidden
          choices={REQUEST_KINDS.map((k) => ({ label: t.kinds[k], value: k }))}
          selected={data.query.kind ? [data.query.kind] : []}
          onChange={(v) => update({ kind: v[0] ?? null })}
        />
      ),
    },
    {
      key: "status",
      label: t.inbox.filters.status,
      shortcut: true,
      filter: (
        <ChoiceList
          title={t.inbox.filters.status}
          titleHidden
          allowMultiple
          choices={REQUEST_STATUSES.map((s) => ({ label: t.statuses[s], value: s }))}
          selected={data.query.status}
          onChange={(v) => update({ status: v })}
        />
      ),
    },
    {
      key: "date",
      label: `${t.inbox.filters.from} / ${t.inbox.filters.to}`,
      filter: (
        <BlockStack gap="200">
          <DateField
            label={t.inbox.filters.from}
            value={data.query.from}
            onChange={(v) => update({ from: v || null })}
          />
          <DateField label={t.inbox.filters.to} value={data.query.to} onChange={(v) => update({ to: v || null })} />
        </BlockStack>
      ),
    },
  ];
  const appliedFilters = [
    ...(data.query.kind
      ? [{ key: "kind", label: t.kinds[data.query.kind], onRemove: () => update({ kind: null }) }]
      : []),
    ...(data.query.status.length
      ? [
          {
            key: "status",
            label: data.query.status.map((s) => t.statuses[s]).join(", "),
            onRemove: () => update({ status: null }),
          },
        ]
      : []),
    ...(data.query.from || data.query.to
      ? [
          {
            key: "date",
            label: `${data.query.from ?? "…"} → ${data.query.to ?? "…"}`,
            onRemove: () => update({ from: null, to: null }),
          },
        ]
      : []),
  ];

  return (
    <IndexFilters
      tabs={tabs}
      selected={tabIndex}
      onSelect={() => undefined}
      canCreateNewView={false}
      queryValue={query}
      queryPlaceholder={t.inbox.searchPlaceholder}
      onQueryChange={(value) => {
        setQuery(value);
        clearTimeout(searchTimer.current);
        searchTimer.current = setTimeout(() => update({ q: value.trim() || null }), 300);
      }}
      onQueryClear={() => {
        setQuery("");
        update({ q: null });
      }}
      sortOptions={sortOptions}
      sortSelected={[data.query.sort.replace("_", " ")]}
      onSort={(value) => update({ sort: value[0]?.replace(" ", "_") ?? null })}
      filters={filters}
      appliedFilters={appliedFilters}
      onClearAll={() => update({ kind: null, status: null, from: null, to: null, q: null })}
      mode={mode}
      setMode={setMode}
      loading={loading}
      cancelAction={{ onAction: () => undefined, disabled: false, loading: false }}
    />
  );
}
