import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Button, Card, DataTable, EmptyState, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/admin/auth.server";
import { adminMessages, fill, formatDateTime, formatElapsed } from "~/admin/i18n";
import { adminLocale } from "~/admin/locale.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { prisma } from "~/db.server";
import { REQUEST_KINDS, REQUEST_STATUSES } from "~/domain/types";
import { homeStats } from "~/services/admin-home.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const stats = await homeStats(prisma, admin.shop, new Date());
  return {
    locale,
    needsAction: stats.needsAction,
    oldest: stats.oldestWaiting
      ? {
          id: stats.oldestWaiting.id,
          orderName: stats.oldestWaiting.orderName,
          since: formatDateTime(stats.oldestWaiting.createdAt, locale),
        }
      : null,
    byKindAndStatus: stats.last30.byKindAndStatus,
    addressChangesApplied: stats.last30.addressChangesApplied,
    median: stats.last30.medianDecisionMs === null ? null : formatElapsed(stats.last30.medianDecisionMs, locale),
  };
};

function Metric({ label, value, url }: { label: string; value: string | number; url?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        {url ? (
          <Button variant="plain" url={url} accessibilityLabel={label}>
            →
          </Button>
        ) : null}
      </BlockStack>
    </Card>
  );
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
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
  return (
    <Page title={h.title}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingLg">
              {h.needsAction}
            </Text>
            <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
              <Metric
                label={h.pending}
                value={data.needsAction.PENDING}
                url="/app/requests?tab=NEEDS_ACTION&status=PENDING"
              />
              <Metric
                label={h.needsInfo}
                value={data.needsAction.NEEDS_INFO}
                url="/app/requests?tab=NEEDS_ACTION&status=NEEDS_INFO"
              />
              <Metric
                label={h.failed}
                value={data.needsAction.FAILED}
                url="/app/requests?tab=NEEDS_ACTION&status=FAILED"
              />
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
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingLg">
              {h.last30}
            </Text>
            <InlineGrid columns={{ xs: 1, sm: 2 }} gap="400">
              <Metric label={h.addressApplied} value={data.addressChangesApplied} />
              <Metric label={h.medianDecision} value={data.median ?? h.noDecisions} />
            </InlineGrid>
            <Card>
              <BlockStack gap="200">
                <Text as="h3" variant="headingMd">
                  {h.byKindOutcome}
                </Text>
                {any ? (
                  <DataTable
                    columnContentTypes={["text", ...shownStatuses.map(() => "numeric" as const), "numeric"]}
                    headings={[h.kind, ...shownStatuses.map((s) => t.statuses[s]), h.total]}
                    rows={rows}
                  />
                ) : (
                  <EmptyState heading={t.inbox.emptyTitle} image="">
                    <p>{h.noRequests}</p>
                  </EmptyState>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
