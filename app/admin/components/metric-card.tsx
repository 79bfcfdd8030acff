import { BlockStack, Box, Button, Card, Text } from "@shopify/polaris";

/** One figure with its label, and a link to the requests behind it when there is one. */
export function MetricCard({
  label,
  value,
  link,
  help,
}: {
  label: string;
  value: string | number;
  /** The requests behind the figure: where, the link's visible text and its fuller name for screen readers. */
  link?: { url: string; content: string; accessibilityLabel: string };
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
        {link ? (
          // a plain button left-aligned under the figure, as Polaris cards put their links (a Box, not the stack's
          // full width that would centre it)
          <Box>
            <Button variant="plain" url={link.url} accessibilityLabel={link.accessibilityLabel}>
              {link.content}
            </Button>
          </Box>
        ) : null}
      </BlockStack>
    </Card>
  );
}
