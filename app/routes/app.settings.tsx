import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { SaveBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import { requireAdmin } from "~/admin/auth.server";
import { adminMessages, fill } from "~/admin/i18n";
import { adminLocale } from "~/admin/locale.server";
import { SettingsFormSchema, fieldErrors, type SettingsForm } from "~/admin/settings-form";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { useToast } from "~/admin/components/use-toast";
import { prisma } from "~/db.server";
import { messagesFor } from "~/domain/messages";
import { ADDRESS_RULES, CUSTOMER_REASONS, type Locale } from "~/domain/types";
import { loadSettings, saveSettings } from "~/services/admin-settings.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const { form, version } = await loadSettings(prisma, admin.shop);
  return { locale, form, version, demo: admin.demo };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ ok: false, fieldErrors: { form: "invalid" } }, { status: 400 });
  }
  const result = await saveSettings(prisma, admin.shop, body, admin.staff);
  return result.ok ? result : Response.json(result, { status: 422 });
};

type Result = { ok: true; version: number; form: SettingsForm } | { ok: false; fieldErrors: Record<string, string> };

function WindowFields({
  value,
  onChange,
  t,
  errorKey,
  errors,
  idPrefix,
}: {
  value: SettingsForm["addressChange"]["window"];
  onChange: (w: SettingsForm["addressChange"]["window"]) => void;
  t: ReturnType<typeof adminMessages>["settings"];
  errorKey: string;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  return (
    <BlockStack gap="200">
      <ChoiceList
        title={t.window.label}
        choices={[
          { label: t.window.none, value: "none" },
          { label: t.window.limited, value: "limited" },
        ]}
        selected={[value.limited ? "limited" : "none"]}
        onChange={(v) => onChange({ ...value, limited: v[0] === "limited" })}
      />
      {value.limited ? (
        <InlineStack gap="200" blockAlign="start">
          <Box minWidth="120px">
            <TextField
              id={`${idPrefix}-amount`}
              label={t.window.amount}
              type="number"
              min={1}
              value={value.amount}
              onChange={(amount) => onChange({ ...value, amount })}
              error={errors[errorKey] ? t.errors[errors[errorKey]] : undefined}
              autoComplete="off"
            />
          </Box>
          <Select
            label={t.window.unit}
            options={[
              { label: t.window.minutes, value: "minutes" },
              { label: t.window.hours, value: "hours" },
            ]}
            value={value.unit}
            onChange={(unit) => onChange({ ...value, unit: unit as "minutes" | "hours" })}
          />
        </InlineStack>
      ) : null}
    </BlockStack>
  );
}

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const locale = data.locale as Locale;
  const t = adminMessages(locale);
  const s = t.settings;
  const fetcher = useFetcher<Result>();
  const toast = useToast();
  const [saved, setSaved] = useState<SettingsForm>(data.form);
  const [form, setForm] = useState<SettingsForm>(data.form);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(saved), [form, saved]);
  // Inline errors as the merchant types: the server's schema, run here too.
  const clientErrors = useMemo(() => {
    const parsed = SettingsFormSchema.safeParse(form);
    return parsed.success ? {} : fieldErrors(parsed.error);
  }, [form]);
  const errors = { ...serverErrors, ...clientErrors };
  const saving = fetcher.state !== "idle";

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.ok) {
      setSaved(fetcher.data.form);
      setForm(fetcher.data.form);
      setServerErrors({});
      toast.show(fill(s.saved, { version: String(fetcher.data.version) }));
    } else setServerErrors(fetcher.data.fieldErrors);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const save = () => {
    if (Object.keys(clientErrors).length > 0) return;
    fetcher.submit(form as never, { method: "post", encType: "application/json" });
  };
  const discard = () => {
    setForm(saved);
    setServerErrors({});
  };
  const a = form.addressChange;
  const c = form.cancellation;
  const setA = (patch: Partial<SettingsForm["addressChange"]>) =>
    setForm((f) => ({ ...f, addressChange: { ...f.addressChange, ...patch } }));
  const setC = (patch: Partial<SettingsForm["cancellation"]>) =>
    setForm((f) => ({ ...f, cancellation: { ...f.cancellation, ...patch } }));
  const reasonLabels = messagesFor(locale).customerReasons;
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <Page
      title={s.title}
      subtitle={fill(s.version, { version: String(data.version) })}
      primaryAction={{
        content: t.common.save,
        onAction: save,
        disabled: !dirty || saving || hasErrors,
        loading: saving,
      }}
      secondaryActions={[{ content: t.common.discard, onAction: discard, disabled: !dirty || saving }]}
    >
      {/* The contextual save bar in Shopify admin; outside it the page's own Save / Discard do the same. */}
      {!data.demo ? (
        <SaveBar id="amend-settings-save-bar" open={dirty}>
          <button variant="primary" onClick={save} disabled={saving || hasErrors}></button>
          <button onClick={discard} disabled={saving}></button>
        </SaveBar>
      ) : null}
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {toast.banner}
            {hasErrors ? (
              <Banner tone="critical">
                <p>{t.errors.INVALID_INPUT}</p>
              </Banner>
            ) : null}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {s.address.title}
                </Text>
                <Checkbox
                  label={s.address.enabled}
                  helpText={s.address.enabledHelp}
                  checked={a.enabled}
                  onChange={(v) => setA({ enabled: v })}
                />
                <Checkbox
                  label={s.address.requireApproval}
                  helpText={s.address.requireApprovalHelp}
                  checked={a.requireApproval}
                  onChange={(v) => setA({ requireApproval: v })}
                />
                <Checkbox
                  label={s.address.allowCountryChange}
                  helpText={s.address.allowCountryChangeHelp}
                  checked={a.allowCountryChange}
                  onChange={(v) => setA({ allowCountryChange: v })}
                />
                <Text as="h3" variant="headingSm">
                  {s.address.rulesTitle}
                </Text>
                {ADDRESS_RULES.map((rule) => (
                  <Checkbox
                    key={rule}
                    label={t.rules[rule].rule}
                    helpText={s.ruleHelp[rule]}
                    checked={a.rules[rule]}
                    onChange={(v) => setA({ rules: { ...a.rules, [rule]: v } })}
                  />
                ))}
                <WindowFields
                  value={a.window}
                  onChange={(window) => setA({ window })}
                  t={s}
                  errorKey="addressChange.window.amount"
                  errors={errors}
                  idPrefix="address-window"
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {s.cancellation.title}
                </Text>
                <Checkbox label={s.cancellation.enabled} checked={c.enabled} onChange={(v) => setC({ enabled: v })} />
                <Checkbox
                  label={s.cancellation.requireApproval}
                  helpText={s.cancellation.requireApprovalHelp}
                  checked={c.requireApproval}
                  onChange={(v) => setC({ requireApproval: v })}
                />
                <Checkbox
                  label={s.cancellation.holdWhilePending}
                  helpText={s.cancellation.holdWhilePendingHelp}
                  checked={c.holdWhilePending}
                  onChange={(v) => setC({ holdWhilePending: v })}
                />
                <WindowFields
                  value={c.window}
                  onChange={(window) => setC({ window })}
                  t={s}
                  errorKey="cancellation.window.amount"
                  errors={errors}
                  idPrefix="cancel-window"
                />
                <ChoiceList
                  title={s.cancellation.refundMethod}
                  choices={[
                    { label: s.cancellation.refundOriginal, value: "ORIGINAL_PAYMENT" },
                    { label: s.cancellation.refundStoreCredit, value: "STORE_CREDIT" },
                  ]}
                  selected={[c.refundMethod]}
                  onChange={(v) => setC({ refundMethod: v[0] as SettingsForm["cancellation"]["refundMethod"] })}
                />
                <Checkbox label={s.cancellation.restock} checked={c.restock} onChange={(v) => setC({ restock: v })} />
                <Checkbox
                  label={s.cancellation.notifyFromShopify}
                  checked={c.notifyCustomerFromShopify}
                  onChange={(v) => setC({ notifyCustomerFromShopify: v })}
                />
                <TextField
                  label={s.cancellation.staffNote}
                  value={c.staffNote}
                  onChange={(v) => setC({ staffNote: v })}
                  autoComplete="off"
                  error={errors["cancellation.staffNote"] ? s.errors.staffNote : undefined}
                />
                <ChoiceList
                  title={s.cancellation.reasons}
                  allowMultiple
                  choices={CUSTOMER_REASONS.map((r) => ({ label: reasonLabels[r], value: r }))}
                  selected={c.customerReasons}
                  onChange={(v) => setC({ customerReasons: v as SettingsForm["cancellation"]["customerReasons"] })}
                  error={errors["cancellation.customerReasons"] ? s.errors.reasons : undefined}
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {s.deadline.title}
                </Text>
                <Text as="p" tone="subdued">
                  {s.deadline.help}
                </Text>
                <Checkbox
                  label={s.deadline.none}
                  checked={!c.deadline.enabled}
                  onChange={(v) => setC({ deadline: { ...c.deadline, enabled: !v } })}
                />
                {c.deadline.enabled ? (
                  <>
                    <Box maxWidth="200px">
                      <TextField
                        label={s.deadline.hours}
                        type="number"
                        min={1}
                        max={720}
                        value={c.deadline.hours}
                        onChange={(hours) => setC({ deadline: { ...c.deadline, hours } })}
                        error={errors["cancellation.deadline.hours"] ? s.errors.deadlineHours : undefined}
                        autoComplete="off"
                      />
                    </Box>
                    <ChoiceList
                      title={s.deadline.action}
                      choices={[
                        { label: s.deadline.approve, value: "APPROVE" },
                        { label: s.deadline.reject, value: "REJECT" },
                      ]}
                      selected={[c.deadline.action]}
                      onChange={(v) => setC({ deadline: { ...c.deadline, action: v[0] as "APPROVE" | "REJECT" } })}
                    />
                  </>
                ) : null}
              </BlockStack>
            </Card>
            <InlineStack align="end" gap="200">
              <Button onClick={discard} disabled={!dirty || saving}>
                {t.common.discard}
              </Button>
              <Button variant="primary" onClick={save} disabled={!dirty || saving || hasErrors} loading={saving}>
                {t.common.save}
              </Button>
            </InlineStack>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
