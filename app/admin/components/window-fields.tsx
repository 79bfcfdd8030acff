import { BlockStack, Box, ChoiceList, InlineStack, Select, TextField } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { SettingsForm } from "~/admin/settings-form";
import type { SettingsSectionProps } from "./settings-section";

type Window = SettingsForm["addressChange"]["window"];
type Windowed = "addressChange" | "cancellation";
// the amount field's id in each section
const ID_PREFIX: Record<Windowed, string> = { addressChange: "address-window", cancellation: "cancel-window" };

/** A section's time window: none, or an amount of minutes or hours (with the amount's error, if any). */
export function WindowFields<K extends Windowed>({
  section,
  value: { window: value },
  set,
  errors,
  locale,
}: SettingsSectionProps<K> & { section: K }) {
  const t = adminMessages(locale).settings;
  const onChange = (window: Window) => set({ window } as Partial<SettingsForm[K]>);
  const errorKey = `${section}.window.amount`;
  const idPrefix = ID_PREFIX[section];
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
