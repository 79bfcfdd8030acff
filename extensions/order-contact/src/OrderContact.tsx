import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useState } from "preact/hooks";
import { type AmendApi, type Contact, amendApi, contactCall, numericId } from "../../_shared/api";
import { useLoad, useSubmit } from "../../_shared/hooks";
import { Placeholder, Problem, type Translate, valueOf } from "../../_shared/ui";

export default () => {
  render(<OrderContact />, document.body);
};

type Channel = "EMAIL" | "SMS";

/**
 * How the store reaches the customer about this order: the address in use, messages that did not arrive, another
 * email (or an SMS number) confirmed with a code, and which channels to use. Its own block: the order page's bundle
 * has no room left for it.
 */
function OrderContact() {
  const t = shopify.i18n.translate as Translate;
  // a pre-authenticated visitor (from an email link) cannot change anything: the order status block asks to log in
  return shopify.authenticationState.value === "pre_authenticated" ? null : <Loaded t={t} />;
}

function Loaded({ t }: { t: Translate }) {
  const orderId = numericId(shopify.order.value?.id);
  const api = amendApi(shopify);
  const [loaded, reload, setLoaded] = useLoad(() => contactCall(api, orderId));
  const show = (contact: Contact) => setLoaded({ state: "ready", data: { contact } });

  return (
    <s-section heading={t("heading")}>
      {loaded.state === "loading" && <Placeholder t={t} lines={2} />}
      {loaded.state === "error" && (
        <Problem t={t} status={loaded.status} error={loaded.error} onRetry={() => void reload()} />
      )}
      {loaded.state === "ready" && (
        <Channels t={t} api={api} orderId={orderId} contact={loaded.data.contact} show={show} />
      )}
    </s-section>
  );
}

interface Props {
  t: Translate;
  api: AmendApi;
  orderId: string;
  contact: Contact;
  show: (contact: Contact) => void;
}

function Channels({ t, api, orderId, contact, show }: Props) {
  const { email, sms, undelivered } = contact;
  const choose = useSubmit(
    (body: { emailOn: boolean; smsOn: boolean }, key: string) => contactCall(api, orderId, "", body, key),
    (r) => r.ok && show(r.data.contact),
  );
  const toggle = (channel: Channel) => (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    void choose.submit({
      emailOn: channel === "EMAIL" ? on : email.on,
      smsOn: channel === "SMS" ? on : sms.on,
    });
  };
  return (
    <s-stack gap="base">
      {undelivered.map((u) => (
        <s-banner key={u.at + u.address} tone={u.state === "FAILED" ? "critical" : "warning"} heading={u.message}>
          <s-text>{t("giveAnother")}</s-text>
        </s-banner>
      ))}
      <s-paragraph>
        {email.address
          ? t(email.confirmed ? "emailConfirmed" : "emailOrder", { address: email.address })
          : t("noEmail")}
      </s-paragraph>
      {sms.offered && !sms.phone && <s-paragraph>{t("smsNeedsNumber")}</s-paragraph>}
      {sms.phone && (
        <s-stack gap="small">
          <s-checkbox label={t("useEmail")} checked={email.on} disabled={choose.pending} onChange={toggle("EMAIL")} />
          <s-checkbox
            label={t("useSms", { phone: sms.phone })}
            checked={sms.on}
            disabled={choose.pending}
            onChange={toggle("SMS")}
          />
        </s-stack>
      )}
      {choose.result && !choose.result.ok && (
        <Problem t={t} status={choose.result.status} error={choose.result.error} onRetry={choose.retry} />
      )}
      <NewAddress t={t} api={api} orderId={orderId} contact={contact} show={show} />
    </s-stack>
  );
}

/**
 * Another email address (or a mobile number when the store sends SMS): a code is sent to it, then typed here. The
 * select chooses what is added, not how the customer is reached: the SMS switch comes with a confirmed number.
 */
function NewAddress({ t, api, orderId, contact, show }: Props) {
  const [channel, setChannel] = useState<Channel>("EMAIL");
  const [address, setAddress] = useState("");
  const [code, setCode] = useState("");
  const [done, setDone] = useState(false);
  const shown = (r: { ok: boolean; data?: { contact: Contact } }) => r.ok && r.data && show(r.data.contact);
  const send = useSubmit((body: { channel: Channel; address: string }, key: string) =>
    contactCall(api, orderId, "/code", body, key).then((r) => (shown(r), r)),
  );
  const confirm = useSubmit((body: { channel: Channel; code: string }, key: string) =>
    contactCall(api, orderId, "/confirm", body, key).then((r) => {
      if (r.ok) {
        setDone(true);
        setCode("");
        setAddress("");
      }
      return (shown(r), r);
    }),
  );
  const pending = contact.pending.find((p) => p.channel === channel);
  const fieldError = (r: typeof send.result) => (r && !r.ok && r.status === 400 ? r.error.message : undefined);
  const Field = channel === "SMS" ? "s-phone-field" : "s-email-field";

  return (
    <s-stack gap="small">
      <s-heading>{t(contact.sms.offered ? "anotherOrNumber" : "another")}</s-heading>
      {done && <s-banner tone="success" heading={t("confirmed")} />}
      {contact.sms.offered && (
        <s-select label={t("channel")} value={channel} onChange={(e) => setChannel(valueOf(e) as Channel)}>
          <s-option value="EMAIL">{t("email")}</s-option>
          <s-option value="SMS">{t("sms")}</s-option>
        </s-select>
      )}
      <Field
        label={t(channel === "SMS" ? "phoneLabel" : "emailLabel")}
        value={address}
        error={fieldError(send.result)}
        disabled={send.pending}
        onInput={(e: Event) => setAddress(valueOf(e))}
      />
      {send.result && !send.result.ok && send.result.status !== 400 && (
        <Problem t={t} status={send.result.status} error={send.result.error} />
      )}
      <s-button
        variant={pending ? "secondary" : "primary"}
        loading={send.pending}
        disabled={send.pending || !address.trim()}
        onClick={() => {
          setDone(false);
          void send.submit({ channel, address: address.trim() });
        }}
      >
        {t(pending ? "sendAgain" : "send")}
      </s-button>
      {pending && (
        <>
          {pending.undeliverable ? (
            <s-banner tone="critical" heading={t("codeFailed", { address: pending.address })} />
          ) : (
            <s-paragraph>{t("codeSent", { address: pending.address })}</s-paragraph>
          )}
          <s-text-field
            label={t("codeLabel")}
            value={code}
            maxLength={6}
            error={confirm.result && !confirm.result.ok ? confirm.result.error.message || t("wrong") : undefined}
            disabled={confirm.pending}
            onInput={(e) => setCode(valueOf(e).replace(/\D/g, ""))}
          />
          <s-button
            variant="primary"
            loading={confirm.pending}
            disabled={confirm.pending || code.length !== 6}
            onClick={() => void confirm.submit({ channel, code })}
          >
            {t("confirm")}
          </s-button>
        </>
      )}
    </s-stack>
  );
}
