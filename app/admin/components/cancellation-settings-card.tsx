import { BlockStack, Card, Checkbox, ChoiceList, Text, TextField } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { SettingsForm } from "~/admin/settings-form";
import { messagesFor } from "~/domain/messages";
import { CUSTOMER_REASONS, type Locale } from "~/domain/types";
import { WindowFields } from "./window-fields";

/** Cancellations: on or off, approval, hold, window, refund, restock, Shopify's email, note and reasons. */
export function CancellationSettingsCard({
  c,
  setC,
  errors,
  locale,
}: {
  c: SettingsForm["cancellation"];
  setC: (patch: Partial<SettingsForm["cancellation"]>) => void;
  errors: Record<string, string>;
  locale: Locale;
}) {
  const s = adminMessages(locale).settings;
  const reasonLabels = messagesFor(locale).customerReasons;
  return (
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
  );
}
