import { isRequestKind, type Locale, type MailingAddress, type RequestKind } from "~/domain/types";
import { localeTemplates, resolveLocale } from "./templates";

/** An address as Shopify's notification variables name it (`shipping_address.*`). */
export interface AddressVariables {
  name: string;
  first_name: string;
  last_name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  province: string;
  province_code: string;
  zip: string;
  country: string;
  country_code: string;
  phone: string;
}

/** Everything a notification template can read; names mirror Shopify's notification variables. */
export interface NotificationVariables {
  shop: {
    name: string;
    email: string;
    email_logo_url: string;
    email_logo_width: number;
    email_accent_color: string;
    url: string;
  };
  order: { name: string; order_status_url: string };
  customer: { first_name: string; last_name: string; name: string; email: string };
  shipping_address: AddressVariables | null;
  new_address: AddressVariables | null;
  old_address: AddressVariables | null;
  request: {
    id: string;
    kind: string;
    kind_label: string;
    status: string;
    reason: string;
    reason_label: string;
    /** The customer's note with the request. */
    note: string;
    /** The staff's note with a decision (reject, approve, store cancellation). */
    decision_note: string;
    /** The staff member's question to the customer (INFO_REQUESTED): their latest message on the request. */
    question: string;
    /** The decision deadline, formatted for the reader's locale ("" when none). */
    deadline: string;
    deadline_at: string;
    /** The customer's latest reply (CUSTOMER_REPLIED). */
    message: string;
    /** What Shopify answered when applying failed (REQUEST_FAILED). */
    failure_message: string;
    /** The request in the merchant admin (staff emails). */
    admin_url: string;
  };
  /** Items removed by a store part-cancellation (ORDER_PARTIALLY_CANCELLED). */
  cancelled_line_items: { title: string; quantity: number }[];
  /** The withdrawal statement (WITHDRAWAL_RECEIVED): what the acknowledgement must repeat, with date and time. */
  withdrawal: {
    name: string;
    /** The date and time the statement was submitted, with its time zone, in the reader's language. */
    submitted_at: string;
    submitted_at_iso: string;
    whole_order: boolean;
    items: { title: string; quantity: number }[];
    /** CANCELLATION (nothing shipped) or RETURN (shipped: the goods go back). */
    outcome: string;
    /** The reimbursement deadline, in the reader's language. */
    reimbursement_due_by: string;
  };
}

/** The ShopBranding row's fields buildVariables reads. */
export interface BrandingInput {
  shopName?: string | null;
  shopEmail?: string | null;
  shopUrl?: string | null;
  logoUrl?: string | null;
  logoWidth?: number | null;
  accentColor?: string | null;
}

export interface BuildVariablesInput {
  locale: Locale | string;
  /** The shop's myshopify domain: the name and URL when branding has none. */
  shop: string;
  branding?: BrandingInput | null;
  order: { name: string; statusUrl?: string | null };
  customer?: { firstName?: string | null; lastName?: string | null; email?: string | null } | null;
  request?: {
    id: string;
    kind: RequestKind | string;
    status: string;
    /** CustomerReason or StoreCancelReason code. */
    reason?: string | null;
    note?: string | null;
    decisionNote?: string | null;
    question?: string | null;
    deadlineAt?: Date | null;
    message?: string | null;
    failureMessage?: string | null;
    adminUrl?: string | null;
  } | null;
  shippingAddress?: MailingAddress | null;
  newAddress?: MailingAddress | null;
  oldAddress?: MailingAddress | null;
  cancelledLineItems?: { title: string; quantity: number }[];
  withdrawal?: {
    name: string;
    submittedAt: string;
    wholeOrder: boolean;
    items: { title: string; quantity: number }[];
    outcome: string | null;
    reimbursementDueBy: string | null;
  } | null;
  /** IANA zone for formatting the deadline (the shop's); UTC when unknown. */
  timeZone?: string;
}

function addressVariables(address: MailingAddress | null | undefined, locale: Locale): AddressVariables | null {
  if (!address) return null;
  const first = address.firstName ?? "";
  const last = address.lastName ?? "";
  let country = address.countryCode;
  try {
    country = new Intl.DisplayNames([locale], { type: "region" }).of(address.countryCode) ?? address.countryCode;
  } catch {
    // An unknown code stays as written: better the code than nothing.
  }
  return {
    name: [first, last].filter(Boolean).join(" "),
    first_name: first,
    last_name: last,
    company: address.company ?? "",
    address1: address.address1,
    address2: address.address2 ?? "",
    city: address.city,
    province: address.provinceCode ?? "",
    province_code: address.provinceCode ?? "",
    zip: address.zip ?? "",
    country,
    country_code: address.countryCode,
    phone: address.phone ?? "",
  };
}

/** The template variables from plain inputs. Pure: no I/O, no clock. */
export function buildVariables(input: BuildVariablesInput): NotificationVariables {
  const locale = resolveLocale(input.locale);
  const strings = localeTemplates(locale);
  const b = input.branding ?? {};
  const request = input.request;
  const reason = request?.reason ?? "";
  const deadline = request?.deadlineAt
    ? new Intl.DateTimeFormat(locale, {
        dateStyle: "long",
        timeStyle: "short",
        timeZone: input.timeZone ?? "UTC",
      }).format(request.deadlineAt)
    : "";
  const first = input.customer?.firstName ?? "";
  const last = input.customer?.lastName ?? "";
  return {
    shop: {
      name: b.shopName || input.shop,
      email: b.shopEmail ?? "",
      email_logo_url: b.logoUrl ?? "",
      email_logo_width: b.logoWidth ?? 120,
      email_accent_color: b.accentColor ?? "#1a73e8",
      url: b.shopUrl ?? `https://${input.shop}`,
    },
    order: { name: input.order.name, order_status_url: input.order.statusUrl ?? "" },
    customer: {
      first_name: first,
      last_name: last,
      name: [first, last].filter(Boolean).join(" "),
      email: input.customer?.email ?? "",
    },
    shipping_address: addressVariables(input.shippingAddress, locale),
    new_address: addressVariables(input.newAddress, locale),
    old_address: addressVariables(input.oldAddress, locale),
    request: {
      id: request?.id ?? "",
      kind: request?.kind ?? "",
      kind_label: request ? (isRequestKind(request.kind) ? strings.kindLabels[request.kind] : request.kind) : "",
      status: request?.status ?? "",
      reason,
      reason_label: reason ? (strings.reasonLabels[reason] ?? reason) : "",
      note: request?.note ?? "",
      decision_note: request?.decisionNote ?? "",
      question: request?.question ?? "",
      deadline,
      deadline_at: request?.deadlineAt ? request.deadlineAt.toISOString() : "",
      message: request?.message ?? "",
      failure_message: request?.failureMessage ?? "",
      admin_url: request?.adminUrl ?? "",
    },
    cancelled_line_items: input.cancelledLineItems ?? [],
    withdrawal: withdrawalVariables(input.withdrawal, locale, input.timeZone ?? "UTC"),
  };
}

function withdrawalVariables(
  w: BuildVariablesInput["withdrawal"],
  locale: Locale,
  timeZone: string,
): NotificationVariables["withdrawal"] {
  const format = (iso: string | null | undefined, withSeconds: boolean) => {
    const at = iso ? new Date(iso) : null;
    if (!at || Number.isNaN(at.getTime())) return "";
    return new Intl.DateTimeFormat(locale, {
      dateStyle: "long",
      timeStyle: withSeconds ? "long" : undefined,
      timeZone,
    }).format(at);
  };
  return {
    name: w?.name ?? "",
    submitted_at: format(w?.submittedAt, true),
    submitted_at_iso: w?.submittedAt ?? "",
    whole_order: w?.wholeOrder ?? false,
    items: w?.items ?? [],
    outcome: w?.outcome ?? "",
    reimbursement_due_by: format(w?.reimbursementDueBy, false),
  };
}
