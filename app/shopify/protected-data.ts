import { CUSTOMER_DATA, type CustomerData, type OrderFacts } from "~/domain/types";
import { AdminApiError } from "./errors";
import type { DeniedField } from "./graphql-client.server";

// The protected fields Amend selects, by the 2026-10 schema's `protectedContent` (the last segment of a path).
const CONTENT_OF_FIELD: Record<string, CustomerData> = {
  firstName: "name",
  lastName: "name",
  statusPageUrl: "name",
  email: "email",
  emailAddress: "email",
  phone: "phone",
  phoneNumber: "phone",
  address1: "address",
  address2: "address",
  zip: "address",
  city: "address",
};

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);
const looksLikePhone = (value: string) => /\d/.test(value);
const looksLikeUrl = (value: string) => /^https?:\/\//i.test(value);

/**
 * Marks what Shopify withheld: fields it denied (null + ACCESS_DENIED) and non-null ones it redacted ("•••"),
 * which are cleared so a redacted value is never used as an address to write to or a link.
 */
export function withWithheldCustomerData(facts: OrderFacts, denied: readonly DeniedField[]): OrderFacts {
  const withheld = new Set<CustomerData>();
  for (const field of denied) {
    const content = CONTENT_OF_FIELD[field.path.split(".").pop() ?? ""];
    if (content) withheld.add(content);
  }
  const customer = facts.customer;
  if (customer?.email && !looksLikeEmail(customer.email)) {
    withheld.add("email");
    customer.email = null;
  }
  if (customer?.phone && !looksLikePhone(customer.phone)) {
    withheld.add("phone");
    customer.phone = null;
  }
  if (facts.statusPageUrl && !looksLikeUrl(facts.statusPageUrl)) {
    withheld.add("name");
    facts.statusPageUrl = null;
  }
  if (withheld.size > 0) facts.customerDataWithheld = CUSTOMER_DATA.filter((c) => withheld.has(c));
  return facts;
}

/** Shopify refused the object itself (level 0: the app may read no customer data, so no order). */
export function isObjectWithheld(error: unknown): boolean {
  return error instanceof AdminApiError && error.codes.length > 0 && error.codes.every((c) => c === "ACCESS_DENIED");
}
