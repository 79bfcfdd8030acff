import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useState } from "preact/hooks";
import {
  type AmendApi,
  type Options,
  amendApi,
  numericId,
  offerUrl,
  orderPageUrl,
  requestCancellation,
} from "../../_shared/api";
import { useLoad, useSubmit } from "../../_shared/hooks";
import { Placeholder, Problem, Reasons, type Translate, valueOf } from "../../_shared/ui";

export default () => {
  render(<ActionModal />, document.body);
};

const NOTE_MAX = 1000;

/**
 * The one-step modal: the cancellation request form, and the way to the address page (the address form is too
 * large for this modal: it lives in the full-page extension, extensions/order-page). What is not allowed says why.
 */
function ActionModal() {
  const t = shopify.i18n.translate as Translate;
  const orderId = numericId(shopify.orderId);
  const api = amendApi(shopify);
  const [options, reload] = useLoad(() => api.options(orderId));
  const date = (iso: string) => shopify.i18n.formatDate(new Date(iso), { dateStyle: "long", timeStyle: "short" });

  return (
    <s-customer-account-action
      heading={options.state === "ready" ? t("action.heading", { order: options.data.order.name }) : t("action.title")}
    >
      {options.state === "loading" && <Placeholder t={t} lines={4} />}
      {options.state === "error" && (
        <Problem t={t} status={options.status} error={options.error} onRetry={() => void reload()} />
      )}
      {options.state === "ready" && (
        // no wrapper: the cancellation's submit button must be a direct child to fill the primary-action slot
        <>
          <AddressSection t={t} date={date} orderId={orderId} options={options.data} />
          <s-divider />
          <CancellationSection t={t} date={date} api={api} orderId={orderId} options={options.data} />
        </>
      )}
      <s-button slot="secondary-actions" onClick={() => shopify.close()}>
        {t("action.close")}
      </s-button>
    </s-customer-account-action>
  );
}

interface SectionProps {
  t: Translate;
  date: (iso: string) => string;
  orderId: string;
  options: Options;
}

function AddressSection({ t, date, orderId, options }: SectionProps) {
  const { allowed, reasons, deadline } = options.addressChange;
  return (
    <s-section heading={t("address.heading")}>
      <s-stack gap="small">
        {allowed ? (
          <>
            <s-paragraph>
              {deadline ? t("address.allowedUntil", { deadline: date(deadline) }) : t("address.allowed")}
            </s-paragraph>
            <s-button href={orderPageUrl(orderId)} variant="secondary" accessibilityLabel={t("address.openLabel")}>
              {t("address.open")}
            </s-button>
          </>
        ) : (
          <>
            <s-paragraph>{t("address.notAllowed")}</s-paragraph>
            <Reasons reasons={reasons} />
          </>
        )}
      </s-stack>
    </s-section>
  );
}

function CancellationSection({ t, date, api, orderId, options }: SectionProps & { api: AmendApi }) {
  const { allowed, reasons, deadline, requiresApproval, customerReasons } = options.cancellation;
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const send = useSubmit((body: { reason: string; note?: string }, key: string) =>
    requestCancellation(api, orderId, body, key),
  );
  const result = send.result;

  if (result?.ok) {
    const applied = result.data.request.status === "APPLIED";
    return (
      <s-section heading={t("cancel.heading")}>
        <s-banner tone="success" heading={applied ? t("cancel.doneApplied") : t("cancel.donePending")}>
          <s-stack gap="small">
            <s-text>{t("cancel.status", { status: result.data.request.statusLabel })}</s-text>
            <s-text>{applied ? t("cancel.appliedHelp") : t("cancel.pendingHelp")}</s-text>
          </s-stack>
        </s-banner>
      </s-section>
    );
  }
  if (!allowed) {
    return (
      <s-section heading={t("cancel.heading")}>
        <s-stack gap="small">
          <s-paragraph>{t("cancel.notAllowed")}</s-paragraph>
          <Reasons reasons={reasons} />
        </s-stack>
      </s-section>
    );
  }

  const serverReasonError = result && !result.ok && result.status === 400 ? result.error.message : undefined;
  const reasonError = tried && !reason ? t("cancel.reasonRequired") : serverReasonError;
  const noteError = note.length > NOTE_MAX ? t("cancel.noteTooLong", { max: NOTE_MAX }) : undefined;
  const submit = () => {
    setTried(true);
    if (!reason || noteError) return;
    void send.submit(note.trim() ? { reason, note: note.trim() } : { reason });
  };

  return (
    <>
      <s-section heading={t("cancel.heading")}>
        <s-stack gap="base">
          <s-paragraph>
            {requiresApproval ? t("cancel.explainApproval") : t("cancel.explainAuto")}
            {deadline ? ` ${t("cancel.until", { deadline: date(deadline) })}` : ""}
          </s-paragraph>
          {result && !result.ok && result.status !== 400 && (
            <Problem t={t} status={result.status} error={result.error} onRetry={send.retry} retrying={send.pending} />
          )}
          <s-select
            label={t("cancel.reason")}
            placeholder={t("cancel.reasonPlaceholder")}
            required
            value={reason}
            error={reasonError}
            disabled={send.pending}
            onChange={(e) => {
              setReason(valueOf(e));
              if (serverReasonError) send.clear();
            }}
          >
            {customerReasons.map((r) => (
              <s-option key={r.code} value={r.code}>
                {r.label}
              </s-option>
            ))}
          </s-select>
          {reason === "WRONG_ADDRESS" && options.addressChange.allowed && (
            // a wrong address is fixed by changing it: offered before the cancellation is sent
            <s-banner tone="info" heading={t("cancel.offerHeading")}>
              <s-stack gap="small">
                <s-text>{t("cancel.offerHelp")}</s-text>
                <s-button href={offerUrl(orderId)} accessibilityLabel={t("cancel.offerLabel")}>
                  {t("cancel.offerOpen")}
                </s-button>
              </s-stack>
            </s-banner>
          )}
          <s-text-area
            label={t("cancel.note")}
            value={note}
            rows={3}
            maxLength={NOTE_MAX}
            error={noteError}
            disabled={send.pending}
            onInput={(e) => setNote(valueOf(e))}
          />
          <s-text color="subdued">{t("cancel.noteCount", { length: note.length, max: NOTE_MAX })}</s-text>
        </s-stack>
      </s-section>
      <s-button
        slot="primary-action"
        loading={send.pending}
        disabled={send.pending}
        onClick={submit}
        accessibilityLabel={t("cancel.submitLabel", { order: options.order.name })}
      >
        {t("cancel.submit")}
      </s-button>
    </>
  );
}
