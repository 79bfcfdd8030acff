import { Checkbox, ChoiceList, TextField } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { SettingsForm } from "~/admin/settings-form";
import { messagesFor } from "~/domain/messages";
import { CUSTOMER_REASONS } from "~/domain/types";
import { SectionCard } from "./section-card";
import { flagBinding, type SettingsSectionProps } from "./settings-section";
import { WindowFields } from "./window-fields";

/** Cancellations: on or off, approval, hold, window, refund, restock, Shopify's email, note and reasons. */
export function CancellationSettingsCard({
  value: c,
  set: setC,
  errors,
  locale,
}: SettingsSectionProps<"cancellation">) {
  const s = adminMessages(locale).settings;
  const reasonLabels = messagesFor(locale).customerReasons;
  const flag = flagBinding(c, setC);
  return (
    <SectionCard title={s.cancellation.title}>
      <Checkbox label={s.cancellation.enabled} {...flag("enabled")} />
      {(["requireApproval", "holdWhilePending"] as const).map((key) => (
        <Checkbox key={key} label={s.cancellation[key]} helpText={s.cancellation[`${key}Help`]} {...flag(key)} />
      ))}
      <WindowFields section="cancellation" value={c} set={setC} errors={errors} locale={locale} />
      <ChoiceList
        title={s.cancellation.refundMethod}
        choices={[
          { label: s.cancellation.refundOriginal, value: "ORIGINAL_PAYMENT" },
          { label: s.cancellation.refundStoreCredit, value: "STORE_CREDIT" },
        ]}
        selected={[c.refundMethod]}
        onChange={(v) => setC({ refundMethod: v[0] as SettingsForm["cancellation"]["refundMethod"] })}
      />
      <Checkbox label={s.cancellation.restock} {...flag("restock")} />
      <Checkbox label={s.cancellation.notifyFromShopify} {...flag("notifyCustomerFromShopify")} />
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
    </SectionCard>
  );
}
