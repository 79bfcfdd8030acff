import { useLocation, useNavigate } from "@remix-run/react";
import { BlockStack, Page, Tabs } from "@shopify/polaris";
import type { ReactNode } from "react";
import { adminMessages } from "~/admin/i18n";

const TABS = [
  { id: "switches", url: "/app/notifications" },
  { id: "templates", url: "/app/notifications/editor" },
  { id: "log", url: "/app/notifications/log" },
] as const;

/** The three notification pages as tabs (links: keyboard and back button work). */
export function NotificationTabs({ locale }: { locale: string }) {
  const t = adminMessages(locale).notifications.tabs;
  const location = useLocation();
  const navigate = useNavigate();
  const selected = Math.max(
    0,
    TABS.findIndex((tab) => tab.url === location.pathname),
  );
  return (
    <Tabs
      tabs={TABS.map((tab) => ({
        id: tab.id,
        content: tab.id === "switches" ? `${t.switches} · ${t.branding}` : t[tab.id],
        url: tab.url,
      }))}
      selected={selected}
      onSelect={(i) => navigate(TABS[i].url)}
    />
  );
}

/** A notification page: its title, the tabs, then its content. */
export function NotificationsFrame({
  title,
  locale,
  children,
}: {
  title: string;
  locale: string;
  children: ReactNode;
}) {
  return (
    <Page title={title}>
      <BlockStack gap="400">
        <NotificationTabs locale={locale} />
        {children}
      </BlockStack>
    </Page>
  );
}
