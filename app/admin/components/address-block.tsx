import { BlockStack, Text } from "@shopify/polaris";
import { countryName } from "~/domain/messages";
import type { Locale, MailingAddress } from "~/domain/types";

/** A postal address as lines, or a dash when there is none. */
export function AddressBlock({
  title,
  address,
  locale,
}: {
  title: string;
  address: MailingAddress | null;
  locale: Locale;
}) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      {address ? (
        <address style={{ fontStyle: "normal" }}>
          {[
            [address.firstName, address.lastName].filter(Boolean).join(" "),
            address.company,
            address.address1,
            address.address2,
            [address.zip, address.city].filter(Boolean).join(" "),
            [address.provinceCode, countryName(address.countryCode, locale)].filter(Boolean).join(", "),
            address.phone,
          ]
            .filter(Boolean)
            .map((line, i) => (
              <Text as="p" key={i}>
                {line}
              </Text>
            ))}
        </address>
      ) : (
        <Text as="p" tone="subdued">
          —
        </Text>
      )}
    </BlockStack>
  );
}
