import { BlockStack, Box, Button, Card, DataTable, EmptyState, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { HomeView } from "~/admin/presenters/home";
import type { ReactNode } from "react";
import { REQUEST_KINDS, REQUEST_STATUSES } from "~/domain/types";
import { EMPTY_STATE_IMAGE } from "./empty-state-image";
import { HomeWithdrawalsCard } from "./home-withdrawals-card";
import { MetricCard } from "./metric-card";
import { SectionCard } from "./section-card";

/** Home: what needs action today, and the last 30 days by kind and outcome. */
export function HomePage({ data }: { data: HomeView }) {
  const t = adminMessages(data.locale);
  const h = t.home;
  const waiting = data.needsAction.PENDING + data.needsAction.NEEDS_INFO + data.needsAction.FAILED;
  const shownStatuses = REQUEST_STATUSES.filter((s) => REQUEST_KINDS.some((k) => data.byKindAndStatus[k][s]));
  const rows = REQUEST_KINDS.map((kind) => {
    const counts = data.byKindAndStatus[kind];
    const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    return [t.kinds[kind], ...shownStatuses.map((s) => counts[s] ?? 0), total];
  });
  const any = rows.some((r) => Number(r[r.length - 1]) > 0);
  /** A metric card's link to the inbox's requests in `status`, named after the card. */
  const requestsLink = (label: string, status: "PENDING" | "NEEDS_INFO" | "FAILED") => ({
    url: `/app/requests?tab=NEEDS_ACTION&status=${status}`,
    content: h.viewRequests,
    accessibilityLabel: fill(h.viewRequestsOf, { label }),
  });
  return (
    <Page title={h.title}>
      <Layout>
        <HomeSection title={h.needsAction}>
          <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
            <MetricCard label={h.pending} value={data.needsAction.PENDING} link={requestsLink(h.pending, "PENDING")} />
            <MetricCard
              label={h.needsInfo}
              value={data.needsAction.NEEDS_INFO}
              link={requestsLink(h.needsInfo, "NEEDS_INFO")}
            />
            <MetricCard label={h.failed} value={data.needsAction.FAILED} link={requestsLink(h.failed, "FAILED")} />
          </InlineGrid>
          <Card>
            <BlockStack gap="200">
              <Text as="p">
                {data.oldest
                  ? fill(h.oldestWaiting, { order: data.oldest.orderName, since: data.oldest.since })
                  : h.nothingWaiting}
              </Text>
              {waiting > 0 ? (
                <Box>
                  <Button variant="primary" url="/app/requests?tab=NEEDS_ACTION&sort=created_asc">
                    {h.openInbox}
                  </Button>
                </Box>
              ) : null}
            </BlockStack>
          </Card>
          {data.withdrawals.shown ? <HomeWithdrawalsCard data={data} /> : null}
        </HomeSection>
        <HomeSection title={h.last30}>
          <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
            <MetricCard label={h.addressApplied} value={data.addressChangesApplied} />
            <MetricCard label={h.saves} value={data.saves} help={h.savesHelp} />
            <MetricCard label={h.medianDecision} value={data.median ?? h.noDecisions} />
          </InlineGrid>
          <SectionCard title={h.byKindOutcome} heading="h3" gap="200">
            {any ? (
              <DataTable
                columnContentTypes={["text", ...shownStatuses.map(() => "numeric" as const), "numeric"]}
                headings={[h.kind, ...shownStatuses.map((s) => t.statuses[s]), h.total]}
                rows={rows}
              />
            ) : (
              <EmptyState heading={t.inbox.emptyTitle} image={EMPTY_STATE_IMAGE}>
                <p>{h.noRequests}</p>
              </EmptyState>
            )}
          </SectionCard>
        </HomeSection>
      </Layout>
    </Page>
  );
}

/** One of the home page's two parts: a large heading over its figures. */
function HomeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Layout.Section>
      <BlockStack gap="400">
        <Text as="h2" variant="headingLg">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Layout.Section>
  );
}
