import { BlockStack, Box, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { adminMessages } from "~/admin/i18n";
import type { WithdrawalsView } from "~/admin/presenters/withdrawals";
import { DateField } from "./date-field";
import { ErrorBanner } from "./error-banner";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The register's date range (kept in the URL by `update`) and the CSV export of that range. */
export function WithdrawalFilters({
  data,
  update,
}: {
  data: WithdrawalsView;
  update: (changes: Record<string, string>) => void;
}) {
  const w = adminMessages(data.locale).withdrawals;
  const [exporting, setExporting] = useState(false);
  const [failed, setFailed] = useState(false);

  // Fetched rather than followed: inside Shopify admin, App Bridge adds the session token to the app's own fetches.
  const exportCsv = async () => {
    const to = data.query.to || isoDay(Date.now());
    const from = data.query.from || isoDay(Date.parse(`${to}T00:00:00.000Z`) - 365 * DAY_MS);
    setExporting(true);
    setFailed(false);
    try {
      const response = await fetch(`/app/withdrawals/csv?${new URLSearchParams({ from, to })}`);
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = `withdrawals-${from}-${to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="300" blockAlign="end">
          <DateField label={w.filters.from} value={data.query.from} onChange={(from) => update({ from })} />
          <DateField label={w.filters.to} value={data.query.to} onChange={(to) => update({ to })} />
          {data.query.from || data.query.to ? (
            <Box paddingBlockEnd="150">
              <Button variant="plain" onClick={() => update({ from: "", to: "" })}>
                {w.filters.clear}
              </Button>
            </Box>
          ) : null}
          <Button onClick={exportCsv} loading={exporting} disabled={exporting}>
            {w.exportCsv}
          </Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          {w.exportRange}
        </Text>
        <div aria-live="polite">{exporting ? <Text as="p">{w.exporting}</Text> : null}</div>
        <ErrorBanner message={failed ? w.exportFailed : null} />
      </BlockStack>
    </Card>
  );
}
