import { Box, Checkbox, ChoiceList, TextField } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import { SectionCard } from "./section-card";
import type { SettingsSectionProps } from "./settings-section";

/** The decision deadline on cancellations: none, or hours after which they are approved or rejected. */
export function DeadlineSettingsCard({ value: c, set: setC, errors, locale }: SettingsSectionProps<"cancellation">) {
  const s = adminMessages(locale).settings;
  return (
    <SectionCard title={s.deadline.title} help={s.deadline.help}>
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
    </SectionCard>
  );
}
