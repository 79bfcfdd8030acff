import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Banner, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { adminMessages } from "~/admin/i18n";

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
