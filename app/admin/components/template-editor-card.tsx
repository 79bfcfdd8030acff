import type { FetcherWithComponents } from "@remix-run/react";
import { Badge, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import { LOCALES } from "~/domain/types";
import { NOTIFICATION_ROUTES } from "~/notifications/events";
import type { TemplateProblem } from "~/services/admin-notifications.server";
import type { TemplateEditorView, TemplateResult } from "./template-editor-page";
import { SectionCard } from "./section-card";
import { ErrorBanner } from "./error-banner";

/** The editor's fields: the template's source, and the address of a test send. */
export interface TemplateDraft {
  subject: string;
  setSubject: (value: string) => void;
  body: string;
  setBody: (value: string) => void;
  textBody: string;
  setTextBody: (value: string) => void;
  to: string;
  setTo: (value: string) => void;
}

/** Which template, its source, the first problem in it, and save, reset, preview and test send. */
export function TemplateEditorCard({
  data,
  draft,
  problem,
  fetcher,
  submit,
  select,
}: {
  data: TemplateEditorView;
  draft: TemplateDraft;
  problem: TemplateProblem | undefined;
  fetcher: FetcherWithComponents<TemplateResult>;
  submit: (intent: string) => void;
  select: (changes: Record<string, string>) => void;
}) {
  const t = adminMessages(data.locale);
  const n = t.notifications;
  const k = data.key;
  const busy = fetcher.state !== "idle";
  // a field of the template's source, in a monospaced font (`rows` lines when it is multi-line)
  const source = (label: string, value: string, onChange: (value: string) => void, rows?: number) => ({
    label,
    value,
    onChange,
    multiline: rows,
    autoComplete: "off",
    monospaced: true,
  });
  const routeValue = `${k.event}|${k.channel}|${k.recipient}`;
  return (
    <SectionCard
      title={n.editor}
      aside={<Badge tone={data.customised ? "info" : undefined}>{data.customised ? n.customised : n.defaultTpl}</Badge>}
    >
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
      <details>
        <summary>{n.variablesTitle}</summary>
        <ul>
          {Object.entries(n.variables).map(([name, meaning]) => (
            <li key={name}>
              <code>{`{{ ${name} }}`}</code> — {meaning}
            </li>
          ))}
        </ul>
      </details>
      <ErrorBanner
        message={
          problem
            ? fill(n.templateError, {
                message: `${problem.part}: ${problem.message}`,
                line: String(problem.line),
                column: String(problem.column),
              })
            : null
        }
      />
      {k.channel === "EMAIL" ? <TextField {...source(n.subject, draft.subject, draft.setSubject)} /> : null}
      <TextField {...source(n.body, draft.body, draft.setBody, 14)} />
      {k.channel === "EMAIL" ? <TextField {...source(n.textBody, draft.textBody, draft.setTextBody, 5)} /> : null}
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
          value={draft.to}
          onChange={draft.setTo}
          autoComplete="email"
          error={fetcher.data?.code === "INVALID_ADDRESS" ? n.testInvalid : undefined}
        />
        <Button onClick={() => submit("test")} disabled={busy || !draft.to}>
          {n.testSend}
        </Button>
      </InlineStack>
    </SectionCard>
  );
}
