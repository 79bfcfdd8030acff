import {
  ADDRESS_FIELDS,
  ADDRESS_LIMITS,
  type AddressField,
  type MailingAddress,
  normalizePhone,
  PHONE_EXAMPLE,
  REQUIRED_ADDRESS_FIELDS,
} from "./mailing-address";

export { ADDRESS_FIELDS, ADDRESS_LIMITS, type AddressField, normalizePhone, PHONE_EXAMPLE };

/**
 * Business validation of a shipping address (routes check the shape with zod first): required
 * fields per country, postal-code formats, province codes, lengths and phone format. Each error
 * names its field, so the customer knows exactly what to fix.
 */

export const ADDRESS_ERROR_CODES = ["REQUIRED", "TOO_LONG", "INVALID"] as const;
export type AddressErrorCode = (typeof ADDRESS_ERROR_CODES)[number];

export interface AddressError {
  field: AddressField;
  code: AddressErrorCode;
  /** `max` for TOO_LONG; `example` for a format error the customer can copy the shape of. */
  params?: { max?: string; example?: string };
}

export type AddressValidation = { ok: true; address: MailingAddress } | { ok: false; errors: AddressError[] };

/** What a client may send: any value per MailingAddress field (zod has checked the shape only). */
export type AddressInput = { [K in AddressField]?: unknown };

export interface AddressValidationOptions {
  /** Shopify requires a last name on a shipping address; off only for tests of other fields. */
  requireLastName?: boolean;
  /** The store's checkout requires a phone number. */
  requirePhone?: boolean;
}

/**
 * Countries without postal codes, or where it is optional (IE: Eircode is not required by
 * Shopify's checkout) — everywhere else a postal code is required.
 */
// prettier-ignore
const ZIP_NOT_REQUIRED = new Set([
  "AE", "AG", "AN", "AO", "AW", "BF", "BI", "BJ", "BO", "BS", "BW", "BZ", "CD", "CF", "CG", "CI",
  "CK", "CM", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK", "IE", "JM", "KE",
  "KI", "KM", "KN", "KP", "LC", "ML", "MO", "MR", "MW", "NR", "NU", "QA", "RW", "SB", "SC", "SL",
  "SR", "ST", "SY", "TD", "TF", "TG", "TK", "TL", "TO", "TT", "TV", "UG", "VU", "YE", "ZW",
]);

interface ZipFormat {
  pattern: RegExp;
  /** Canonical form of an accepted input (input is already trimmed and upper-case). */
  normalize?: (zip: string) => string;
  example: string;
}

const digitsOnly = (zip: string) => zip.replace(/[\s-]/g, "");
const spacedBeforeLast3 = (zip: string) => {
  const compact = zip.replace(/\s/g, "");
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
};

/** Formats checked where a wrong postal code would misroute the parcel; others get a length check. */
// prettier-ignore
const ZIP_FORMATS: Record<string, ZipFormat> = {
  FR: { pattern: /^\d{5}$/, normalize: digitsOnly, example: "75002" },
  MC: { pattern: /^980\d{2}$/, normalize: digitsOnly, example: "98000" },
  BE: { pattern: /^\d{4}$/, normalize: digitsOnly, example: "1000" },
  CH: { pattern: /^\d{4}$/, normalize: digitsOnly, example: "1201" },
  LU: { pattern: /^\d{4}$/, normalize: (z) => z.replace(/^L-?/, "").replace(/\s/g, ""), example: "1009" },
  AT: { pattern: /^\d{4}$/, normalize: digitsOnly, example: "1010" },
  DE: { pattern: /^\d{5}$/, normalize: digitsOnly, example: "10115" },
  IT: { pattern: /^\d{5}$/, normalize: digitsOnly, example: "00184" },
  ES: { pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, normalize: digitsOnly, example: "28013" },
  NL: {
    pattern: /^[1-9]\d{3} [A-Z]{2}$/,
    normalize: (z) => z.replace(/^(\d{4})\s*([A-Z]{2})$/, "$1 $2"),
    example: "1012 AB",
  },
  PT: { pattern: /^\d{4}-\d{3}$/, normalize: (z) => z.replace(/^(\d{4})\s*-?\s*(\d{3})$/, "$1-$2"), example: "1100-148" },
  GB: {
    pattern: /^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/,
    normalize: spacedBeforeLast3,
    example: "SW1A 1AA",
  },
  US: { pattern: /^\d{5}(-\d{4})?$/, normalize: (z) => z.replace(/\s*-\s*/, "-"), example: "94103" },
  CA: {
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/,
    normalize: spacedBeforeLast3,
    example: "H2X 1Y4",
  },
  AU: { pattern: /^\d{4}$/, normalize: digitsOnly, example: "2000" },
  JP: { pattern: /^\d{3}-\d{4}$/, normalize: (z) => z.replace(/^(\d{3})\s*-?\s*(\d{4})$/, "$1-$2"), example: "100-0001" },
};

/** Province code → name, for the countries whose codes are checked (and offered as a list). */
// prettier-ignore
export const COUNTRY_PROVINCES: Record<string, Record<string, string>> = {
  US: {
    AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado",
    CT: "Connecticut", DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia",
    HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa", KS: "Kansas",
    KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts",
    MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
    NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico",
    NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma",
    OR: "Oregon", PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota",
    TN: "Tennessee", TX: "Texas", UT: "Utah", VT: "Vermont", VA: "Virginia", WA: "Washington",
    WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
    AS: "American Samoa", FM: "Federated States of Micronesia", GU: "Guam", MH: "Marshall Islands",
    MP: "Northern Mariana Islands", PW: "Palau", PR: "Puerto Rico", VI: "U.S. Virgin Islands",
    UM: "U.S. Minor Outlying Islands", AA: "Armed Forces Americas", AE: "Armed Forces Europe",
    AP: "Armed Forces Pacific",
  },
  CA: {
    AB: "Alberta", BC: "British Columbia", MB: "Manitoba", NB: "New Brunswick",
    NL: "Newfoundland and Labrador", NT: "Northwest Territories", NS: "Nova Scotia", NU: "Nunavut",
    ON: "Ontario", PE: "Prince Edward Island", QC: "Quebec", SK: "Saskatchewan", YT: "Yukon",
  },
};

/** Countries where Shopify requires a province/state but whose code list we do not carry. */
const PROVINCE_REQUIRED_UNCHECKED = new Set(["AU", "MX", "IT", "ES", "JP", "BR", "IN", "AR", "CN", "MY", "ID"]);

export function countryRequiresZip(countryCode: string): boolean {
  return !ZIP_NOT_REQUIRED.has(countryCode.toUpperCase());
}

export function countryHasProvinces(countryCode: string): boolean {
  const code = countryCode.toUpperCase();
  return code in COUNTRY_PROVINCES || PROVINCE_REQUIRED_UNCHECKED.has(code);
}

/** Trimmed text, or null for absent/blank; undefined for a value of the wrong type. */
function text(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim().replace(/\s+/g, " ");
  return trimmed === "" ? null : trimmed;
}

/**
 * Validates and normalizes an address: trimmed, inner whitespace collapsed, country and province
 * codes upper-case, postal code in its country's canonical form, phone as E.164, blanks → null.
 * Errors come in ADDRESS_FIELDS order, at most one per field.
 */
export function validateAddress(
  input: AddressInput | null | undefined,
  opts: AddressValidationOptions = {},
): AddressValidation {
  const raw: AddressInput = input ?? {};
  const errors: AddressError[] = [];
  const values = {} as Record<AddressField, string | null>;
  const failed = new Set<AddressField>();
  const fail = (field: AddressField, code: AddressErrorCode, params?: AddressError["params"]) => {
    if (failed.has(field)) return;
    failed.add(field);
    errors.push(params ? { field, code, params } : { field, code });
  };

  for (const field of ADDRESS_FIELDS) {
    const value = text(raw[field]);
    if (value === undefined) {
      fail(field, "INVALID");
      values[field] = null;
      continue;
    }
    const upper = field === "countryCode" || field === "provinceCode" || field === "zip";
    values[field] = value !== null && upper ? value.toUpperCase() : value;
    if (value !== null && value.length > ADDRESS_LIMITS[field] && field !== "countryCode") {
      fail(field, "TOO_LONG", { max: String(ADDRESS_LIMITS[field]) });
    }
  }

  const required: AddressField[] = REQUIRED_ADDRESS_FIELDS.filter(
    (f) => f !== "lastName" || opts.requireLastName !== false,
  );
  if (opts.requirePhone) required.push("phone");

  const country = values.countryCode;
  const countryKnown = country !== null && /^[A-Z]{2}$/.test(country);
  if (country !== null && !countryKnown) fail("countryCode", "INVALID");

  if (countryKnown) {
    if (countryRequiresZip(country)) required.push("zip");
    if (countryHasProvinces(country)) required.push("provinceCode");
  }
  for (const field of required) if (values[field] === null) fail(field, "REQUIRED");

  const zip = values.zip;
  const format = countryKnown ? ZIP_FORMATS[country] : undefined;
  if (zip !== null && format && !failed.has("zip")) {
    const normalized = format.normalize ? format.normalize(zip) : zip;
    if (format.pattern.test(normalized)) values.zip = normalized;
    else fail("zip", "INVALID", { example: format.example });
  }

  const province = values.provinceCode;
  if (province !== null && countryKnown && !failed.has("provinceCode")) {
    const codes = COUNTRY_PROVINCES[country];
    // Shopify also accepts "US-CA"-style codes; keep the bare code it stores
    const bare = province.startsWith(`${country}-`) ? province.slice(3) : province;
    if (codes) {
      if (bare in codes) values.provinceCode = bare;
      else fail("provinceCode", "INVALID");
    } else if (!countryHasProvinces(country)) {
      // a province where the country has none would be printed on the label: drop it silently
      values.provinceCode = null;
    }
  }

  if (values.phone !== null && !failed.has("phone")) {
    const phone = normalizePhone(values.phone);
    if (phone) values.phone = phone;
    else fail("phone", "INVALID", { example: PHONE_EXAMPLE });
  }

  if (errors.length > 0) {
    errors.sort((a, b) => ADDRESS_FIELDS.indexOf(a.field) - ADDRESS_FIELDS.indexOf(b.field));
    return { ok: false, errors };
  }
  return {
    ok: true,
    address: {
      firstName: values.firstName,
      lastName: values.lastName,
      company: values.company,
      address1: values.address1 as string,
      address2: values.address2,
      city: values.city as string,
      provinceCode: values.provinceCode,
      zip: values.zip,
      countryCode: country as string,
      phone: values.phone,
    },
  };
}
