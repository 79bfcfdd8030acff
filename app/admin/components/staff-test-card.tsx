import { useFetcher, useRevalidator } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { adminMessages, fill, formatDateTime } from "~/admin/i18n";
import type { Locale } from "~/domain/types";
import { ErrorBanner } from "./error-banner";
import { Section } from "./section-card";

export interface StaffTestView {
  locale: string;
  staffAddresses: { channel: string; address: string }[];
  staffTests: {
    id: string;
    channel: string;
    address: string;
    status: string;
    createdAt: string | Date;
    answer: string | null;
  }[];
}

const TONE = { SENT: "success", FAILED: "critical", PENDING: "info", SENDING: "info" } as const;

/**
 * "Does this address get our notifications?": a test message to each saved staff address, sent through the outbox
 * like a real notification, and its outcome as the mail server or SMS provider answered (refreshed while in flight).
 */
export function StaffTestCard({ data }: { data: StaffTestView }) {
  const locale = data.locale as Locale;
  const t = adminMessages(locale).notifications.staffTest;
  const fetcher = useFetcher<{ ok: boolean; error?: { code: string } }>();
  const revalidator = useRevalidator();
  const inFlight = data.staffTests.some((m) => m.status === "PENDING" || m.status === "SENDING");
  useEffect(() => {
    if (!inFlight) return;
    // the worker sends within seconds: look again until every test has its answer
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2_000);
    return () => clearInterval(timer);
  }, [inFlight, revalidator]);

  return (
    <Card>
      <Section title={t.title} help={t.help}>
        <ErrorBanner message={fetcher.data && !fetcher.data.ok ? t.notSaved : null} />
        {data.staffAddresses.length === 0 ? (
          <Text as="p" tone="subdued">
            {t.none}
          </Text>
        ) : (
          <BlockStack gap="200">
            {data.staffAddresses.map((a) => (
              <InlineStack key={a.address} gap="300" align="space-between" blockAlign="center">
                <Text as="span">{a.address}</Text>
                <Button
                  accessibilityLabel={`${t.send}: ${a.address}`}
                  loading={fetcher.state !== "idle" && fetcher.formData?.get("address") === a.address}
                  disabled={fetcher.state !== "idle"}
                  onClick={() =>
                    fetcher.submit(
                      { intent: "staffTest", address: a.address, nonce: crypto.randomUUID() },
                      { method: "post" },
                    )
                  }
                >
                  {t.send}
                </Button>
              </InlineStack>
            ))}
          </BlockStack>
        )}
        {data.staffTests.length > 0 && (
          // a list, not a table: the server's answer is long and must wrap to be read in the card's width
          <BlockStack as="ul" gap="300">
            {data.staffTests.map((m) => (
              <BlockStack as="li" key={m.id} gap="100">
                <InlineStack gap="200" blockAlign="center">
                  <Badge tone={TONE[m.status as keyof typeof TONE] ?? "info"}>
                    {t.status[m.status as keyof typeof t.status] ?? m.status}
                  </Badge>
                  <Text as="span" fontWeight="semibold" breakWord>
                    {m.address}
                  </Text>
                  <Text as="span" tone="subdued">
                    {fill(t.sent, { at: formatDateTime(m.createdAt, locale) })}
                  </Text>
                </InlineStack>
                <Text as="p" tone="subdued" breakWord>
                  {fill(t.answer, { answer: m.answer ?? "—" })}
                </Text>
              </BlockStack>
            ))}
          </BlockStack>
        )}
      </Section>
    </Card>
  );
}
