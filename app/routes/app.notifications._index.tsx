import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { requireAdmin } from "~/admin/auth.server";
import { readForm } from "~/admin/form.server";
import { adminMessages, fill } from "~/admin/i18n";
import { adminLocale } from "~/admin/locale.server";
import { NotificationTabs } from "~/admin/notifications-tabs";
import { AdminErrorPage, useToast } from "~/admin/ui";
import { prisma } from "~/db.server";
import { CHANNELS, NOTIFICATION_EVENTS, RECIPIENTS, type NotificationEvent } from "~/notifications/events";
import {
  notificationOverview,
  saveBranding,
  saveStaffRecipients,
  saveSwitches,
} from "~/services/admin-notifications.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  return { locale: adminLocale(request), ...(await notificationOverview(prisma, admin.shop)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "switches") {
    await saveSwitches(prisma, admin.shop, new Set(form.getAll("on").map(String)));
    return { ok: true, intent };
  }
  if (intent === "branding") {
    const result = await saveBranding(prisma, admin.shop, Object.fromEntries(form));
    return result.ok
      ? { ok: true, intent }
      : Response.json({ ok: false, intent, fieldErrors: result.fieldErrors }, { status: 422 });
  }
  if (intent === "staff") {
    const lines = (v: FormDataEntryValue | null) => String(v ?? "").split(/[\n,;]+/);
    const input = Object.fromEntries(
      NOTIFICATION_EVENTS.map((e) => [
        e,
        { emails: lines(form.get(`emails:${e}`)), phones: lines(form.get(`phones:${e}`)) },
      ]),
    );
    const result = await saveStaffRecipients(prisma, admin.shop, input);
    return result.ok
      ? { ok: true, intent }
      : Response.json({ ok: false, intent, invalid: result.invalid }, { status: 422 });
  }
  return Response.json({ ok: false, error: { code: "INVALID_INPUT" } }, { status: 400 });
};

function ControlledField({ label, name, initial }: { label: string; name: string; initial: string }) {
  const [value, setValue] = useState(initial);
  return <TextField label={label} name={name} multiline={2} autoComplete="off" value={value} onChange={setValue} />;
}

type Result = { ok: boolean; intent?: string; fieldErrors?: Record<string, string>; invalid?: string[] };

export default function Notifications() {
  const data = useLoaderData<typeof loader>();
  const t = adminMessages(data.locale);
  const n = t.notifications;
  const switches = useFetcher<Result>();
  const branding = useFetcher<Result>();
  const staff = useFetcher<Result>();
  const toast = useToast();
  const [logoUrl, setLogoUrl] = useState(data.branding.logoUrl);
  const [logoWidth, setLogoWidth] = useState(String(data.branding.logoWidth));
  const [accentColor, setAccentColor] = useState(data.branding.accentColor);
  const [on, setOn] = useState(
    () => new Set(data.routes.filter((r) => r.enabled).map((r) => `${r.event}|${r.channel}|${r.recipient}`)),
  );

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

  const cells = (event: NotificationEvent) =>
    CHANNELS.flatMap((channel) =>
      RECIPIENTS.map((recipient) => {
        const key = `${event}|${channel}|${recipient}`;
        const exists = data.routes.some((r) => `${r.event}|${r.channel}|${r.recipient}` === key);
        if (!exists) return "—";
        return (
          <Checkbox
            key={key}
            label={`${n.events[event]} — ${n.channels[channel]} — ${n.recipients[recipient]}`}
            labelHidden
            checked={on.has(key)}
            onChange={(checked) =>
              setOn((prev) => {
                const next = new Set(prev);
                if (checked) next.add(key);
                else next.delete(key);
                return next;
              })
            }
          />
        );
      }),
    );
  const brandErrors = branding.data?.fieldErrors ?? {};

  return (
    <Page title={n.title}>
      <BlockStack gap="400">
        <NotificationTabs locale={data.locale} />
        {toast.banner}
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {n.switchesTitle}
                  </Text>
                  <DataTable
                    columnContentTypes={["text", ...CHANNELS.flatMap(() => RECIPIENTS.map(() => "text" as const))]}
                    headings={[
                      n.event,
                      ...CHANNELS.flatMap((c) => RECIPIENTS.map((r) => `${n.channels[c]} · ${n.recipients[r]}`)),
                    ]}
                    rows={NOTIFICATION_EVENTS.map((e) => [n.events[e], ...cells(e)])}
                  />
                  <InlineStack align="end">
                    <Button
                      variant="primary"
                      loading={switches.state !== "idle"}
                      disabled={switches.state !== "idle"}
                      onClick={() => {
                        const form = new FormData();
                        form.set("intent", "switches");
                        on.forEach((k) => form.append("on", k));
                        switches.submit(form, { method: "post" });
                      }}
                    >
                      {t.common.save}
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Card>
              <Card>
                <staff.Form method="post">
                  <input type="hidden" name="intent" value="staff" />
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {n.staffTitle}
                    </Text>
                    <Text as="p" tone="subdued">
                      {n.staffHelp}
                    </Text>
                    {staff.data?.invalid ? (
                      <Banner tone="critical">
                        <p>{fill(n.invalidAddresses, { list: staff.data.invalid.join(", ") })}</p>
                      </Banner>
                    ) : null}
                    {NOTIFICATION_EVENTS.filter((e) =>
                      data.routes.some((r) => r.event === e && r.recipient === "STAFF"),
                    ).map((e) => (
                      <InlineStack key={e} gap="300" wrap={false} blockAlign="start">
                        <Box width="50%">
                          <ControlledField
                            label={`${n.events[e]} — ${n.staffEmails}`}
                            name={`emails:${e}`}
                            initial={(data.staff[e]?.emails ?? []).join("\n")}
                          />
                        </Box>
                        <Box width="50%">
                          <ControlledField
                            label={`${n.events[e]} — ${n.staffPhones}`}
                            name={`phones:${e}`}
                            initial={(data.staff[e]?.phones ?? []).join("\n")}
                          />
                        </Box>
                      </InlineStack>
                    ))}
                    <InlineStack align="end">
                      <Button
                        submit
                        variant="primary"
                        loading={staff.state !== "idle"}
                        disabled={staff.state !== "idle"}
                      >
                        {t.common.save}
                      </Button>
                    </InlineStack>
                  </BlockStack>
                </staff.Form>
              </Card>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <Card>
              <branding.Form method="post">
                <input type="hidden" name="intent" value="branding" />
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {n.brandingTitle}
                  </Text>
                  <TextField
                    label={n.logoUrl}
                    name="logoUrl"
                    helpText={n.logoUrlHelp}
                    value={logoUrl}
                    onChange={setLogoUrl}
                    autoComplete="off"
                    error={brandErrors.logoUrl ? n.brandingErrors.logoUrl : undefined}
                  />
                  <TextField
                    label={n.logoWidth}
                    name="logoWidth"
                    type="number"
                    min={40}
                    max={400}
                    value={logoWidth}
                    onChange={setLogoWidth}
                    autoComplete="off"
                    error={brandErrors.logoWidth ? n.brandingErrors.logoWidth : undefined}
                  />
                  <InlineStack gap="200" blockAlign="end">
                    <Box minWidth="160px">
                      <TextField
                        label={n.accentColor}
                        name="accentColor"
                        helpText={n.accentHelp}
                        value={accentColor}
                        onChange={setAccentColor}
                        autoComplete="off"
                        error={brandErrors.accentColor ? n.brandingErrors.accentColor : undefined}
                      />
                    </Box>
                    <div
                      aria-hidden
                      style={{
                        width: 32,
                        height: 32,
                        borderRadius: 6,
                        background: /^#[0-9a-f]{3,6}$/i.test(accentColor) ? accentColor : "transparent",
                        border: "1px solid #ccc",
                      }}
                    />
                  </InlineStack>
                  {logoUrl.startsWith("https://") ? (
                    <img
                      src={logoUrl}
                      alt=""
                      style={{ width: Math.min(400, Number(logoWidth) || 120), maxWidth: "100%" }}
                    />
                  ) : null}
                  <Button
                    submit
                    variant="primary"
                    loading={branding.state !== "idle"}
                    disabled={branding.state !== "idle"}
                  >
                    {t.common.save}
                  </Button>
                </BlockStack>
              </branding.Form>
            </Card>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
