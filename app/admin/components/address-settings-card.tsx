import { Checkbox, Text } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import { ADDRESS_RULES } from "~/domain/types";
import { SectionCard } from "./section-card";
import { flagBinding, type SettingsSectionProps } from "./settings-section";
import { WindowFields } from "./window-fields";

/** Address changes: on or off, approval, country changes, each rule with its switch, and the time window. */
export function AddressSettingsCard({ value: a, set: setA, errors, locale }: SettingsSectionProps<"addressChange">) {
  const t = adminMessages(locale);
  const s = t.settings;
  const flag = flagBinding(a, setA);
  return (
    <SectionCard title={s.address.title}>
      {(["enabled", "requireApproval", "allowCountryChange"] as const).map((key) => (
        <Checkbox key={key} label={s.address[key]} helpText={s.address[`${key}Help`]} {...flag(key)} />
      ))}
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
      <WindowFields section="addressChange" value={a} set={setA} errors={errors} locale={locale} />
    </SectionCard>
  );
}
