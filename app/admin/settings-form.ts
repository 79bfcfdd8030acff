import { z } from "zod";
import type { StorePolicy } from "~/domain/policy";
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

function windowOf(minutes: number | null): SettingsForm["addressChange"]["window"] {
  if (minutes === null) return { limited: false, amount: "2", unit: "hours" };
  return minutes % 60 === 0
    ? { limited: true, amount: String(minutes / 60), unit: "hours" }
    : { limited: true, amount: String(minutes), unit: "minutes" };
}

const minutesOf = (w: SettingsForm["addressChange"]["window"]) =>
  w.limited ? Number(w.amount) * (w.unit === "hours" ? 60 : 1) : null;

export function policyToForm(policy: StorePolicy): SettingsForm {
  const c = policy.cancellation;
  return {
    addressChange: {
      enabled: policy.addressChange.enabled,
      requireApproval: policy.addressChange.requireApproval,
      allowCountryChange: policy.addressChange.allowCountryChange,
      rules: { ...policy.addressChange.rules },
      window: windowOf(policy.addressChange.windowMinutes),
    },
    cancellation: {
      enabled: c.enabled,
      requireApproval: c.requireApproval,
      holdWhilePending: c.holdWhilePending,
      refundMethod: c.refundMethod,
      restock: c.restock,
      staffNote: c.staffNote ?? "",
      notifyCustomerFromShopify: c.notifyCustomerFromShopify,
      customerReasons: [...c.customerReasons],
      window: windowOf(c.windowMinutes),
      deadline: {
        enabled: c.decisionDeadlineHours !== null,
        hours: String(c.decisionDeadlineHours ?? 48),
        action: c.deadlineAction,
      },
    },
  };
}

export function formToPolicy(form: SettingsForm): Omit<StorePolicy, "version"> {
  const c = form.cancellation;
  return {
    addressChange: {
      enabled: form.addressChange.enabled,
      requireApproval: form.addressChange.requireApproval,
      allowCountryChange: form.addressChange.allowCountryChange,
      rules: { ...form.addressChange.rules },
      windowMinutes: minutesOf(form.addressChange.window),
    },
    cancellation: {
      enabled: c.enabled,
      requireApproval: c.requireApproval,
      holdWhilePending: c.holdWhilePending,
      refundMethod: c.refundMethod,
      restock: c.restock,
      staffNote: c.staffNote.trim() || null,
      notifyCustomerFromShopify: c.notifyCustomerFromShopify,
      customerReasons: CUSTOMER_REASONS.filter((r) => c.customerReasons.includes(r)),
      windowMinutes: minutesOf(c.window),
      decisionDeadlineHours: c.deadline.enabled ? Number(c.deadline.hours) : null,
      deadlineAction: c.deadline.action,
    },
  };
}
