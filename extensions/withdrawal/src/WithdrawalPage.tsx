import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useState } from "preact/hooks";
import {
  type AmendApi,
  type SubmittedWithdrawal,
  type Withdrawal,
  type WithdrawalStatement,
  amendApi,
  numericId,
  submitWithdrawal,
} from "../../_shared/api";
import { useLoad, useSubmit } from "../../_shared/hooks";
import { Placeholder, Problem, Reasons, type Translate, valueOf } from "../../_shared/ui";

export default () => {
  render(<WithdrawalPage />, document.body);
};

const NAME_MAX = 200;
type Format = (iso: string) => string;

/**
 * The withdrawal function's page: the customer reached it through "Withdraw from contract here" (the order's
 * action menu, the order-status block), fills in the withdrawal statement (name, the order or some of its items,
 * where the acknowledgement goes), and sends it with the second control, "Confirm withdrawal". The acknowledgement
 * (the statement, with the date and time it was received) replaces the form.
 */
function WithdrawalPage() {
  const t = shopify.i18n.translate as Translate;
  const orderId = numericId(shopify.order.value?.id);
  const api = amendApi(shopify);
  const [options, reload] = useLoad(() => api.options(orderId));
  const orderUrl = `shopify:customer-account/orders/${orderId}`;
  const date: Format = (iso) => shopify.i18n.formatDate(new Date(iso), { dateStyle: "long", timeStyle: "long" });
  const back = <s-link href={orderUrl}>{t("page.backToOrder")}</s-link>;
  const ready = options.state === "ready" ? options.data : undefined;
  const withdrawal = ready?.withdrawal;

  return (
    <s-page heading={t("page.heading")} subheading={ready && t("page.order", { order: ready.order.name })}>
      <s-button slot="breadcrumb-actions" href={orderUrl} accessibilityLabel={t("page.back")} />
      {options.state === "loading" && <Placeholder t={t} lines={6} />}
      {options.state === "error" && (
        <Problem t={t} status={options.status} error={options.error} onRetry={() => void reload()} />
      )}
      {ready &&
        (!withdrawal?.offered ? (
          <s-banner tone="info" heading={t("page.notOffered")}>
            {back}
          </s-banner>
        ) : !withdrawal.allowed ? (
          <s-banner tone="warning" heading={t("page.notAllowed")}>
            <s-stack gap="small">
              <Reasons reasons={withdrawal.reasons} />
              {back}
            </s-stack>
          </s-banner>
        ) : (
          <Statement
            t={t}
            date={date}
            api={api}
            orderId={orderId}
            orderName={ready.order.name}
            withdrawal={withdrawal}
            back={back}
          />
        ))}
    </s-page>
  );
}

interface StatementProps {
  t: Translate;
  date: Format;
  api: AmendApi;
  orderId: string;
  orderName: string;
  withdrawal: Withdrawal;
  back: preact.JSX.Element;
}

function Statement({ t, date, api, orderId, orderName, withdrawal: w, back }: StatementProps) {
  const selectable = w.items.filter((i) => !i.exempt && i.withdrawableQuantity > 0);
  const exempt = w.items.filter((i) => i.exempt);
  // a choice only when there is more than one unit to withdraw
  const partial = selectable.reduce((n, i) => n + i.withdrawableQuantity, 0) > 1;
  const [name, setName] = useState(w.customerName || "");
  const [some, setSome] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [sms, setSms] = useState(false);
  const [tried, setTried] = useState(false);
  const send = useSubmit((statement: WithdrawalStatement, key: string) =>
    submitWithdrawal(api, orderId, statement, key),
  );
  const result = send.result;
  if (result?.ok) return <Acknowledgement t={t} date={date} answer={result.data} back={back} />;

  const chosen = selectable
    .filter((i) => (quantities[i.lineItemId] || 0) > 0)
    .map((i) => ({ lineItemId: i.lineItemId, quantity: quantities[i.lineItemId] }));
  const badQuantity = (max: number, q = 0) => !(Number.isInteger(q) && q >= 0 && q <= max);
  // what the server refused of a field (400 INVALID_INPUT names it), until the customer changes that field
  const serverField = result && !result.ok && result.status === 400 ? result.error.field || "" : null;
  const nameError =
    (tried && !name.trim() && t("statement.nameRequired")) ||
    (name.length > NAME_MAX && t("statement.nameTooLong", { max: NAME_MAX })) ||
    (serverField === "name" ? result?.error.message : undefined);
  const itemsError =
    (some && tried && !chosen.length && t("statement.itemsRequired")) ||
    (serverField?.startsWith("items") ? result?.error.message : undefined);
  const fieldProblem = !!serverField && (serverField === "name" || serverField.startsWith("items"));
  const lineLabel = (i: { title: string; variantTitle?: string | null }) =>
    i.variantTitle ? `${i.title} — ${i.variantTitle}` : i.title;

  const confirm = () => {
    setTried(true);
    const invalid = some && selectable.some((i) => badQuantity(i.withdrawableQuantity, quantities[i.lineItemId]));
    if (!name.trim() || name.length > NAME_MAX || (some && !chosen.length) || invalid) return;
    void send.submit({
      name: name.trim(),
      items: some ? chosen : null,
      acknowledgeBy: { email: !!w.contact.email, sms: sms && !!w.contact.phone },
    });
  };

  return (
    <s-stack gap="base">
      <s-paragraph>
        {w.periodEndsAt
          ? t("page.until", { date: date(w.periodEndsAt) })
          : t("page.untilDelivery", { days: w.periodDays })}{" "}
        {w.stage === "NOT_SHIPPED" ? t("page.cancelled") : t("page.returned")}
      </s-paragraph>
      <s-section heading={t("statement.heading")}>
        <s-stack gap="base">
          <s-paragraph>{t("statement.text", { order: orderName })}</s-paragraph>
          <s-text-field
            label={t("statement.name")}
            value={name}
            required
            autocomplete="name"
            maxLength={NAME_MAX}
            error={nameError || undefined}
            disabled={send.pending}
            onInput={(e) => {
              setName(valueOf(e));
              if (serverField === "name") send.clear();
            }}
          />
          {!partial && (
            // one unit to withdraw: say which
            <s-paragraph>
              {t("statement.withdrawn", {
                items: selectable.map((i) => `${i.withdrawableQuantity} × ${lineLabel(i)}`).join(", "),
              })}
            </s-paragraph>
          )}
          {partial && (
            <s-choice-list
              label={t("statement.what")}
              values={[some ? "SOME" : "ALL"]}
              disabled={send.pending}
              error={itemsError || undefined}
              onChange={(e) => setSome((e.currentTarget as unknown as { values: string[] }).values[0] === "SOME")}
            >
              <s-choice value="ALL" selected={!some}>
                {t(exempt.length ? "statement.wholeWithdrawable" : "statement.whole")}
              </s-choice>
              <s-choice value="SOME" selected={some}>
                {t("statement.some")}
              </s-choice>
            </s-choice-list>
          )}
          {some &&
            selectable.map((i) => {
              const q = quantities[i.lineItemId];
              return (
                <s-number-field
                  key={i.lineItemId}
                  label={lineLabel(i)}
                  value={String(q || 0)}
                  min={0}
                  max={i.withdrawableQuantity}
                  step={1}
                  suffix={t("statement.of", { max: i.withdrawableQuantity })}
                  error={
                    tried && badQuantity(i.withdrawableQuantity, q)
                      ? t("statement.quantityRange", { max: i.withdrawableQuantity })
                      : undefined
                  }
                  disabled={send.pending}
                  onInput={(e) => {
                    const value = Number(valueOf(e));
                    setQuantities((all) => Object.assign({}, all, { [i.lineItemId]: value }));
                    if (serverField?.startsWith("items")) send.clear();
                  }}
                />
              );
            })}
          {!!exempt.length && (
            <s-stack gap="small-200">
              <s-text>{t("statement.exempt")}</s-text>
              <s-unordered-list>
                {exempt.map((i) => (
                  <s-list-item key={i.lineItemId}>
                    {lineLabel(i)} ({t(`exempt.${i.exemptReason || "OTHER"}`)})
                  </s-list-item>
                ))}
              </s-unordered-list>
            </s-stack>
          )}
        </s-stack>
      </s-section>
      <s-section heading={t("ack.heading")}>
        <s-stack gap="small">
          {w.contact.email ? (
            <s-checkbox label={t("ack.email", { email: w.contact.email })} checked disabled />
          ) : (
            <s-text>{t("ack.screenOnly")}</s-text>
          )}
          {w.contact.phone && (
            <s-checkbox
              label={t("ack.sms", { phone: w.contact.phone })}
              checked={sms}
              disabled={send.pending}
              onChange={(e) => setSms((e.currentTarget as unknown as { checked: boolean }).checked)}
            />
          )}
        </s-stack>
      </s-section>
      {fieldProblem && <s-banner tone="critical" heading={t("statement.fix")} />}
      {result && !result.ok && !fieldProblem && (
        <Problem t={t} status={result.status} error={result.error} onRetry={send.retry} retrying={send.pending} />
      )}
      <s-button
        variant="primary"
        loading={send.pending}
        disabled={send.pending}
        onClick={confirm}
        accessibilityLabel={t("statement.confirmLabel", { order: orderName })}
      >
        {t("statement.confirm")}
      </s-button>
    </s-stack>
  );
}

/** The acknowledgement on screen: the statement as registered, when it was received, and what happens next. */
function Acknowledgement({
  t,
  date,
  answer,
  back,
}: {
  t: Translate;
  date: Format;
  answer: SubmittedWithdrawal;
  back: preact.JSX.Element;
}) {
  const { submittedAt, statement, acknowledgement, outcome, reimbursementDueBy } = answer.withdrawal;
  const sentTo = [acknowledgement.email, acknowledgement.sms].filter(Boolean).join(", ");
  return (
    <s-stack gap="base">
      <s-banner tone="success" heading={t("done.heading")}>
        <s-text>{t("done.receivedAt", { date: date(submittedAt) })}</s-text>
      </s-banner>
      <s-section heading={t("done.statement")}>
        <s-stack gap="small">
          <s-paragraph>{t("done.text", { name: statement.name, order: statement.orderName })}</s-paragraph>
          {statement.wholeOrder || !statement.items ? (
            <s-text>{t("done.wholeOrder")}</s-text>
          ) : (
            <s-unordered-list>
              {statement.items.map((i) => (
                <s-list-item key={i.lineItemId}>{t("done.item", { quantity: i.quantity, title: i.title })}</s-list-item>
              ))}
            </s-unordered-list>
          )}
          <s-text>{sentTo ? t("done.sentTo", { to: sentTo }) : t("done.keepPage")}</s-text>
        </s-stack>
      </s-section>
      <s-section heading={t("done.next")}>
        <s-stack gap="small">
          <s-paragraph>
            {outcome === "CANCELLATION" ? t("done.cancellation") : t("done.return")}
            {reimbursementDueBy
              ? ` ${t(outcome === "CANCELLATION" ? "done.refundBy" : "done.refundAfterReturn", { date: date(reimbursementDueBy) })}`
              : ""}
          </s-paragraph>
          {back}
        </s-stack>
      </s-section>
    </s-stack>
  );
}
