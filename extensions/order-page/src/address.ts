import {
  ADDRESS_FIELDS,
  ADDRESS_LIMITS,
  type AddressField,
  PHONE_EXAMPLE,
  REQUIRED_ADDRESS_FIELDS,
  normalizePhone,
} from "../../../app/domain/mailing-address";
import type { Address, Country } from "../../_shared/api";

/** The form's fields: the server's (app/domain/mailing-address.ts), bundled from the same file. */
export const FIELDS = ADDRESS_FIELDS;
export type Field = AddressField;
export type Values = Record<Field, string>;

/** A problem with a field, as a translation key and its values. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export function initialValues(address: Address | null, countries: Country[]): Values {
  const values = Object.fromEntries(FIELDS.map((f) => [f, address?.[f] || ""])) as Values;
  // no country yet, or one the store does not ship to
  if (!countries.some((c) => c.code === values.countryCode))
    values.countryCode = countries[0]?.code || values.countryCode;
  return values;
}

/** What the shopper must fix before sending; the server checks again (formats per country, province codes). */
export function validate(values: Values, country: Country | undefined): Partial<Record<Field, FieldError>> {
  const errors: Partial<Record<Field, FieldError>> = {};
  const required: Field[] = REQUIRED_ADDRESS_FIELDS.slice();
  if (country?.zipRequired) required.push("zip");
  if (country?.provinces.length) required.push("provinceCode");
  for (const field of FIELDS) {
    const value = values[field].trim();
    const max = ADDRESS_LIMITS[field];
    if (!value && required.includes(field)) errors[field] = { key: "form.required" };
    else if (value.length > max) errors[field] = { key: "form.tooLong", params: { max } };
  }
  if (!errors.phone && values.phone.trim() && normalizePhone(values.phone) === null) {
    errors.phone = { key: "form.phoneInvalid", params: { example: PHONE_EXAMPLE } };
  }
  return errors;
}

/** The body of POST address-change: trimmed, blanks as null, no province where the country has none. */
export function toAddress(values: Values, country: Country | undefined): Address {
  const address = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() || null])) as Address;
  if (!country?.provinces.length) address.provinceCode = null;
  return address;
}

/** The 400 answer's field errors, on the form's fields ("address.city" → city). */
export function serverFieldErrors(error: {
  message: string;
  field?: string;
  fields?: { field: string; code: string }[];
  reasons?: { code: string; message: string; field?: string }[];
}): Partial<Record<Field, FieldError | string>> {
  const out: Partial<Record<Field, FieldError | string>> = {};
  // the first problem named for a field is the one shown
  const put = (name: string | undefined, problem: FieldError | string) => {
    const field = FIELDS.find((f) => f === name?.replace(/^address\./, ""));
    if (field && !out[field]) out[field] = problem;
  };
  for (const r of error.reasons || []) put(r.field, r.message);
  for (const e of error.fields || [])
    put(e.field, {
      key:
        e.code === "REQUIRED"
          ? "form.required"
          : e.code === "TOO_LONG" || e.code === "too_big"
            ? "form.tooLongPlain"
            : "form.invalid",
    });
  put(error.field, error.message);
  return out;
}
