import { Banner } from "@shopify/polaris";
import { useCallback, useState, type ReactNode } from "react";

type Shopify = { toast?: { show: (message: string, opts?: { isError?: boolean }) => void } };

/**
 * App Bridge's toast inside Shopify admin; outside it (the offline demo, a plain tab) a dismissible
 * Banner that `banner` renders, so the merchant still sees the outcome.
 */
export function useToast() {
  const [fallback, setFallback] = useState<{ message: string; isError: boolean } | null>(null);
  const show = useCallback((message: string, isError = false) => {
    const shopify = typeof window !== "undefined" ? (window as unknown as { shopify?: Shopify }).shopify : undefined;
    const embedded = typeof window !== "undefined" && window.top !== window.self;
    if (embedded && shopify?.toast) shopify.toast.show(message, { isError });
    else setFallback({ message, isError });
  }, []);
  const banner: ReactNode = fallback ? (
    <Banner tone={fallback.isError ? "critical" : "success"} onDismiss={() => setFallback(null)}>
      <p role="status">{fallback.message}</p>
    </Banner>
  ) : null;
  return { show, banner };
}
