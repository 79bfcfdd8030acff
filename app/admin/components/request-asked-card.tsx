import { BlockStack, InlineGrid, Text } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { RequestDetailView } from "~/admin/presenters/request-detail";
import type { Locale } from "~/domain/types";
import { AddressBlock } from "./address-block";
import { SectionCard } from "./section-card";

/** What the customer asked: old and new address side by side, or the reason and note of a cancellation. */
export function RequestAskedCard({ request: r, locale }: { request: RequestDetailView["request"]; locale: Locale }) {
  const d = adminMessages(locale).detail;
  return (
    <SectionCard title={d.asked}>
      {r.kind === "ADDRESS_CHANGE" ? (
        <InlineGrid columns={{ xs: 1, sm: 2 }} gap="400">
          <AddressBlock title={d.oldAddress} address={r.previousAddress} locale={locale} />
          <AddressBlock title={d.newAddress} address={r.address} locale={locale} />
        </InlineGrid>
      ) : (
        <BlockStack gap="100">
          <Text as="p">
            <Text as="span" fontWeight="semibold">
              {d.reason}:
            </Text>{" "}
            {r.reason ?? "—"}
          </Text>
          <Text as="p">
            <Text as="span" fontWeight="semibold">
              {d.note}:
            </Text>{" "}
            {r.note || d.noNote}
          </Text>
        </BlockStack>
      )}
    </SectionCard>
  );
}
