import { BlockStack, Button, Card, Text } from "@shopify/polaris";

/** One figure with its label, and a link to the requests behind it when there is one. */
export function MetricCard({ label, value, url }: { label: string; value: string | number; url?: string }) {
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
