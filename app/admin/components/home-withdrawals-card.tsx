import { Link } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { HomeView } from "~/admin/presenters/home";
import { SectionCard } from "./section-card";

/** Home: the withdrawals whose reimbursement deadline falls within the next 3 days, each linked to its request. */
export function HomeWithdrawalsCard({ data }: { data: HomeView }) {
  const w = adminMessages(data.locale).withdrawals;
  const rows = data.withdrawals.dueSoon;
  return (
    <SectionCard title={w.homeTitle} help={w.homeHelp}>
      {rows.length === 0 ? (
        <Text as="p">{w.homeNone}</Text>
      ) : (
        <BlockStack gap="200" as="ul">
          {rows.map((row) => (
            <Box as="li" key={row.id}>
              <InlineStack gap="200" blockAlign="center">
                <Link to={row.url}>
                  {fill(w.homeRow, { order: row.orderName, customer: row.name, due: row.reimbursement.due ?? "" })}
                </Link>
                {row.reimbursement.label ? (
                  <Badge tone={row.reimbursement.tone}>{row.reimbursement.label}</Badge>
                ) : null}
              </InlineStack>
            </Box>
          ))}
        </BlockStack>
      )}
      <Box>
        <Button url="/app/withdrawals">{w.homeOpen}</Button>
      </Box>
    </SectionCard>
  );
}
