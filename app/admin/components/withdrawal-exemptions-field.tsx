import { BlockStack, Box, Button, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { SettingsForm } from "~/admin/settings-form";
import { WITHDRAWAL_EXEMPTION_REASONS, WITHDRAWAL_LIMITS } from "~/domain/policy";
import type { SettingsSectionProps } from "./settings-section";

type Exemption = SettingsForm["withdrawal"]["exemptions"][number];

/** Product tags the law's exemptions apply to, each with its reason; added and removed a row at a time. */
export function WithdrawalExemptionsField({ value: w, set, errors, locale }: SettingsSectionProps<"withdrawal">) {
  const t = adminMessages(locale);
  const s = t.withdrawalSettings;
  const rows = w.exemptions;
  const update = (i: number, patch: Partial<Exemption>) =>
    set({ exemptions: rows.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const error = (i: number, field: "tag" | "reason") =>
    errors[`withdrawal.exemptions.${i}.${field}`]
      ? t.settings.errors[field === "tag" ? "withdrawalExemptionTag" : "withdrawalExemptionReason"]
      : undefined;
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {s.exemptions}
      </Text>
      <Text as="p" tone="subdued">
        {s.exemptionsHelp}
      </Text>
      {rows.length === 0 ? <Text as="p">{s.noExemptions}</Text> : null}
      {rows.map((row, i) => (
        <InlineStack key={i} gap="200" blockAlign="start" wrap={false}>
          <Box minWidth="180px">
            <TextField
              label={s.tag}
              value={row.tag}
              onChange={(tag) => update(i, { tag })}
              error={error(i, "tag")}
              maxLength={WITHDRAWAL_LIMITS.tagLength}
              autoComplete="off"
            />
          </Box>
          <Select
            label={s.reason}
            options={WITHDRAWAL_EXEMPTION_REASONS.map((r) => ({ label: s.reasons[r], value: r }))}
            value={row.reason}
            onChange={(reason) => update(i, { reason: reason as Exemption["reason"] })}
            error={error(i, "reason")}
          />
          <Box paddingBlockStart="600">
            <Button
              tone="critical"
              variant="plain"
              accessibilityLabel={fill(s.removeExemption, { tag: row.tag })}
              onClick={() => set({ exemptions: rows.filter((_, j) => j !== i) })}
            >
              {s.remove}
            </Button>
          </Box>
        </InlineStack>
      ))}
      {errors["withdrawal.exemptions"] ? (
        <Text as="p" tone="critical">
          {t.settings.errors.withdrawalExemptions}
        </Text>
      ) : null}
      <Box>
        <Button
          onClick={() => set({ exemptions: [...rows, { tag: "", reason: "PERSONALISED" }] })}
          disabled={rows.length >= WITHDRAWAL_LIMITS.exemptions}
        >
          {s.addExemption}
        </Button>
      </Box>
    </BlockStack>
  );
}
