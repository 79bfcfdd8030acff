import "@shopify/ui-extensions/preact";
import { type ComponentChild, render } from "preact";
import { useState } from "preact/hooks";
import {
  type Address,
  type AmendApi,
  type ApiError,
  type Options,
  amendApi,
  cameFromOffer,
  changeAddress,
  numericId,
} from "../../_shared/api";
import { useLoad, useSubmit } from "../../_shared/hooks";
import { Placeholder, Problem, Reasons, type Translate, valueOf } from "../../_shared/ui";
import {
  FIELDS,
  type Field,
  type FieldError,
  type Values,
  initialValues,
  serverFieldErrors,
  toAddress,
  validate,
} from "./address";

export default () => {
  render(<OrderPage />, document.body);
};

/** The full-page "change shipping address" of one order (too large a form for the one-step action modal). */
function OrderPage() {
  const t = shopify.i18n.translate as Translate;
  const orderId = numericId(shopify.order.value?.id);
  const api = amendApi(shopify);
  const [options, reload] = useLoad(() => api.options(orderId));
  const orderUrl = `shopify:customer-account/orders/${orderId}`;

  return (
    <s-page
      heading={t("page.heading")}
      subheading={options.state === "ready" ? t("page.order", { order: options.data.order.name }) : undefined}
    >
      <s-button slot="breadcrumb-actions" href={orderUrl} accessibilityLabel={t("page.back")} />
      {options.state === "loading" && <Placeholder t={t} lines={6} />}
      {options.state === "error" && (
        <Problem t={t} status={options.status} error={options.error} onRetry={() => void reload()} />
      )}
      {options.state === "ready" &&
        (options.data.addressChange.allowed ? (
          <AddressForm t={t} api={api} orderId={orderId} orderUrl={orderUrl} options={options.data} />
        ) : (
          <s-banner tone="warning" heading={t("page.notAllowed")}>
            <s-stack gap="small">
              <Reasons reasons={options.data.addressChange.reasons} />
              <s-link href={orderUrl}>{t("page.backToOrder")}</s-link>
            </s-stack>
          </s-banner>
        ))}
    </s-page>
  );
}

const longDate = (iso: string) => shopify.i18n.formatDate(new Date(iso), { dateStyle: "long", timeStyle: "short" });

const AUTOCOMPLETE: Partial<Record<Field, string>> = {
  firstName: "given-name",
  lastName: "family-name",
  company: "organization",
  address1: "address-line1",
  address2: "address-line2",
  city: "address-level2",
  zip: "postal-code",
  phone: "tel",
};

/** The refusal this page words itself: the new address costs more to ship. */
const costsMore = (error: ApiError) => error.reasons?.some((r) => r.code === "SHIPPING_COST_INCREASE");

const sideBySide = (left: ComponentChild, right: ComponentChild) => (
  <s-grid gridTemplateColumns="1fr 1fr" gap="base">
    {left}
    {right}
  </s-grid>
);

function AddressForm({
  t,
  api,
  orderId,
  orderUrl,
  options,
}: {
  t: Translate;
  api: AmendApi;
  orderId: string;
  orderUrl: string;
  options: Options;
}) {
  const { countries, currentAddress, deadline, requiresApproval } = options.addressChange;
  const [values, setValues] = useState<Values>(() => initialValues(currentAddress, countries));
  // errors show once the shopper has typed in a field, or tried to send
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<Partial<Record<Field, FieldError | string>>>({});
  const send = useSubmit(
    (address: Address, key: string) =>
      changeAddress(api, orderId, address, key, cameFromOffer() ? "WRONG_ADDRESS_OFFER" : undefined),
    (result) => setServer(!result.ok && result.status === 400 ? serverFieldErrors(result.error) : {}),
  );

  const country = countries.find((c) => c.code === values.countryCode);
  const errors = validate(values, country);
  const errorText = (field: Field) => {
    const e = server[field] || ((touched[field] || tried) && errors[field]);
    return !e ? undefined : typeof e === "string" ? e : t(e.key, e.params);
  };
  const change = (field: Field, value: string) => {
    // Object.assign rather than spread: smaller once bundled (see amendApi)
    setValues((v) => {
      const next = Object.assign({}, v, { [field]: value });
      // another country keeps the province only if it has one of that code
      const kept = countries.some(
        (c) => c.code === next.countryCode && c.provinces.some((p) => p.code === v.provinceCode),
      );
      if (field === "countryCode" && !kept) next.provinceCode = "";
      return next;
    });
    setTouched((s) => Object.assign({}, s, { [field]: true }));
    // what the server said of this field no longer holds
    setServer((s) => Object.assign({}, s, { [field]: undefined }));
  };
  const submit = () => {
    setTried(true);
    if (!Object.keys(errors).length) void send.submit(toAddress(values, country));
  };

  const result = send.result;
  if (result?.ok) {
    const applied = result.data.request.status === "APPLIED";
    return (
      <s-banner tone="success" heading={applied ? t("page.doneApplied") : t("page.donePending")}>
        <s-stack gap="small">
          <s-text>{applied ? t("page.appliedHelp") : t("page.pendingHelp")}</s-text>
          <s-text type="address">
            {formatAddress(result.data.request.address || toAddress(values, country), countries)}
          </s-text>
          <s-link href={orderUrl}>{t("page.backToOrder")}</s-link>
        </s-stack>
      </s-banner>
    );
  }

  const field = (name: Field, required = false) => (
    <s-text-field
      key={name}
      label={t(`form.${name}`)}
      name={name}
      value={values[name]}
      required={required}
      autocomplete={AUTOCOMPLETE[name] as never}
      error={errorText(name)}
      disabled={send.pending}
      onInput={(e) => change(name, valueOf(e))}
    />
  );
  const select = (
    name: "countryCode" | "provinceCode",
    choices: { code: string; name: string }[],
    placeholder?: string,
  ) => (
    <s-select
      label={t(`form.${name}`)}
      name={name}
      required
      placeholder={placeholder}
      value={values[name]}
      error={errorText(name)}
      disabled={send.pending}
      onChange={(e) => change(name, valueOf(e))}
    >
      {choices.map((c) => (
        <s-option key={c.code} value={c.code}>
          {c.name}
        </s-option>
      ))}
    </s-select>
  );
  // past the success above, `result` is undefined or the answer of a failed submit
  const failed = result;
  const fieldProblem = failed?.status === 400 && FIELDS.some((f) => server[f]);

  return (
    <s-stack gap="base">
      <s-paragraph>
        {deadline ? t("page.allowedUntil", { deadline: longDate(deadline) }) : t("page.allowed")}{" "}
        {requiresApproval ? t("page.approvalNote") : ""}
      </s-paragraph>
      {fieldProblem && <s-banner tone="critical" heading={t("form.fixFields")} />}
      {failed && !fieldProblem && (
        <Problem
          t={t}
          status={failed.status}
          error={
            costsMore(failed.error)
              ? Object.assign({}, failed.error, { message: t("page.costIncrease") })
              : failed.error
          }
          onRetry={send.retry}
          retrying={send.pending}
        />
      )}
      {sideBySide(field("firstName"), field("lastName", true))}
      {field("company")}
      {field("address1", true)}
      {field("address2")}
      {select("countryCode", countries)}
      {sideBySide(field("city", true), field("zip", country?.zipRequired))}
      {!!country?.provinces.length && select("provinceCode", country.provinces, t("form.provincePlaceholder"))}
      {field("phone")}
      <s-button variant="primary" loading={send.pending} disabled={send.pending} onClick={submit}>
        {requiresApproval ? t("form.submitForApproval") : t("form.submit")}
      </s-button>
    </s-stack>
  );
}

function formatAddress(a: Address, countries: { code: string; name: string }[]): string {
  const country = countries.find((c) => c.code === a.countryCode)?.name || a.countryCode;
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  const town = [a.zip, a.city].filter(Boolean).join(" ");
  return [name, a.company, a.address1, a.address2, town, a.provinceCode, country].filter(Boolean).join(", ");
}
