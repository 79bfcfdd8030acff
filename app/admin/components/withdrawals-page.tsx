import { useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { WithdrawalsView } from "~/admin/presenters/withdrawals";
import { WithdrawalFilters } from "./withdrawal-filters";
import { WithdrawalsTable } from "./withdrawals-table";

/** The withdrawal register: every withdrawal, filtered by submission date, a page at a time, with a CSV export. */
export function WithdrawalsPage({ data }: { data: WithdrawalsView }) {
  const w = adminMessages(data.locale).withdrawals;
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  // a new filter or page: back to the first page of the new filters, cursors dropped
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return (
    <Page title={w.title} subtitle={w.subtitle}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {data.enabled ? null : (
              <Banner tone="info" action={{ content: adminMessages(data.locale).nav.settings, url: "/app/settings" }}>
                <p>{w.disabled}</p>
              </Banner>
            )}
            <WithdrawalFilters data={data} update={update} />
            <WithdrawalsTable data={data} loading={navigation.state === "loading"} update={update} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
