import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  Layout,
  Page,
  SkeletonBodyText,
  SkeletonDisplayText,
  SkeletonPage,
} from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { useCallback, useState, type ReactNode } from "react";
import type { RequestStatus } from "~/domain/types";
import { adminMessages } from "./i18n";

/** What a page looks like while it loads: the same layout, so nothing jumps when it arrives. */
export function PageSkeleton({ title }: { title?: string }) {
  return (
    <SkeletonPage title={title} primaryAction>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <SkeletonDisplayText size="small" />
              <SkeletonBodyText lines={6} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <SkeletonBodyText lines={4} />
          </Card>
        </Layout.Section>
      </Layout>
    </SkeletonPage>
  );
}

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

const TONES: Partial<Record<RequestStatus, "attention" | "warning" | "success" | "critical" | "info">> = {
  PENDING: "attention",
  NEEDS_INFO: "warning",
  APPLYING: "info",
  APPLIED: "success",
  FAILED: "critical",
};

export function StatusBadge({ status, locale }: { status: string; locale: string }) {
  const label = adminMessages(locale).statuses[status as RequestStatus] ?? status;
  return <Badge tone={TONES[status as RequestStatus]}>{label}</Badge>;
}

/** A child route's error boundary: what failed and what to do, inside the app's frame. */
export function AdminErrorPage({ locale = "en" }: { locale?: string }) {
  const error = useRouteError();
  const t = adminMessages(locale);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // Shopify's own answers (re-authentication, bounce) carry headers the library must see.
  if (isRouteErrorResponse(error) && (error.status === 401 || error.status === 302)) return boundary.error(error);
  return (
    <Page
      title={notFound ? t.common.notFoundTitle : t.common.errorTitle}
      backAction={{ content: t.common.back, url: "/app/requests" }}
    >
      <Banner tone="critical" title={notFound ? t.common.notFoundTitle : t.common.errorTitle}>
        <p>{notFound ? t.common.notFound : t.common.retryHint}</p>
      </Banner>
    </Page>
  );
}
