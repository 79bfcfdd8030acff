import { Banner, Link as PolarisLink, Text } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { RequestDetailView } from "~/admin/presenters/request-detail";
import type { Locale } from "~/domain/types";
import { SectionCard } from "./section-card";

/** The order as Shopify has it now: a link to it, the customer, its statuses and lines. */
export function RequestOrderCard({ data, locale }: { data: RequestDetailView; locale: Locale }) {
  const d = adminMessages(locale).detail;
  const r = data.request;
  return (
    <SectionCard title={d.order} gap="200">
      <PolarisLink url={data.orderUrl} target="_top">
        {fill(d.openInShopify, { order: r.orderName })}
      </PolarisLink>
      <Text as="p">
        {d.customer}: {r.customerName} {r.customerEmail ? `<${r.customerEmail}>` : ""}
      </Text>
      {data.order ? (
        <>
          <Text as="p">
            {d.financial}: {data.order.financial ?? "—"} · {d.fulfillment}: {data.order.fulfillment}
          </Text>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {data.order.lineItems.map((l) => (
              <li key={l.id}>
                {l.quantity} × {l.title}
              </li>
            ))}
          </ul>
          {data.order.customerDataWithheld.length > 0 && (
            <Banner tone="info">
              <p>
                {fill(d.customerDataWithheld, {
                  data: data.order.customerDataWithheld.map((c) => d.customerData[c]).join(", "),
                })}
              </p>
            </Banner>
          )}
        </>
      ) : (
        <Banner tone="warning">
          <p>{d.orderUnavailable}</p>
        </Banner>
      )}
    </SectionCard>
  );
}
