// Shopify's MailingAddressInput as Amend takes it: field names, length limits, required fields and the phone
// format. It imports nothing: the customer extensions bundle this file too (extensions/_shared/api.ts,
// extensions/order-page/src/address.ts), so the order page's form and the server check one shape. Keep it free
// of object spread and async functions (each adds a helper to every extension bundle).

/** Shopify's MailingAddressInput names. */
export interface MailingAddress {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  provinceCode?: string | null;
  zip?: string | null;
  countryCode: string;
  phone?: string | null;
}

export type AddressField = keyof MailingAddress;

/** Every field, in the order validation reports them. */
export const ADDRESS_FIELDS = [
  "firstName",
  "lastName",
  "company",
  "address1",
  "address2",
  "city",
  "provinceCode",
  "zip",
  "countryCode",
  "phone",
] as const satisfies readonly AddressField[];

/** Maximum lengths, after trimming (Shopify's limits for MailingAddress). */
export const ADDRESS_LIMITS: Record<AddressField, number> = {
  firstName: 255,
  lastName: 255,
  company: 255,
  address1: 255,
  address2: 255,
  city: 255,
  provinceCode: 20,
  zip: 20,
  countryCode: 2,
  phone: 30,
};

/** Required in every country (a postal code and a province depend on the country). */
export const REQUIRED_ADDRESS_FIELDS = [
  "lastName",
  "address1",
  "city",
  "countryCode",
] as const satisfies readonly AddressField[];

export const PHONE_EXAMPLE = "+33 6 12 34 56 78";

/**
 * "+33 (0)6 12-34-56-78" → "+33612345678"; "0033…" counts as "+33…". Returns null when the
 * result is not "+" and 7–15 digits: a national number without its country code is refused,
 * because a carrier abroad cannot call it.
 */
export function normalizePhone(input: string): string | null {
  let phone = input.replace(/\(0\)/g, "").replace(/[\s\-().]/g, "");
  if (phone.startsWith("00")) phone = `+${phone.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(phone) ? phone : null;
}
