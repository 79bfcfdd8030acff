import { useFetcher, type FetcherWithComponents } from "@remix-run/react";
import { BlockStack, Layout } from "@shopify/polaris";
import { useEffect } from "react";
import { adminMessages } from "~/admin/i18n";
import type { notificationOverview } from "~/services/admin-notifications.server";
import { BrandingCard } from "./branding-card";
import { NotificationSwitchesCard } from "./notification-switches-card";
import { NotificationsFrame } from "./notification-tabs";
import { StaffRecipientsCard } from "./staff-recipients-card";
import { StaffTestCard, type StaffTestView } from "./staff-test-card";
import { useToast } from "./use-toast";

export type NotificationsView = { locale: string } & Awaited<ReturnType<typeof notificationOverview>> &
  Partial<Omit<StaffTestView, "locale">>;
export type NotificationResult = {
  ok: boolean;
  intent?: string;
  fieldErrors?: Record<string, string>;
  invalid?: string[];
};
/** What each card of the notifications page gets: the page's data and the fetcher that posts its form. */
export interface NotificationCardProps {
  data: NotificationsView;
  fetcher: FetcherWithComponents<NotificationResult>;
}

/** The notification switches, the staff who hear about events, and the emails' branding. */
export function NotificationsPage({ data }: { data: NotificationsView }) {
  const n = adminMessages(data.locale).notifications;
  const switches = useFetcher<NotificationResult>();
  const branding = useFetcher<NotificationResult>();
  const staff = useFetcher<NotificationResult>();
  const toast = useToast();

  for (const [fetcher, message] of [
    [switches, n.switchesSaved],
    [branding, n.brandingSaved],
    [staff, n.staffSaved],
  ] as const) {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useEffect(() => {
      if (fetcher.state === "idle" && fetcher.data?.ok) toast.show(message);
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [fetcher.state, fetcher.data]);
  }

  return (
    <NotificationsFrame title={n.title} locale={data.locale}>
      {toast.banner}
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <NotificationSwitchesCard data={data} fetcher={switches} />
            <StaffRecipientsCard data={data} fetcher={staff} />
            <StaffTestCard
              data={{
                locale: data.locale,
                staffAddresses: data.staffAddresses ?? [],
                staffTests: data.staffTests ?? [],
              }}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BrandingCard data={data} fetcher={branding} />
        </Layout.Section>
      </Layout>
    </NotificationsFrame>
  );
}
