import { useFetcher, useSearchParams } from "@remix-run/react";
import { Layout } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { adminMessages, fill } from "~/admin/i18n";
import type { TemplateKey, TemplateProblem, TemplateSource } from "~/services/admin-notifications.server";
import { NotificationsFrame } from "./notification-tabs";
import { TemplateEditorCard } from "./template-editor-card";
import { TemplatePreviewCard } from "./template-preview-card";
import { useToast } from "./use-toast";

export type TemplateResult = {
  ok: boolean;
  intent?: string;
  problem?: TemplateProblem;
  code?: string;
  to?: string;
  html?: string | null;
  text?: string;
  subject?: string | null;
};

export interface TemplateEditorView {
  locale: string;
  key: TemplateKey;
  source: TemplateSource;
  customised: boolean;
  preview: unknown;
}

/** One notification's template in one language: edited beside its preview on the sample order. */
export function TemplateEditorPage({ data }: { data: TemplateEditorView }) {
  const n = adminMessages(data.locale).notifications;
  const [params, setParams] = useSearchParams();
  const fetcher = useFetcher<TemplateResult>();
  const toast = useToast();
  const [subject, setSubject] = useState(data.source.subject ?? "");
  const [body, setBody] = useState(data.source.body);
  const [textBody, setTextBody] = useState(data.source.textBody ?? "");
  const [to, setTo] = useState("");
  const [preview, setPreview] = useState<TemplateResult>(data.preview as TemplateResult);
  const k = data.key;

  // A new template chosen: its source and preview replace the editor's.
  useEffect(() => {
    setSubject(data.source.subject ?? "");
    setBody(data.source.body);
    setTextBody(data.source.textBody ?? "");
    setPreview(data.preview as TemplateResult);
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
  const select = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    setParams(next);
  };

  return (
    <NotificationsFrame title={n.title} locale={data.locale}>
      {toast.banner}
      <Layout>
        <Layout.Section variant="oneHalf">
          <TemplateEditorCard
            data={data}
            draft={{ subject, setSubject, body, setBody, textBody, setTextBody, to, setTo }}
            problem={problem}
            fetcher={fetcher}
            submit={submit}
            select={select}
          />
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <TemplatePreviewCard preview={preview} locale={data.locale} />
        </Layout.Section>
      </Layout>
    </NotificationsFrame>
  );
}
