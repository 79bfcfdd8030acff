import { Banner } from "@shopify/polaris";

/** What went wrong, in a critical banner; nothing when there is no message. */
export function ErrorBanner({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Banner tone="critical">
      <p>{message}</p>
    </Banner>
  );
}
