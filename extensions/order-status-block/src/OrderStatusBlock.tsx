import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useState } from "preact/hooks";
import {
  type AmendApi,
  type CustomerRequest,
  amendApi,
  numericId,
  orderPageUrl,
  reply as sendAnswer,
  withdraw as withdrawRequest,
  withdrawalPageUrl,
} from "../../_shared/api";
import { useLoad, useSubmit } from "../../_shared/hooks";
import { Placeholder, Problem, type Translate, valueOf } from "../../_shared/ui";

export default () => {
  render(<OrderStatusBlock />, document.body);
};

const REPLY_MAX = 2000;
type Format = (iso: string) => string;

/**
 * The order's change requests: where each stands, its history, the store's messages, reply and withdraw; and, where
 * the store offers the EU withdrawal function for this order, "Withdraw from contract here" to its page.
 */
function OrderStatusBlock() {
  const t = shopify.i18n.translate as Translate;
  const date: Format = (iso) => shopify.i18n.formatDate(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  // a shopper who came from an email link is pre-authenticated: Shopify asks to log in before any change
  if (shopify.authenticationState.value === "pre_authenticated") return <LoginPrompt t={t} />;
  return <Requests t={t} date={date} />;
}

function LoginPrompt({ t }: { t: Translate }) {
  return (
    <s-section heading={t("block.heading")}>
      <s-stack gap="small">
        <s-paragraph>{t("block.loginText")}</s-paragraph>
        <s-button onClick={() => void shopify.requireLogin()} accessibilityLabel={t("block.loginLabel")}>
          {t("block.login")}
        </s-button>
      </s-stack>
    </s-section>
  );
}

function Requests({ t, date }: { t: Translate; date: Format }) {
  const orderId = numericId(shopify.order.value?.id);
  const api = amendApi(shopify);
  const [options, reload, setOptions] = useLoad(() => api.options(orderId));

  if (options.state === "error" && options.status === 401 && options.error.code === "LOGIN_REQUIRED")
    return <LoginPrompt t={t} />;
  if (options.state === "loading")
    return (
      <s-section heading={t("block.heading")}>
        <Placeholder t={t} lines={2} />
      </s-section>
    );
  if (options.state === "error")
    return (
      <s-section heading={t("block.heading")}>
        <Problem t={t} status={options.status} error={options.error} onRetry={() => void reload()} />
      </s-section>
    );

  const { requests, addressChange } = options.data;
  const updated = (request: CustomerRequest) => {
    // show the answer at once (keeping the history we have), then refresh the whole thread quietly
    setOptions({
      state: "ready",
      data: Object.assign({}, options.data, {
        requests: requests.map((r) => (r.id === request.id ? Object.assign({}, r, request) : r)),
      }),
    });
    void reload(true);
  };
  const w = options.data.withdrawal;
  const withdrawal = w?.offered && w.allowed && (
    <s-stack gap="small">
      <s-paragraph>
        {w.periodEndsAt
          ? t("block.withdrawalUntil", { deadline: date(w.periodEndsAt) })
          : t("block.withdrawalAfterDelivery", { days: w.periodDays })}
      </s-paragraph>
      <s-button href={withdrawalPageUrl(orderId)} variant="secondary">
        {t("block.withdrawal")}
      </s-button>
    </s-stack>
  );
  if (!requests.length) {
    if (!addressChange.allowed && !withdrawal) return null;
    return (
      <s-section heading={t("block.heading")}>
        <s-stack gap="base">
          {addressChange.allowed && (
            <s-stack gap="small">
              <s-paragraph>
                {addressChange.deadline
                  ? t("block.addressUntil", { deadline: date(addressChange.deadline) })
                  : t("block.addressAllowed")}
              </s-paragraph>
              <s-button href={orderPageUrl(orderId)} variant="secondary">
                {t("block.changeAddress")}
              </s-button>
            </s-stack>
          )}
          {withdrawal}
        </s-stack>
      </s-section>
    );
  }
  return (
    <s-section heading={t("block.heading")}>
      <s-stack gap="large">
        {requests.map((r) => (
          <RequestCard key={r.id} t={t} date={date} api={api} request={r} onUpdated={updated} />
        ))}
        {withdrawal}
      </s-stack>
    </s-section>
  );
}

function RequestCard({
  t,
  date,
  api,
  request: r,
  onUpdated,
}: {
  t: Translate;
  date: Format;
  api: AmendApi;
  request: CustomerRequest;
  onUpdated: (r: CustomerRequest) => void;
}) {
  const [reply, setReply] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [replyTried, setReplyTried] = useState(false);
  const sendReply = useSubmit(
    (body: string, key: string) => sendAnswer(api, r.id, body, key),
    (result) => {
      if (!result.ok) return;
      setReply("");
      setReplyTried(false);
      onUpdated(result.data.request);
    },
  );
  const withdraw = useSubmit(
    (_: null, key: string) => withdrawRequest(api, r.id, key),
    (result) => {
      if (!result.ok) return;
      setConfirming(false);
      onUpdated(result.data.request);
    },
  );
  const closed = ["APPLIED", "REJECTED", "WITHDRAWN", "EXPIRED", "SUPERSEDED", "FAILED"].includes(r.status);
  const replyError =
    replyTried && !reply.trim()
      ? t("block.replyRequired")
      : reply.length > REPLY_MAX
        ? t("block.replyTooLong", { max: REPLY_MAX })
        : undefined;

  const submitReply = () => {
    setReplyTried(true);
    if (reply.trim() && reply.length <= REPLY_MAX) void sendReply.submit(reply.trim());
  };
  const failed = [sendReply.result, withdraw.result].find((x) => x && !x.ok);

  return (
    <s-stack gap="small">
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-heading>{r.kindLabel}</s-heading>
        <s-badge tone={closed ? "neutral" : "auto"}>{r.statusLabel}</s-badge>
      </s-stack>
      <s-text color="subdued">{t("block.requestedOn", { date: date(r.createdAt) })}</s-text>
      {r.kind === "CANCELLATION" && r.reasonLabel && <s-text>{t("block.reason", { reason: r.reasonLabel })}</s-text>}
      {r.note && <s-text>{t("block.yourNote", { note: r.note })}</s-text>}
      {r.decisionNote && <s-paragraph>{t("block.storeNote", { note: r.decisionNote })}</s-paragraph>}
      {!!r.messages?.length && (
        <s-stack gap="small-200" accessibilityLabel={t("block.messages")}>
          {r.messages.map((m) => (
            <s-paragraph key={m.at + m.author}>
              <s-text type="strong">
                {m.author === "CUSTOMER" ? t("block.you") : t("block.store")} · {date(m.at)}
              </s-text>{" "}
              {m.body}
            </s-paragraph>
          ))}
        </s-stack>
      )}
      {!!r.events?.length && (
        <s-details>
          <s-summary>{t("block.history")}</s-summary>
          <s-ordered-list>
            {r.events.map((e) => (
              <s-list-item key={e.at + e.to}>
                {date(e.at)} — {e.toLabel}
                {e.message ? ` — ${e.message}` : ""}
              </s-list-item>
            ))}
          </s-ordered-list>
        </s-details>
      )}
      {failed && !failed.ok && (
        <Problem
          t={t}
          status={failed.status}
          error={failed.error}
          onRetry={failed === sendReply.result ? sendReply.retry : withdraw.retry}
          retrying={sendReply.pending || withdraw.pending}
        />
      )}
      {r.canReply && (
        <s-stack gap="small">
          <s-text-area
            label={t("block.replyLabel")}
            value={reply}
            rows={3}
            maxLength={REPLY_MAX}
            error={replyError}
            disabled={sendReply.pending}
            onInput={(e) => setReply(valueOf(e))}
          />
          <s-button
            loading={sendReply.pending}
            disabled={sendReply.pending}
            onClick={submitReply}
            accessibilityLabel={t("block.sendReplyLabel", { kind: r.kindLabel })}
          >
            {t("block.sendReply")}
          </s-button>
        </s-stack>
      )}
      {r.canWithdraw && !confirming && (
        <s-button
          variant="secondary"
          tone="critical"
          onClick={() => setConfirming(true)}
          accessibilityLabel={t("block.withdrawLabel", { kind: r.kindLabel })}
        >
          {t("block.withdraw")}
        </s-button>
      )}
      {r.canWithdraw && confirming && (
        <s-banner tone="warning" heading={t("block.withdrawConfirm")}>
          <s-stack gap="small">
            <s-text>{t("block.withdrawHelp")}</s-text>
            <s-stack direction="inline" gap="small">
              <s-button
                tone="critical"
                loading={withdraw.pending}
                disabled={withdraw.pending}
                onClick={() => void withdraw.submit(null)}
              >
                {t("block.withdrawYes")}
              </s-button>
              <s-button variant="secondary" disabled={withdraw.pending} onClick={() => setConfirming(false)}>
                {t("block.withdrawNo")}
              </s-button>
            </s-stack>
          </s-stack>
        </s-banner>
      )}
    </s-stack>
  );
}
