import { Box, Checkbox, ChoiceList, Text, TextField } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { SettingsForm } from "~/admin/settings-form";
import { WITHDRAWAL_LIMITS } from "~/domain/policy";
import { SectionCard } from "./section-card";
import { flagBinding, type SettingsSectionProps } from "./settings-section";
import { WithdrawalCountriesField } from "./withdrawal-countries-field";
import { WithdrawalExemptionsField } from "./withdrawal-exemptions-field";

/** The EU withdrawal function: on or off, where (shipping countries), how long, which products not, and refunds. */
export function WithdrawalSettingsCard(props: SettingsSectionProps<"withdrawal">) {
  const { value: w, set, errors, locale } = props;
  const t = adminMessages(locale);
  const s = t.withdrawalSettings;
  const flag = flagBinding(w, set);
  return (
    <SectionCard title={s.title} help={s.help}>
      <Checkbox label={s.enabled} helpText={s.enabledHelp} {...flag("enabled")} />
      <Box maxWidth="320px">
        <TextField
          label={s.periodDays}
          helpText={s.periodDaysHelp}
          type="number"
          min={WITHDRAWAL_LIMITS.minPeriodDays}
          max={WITHDRAWAL_LIMITS.maxPeriodDays}
          value={w.periodDays}
          onChange={(periodDays) => set({ periodDays })}
          error={errors["withdrawal.periodDays"] ? t.settings.errors.withdrawalPeriodDays : undefined}
          autoComplete="off"
        />
      </Box>
      <ChoiceList
        title={s.refund}
        choices={[
          { label: s.refundAutomatic, value: "AUTOMATIC" },
          { label: s.refundManual, value: "MANUAL" },
        ]}
        selected={[w.refund]}
        onChange={(v) => set({ refund: v[0] as SettingsForm["withdrawal"]["refund"] })}
        error={errors["withdrawal.refund"] ? t.settings.errors.withdrawalRefund : undefined}
      />
      <Text as="p" tone="subdued">
        {s.refundHelp}
      </Text>
      <WithdrawalCountriesField {...props} />
      <WithdrawalExemptionsField {...props} />
    </SectionCard>
  );
}
