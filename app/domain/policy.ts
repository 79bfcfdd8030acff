import type { AddressRule, CustomerReason } from "./types";
import { CUSTOMER_REASONS } from "./types";

/**
 * The merchant's settings. Defaults are the store's FAQ (docs/rules.md); every one of them
 * is a setting. `version` increases on every save; each decision records the version it used.
 */
export interface StorePolicy {
  version: number;
  addressChange: {
    enabled: boolean;
    rules: Record<AddressRule, boolean>;
    /** Minutes after the order was placed; null = no time limit (until shipping is arranged). */
    windowMinutes: number | null;
    allowCountryChange: boolean;
    /** Route address changes to the merchant instead of applying them at once. */
    requireApproval: boolean;
  };
  cancellation: {
    enabled: boolean;
    windowMinutes: number | null;
    /** false = the store auto-approves cancellation requests. */
    requireApproval: boolean;
    customerReasons: CustomerReason[];
    holdWhilePending: boolean;
    refundMethod: "ORIGINAL_PAYMENT" | "STORE_CREDIT";
    restock: boolean;
    staffNote: string | null;
    /** Let Shopify send its own cancellation email too. */
    notifyCustomerFromShopify: boolean;
    /** Hours a request may stay PENDING / NEEDS_INFO; null = no deadline. */
    decisionDeadlineHours: number | null;
    deadlineAction: "APPROVE" | "REJECT";
  };
  /** The EU right of withdrawal (docs/rules.md "Withdrawal"): no approval, the customer withdraws. */
  withdrawal: WithdrawalSettings;
}

/** Why the law lets a product be excluded from withdrawal (Consumer Rights Directive, article 16). */
export const WITHDRAWAL_EXEMPTION_REASONS = [
  "PERSONALISED",
  "PERISHABLE",
  "SEALED_HYGIENE",
  "SEALED_MEDIA",
  "OTHER",
] as const;
export type WithdrawalExemptionReason = (typeof WITHDRAWAL_EXEMPTION_REASONS)[number];

export interface WithdrawalExemption {
  /** A product tag (compared case-insensitively, as Shopify treats tags). */
  tag: string;
  reason: WithdrawalExemptionReason;
}

export interface WithdrawalSettings {
  /** Off until the merchant turns it on. */
  enabled: boolean;
  /** Shipping countries (ISO 3166-1 alpha-2) where the function is offered. */
  countries: string[];
  /** Days after delivery; 14 is the legal minimum, a store may offer more. */
  periodDays: number;
  /** Product tags whose items cannot be withdrawn (at most WITHDRAWAL_LIMITS.exemptions). */
  exemptions: WithdrawalExemption[];
  /** On cancellation: Shopify refunds the original payment at once, or the merchant refunds (deadline tracked). */
  refund: "AUTOMATIC" | "MANUAL";
}

/** The 27 EU member states and the three other EEA states (Iceland, Liechtenstein, Norway). */
export const EU_EEA_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
] as const;

export const WITHDRAWAL_LIMITS = {
  minPeriodDays: 14,
  maxPeriodDays: 365,
  exemptions: 50,
  tagLength: 255,
} as const;

export type WithdrawalSettingsResult =
  | { ok: true; value: WithdrawalSettings }
  /** `field` is the setting's path ("withdrawal.periodDays"); `error` a key of `admin.settings.errors`. */
  | { ok: false; field: string; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks withdrawal settings from unchecked input (a form, a saved policy) and normalises them: countries
 * upper-cased and deduplicated, tags trimmed and deduplicated (case-insensitively, the first kept).
 */
export function validateWithdrawalSettings(input: unknown): WithdrawalSettingsResult {
  const fail = (field: string, error: string): WithdrawalSettingsResult => ({
    ok: false,
    field: `withdrawal.${field}`,
    error,
  });
  if (!isRecord(input)) return fail("enabled", "withdrawalSettings");
  const { enabled, countries, periodDays, exemptions, refund } = input;
  if (typeof enabled !== "boolean") return fail("enabled", "withdrawalSettings");
  if (!Array.isArray(countries) || !countries.every((c) => typeof c === "string" && /^[A-Za-z]{2}$/.test(c.trim())))
    return fail("countries", "withdrawalCountries");
  const codes = [...new Set(countries.map((c: string) => c.trim().toUpperCase()))];
  if (enabled && codes.length === 0) return fail("countries", "withdrawalCountries");
  if (
    typeof periodDays !== "number" ||
    !Number.isInteger(periodDays) ||
    periodDays < WITHDRAWAL_LIMITS.minPeriodDays ||
    periodDays > WITHDRAWAL_LIMITS.maxPeriodDays
  )
    return fail("periodDays", "withdrawalPeriodDays");
  if (!Array.isArray(exemptions) || exemptions.length > WITHDRAWAL_LIMITS.exemptions)
    return fail("exemptions", "withdrawalExemptions");
  const seen = new Set<string>();
  const kept: WithdrawalExemption[] = [];
  for (const [i, e] of exemptions.entries()) {
    if (!isRecord(e) || typeof e.tag !== "string") return fail(`exemptions.${i}.tag`, "withdrawalExemptionTag");
    const tag = e.tag.trim();
    if (!tag || tag.length > WITHDRAWAL_LIMITS.tagLength || tag.includes(","))
      return fail(`exemptions.${i}.tag`, "withdrawalExemptionTag");
    if (!(WITHDRAWAL_EXEMPTION_REASONS as readonly unknown[]).includes(e.reason))
      return fail(`exemptions.${i}.reason`, "withdrawalExemptionReason");
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    kept.push({ tag, reason: e.reason as WithdrawalExemptionReason });
  }
  if (refund !== "AUTOMATIC" && refund !== "MANUAL") return fail("refund", "withdrawalRefund");
  return { ok: true, value: { enabled, countries: codes, periodDays, exemptions: kept, refund } };
}

export const DEFAULT_POLICY: StorePolicy = {
  version: 1,
  addressChange: {
    enabled: true,
    rules: {
      FULFILLMENT_STARTED: true,
      PAYMENT_CONFIRMED: true,
      ADDRESS_ALREADY_CHANGED: true,
      SHIPPING_COST_INCREASE: true,
      FREE_SHIPPING_DISCOUNT_USED: true,
    },
    windowMinutes: null,
    allowCountryChange: false,
    requireApproval: false,
  },
  cancellation: {
    enabled: true,
    windowMinutes: null,
    requireApproval: true,
    customerReasons: [...CUSTOMER_REASONS],
    holdWhilePending: true,
    refundMethod: "ORIGINAL_PAYMENT",
    restock: true,
    staffNote: "Cancelled at the customer's request (Amend)",
    notifyCustomerFromShopify: false,
    decisionDeadlineHours: null,
    deadlineAction: "REJECT",
  },
  withdrawal: {
    enabled: false,
    countries: [...EU_EEA_COUNTRIES],
    periodDays: 14,
    exemptions: [],
    refund: "AUTOMATIC",
  },
};
