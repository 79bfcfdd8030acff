import { describe, expect, it } from "vitest";
import {
  COUNTRY_PROVINCES,
  countryHasProvinces,
  countryRequiresZip,
  normalizePhone,
  validateAddress,
  type AddressError,
  type AddressInput,
} from "./address";
import { address } from "./test-fixtures";

const errorsOf = (input: AddressInput | null, opts?: Parameters<typeof validateAddress>[1]) => {
  const result = validateAddress(input, opts);
  return result.ok ? [] : result.errors;
};
const err = (
  field: AddressError["field"],
  code: AddressError["code"],
  params?: AddressError["params"],
): AddressError => (params ? { field, code, params } : { field, code });

describe("validateAddress: normalization", () => {
  it("trims, collapses spaces, upper-cases codes and turns blanks into null", () => {
    const result = validateAddress({
      firstName: "  Camille ",
      lastName: "Durand",
      company: "   ",
      address1: " 18   rue du  Sentier ",
      address2: "",
      city: "Paris",
      provinceCode: null,
      zip: "75002",
      countryCode: " fr ",
      phone: "+33 (0)6 12-34-56-78",
    });
    expect(result).toEqual({
      ok: true,
      address: address({ address2: null }),
    });
  });

  it.each([
    { country: "FR", zip: "75 002", normalized: "75002" },
    { country: "CA", zip: "h2x1y4", normalized: "H2X 1Y4" },
    { country: "GB", zip: "sw1a1aa", normalized: "SW1A 1AA" },
    { country: "GB", zip: "M1 1AE", normalized: "M1 1AE" },
    { country: "NL", zip: "1012ab", normalized: "1012 AB" },
    { country: "US", zip: "94103 - 1234", normalized: "94103-1234" },
    { country: "LU", zip: "L-1009", normalized: "1009" },
    { country: "PT", zip: "1100 148", normalized: "1100-148" },
    { country: "JP", zip: "1000001", normalized: "100-0001" },
  ])("a $country postal code $zip becomes $normalized", ({ country, zip, normalized }) => {
    const provinceCode = country === "CA" ? "QC" : country === "US" ? "CA" : country === "JP" ? "JP-13" : null;
    const result = validateAddress(address({ countryCode: country, zip, provinceCode }));
    expect(result.ok && result.address.zip).toBe(normalized);
  });

  it("keeps the bare province code when given as US-NY", () => {
    const result = validateAddress(
      address({ countryCode: "US", provinceCode: "us-ny", zip: "10001", city: "New York" }),
    );
    expect(result.ok && result.address.provinceCode).toBe("NY");
  });

  it("drops a province given for a country that has none", () => {
    const result = validateAddress(address({ provinceCode: "IDF" }));
    expect(result.ok && result.address.provinceCode).toBeNull();
  });
});

describe("validateAddress: required fields", () => {
  it.each([
    { name: "a complete French address", input: address(), errors: [] },
    { name: "no address line", input: address({ address1: "" }), errors: [err("address1", "REQUIRED")] },
    { name: "no city", input: address({ city: "  " }), errors: [err("city", "REQUIRED")] },
    { name: "no country", input: address({ countryCode: "" }), errors: [err("countryCode", "REQUIRED")] },
    {
      name: "no last name (Shopify requires it)",
      input: address({ lastName: null }),
      errors: [err("lastName", "REQUIRED")],
    },
    { name: "no first name (optional)", input: address({ firstName: null }), errors: [] },
    { name: "no phone (optional)", input: address({ phone: null }), errors: [] },
    { name: "no postal code in France", input: address({ zip: null }), errors: [err("zip", "REQUIRED")] },
    {
      name: "no postal code in Hong Kong",
      input: address({ countryCode: "HK", zip: null, city: "Central" }),
      errors: [],
    },
    {
      name: "no Eircode in Ireland (optional)",
      input: address({ countryCode: "IE", zip: null, city: "Dublin" }),
      errors: [],
    },
    {
      name: "no postal code in the Emirates",
      input: address({ countryCode: "AE", zip: null, city: "Dubai" }),
      errors: [],
    },
    {
      name: "no state in the US",
      input: address({ countryCode: "US", zip: "94103", provinceCode: null }),
      errors: [err("provinceCode", "REQUIRED")],
    },
    {
      name: "no province in Canada",
      input: address({ countryCode: "CA", zip: "H2X 1Y4", provinceCode: null }),
      errors: [err("provinceCode", "REQUIRED")],
    },
    {
      name: "no province in Italy",
      input: address({ countryCode: "IT", zip: "00184", provinceCode: null }),
      errors: [err("provinceCode", "REQUIRED")],
    },
    {
      name: "a province in Italy (code list not carried)",
      input: address({ countryCode: "IT", zip: "00184", provinceCode: "rm" }),
      errors: [],
    },
    {
      name: "nothing at all",
      input: {},
      errors: [
        err("lastName", "REQUIRED"),
        err("address1", "REQUIRED"),
        err("city", "REQUIRED"),
        err("countryCode", "REQUIRED"),
      ],
    },
  ])("$name", ({ input, errors }) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it("null input is an empty address", () => {
    expect(errorsOf(null).map((e) => e.field)).toEqual(["lastName", "address1", "city", "countryCode"]);
  });

  it("options: a store requiring the phone, a caller not requiring the last name", () => {
    expect(errorsOf(address({ phone: null }), { requirePhone: true })).toEqual([err("phone", "REQUIRED")]);
    expect(errorsOf(address({ lastName: null }), { requireLastName: false })).toEqual([]);
  });
});

describe("validateAddress: formats", () => {
  it.each([
    { country: "FR", zip: "7500", ok: false, example: "75002" },
    { country: "FR", zip: "750021", ok: false, example: "75002" },
    { country: "FR", zip: "2A004", ok: false, example: "75002" },
    { country: "BE", zip: "1000", ok: true },
    { country: "BE", zip: "10000", ok: false, example: "1000" },
    { country: "CH", zip: "1201", ok: true },
    { country: "CH", zip: "CH-1201", ok: false, example: "1201" },
    { country: "DE", zip: "10115", ok: true },
    { country: "DE", zip: "1011", ok: false, example: "10115" },
    { country: "NL", zip: "1012 AB", ok: true },
    { country: "NL", zip: "0123 AB", ok: false, example: "1012 AB" },
    { country: "GB", zip: "EC1A 1BB", ok: true },
    { country: "GB", zip: "12345", ok: false, example: "SW1A 1AA" },
    { country: "US", zip: "94103", ok: true },
    { country: "US", zip: "94103-1234", ok: true },
    { country: "US", zip: "9410", ok: false, example: "94103" },
    { country: "US", zip: "94103-12", ok: false, example: "94103" },
    { country: "CA", zip: "H2X 1Y4", ok: true },
    { country: "CA", zip: "D2X 1Y4", ok: false, example: "H2X 1Y4" },
    { country: "ES", zip: "28013", ok: true },
    { country: "ES", zip: "53001", ok: false, example: "28013" },
    { country: "SE", zip: "114 55", ok: true },
  ])("postal code $zip in $country → ok=$ok", ({ country, zip, ok, example }) => {
    const provinceCode = { US: "CA", CA: "QC", ES: "M" }[country] ?? null;
    const errors = errorsOf(address({ countryCode: country, zip, provinceCode }));
    expect(errors).toEqual(ok ? [] : [err("zip", "INVALID", { example })]);
  });

  it.each([
    { country: "US", province: "CA", ok: true },
    { country: "US", province: "DC", ok: true },
    { country: "US", province: "PR", ok: true },
    { country: "US", province: "AE", ok: true },
    { country: "US", province: "QC", ok: false },
    { country: "CA", province: "qc", ok: true },
    { country: "CA", province: "NY", ok: false },
  ])("province $province in $country → ok=$ok", ({ country, province, ok }) => {
    const zip = country === "US" ? "94103" : "H2X 1Y4";
    expect(errorsOf(address({ countryCode: country, zip, provinceCode: province }))).toEqual(
      ok ? [] : [err("provinceCode", "INVALID")],
    );
  });

  it.each([
    { country: "FRA", error: err("countryCode", "INVALID") },
    { country: "F1", error: err("countryCode", "INVALID") },
  ])("country $country is not a two-letter code", ({ country, error }) => {
    expect(errorsOf(address({ countryCode: country }))).toEqual([error]);
  });

  it("values of the wrong type are invalid, not crashes", () => {
    expect(errorsOf({ ...address(), zip: 75002, phone: { number: "1" } } as AddressInput)).toEqual([
      err("zip", "INVALID"),
      err("phone", "INVALID"),
    ]);
  });
});

describe("validateAddress: lengths", () => {
  it.each([
    { field: "address1" as const, max: 255 },
    { field: "lastName" as const, max: 255 },
    { field: "company" as const, max: 255 },
    { field: "city" as const, max: 255 },
  ])("$field accepts $max characters and refuses one more", ({ field, max }) => {
    expect(errorsOf(address({ [field]: "a".repeat(max) }))).toEqual([]);
    expect(errorsOf(address({ [field]: "a".repeat(max + 1) }))).toEqual([err(field, "TOO_LONG", { max: String(max) })]);
  });

  it("a postal code over 20 characters is too long (for a country without a format)", () => {
    expect(errorsOf(address({ countryCode: "SE", zip: "1".repeat(21) }))).toEqual([
      err("zip", "TOO_LONG", { max: "20" }),
    ]);
  });

  it("several faulty fields are all reported, in form order", () => {
    expect(
      errorsOf(address({ phone: "12", city: "", lastName: "x".repeat(300), zip: "ABCDE" })).map((e) => e.field),
    ).toEqual(["lastName", "city", "zip", "phone"]);
  });
});

describe("phone numbers", () => {
  it.each([
    { input: "+33 6 12 34 56 78", phone: "+33612345678" },
    { input: "+33 (0)6 12 34 56 78", phone: "+33612345678" },
    { input: "0033 6 12 34 56 78", phone: "+33612345678" },
    { input: "+1 (415) 555-0132", phone: "+14155550132" },
    { input: "+41.22.123.45.67", phone: "+41221234567" },
    { input: "+1234567", phone: "+1234567" },
    { input: "+123456789012345", phone: "+123456789012345" },
    { input: "+1234560", phone: "+1234560" },
    { input: "+123456", phone: null },
    { input: "+1234567890123456", phone: null },
    { input: "06 12 34 56 78", phone: null },
    { input: "+0 612 345 678", phone: null },
    { input: "+33 6 12 AB 56 78", phone: null },
  ])("$input → $phone", ({ input, phone }) => {
    expect(normalizePhone(input)).toBe(phone);
  });
});

describe("country tables", () => {
  it.each([
    { country: "FR", zip: true, provinces: false },
    { country: "us", zip: true, provinces: true },
    { country: "CA", zip: true, provinces: true },
    { country: "HK", zip: false, provinces: false },
    { country: "IE", zip: false, provinces: false },
    { country: "AE", zip: false, provinces: false },
    { country: "JP", zip: true, provinces: true },
    { country: "BR", zip: true, provinces: true },
    { country: "IN", zip: true, provinces: true },
    { country: "MX", zip: true, provinces: true },
  ])("$country: postal code required=$zip, provinces=$provinces", ({ country, zip, provinces }) => {
    expect(countryRequiresZip(country)).toBe(zip);
    expect(countryHasProvinces(country)).toBe(provinces);
  });

  it("lists the 50 states, DC and the territories, and the 13 Canadian provinces and territories", () => {
    expect(Object.keys(COUNTRY_PROVINCES.US)).toHaveLength(50 + 1 + 9 + 3);
    expect(COUNTRY_PROVINCES.US.DC).toBe("District of Columbia");
    expect(Object.keys(COUNTRY_PROVINCES.CA)).toHaveLength(13);
    expect(COUNTRY_PROVINCES.CA.QC).toBe("Quebec");
  });
});
