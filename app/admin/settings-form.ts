import { z } from "zod";
import {
  EU_EEA_COUNTRIES,
  WITHDRAWAL_EXEMPTION_REASONS,
  validateWithdrawalSettings,
  type StorePolicy,
  type WithdrawalSettings,
} from "~/domain/policy";
import { ADDRESS_RULES, CUSTOMER_REASONS } from "~/domain/types";

/**
 * The settings page's form, validated by the same schema on the client (inline errors as the merchant
 * types) and on the server (the truth). Error messages are keys of `admin.settings.errors`.
 */
const WindowSchema = z.object({
  limited: z.boolean(),
  amount: z.string(),
  unit: z.enum(["minutes", "hours"]),
});

export const SettingsFormSchema = z
  .object({
    addressChange: z.object({
      enabled: z.boolean(),
      requireApproval: z.boolean(),
      allowCountryChange: z.boolean(),
      rules: z.object(
        Object.fromEntries(ADDRESS_RULES.map((r) => [r, z.boolean()])) as Record<
          (typeof ADDRESS_RULES)[number],
          z.ZodBoolean
        >,
      ),
      window: WindowSchema,
    }),
    cancellation: z.object({
      enabled: z.boolean(),
      requireApproval: z.boolean(),
      holdWhilePending: z.boolean(),
      refundMethod: z.enum(["ORIGINAL_PAYMENT", "STORE_CREDIT"]),
      restock: z.boolean(),
      staffNote: z.string().max(255, "staffNote"),
      notifyCustomerFromShopify: z.boolean(),
      customerReasons: z.array(z.enum(CUSTOMER_REASONS)).min(1, "reasons"),
      window: WindowSchema,
      deadline: z.object({ enabled: z.boolean(), hours: z.string(), action: z.enum(["APPROVE", "REJECT"]) }),
    }),
    withdrawal: z.object({
      enabled: z.boolean(),
      /** The EU and EEA countries ticked. */
      countries: z.array(z.string()),
      /** Any other shipping countries, as typed: two-letter codes separated by commas or spaces. */
      otherCountries: z.string().max(1000, "withdrawalCountries"),
      periodDays: z.string(),
      exemptions: z.array(z.object({ tag: z.string(), reason: z.enum(WITHDRAWAL_EXEMPTION_REASONS) })),
      refund: z.enum(["AUTOMATIC", "MANUAL"]),
    }),
  })
  .superRefine((form, ctx) => {
    const whole = (v: string, min: number, max: number) => /^\d+$/.test(v.trim()) && +v >= min && +v <= max;
    for (const key of ["addressChange", "cancellation"] as const) {
      const w = form[key].window;
      if (w.limited && !whole(w.amount, 1, 525_600))
        ctx.addIssue({ code: "custom", path: [key, "window", "amount"], message: "windowAmount" });
    }
    const d = form.cancellation.deadline;
    if (d.enabled && !whole(d.hours, 1, 720))
      ctx.addIssue({ code: "custom", path: ["cancellation", "deadline", "hours"], message: "deadlineHours" });
    // The withdrawal settings are checked by the domain's own validation, the one saved policies are read with.
    const others = splitCountries(form.withdrawal.otherCountries);
    if (others.some((c) => !/^[A-Za-z]{2}$/.test(c)))
      ctx.addIssue({ code: "custom", path: ["withdrawal", "otherCountries"], message: "withdrawalCountries" });
    else {
      const checked = validateWithdrawalSettings(withdrawalOf(form.withdrawal));
      if (!checked.ok) ctx.addIssue({ code: "custom", path: checked.field.split("."), message: checked.error });
    }
  });

export type SettingsForm = z.infer<typeof SettingsFormSchema>;

/** Field path ("cancellation.deadline.hours") → error key, the first per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    out[path] ??= issue.message;
  }
  return out;
}

type WithdrawalForm = SettingsForm["withdrawal"];

const EU_EEA: readonly string[] = EU_EEA_COUNTRIES;

/** "ch, GB;no" → ["CH", "GB", "NO"] (unchecked: the schema checks each code). */
function splitCountries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
}

/** The form's withdrawal section as settings: ticked and typed countries together, the period as a number. */
function withdrawalOf(w: WithdrawalForm): WithdrawalSettings {
  const period = w.periodDays.trim();
  return {
    enabled: w.enabled,
    countries: [...w.countries, ...splitCountries(w.otherCountries)],
    periodDays: /^\d+$/.test(period) ? Number(period) : Number.NaN,
    exemptions: w.exemptions.map((e) => ({ tag: e.tag, reason: e.reason })),
    refund: w.refund,
  };
}

function withdrawalForm(w: WithdrawalSettings): WithdrawalForm {
  return {
    enabled: w.enabled,
    countries: w.countries.filter((c) => EU_EEA.includes(c)),
    otherCountries: w.countries.filter((c) => !EU_EEA.includes(c)).join(", "),
    periodDays: String(w.periodDays),
    exemptions: w.exemptions.map((e) => ({ ...e })),
    refund: w.refund,
  };
}

function windowOf(minutes: number | null): SettingsForm["addressChange"]["window"] {
  if (minutes === null) return { limited: false, amount: "2", unit: "hours" };
  return minutes % 60 === 0
    ? { limited: true, amount: String(minutes / 60), unit: "hours" }
    : { limited: true, amount: String(minutes), unit: "minutes" };
}

const minutesOf = (w: SettingsForm["addressChange"]["window"]) =>
  w.limited ? Number(w.amount) * (w.unit === "hours" ? 60 : 1) : null;

export function policyToForm(policy: StorePolicy): SettingsForm {
  const { windowMinutes: addressWindow, ...addressChange } = policy.addressChange;
  const { windowMinutes: cancelWindow, decisionDeadlineHours, deadlineAction, ...c } = policy.cancellation;
  return {
    addressChange: { ...addressChange, rules: { ...addressChange.rules }, window: windowOf(addressWindow) },
    cancellation: {
      ...c,
      staffNote: c.staffNote ?? "",
      customerReasons: [...c.customerReasons],
      window: windowOf(cancelWindow),
      deadline: {
        enabled: decisionDeadlineHours !== null,
        hours: String(decisionDeadlineHours ?? 48),
        action: deadlineAction,
      },
    },
    withdrawal: withdrawalForm(policy.withdrawal),
  };
}

/** The policy a valid form saves (the schema has checked it; the withdrawal settings come out normalised). */
export function formToPolicy(form: SettingsForm): Omit<StorePolicy, "version"> {
  const { window: addressWindow, ...addressChange } = form.addressChange;
  const { window: cancelWindow, deadline, ...c } = form.cancellation;
  return {
    addressChange: { ...addressChange, rules: { ...addressChange.rules }, windowMinutes: minutesOf(addressWindow) },
    cancellation: {
      ...c,
      staffNote: c.staffNote.trim() || null,
      customerReasons: CUSTOMER_REASONS.filter((r) => c.customerReasons.includes(r)),
      windowMinutes: minutesOf(cancelWindow),
      decisionDeadlineHours: deadline.enabled ? Number(deadline.hours) : null,
      deadlineAction: deadline.action,
    },
    withdrawal: validWithdrawal(form.withdrawal),
  };
}

function validWithdrawal(w: WithdrawalForm): WithdrawalSettings {
  const checked = validateWithdrawalSettings(withdrawalOf(w));
  if (!checked.ok) throw new Error(`formToPolicy: invalid withdrawal settings (${checked.field})`);
  return checked.value;
}
