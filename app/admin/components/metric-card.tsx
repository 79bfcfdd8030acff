import { BlockStack, Button, Card, Text } from "@shopify/polaris";

/** One figure with its label, and a link to the requests behind it when there is one. */
export function MetricCard({
  label,
  value,
  url,
  help,
}: {
  label: string;
  value: string | number;
  url?: string;
  /** What the figure counts, in one sentence under it. */
  help?: string;
}) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        {help ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
        ) : null}
        {url ? (
          <Button variant="plain" url={url} accessibilityLabel={label}>
            →
          </Button>
        ) : null}
      </BlockStack>
    </Card>
  );
}
