import { useFetcher, type FetcherWithComponents } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { adminMessages, fill } from "~/admin/i18n";
import type { RequestDetailView } from "~/admin/presenters/request-detail";
import type { RequestActionResult } from "~/admin/request-forms";
import type { Locale } from "~/domain/types";
import { RequestAskedCard } from "./request-asked-card";
import { RequestDecisionCard } from "./request-decision-card";
import { RequestDeliveryBanner } from "./request-delivery-card";
import { RequestOrderCard } from "./request-order-card";
import { RequestRulesCard } from "./request-rules-card";
import { RequestTimelineCard } from "./request-timeline-card";
import { StatusBadge } from "./status-badge";
import { StoreCancelCard } from "./store-cancel-card";
import { useToast } from "./use-toast";
import { WithdrawalStatementCard } from "./withdrawal-statement-card";
import { ErrorBanner } from "./error-banner";

/** What each card that posts a staff action gets: its fetcher, whether any action runs, its error, the language. */
export interface RequestActionCardProps {
  fetcher: FetcherWithComponents<RequestActionResult>;
  busy: boolean;
  error: string | null;
  locale: Locale;
}

/** One request: what was asked, the rules, the history and the order, with the decision and store cancel. */
export function RequestDetailPage({ data }: { data: RequestDetailView }) {
  const locale = data.locale;
  const t = adminMessages(locale);
  const d = t.detail;
  const r = data.request;
  const decision = useFetcher<RequestActionResult>();
  const cancel = useFetcher<RequestActionResult>();
  const toast = useToast();
  const [note, setNote] = useState("");
  const busy = decision.state !== "idle" || cancel.state !== "idle";

  useEffect(() => {
    const result = decision.data;
    if (decision.state !== "idle" || !result) return;
    if (result.ok) {
      const message =
        { approve: d.approved, reject: d.rejected, requestInfo: d.infoRequested, retry: d.retried }[result.intent] ??
        t.common.saved;
      toast.show(message);
      setNote("");
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [decision.state, decision.data]);
  useEffect(() => {
    const result = cancel.data;
    if (cancel.state !== "idle" || !result?.ok) return;
    toast.show(result.scope === "ITEMS" ? d.itemsCancelled : d.storeCancelled);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cancel.state, cancel.data]);

  const errorText = (result: RequestActionResult | undefined) => {
    if (!result || result.ok || !result.error) return null;
    if (result.error.code === "CHOOSE_ITEMS") return d.chooseItems;
    return fill(t.errors[result.error.code] ?? t.errors.INTERNAL, { message: result.error.message ?? "" });
  };

  return (
    <Page
      backAction={
        data.withdrawal
          ? { content: t.nav.withdrawals, url: "/app/withdrawals" }
          : { content: t.nav.requests, url: "/app/requests" }
      }
      title={fill(d.title, { order: r.orderName })}
      titleMetadata={<StatusBadge status={r.status} locale={locale} />}
      subtitle={`${t.kinds[r.kind]} · ${r.created}`}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {toast.banner}
            <ErrorBanner
              message={
                r.status === "FAILED" && r.failureMessage ? fill(d.failure, { message: r.failureMessage }) : null
              }
            />
            <RequestDeliveryBanner undelivered={data.undelivered} locale={locale} />
            {data.withdrawal ? (
              <WithdrawalStatementCard statement={data.withdrawal} locale={locale} />
            ) : (
              <RequestAskedCard request={r} locale={locale} />
            )}
            {/* a withdrawal is not decided by rules: the card only when some were recorded */}
            {data.withdrawal && data.evaluation.length === 0 ? null : (
              <RequestRulesCard evaluation={data.evaluation} locale={locale} />
            )}
            <RequestTimelineCard events={data.events} messages={data.messages} locale={locale} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <RequestOrderCard data={data} locale={locale} />
            <RequestDecisionCard
              status={r.status}
              actions={data.actions}
              note={note}
              setNote={setNote}
              fetcher={decision}
              busy={busy}
              error={errorText(decision.data)}
              locale={locale}
            />
            <StoreCancelCard
              order={data.order}
              actionKey={data.actionKey}
              fetcher={cancel}
              busy={busy}
              error={errorText(cancel.data)}
              locale={locale}
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
