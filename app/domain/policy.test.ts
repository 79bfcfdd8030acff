import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, EU_EEA_COUNTRIES, validateWithdrawalSettings } from "./policy";

const valid = {
  enabled: true,
  countries: ["fr", " BE ", "FR"],
  periodDays: 30,
  exemptions: [
    { tag: " sur-mesure ", reason: "PERSONALISED" },
    { tag: "SUR-MESURE", reason: "OTHER" },
    { tag: "frais", reason: "PERISHABLE" },
  ],
  refund: "MANUAL",
};

describe("withdrawal settings", () => {
  it("are off by default, offered in the 27 EU states and Iceland, Liechtenstein and Norway, for 14 days", () => {
    expect(DEFAULT_POLICY.withdrawal).toEqual({
      enabled: false,
      countries: [...EU_EEA_COUNTRIES],
      periodDays: 14,
      exemptions: [],
      refund: "AUTOMATIC",
    });
    expect(new Set(EU_EEA_COUNTRIES).size).toBe(30);
    expect(validateWithdrawalSettings(DEFAULT_POLICY.withdrawal)).toEqual({
      ok: true,
      value: DEFAULT_POLICY.withdrawal,
    });
  });

  it("normalise countries (upper case, once) and tags (trimmed, once whatever the case, the first kept)", () => {
    expect(validateWithdrawalSettings(valid)).toEqual({
      ok: true,
      value: {
        enabled: true,
        countries: ["FR", "BE"],
        periodDays: 30,
        exemptions: [
          { tag: "sur-mesure", reason: "PERSONALISED" },
          { tag: "frais", reason: "PERISHABLE" },
        ],
        refund: "MANUAL",
      },
    });
  });

  it.each([
    ["not an object", null, "withdrawal.enabled", "withdrawalSettings"],
    ["enabled not a boolean", { ...valid, enabled: "yes" }, "withdrawal.enabled", "withdrawalSettings"],
    [
      "a country that is not a code",
      { ...valid, countries: ["France"] },
      "withdrawal.countries",
      "withdrawalCountries",
    ],
    ["on with no country", { ...valid, countries: [] }, "withdrawal.countries", "withdrawalCountries"],
    ["13 days: under the legal minimum", { ...valid, periodDays: 13 }, "withdrawal.periodDays", "withdrawalPeriodDays"],
    ["366 days", { ...valid, periodDays: 366 }, "withdrawal.periodDays", "withdrawalPeriodDays"],
    ["14.5 days", { ...valid, periodDays: 14.5 }, "withdrawal.periodDays", "withdrawalPeriodDays"],
    [
      "51 exemptions",
      { ...valid, exemptions: Array.from({ length: 51 }, (_, i) => ({ tag: `t${i}`, reason: "OTHER" })) },
      "withdrawal.exemptions",
      "withdrawalExemptions",
    ],
    [
      "an empty tag",
      { ...valid, exemptions: [{ tag: "  ", reason: "OTHER" }] },
      "withdrawal.exemptions.0.tag",
      "withdrawalExemptionTag",
    ],
    [
      "a tag with a comma (Shopify splits tags on commas)",
      { ...valid, exemptions: [{ tag: "a,b", reason: "OTHER" }] },
      "withdrawal.exemptions.0.tag",
      "withdrawalExemptionTag",
    ],
    [
      "an unknown reason",
      { ...valid, exemptions: [{ tag: "x", reason: "EXPENSIVE" }] },
      "withdrawal.exemptions.0.reason",
      "withdrawalExemptionReason",
    ],
    ["an unknown refund", { ...valid, refund: "LATER" }, "withdrawal.refund", "withdrawalRefund"],
  ])("refuse %s, naming the field", (_, input, field, error) => {
    expect(validateWithdrawalSettings(input)).toEqual({ ok: false, field, error });
  });

  it("off, no country is allowed (nothing is offered anyway)", () => {
    expect(validateWithdrawalSettings({ ...valid, enabled: false, countries: [] })).toMatchObject({ ok: true });
  });
});
