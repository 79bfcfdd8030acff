import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useNavigation, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Box, InlineStack, Button } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { requireAdmin } from "~/admin/auth.server";
import { adminMessages } from "~/admin/i18n";
import { adminLocale, localeCookie } from "~/admin/locale.server";
import { PageSkeleton } from "~/admin/components/page-skeleton";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const cookie = localeCookie(request);
  return Response.json(
    { apiKey: process.env.SHOPIFY_API_KEY ?? "", locale, demo: admin.demo },
    cookie ? { headers: { "Set-Cookie": cookie } } : undefined,
  );
};

const PAGES = [
  { to: "/app", key: "home" },
  { to: "/app/requests", key: "requests" },
  { to: "/app/withdrawals", key: "withdrawals" },
  { to: "/app/settings", key: "settings" },
  { to: "/app/notifications", key: "notifications" },
] as const;

export default function App() {
  const { apiKey, locale, demo } = useLoaderData<typeof loader>() as {
    apiKey: string;
    locale: "en" | "fr";
    demo: boolean;
  };
  const t = adminMessages(locale).nav;
  const navigation = useNavigation();
  const location = useLocation();
  // Another page is loading: show its skeleton rather than the old page (same page, new filters: keep it).
  const switching = navigation.state === "loading" && navigation.location.pathname !== location.pathname;
  return (
    <AppProvider isEmbeddedApp={!demo} apiKey={apiKey}>
      {demo ? (
        // Outside Shopify admin (the offline demo) there is no App Bridge nav menu: the same links, in the page.
        <Box padding="300" borderBlockEndWidth="025" borderColor="border" background="bg-surface">
          <nav aria-label="Amend">
            <InlineStack gap="200">
              {PAGES.map((p) => (
                <Button key={p.to} url={p.to} variant={location.pathname === p.to ? "primary" : "tertiary"}>
                  {t[p.key]}
                </Button>
              ))}
            </InlineStack>
          </nav>
        </Box>
      ) : (
        <NavMenu>
          <Link to="/app" rel="home">
            {t.home}
          </Link>
          <Link to="/app/requests">{t.requests}</Link>
          <Link to="/app/withdrawals">{t.withdrawals}</Link>
          <Link to="/app/settings">{t.settings}</Link>
          <Link to="/app/notifications">{t.notifications}</Link>
        </NavMenu>
      )}
      {switching ? <PageSkeleton /> : <Outlet />}
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses so that its headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
