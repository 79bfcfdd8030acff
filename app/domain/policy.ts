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
};
