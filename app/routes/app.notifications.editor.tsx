import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  Layout,
  Page,
  Select,
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
import { LOCALES } from "~/domain/types";
import { NOTIFICATION_ROUTES } from "~/notifications/events";
import {
  TemplateKeySchema,
  TemplateSourceSchema,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  sendTest,
  templateFor,
  type TemplateProblem,
} from "~/services/admin-notifications.server";

function keyFrom(params: URLSearchParams) {
  const first = NOTIFICATION_ROUTES[0];
  const parsed = TemplateKeySchema.safeParse({
    event: params.get("event") ?? first.event,
    channel: params.get("channel") ?? first.channel,
    recipient: params.get("recipient") ?? first.recipient,
    locale: params.get("tplLocale") ?? "en",
  });
  return parsed.success
    ? parsed.data
    : { event: first.event, channel: first.channel, recipient: first.recipient, locale: "en" as const };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const key = keyFrom(new URL(request.url).searchParams);
  const { source, customised } = await templateFor(prisma, admin.shop, key);
  const preview = await previewTemplate(prisma, admin.shop, key, source);
  return { locale: adminLocale(request), key, source, customised, preview };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = Object.fromEntries(await readForm(request)) as Record<string, string>;
  const key = TemplateKeySchema.safeParse(form);
  if (!key.success) return Response.json({ ok: false, code: "INVALID_INPUT" }, { status: 400 });
  if (form.intent === "reset") {
    await resetTemplate(prisma, admin.shop, key.data);
    return { ok: true, intent: "reset" };
  }
  const source = TemplateSourceSchema.safeParse({
    subject: form.subject || undefined,
    body: form.body,
    textBody: form.textBody || undefined,
  });
  if (!source.success) return Response.json({ ok: false, intent: form.intent, code: "INVALID_INPUT" }, { status: 400 });
  if (form.intent === "preview")
    return { intent: "preview", ...(await previewTemplate(prisma, admin.shop, key.data, source.data)) };
  if (form.intent === "save") {
    const result = await saveTemplate(prisma, admin.shop, key.data, source.data);
    return result.ok ? { ok: true, intent: "save" } : Response.json({ intent: "save", ...result }, { status: 422 });
  }
  if (form.intent === "test") {
    const result = await sendTest(prisma, admin.shop, key.data, source.data, form.to ?? "");
    return result.ok ? { intent: "test", ...result } : Response.json({ intent: "test", ...result }, { status: 422 });
  }
  return Response.json({ ok: false, code: "INVALID_INPUT" }, { status: 400 });
};

type Result = {
  ok: boolean;
  intent?: string;
  problem?: TemplateProblem;
  code?: string;
  to?: string;
  html?: string | null;
  text?: string;
  subject?: string | null;
};

export default function Templates() {
  const data = useLoaderData<typeof loader>();
  const t = adminMessages(data.locale);
  const n = t.notifications;
  const [params, setParams] = useSearchParams();
  const fetcher = useFetcher<Result>();
  const toast = useToast();
  const [subject, setSubject] = useState(data.source.subject ?? "");
  const [body, setBody] = useState(data.source.body);
  const [textBody, setTextBody] = useState(data.source.textBody ?? "");
  const [to, setTo] = useState("");
  const [preview, setPreview] = useState<Result>(data.preview as Result);
  const k = data.key;

  // A new template chosen: its source and preview replace the editor's.
  useEffect(() => {
    setSubject(data.source.subject ?? "");
    setBody(data.source.body);
    setTextBody(data.source.textBody ?? "");
    setPreview(data.preview as Result);
  }, [data]);

  useEffect(() => {
    const r = fetcher.data;
    if (fetcher.state !== "idle" || !r) return;
    if (r.intent === "preview") setPreview(r);
    if (r.ok && r.intent === "save") toast.show(n.templateSaved);
    if (r.ok && r.intent === "reset") toast.show(n.templateReset);
    if (r.ok && r.intent === "test") toast.show(fill(n.testQueued, { to: r.to ?? "" }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const submit = (intent: string) => fetcher.submit({ intent, ...k, subject, body, textBody, to }, { method: "post" });
  const problem = fetcher.data?.problem ?? (preview.ok === false ? preview.problem : undefined);
  const busy = fetcher.state !== "idle";
  const select = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    setParams(next);
  };
  const routeValue = `${k.event}|${k.channel}|${k.recipient}`;

  return (
    <Page title={n.title}>
      <BlockStack gap="400">
        <NotificationTabs locale={data.locale} />
        {toast.banner}
        <Layout>
          <Layout.Section variant="oneHalf">
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200" align="space-between">
                  <Text as="h2" variant="headingMd">
                    {n.editor}
                  </Text>
                  <Badge tone={data.customised ? "info" : undefined}>
                    {data.customised ? n.customised : n.defaultTpl}
                  </Badge>
                </InlineStack>
                <Select
                  label={`${n.event} · ${n.channel} · ${n.recipient}`}
                  options={NOTIFICATION_ROUTES.map((r) => ({
                    label: `${n.events[r.event]} · ${n.channels[r.channel]} · ${n.recipients[r.recipient]}`,
                    value: `${r.event}|${r.channel}|${r.recipient}`,
                  }))}
                  value={routeValue}
                  onChange={(v) => {
                    const [event, channel, recipient] = v.split("|");
                    select({ event, channel, recipient });
                  }}
                />
                <Select
                  label={n.locale}
                  options={LOCALES.map((l) => ({ label: l === "fr" ? "Français" : "English", value: l }))}
                  value={k.locale}
                  onChange={(v) => select({ tplLocale: v })}
                />
                <Text as="p" tone="subdued">
                  {n.editorHelp}
                </Text>
                {problem ? (
                  <Banner tone="critical">
                    <p>
                      {fill(n.templateError, {
                        message: `${problem.part}: ${problem.message}`,
                        line: String(problem.line),
                        column: String(problem.column),
                      })}
                    </p>
                  </Banner>
                ) : null}
                {k.channel === "EMAIL" ? (
                  <TextField label={n.subject} value={subject} onChange={setSubject} autoComplete="off" monospaced />
                ) : null}
                <TextField
                  label={n.body}
                  value={body}
                  onChange={setBody}
                  multiline={14}
                  autoComplete="off"
                  monospaced
                />
                {k.channel === "EMAIL" ? (
                  <TextField
                    label={n.textBody}
                    value={textBody}
                    onChange={setTextBody}
                    multiline={5}
                    autoComplete="off"
                    monospaced
                  />
                ) : null}
                <InlineStack gap="200">
                  <Button onClick={() => submit("preview")} disabled={busy}>
                    {n.refresh}
                  </Button>
                  <Button
                    variant="primary"
                    onClick={() => submit("save")}
                    disabled={busy}
                    loading={busy && fetcher.formData?.get("intent") === "save"}
                  >
                    {t.common.save}
                  </Button>
                  {data.customised ? (
                    <Button tone="critical" onClick={() => submit("reset")} disabled={busy}>
                      {n.resetTemplate}
                    </Button>
                  ) : null}
                </InlineStack>
                <InlineStack gap="200" blockAlign="end">
                  <TextField
                    label={n.testTo}
                    value={to}
                    onChange={setTo}
                    autoComplete="email"
                    error={fetcher.data?.code === "INVALID_ADDRESS" ? n.testInvalid : undefined}
                  />
                  <Button onClick={() => submit("test")} disabled={busy || !to}>
                    {n.testSend}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneHalf">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {n.preview}
                </Text>
                {preview.ok && preview.subject ? (
                  <Text as="p" fontWeight="semibold">
                    {preview.subject}
                  </Text>
                ) : null}
                {preview.ok && preview.html ? (
                  // sandboxed: the preview runs no script and cannot reach the admin page
                  <iframe
                    title={n.preview}
                    sandbox=""
                    srcDoc={preview.html}
                    style={{ width: "100%", height: 560, border: "1px solid #e1e3e5", borderRadius: 8 }}
                  />
                ) : preview.ok ? (
                  <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{preview.text}</pre>
                ) : null}
              </BlockStack>
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
