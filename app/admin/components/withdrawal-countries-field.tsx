import {
  BlockStack,
  Box,
  Button,
  Checkbox,
  InlineGrid,
  InlineStack,
  InlineError,
  Text,
  TextField,
} from "@shopify/polaris";
import { useMemo } from "react";
import { adminMessages } from "~/admin/i18n";
import { EU_EEA_COUNTRIES } from "~/domain/policy";
import type { SettingsSectionProps } from "./settings-section";

/** The shipping countries where the function is offered: the EU and EEA ones ticked, any others typed as codes. */
export function WithdrawalCountriesField({ value: w, set, errors, locale }: SettingsSectionProps<"withdrawal">) {
  const t = adminMessages(locale);
  const s = t.withdrawalSettings;
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    return EU_EEA_COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      a.name.localeCompare(b.name, locale),
    );
  }, [locale]);
  const chosen = new Set(w.countries);
  const toggle = (code: string, on: boolean) =>
    set({ countries: EU_EEA_COUNTRIES.filter((c) => (c === code ? on : chosen.has(c))) });
  const error = errors["withdrawal.countries"] ? t.settings.errors.withdrawalCountries : null;
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} aria-describedby="withdrawal-countries-help">
      <legend style={{ padding: 0, marginBlockEnd: "var(--p-space-200)" }}>
        <Text as="span" variant="headingSm">
          {s.countries}
        </Text>
      </legend>
      <BlockStack gap="200">
        <Text as="p" tone="subdued" id="withdrawal-countries-help">
          {s.countriesHelp}
        </Text>
        <InlineStack gap="300">
          <Button variant="plain" onClick={() => set({ countries: [...EU_EEA_COUNTRIES] })}>
            {s.allCountries}
          </Button>
          <Button variant="plain" onClick={() => set({ countries: [] })}>
            {s.noCountries}
          </Button>
        </InlineStack>
        <InlineGrid columns={{ xs: 2, md: 3 }} gap="100">
          {countries.map(({ code, name }) => (
            <Checkbox
              key={code}
              label={`${name} (${code})`}
              checked={chosen.has(code)}
              onChange={(on) => toggle(code, on)}
            />
          ))}
        </InlineGrid>
        {error ? <InlineError message={error} fieldID="withdrawal-other-countries" /> : null}
        <Box maxWidth="480px">
          <TextField
            id="withdrawal-other-countries"
            label={s.otherCountries}
            helpText={s.otherCountriesHelp}
            value={w.otherCountries}
            onChange={(otherCountries) => set({ otherCountries })}
            error={errors["withdrawal.otherCountries"] ? t.settings.errors.withdrawalCountries : undefined}
            autoComplete="off"
          />
        </Box>
      </BlockStack>
    </fieldset>
  );
}
