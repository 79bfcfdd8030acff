import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Card,
  ChoiceList,
  EmptyState,
  IndexFilters,
  IndexTable,
  InlineStack,
  Modal,
  Page,
  Text,
  TextField,
  useIndexResourceState,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
  type TabProps,
} from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/admin/auth.server";
import { readForm } from "~/admin/form.server";
import { toAdminError } from "~/admin/errors.server";
import { adminMessages, fill, formatDateTime } from "~/admin/i18n";
import { adminLocale } from "~/admin/locale.server";
import { AdminErrorPage, StatusBadge, useToast } from "~/admin/ui";
import { prisma } from "~/db.server";
import { countryName, messagesFor } from "~/domain/messages";
import { REQUEST_KINDS, REQUEST_STATUSES, type Locale } from "~/domain/types";
import { adminServices } from "~/services/admin-context.server";
import { INBOX_TAB_NAMES } from "~/admin/constants";
import { listRequests, parseInboxQuery, type InboxRow } from "~/services/admin-inbox.server";
import { decideMany } from "~/services/admin-requests.server";

function summaryOf(row: InboxRow, locale: Locale): string {
  const t = adminMessages(locale);
  try {
    const payload = JSON.parse(row.payload) as { reason?: string; address?: { city?: string; countryCode?: string } };
    if (row.kind === "ADDRESS_CHANGE" && payload.address)
      return fill(t.inbox.addressTo, {
        city: payload.address.city ?? "",
        country: countryName(payload.address.countryCode ?? "", locale),
      });
    if (payload.reason) return adminReasonLabel(payload.reason, locale);
  } catch {
    // an unreadable payload shows no summary; the detail page shows what there is
  }
  return "";
}

function adminReasonLabel(reason: string, locale: Locale): string {
  const m = adminMessages(locale);
  return (m.storeReasons as Record<string, string>)[reason] ?? reasonLabels[locale][reason] ?? reason;
}

const reasonLabels: Record<Locale, Record<string, string>> = {
  en: messagesFor("en").customerReasons,
  fr: messagesFor("fr").customerReasons,
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const page = await listRequests(prisma, admin.shop, query);
  return {
    locale,
    query,
    needsAction: page.needsAction,
    truncated: Boolean(page.truncated),
    next: page.next,
    previous: page.previous,
    rows: page.rows.map((r) => ({
      id: r.id,
      orderName: r.orderName,
      customerName: r.customerName,
      customerEmail: r.customerEmail,
      kind: r.kind,
      status: r.status,
      summary: summaryOf(r, locale),
      created: formatDateTime(r.createdAt, locale),
      updated: formatDateTime(r.updatedAt, locale),
    })),
  };
};

const BulkSchema = z.object({
  intent: z.enum(["approve", "reject"]),
  ids: z.array(z.string().min(1).max(64)).min(1).max(250),
  note: z.string().max(2000).optional(),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const parsed = BulkSchema.safeParse({
    intent: form.get("intent"),
    ids: form.getAll("ids"),
    note: form.get("note") ?? undefined,
  });
  if (!parsed.success) return Response.json({ ok: false, error: { code: "INVALID_INPUT" } }, { status: 400 });
  const deps = await adminServices(admin);
  const result = await decideMany(deps, { ids: parsed.data.ids, action: parsed.data.intent, note: parsed.data.note });
  return {
    ok: result.failed.length === 0,
    intent: parsed.data.intent,
    done: result.done.length,
    failed: result.failed.map((f) => ({
      id: f.id,
      orderName: f.orderName,
      code: toAdminError(f.error, { requestId: f.id }).code,
    })),
  };
};

export default function Inbox() {
  const data = useLoaderData<typeof loader>();
  const locale = data.locale as Locale;
  const t = adminMessages(locale);
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  const location = useLocation();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const { mode, setMode } = useSetIndexFiltersMode();
  const toast = useToast();
  const bulk = useFetcher<typeof action>();
  const [bulkIntent, setBulkIntent] = useState<"approve" | "reject" | null>(null);
  const [bulkNote, setBulkNote] = useState("");
  const [query, setQuery] = useState(data.query.q ?? "");
  const searchTimer = useRef<ReturnType<typeof setTimeout>>();

  const rows = data.rows;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(rows);

  /** Changes search params and goes back to the first page (cursors belong to one query). */
  const update = (changes: Record<string, string | string[] | null>) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      if (Array.isArray(value)) value.forEach((v) => next.append(key, v));
      else if (value) next.set(key, value);
    }
    setParams(next);
  };

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
          <TextField
            label={t.inbox.filters.from}
            type="date"
            autoComplete="off"
            value={data.query.from ?? ""}
            onChange={(v) => update({ from: v || null })}
          />
          <TextField
            label={t.inbox.filters.to}
            type="date"
            autoComplete="off"
            value={data.query.to ?? ""}
            onChange={(v) => update({ to: v || null })}
          />
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

  useEffect(() => {
    if (bulk.state !== "idle" || !bulk.data) return;
    const d = bulk.data as { ok: boolean; done?: number; failed?: { orderName: string | null; code: string }[] };
    const failed = d.failed ?? [];
    toast.show(fill(t.inbox.bulkDone, { done: String(d.done ?? 0), failed: String(failed.length) }), failed.length > 0);
    setBulkIntent(null);
    setBulkNote("");
    clearSelection();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bulk.state, bulk.data]);

  const bulkFailures =
    (bulk.data as { failed?: { id: string; orderName: string | null; code: string }[] } | undefined)?.failed ?? [];
  const submitting = bulk.state !== "idle";
  const filtered = Boolean(
    data.query.q || data.query.kind || data.query.status.length || data.query.from || data.query.to,
  );

  const emptyState = (
    <EmptyState heading={t.inbox.emptyTitle} image="">
      <p>
        {filtered
          ? t.inbox.emptyFiltered
          : data.query.tab === "NEEDS_ACTION"
            ? t.inbox.emptyNeedsAction
            : t.inbox.emptyTitle}
      </p>
    </EmptyState>
  );

  return (
    <Page title={t.inbox.title} fullWidth>
      <BlockStack gap="400">
        {toast.banner}
        {data.truncated ? (
          <Banner tone="info">
            <p>{t.inbox.truncated}</p>
          </Banner>
        ) : null}
        {bulkFailures.length > 0 ? (
          <Banner
            tone="warning"
            title={fill(t.inbox.bulkDone, { done: "", failed: String(bulkFailures.length) }).trim()}
          >
            <ul>
              {bulkFailures.map((f) => (
                <li key={f.id}>
                  {fill(t.inbox.bulkFailedDetail, {
                    order: f.orderName ?? f.id,
                    error: t.errors[f.code] ?? t.errors.INTERNAL,
                  })}
                </li>
              ))}
            </ul>
          </Banner>
        ) : null}
        <Card padding="0">
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
          <IndexTable
            resourceName={t.inbox.resourceName}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            loading={loading}
            emptyState={emptyState}
            promotedBulkActions={[
              { content: t.inbox.bulkApprove, onAction: () => setBulkIntent("approve"), disabled: submitting },
              { content: t.inbox.bulkReject, onAction: () => setBulkIntent("reject"), disabled: submitting },
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
                    aria-label={`${row.orderName} — ${t.kinds[row.kind as "CANCELLATION"]}`}
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
                <IndexTable.Cell>{t.kinds[row.kind as "CANCELLATION"] ?? row.kind}</IndexTable.Cell>
                <IndexTable.Cell>
                  <StatusBadge status={row.status} locale={locale} />
                </IndexTable.Cell>
                <IndexTable.Cell>{row.summary}</IndexTable.Cell>
                <IndexTable.Cell>{data.query.sort.startsWith("updated") ? row.updated : row.created}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
      <Modal
        open={bulkIntent !== null}
        onClose={() => setBulkIntent(null)}
        title={bulkIntent === "reject" ? t.inbox.bulkReject : t.inbox.bulkApprove}
        primaryAction={{
          content: fill(bulkIntent === "reject" ? t.inbox.bulkConfirmReject : t.inbox.bulkConfirmApprove, {
            count: String(selectedResources.length),
          }),
          destructive: bulkIntent === "reject",
          loading: submitting,
          disabled: submitting,
          onAction: () => {
            const form = new FormData();
            form.set("intent", bulkIntent!);
            form.set("note", bulkNote);
            selectedResources.forEach((id) => form.append("ids", id));
            bulk.submit(form, { method: "post" });
          },
        }}
        secondaryActions={[{ content: t.common.cancel, onAction: () => setBulkIntent(null), disabled: submitting }]}
      >
        <Modal.Section>
          <InlineStack>
            <div style={{ width: "100%" }}>
              <TextField
                label={t.inbox.bulkNoteLabel}
                value={bulkNote}
                onChange={setBulkNote}
                multiline={3}
                autoComplete="off"
                maxLength={2000}
              />
            </div>
          </InlineStack>
        </Modal.Section>
      </Modal>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
