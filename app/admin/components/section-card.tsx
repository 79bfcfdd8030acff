import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

type Gap = "200" | "300";

/** A card section's column: its heading (with a badge or the like beside it), an optional hint, then its content. */
export function Section({
  title,
  heading = "h2",
  aside,
  help,
  gap = "300",
  children,
}: {
  title: string;
  heading?: "h2" | "h3";
  aside?: ReactNode;
  help?: string;
  gap?: Gap;
  children: ReactNode;
}) {
  const titleText = (
    <Text as={heading} variant="headingMd">
      {title}
    </Text>
  );
  return (
    <BlockStack gap={gap}>
      {aside ? (
        <InlineStack gap="200" align="space-between">
          {titleText}
          {aside}
        </InlineStack>
      ) : (
        titleText
      )}
      {help ? (
        <Text as="p" tone="subdued">
          {help}
        </Text>
      ) : null}
      {children}
    </BlockStack>
  );
}

/** A titled card: every admin card that is not a form posted by its own fetcher. */
export function SectionCard(props: Parameters<typeof Section>[0]) {
  return (
    <Card>
      <Section {...props} />
    </Card>
  );
}
