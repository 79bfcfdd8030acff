import { useFetcher, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, Page, useIndexResourceState, useSetIndexFiltersMode } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { adminMessages, fill } from "~/admin/i18n";
import type { InboxView } from "~/admin/presenters/inbox";
import type { BulkDecisionResult } from "~/admin/request-forms";
import { BulkDecisionModal } from "./bulk-decision-modal";
import { BulkFailuresBanner } from "./bulk-failures-banner";
import { InboxFilters } from "./inbox-filters";
import { InboxTable } from "./inbox-table";
import { useToast } from "./use-toast";

/** The merchant's requests: tabs, search and filters, a page of rows, and bulk approve or reject. */
export function InboxPage({ data }: { data: InboxView }) {
  const locale = data.locale;
  const t = adminMessages(locale);
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  const location = useLocation();
  const loading = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const { mode, setMode } = useSetIndexFiltersMode();
  const toast = useToast();
  const bulk = useFetcher<BulkDecisionResult>();
  const [bulkIntent, setBulkIntent] = useState<"approve" | "reject" | null>(null);
  const [bulkNote, setBulkNote] = useState("");

  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    data.rows,
  );

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

  useEffect(() => {
    if (bulk.state !== "idle" || !bulk.data) return;
    const d = bulk.data;
    const failed = d.failed ?? [];
    toast.show(fill(t.inbox.bulkDone, { done: String(d.done ?? 0), failed: String(failed.length) }), failed.length > 0);
    setBulkIntent(null);
    setBulkNote("");
    clearSelection();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bulk.state, bulk.data]);

  const submitting = bulk.state !== "idle";
  const confirmBulk = () => {
    const form = new FormData();
    form.set("intent", bulkIntent!);
    form.set("note", bulkNote);
    selectedResources.forEach((id) => form.append("ids", id));
    bulk.submit(form, { method: "post" });
  };

  return (
    <Page title={t.inbox.title} fullWidth>
      <BlockStack gap="400">
        {toast.banner}
        {data.truncated ? (
          <Banner tone="info">
            <p>{t.inbox.truncated}</p>
          </Banner>
        ) : null}
        <BulkFailuresBanner failures={bulk.data?.failed ?? []} locale={locale} />
        <Card padding="0">
          <InboxFilters data={data} update={update} loading={loading} mode={mode} setMode={setMode} />
          <InboxTable
            data={data}
            loading={loading}
            selectedResources={selectedResources}
            allResourcesSelected={allResourcesSelected}
            onSelectionChange={handleSelectionChange}
            submitting={submitting}
            onBulk={setBulkIntent}
          />
        </Card>
      </BlockStack>
      <BulkDecisionModal
        intent={bulkIntent}
        count={selectedResources.length}
        note={bulkNote}
        setNote={setBulkNote}
        submitting={submitting}
        onClose={() => setBulkIntent(null)}
        onConfirm={confirmBulk}
        locale={locale}
      />
    </Page>
  );
}
