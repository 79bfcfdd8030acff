import { useFetcher } from "@remix-run/react";
import { SaveBar } from "@shopify/app-bridge-react";
import { BlockStack, Button, InlineStack, Layout, Page } from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import { adminMessages, fill } from "~/admin/i18n";
import { SettingsFormSchema, fieldErrors, type SettingsForm } from "~/admin/settings-form";
import type { Locale } from "~/domain/types";
import { AddressSettingsCard } from "./address-settings-card";
import { CancellationSettingsCard } from "./cancellation-settings-card";
import { DeadlineSettingsCard } from "./deadline-settings-card";
import { useToast } from "./use-toast";
import { ErrorBanner } from "./error-banner";
import { WithdrawalSettingsCard } from "./withdrawal-settings-card";
import { WithdrawalTermsCard } from "./withdrawal-terms-card";

type Result = { ok: true; version: number; form: SettingsForm } | { ok: false; fieldErrors: Record<string, string> };

/** The store's policy as a form: checked as the merchant types, saved as a new version. */
export function SettingsPage({
  data,
}: {
  data: { locale: Locale; form: SettingsForm; version: number; withdrawalUrl: string; demo: boolean };
}) {
  const locale = data.locale;
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
  const setA = (patch: Partial<SettingsForm["addressChange"]>) =>
    setForm((f) => ({ ...f, addressChange: { ...f.addressChange, ...patch } }));
  const setC = (patch: Partial<SettingsForm["cancellation"]>) =>
    setForm((f) => ({ ...f, cancellation: { ...f.cancellation, ...patch } }));
  const setW = (patch: Partial<SettingsForm["withdrawal"]>) =>
    setForm((f) => ({ ...f, withdrawal: { ...f.withdrawal, ...patch } }));
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
            <ErrorBanner message={hasErrors ? t.errors.INVALID_INPUT : null} />
            <AddressSettingsCard value={form.addressChange} set={setA} errors={errors} locale={locale} />
            <CancellationSettingsCard value={form.cancellation} set={setC} errors={errors} locale={locale} />
            <DeadlineSettingsCard value={form.cancellation} set={setC} errors={errors} locale={locale} />
            <WithdrawalSettingsCard value={form.withdrawal} set={setW} errors={errors} locale={locale} />
            <WithdrawalTermsCard url={data.withdrawalUrl} locale={locale} />
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
