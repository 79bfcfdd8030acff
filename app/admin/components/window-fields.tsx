import { BlockStack, Box, ChoiceList, InlineStack, Select, TextField } from "@shopify/polaris";
import type { adminMessages } from "~/admin/i18n";
import type { SettingsForm } from "~/admin/settings-form";

/** A time window: none, or an amount of minutes or hours (with the amount's error, if any). */
export function WindowFields({
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
