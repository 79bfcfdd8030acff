import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, EU_EEA_COUNTRIES } from "~/domain/policy";
import { SettingsFormSchema, fieldErrors, formToPolicy, policyToForm, type SettingsForm } from "./settings-form";

const base = () => policyToForm(DEFAULT_POLICY);
const withWithdrawal = (patch: Partial<SettingsForm["withdrawal"]>): SettingsForm => {
  const form = base();
  return { ...form, withdrawal: { ...form.withdrawal, ...patch } };
};
const errorsOf = (form: SettingsForm) => {
  const parsed = SettingsFormSchema.safeParse(form);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe("the settings form's withdrawal section", () => {
  it("shows the defaults: off, the EU and EEA countries ticked, 14 days, no exemptions, automatic refunds", () => {
    expect(base().withdrawal).toEqual({
      enabled: false,
      countries: [...EU_EEA_COUNTRIES],
      otherCountries: "",
      periodDays: "14",
      exemptions: [],
      refund: "AUTOMATIC",
    });
    expect(errorsOf(base())).toEqual({});
  });

  it("saves ticked and typed countries together, normalised, and reads them back apart", () => {
    const form = withWithdrawal({
      enabled: true,
      countries: ["FR", "BE"],
      otherCountries: " ch, gb;CH ",
      periodDays: " 30 ",
      exemptions: [
        { tag: " engraved ", reason: "PERSONALISED" },
        { tag: "ENGRAVED", reason: "OTHER" },
        { tag: "fresh", reason: "PERISHABLE" },
      ],
      refund: "MANUAL",
    });
    expect(errorsOf(form)).toEqual({});
    const policy = formToPolicy(SettingsFormSchema.parse(form));
    expect(policy.withdrawal).toEqual({
      enabled: true,
      countries: ["FR", "BE", "CH", "GB"],
      periodDays: 30,
      exemptions: [
        { tag: "engraved", reason: "PERSONALISED" },
        { tag: "fresh", reason: "PERISHABLE" },
      ],
      refund: "MANUAL",
    });
    const back = policyToForm({ ...policy, version: 2 }).withdrawal;
    expect(back.countries).toEqual(["FR", "BE"]);
    expect(back.otherCountries).toBe("CH, GB");
    expect(back.periodDays).toBe("30");
  });

  it.each([
    ["13 days", { periodDays: "13" }, "withdrawal.periodDays", "withdrawalPeriodDays"],
    ["366 days", { periodDays: "366" }, "withdrawal.periodDays", "withdrawalPeriodDays"],
    ["not a number", { periodDays: "two weeks" }, "withdrawal.periodDays", "withdrawalPeriodDays"],
    ["a fraction", { periodDays: "14.5" }, "withdrawal.periodDays", "withdrawalPeriodDays"],
    ["on with no country", { enabled: true, countries: [] }, "withdrawal.countries", "withdrawalCountries"],
    [
      "a typed country that is no code",
      { otherCountries: "CH, Suisse" },
      "withdrawal.otherCountries",
      "withdrawalCountries",
    ],
    [
      "an empty tag",
      { exemptions: [{ tag: "  ", reason: "PERISHABLE" as const }] },
      "withdrawal.exemptions.0.tag",
      "withdrawalExemptionTag",
    ],
    [
      "a tag with a comma",
      { exemptions: [{ tag: "a,b", reason: "OTHER" as const }] },
      "withdrawal.exemptions.0.tag",
      "withdrawalExemptionTag",
    ],
    [
      "51 exemptions",
      { exemptions: Array.from({ length: 51 }, (_, i) => ({ tag: `t${i}`, reason: "OTHER" as const })) },
      "withdrawal.exemptions",
      "withdrawalExemptions",
    ],
  ])("refuses %s, naming the field", (_name, patch, field, error) => {
    expect(errorsOf(withWithdrawal(patch))).toEqual({ [field]: error });
  });

  it("refuses a reason the law does not list and a refund mode that does not exist (the schema's enums)", () => {
    const bad = withWithdrawal({}) as unknown as { withdrawal: Record<string, unknown> };
    bad.withdrawal.exemptions = [{ tag: "x", reason: "SALE_ITEM" }];
    bad.withdrawal.refund = "STORE_CREDIT";
    const errors = errorsOf(bad as unknown as SettingsForm);
    expect(Object.keys(errors).sort()).toEqual(["withdrawal.exemptions.0.reason", "withdrawal.refund"]);
  });

  it("accepts the function switched off with no country", () => {
    expect(errorsOf(withWithdrawal({ enabled: false, countries: [] }))).toEqual({});
  });
});
