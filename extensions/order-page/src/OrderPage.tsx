import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useState } from "preact/hooks";
import { type Address, type AmendApi, type Options, amendApi, changeAddress, numericId } from "../../_shared/api";
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

export default async () => {
  render(<OrderPage />, document.body);
};

/** The full-page "change shipping address" of one order (too large a form for the one-step action modal). */
function OrderPage() {
  const t = shopify.i18n.translate as Translate;
  const orderId = numericId(shopify.order.value?.id);
  const api = amendApi(shopify);
  const [options, reload] = useLoad(() => api.options(orderId));
  const date = (iso: string) => shopify.i18n.formatDate(new Date(iso), { dateStyle: "long", timeStyle: "short" });
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
          <AddressForm t={t} date={date} api={api} orderId={orderId} orderUrl={orderUrl} options={options.data} />
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

function AddressForm({
  t,
  date,
  api,
  orderId,
  orderUrl,
  options,
}: {
  t: Translate;
  date: (iso: string) => string;
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
    (address: Address, key: string) => changeAddress(api, orderId, address, key),
    (result) => setServer(!result.ok && result.status === 400 ? serverFieldErrors(result.error) : {}),
  );

  const country = countries.find((c) => c.code === values.countryCode);
  const errors = validate(values, country);
  const errorText = (field: Field) => {
    const e = server[field] ?? ((touched[field] || tried) && errors[field]);
    return !e ? undefined : typeof e === "string" ? e : t(e.key, e.params);
  };
  const change = (field: Field, value: string) => {
    setValues((v) => {
      const next = { ...v, [field]: value };
      const provinces = countries.find((c) => c.code === next.countryCode)?.provinces ?? [];
      if (field === "countryCode" && !provinces.some((p) => p.code === next.provinceCode)) next.provinceCode = "";
      return next;
    });
    setTouched((s) => ({ ...s, [field]: true }));
    setServer(({ [field]: _fixed, ...rest }) => rest);
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
            {formatAddress(result.data.request.address ?? toAddress(values, country), countries)}
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
  const failed = result && !result.ok ? result : undefined;
  const costIncrease = failed?.error.reasons?.some((r) => r.code === "SHIPPING_COST_INCREASE");
  const fieldProblem = failed?.status === 400 && FIELDS.some((f) => server[f]);

  return (
    <s-stack gap="base">
      <s-paragraph>
        {deadline ? t("page.allowedUntil", { deadline: date(deadline) }) : t("page.allowed")}{" "}
        {requiresApproval ? t("page.approvalNote") : ""}
      </s-paragraph>
      {fieldProblem && <s-banner tone="critical" heading={t("form.fixFields")} />}
      {failed && !fieldProblem && (
        <Problem
          t={t}
          status={failed.status}
          error={costIncrease ? { ...failed.error, message: t("page.costIncrease") } : failed.error}
          onRetry={send.retry}
          retrying={send.pending}
        />
      )}
      <s-grid gridTemplateColumns="1fr 1fr" gap="base">
        {field("firstName")}
        {field("lastName", true)}
      </s-grid>
      {field("company")}
      {field("address1", true)}
      {field("address2")}
      <s-select
        label={t("form.countryCode")}
        name="countryCode"
        required
        value={values.countryCode}
        error={errorText("countryCode")}
        disabled={send.pending}
        onChange={(e) => change("countryCode", valueOf(e))}
      >
        {countries.map((c) => (
          <s-option key={c.code} value={c.code}>
            {c.name}
          </s-option>
        ))}
      </s-select>
      <s-grid gridTemplateColumns="1fr 1fr" gap="base">
        {field("city", true)}
        {field("zip", country?.zipRequired)}
      </s-grid>
      {!!country?.provinces.length && (
        <s-select
          label={t("form.provinceCode")}
          name="provinceCode"
          required
          placeholder={t("form.provincePlaceholder")}
          value={values.provinceCode}
          error={errorText("provinceCode")}
          disabled={send.pending}
          onChange={(e) => change("provinceCode", valueOf(e))}
        >
          {country.provinces.map((p) => (
            <s-option key={p.code} value={p.code}>
              {p.name}
            </s-option>
          ))}
        </s-select>
      )}
      {field("phone")}
      <s-button variant="primary" loading={send.pending} disabled={send.pending} onClick={submit}>
        {requiresApproval ? t("form.submitForApproval") : t("form.submit")}
      </s-button>
    </s-stack>
  );
}

function formatAddress(a: Address, countries: { code: string; name: string }[]): string {
  const country = countries.find((c) => c.code === a.countryCode)?.name ?? a.countryCode;
  return [[a.firstName, a.lastName].filter(Boolean).join(" "), a.company, a.address1, a.address2]
    .concat([[a.zip, a.city].filter(Boolean).join(" "), a.provinceCode, country])
    .filter(Boolean)
    .join(", ");
}
