import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";

export default async () => {
  render(<Extension />, document.body);
};

/** A request as GET /api/admin/orders/:orderId/requests answers it. */
export interface BlockRequest {
  id: string;
  kind: "ADDRESS_CHANGE" | "CANCELLATION";
  status: string;
  createdAt: string;
  reason: string | null;
  note: string | null;
  newAddress: { city: string; countryCode: string } | null;
  canDecide: boolean;
}

type Load = { state: "loading" } | { state: "error" } | { state: "ready"; requests: BlockRequest[] };

const TONES: Record<string, "warning" | "success" | "critical" | "info" | "auto"> = {
  PENDING: "warning",
  NEEDS_INFO: "warning",
  APPLIED: "success",
  FAILED: "critical",
  APPLYING: "info",
};

function Extension() {
  const t = (key: string, params?: Record<string, string>) => shopify.i18n.translate(key, params);
  const orderGid = shopify.data.selected[0]?.id ?? "";
  const orderId = orderGid.split("/").pop() ?? "";
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "critical"; text: string } | null>(null);

  async function refresh() {
    try {
      // Relative to the app's URL; Shopify adds the session token (Authorization: Bearer) to this fetch.
      const res = await fetch(`/api/admin/orders/${orderId}/requests`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { requests: BlockRequest[] };
      setLoad({ state: "ready", requests: body.requests });
    } catch {
      setLoad({ state: "error" });
    }
  }

  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orderId]);

  async function decide(request: BlockRequest, action: "approve" | "reject") {
    if (busy) return;
    setBusy(`${request.id}:${action}`);
    setMessage(null);
    try {
      const res = await fetch(`/api/admin/requests/${request.id}/decision`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
      if (!res.ok) {
        const code = body.error?.code ?? "INTERNAL";
        setMessage({
          tone: "critical",
          text: t(
            `errors.${["INVALID_TRANSITION", "STALE_REQUEST", "SHOPIFY_UNAVAILABLE", "REQUEST_NOT_FOUND"].includes(code) ? code : "INTERNAL"}`,
          ),
        });
      } else {
        setMessage({ tone: "success", text: t(action === "approve" ? "block.approved" : "block.rejected") });
      }
      await refresh();
    } catch {
      setMessage({ tone: "critical", text: t("errors.NETWORK") });
    } finally {
      setBusy(null);
    }
  }

  return (
    <s-admin-block heading={t("block.heading")}>
      <s-stack direction="block" gap="base">
        {message ? <s-banner tone={message.tone}>{message.text}</s-banner> : null}
        {load.state === "loading" ? <s-text>{t("block.loading")}</s-text> : null}
        {load.state === "error" ? (
          <s-banner tone="critical">
            <s-stack direction="block" gap="small">
              <s-text>{t("errors.LOAD")}</s-text>
              <s-button onClick={() => void refresh()}>{t("block.retry")}</s-button>
            </s-stack>
          </s-banner>
        ) : null}
        {load.state === "ready" && load.requests.length === 0 ? <s-text>{t("block.empty")}</s-text> : null}
        {load.state === "ready"
          ? load.requests.map((r) => (
              <s-stack key={r.id} direction="block" gap="small-200">
                <s-stack direction="inline" gap="small" alignItems="center">
                  <s-text type="strong">{t(`kinds.${r.kind}`)}</s-text>
                  <s-badge tone={TONES[r.status] ?? "auto"}>{t(`statuses.${r.status}`)}</s-badge>
                </s-stack>
                {r.newAddress ? (
                  <s-text>{t("block.to", { city: r.newAddress.city, country: r.newAddress.countryCode })}</s-text>
                ) : null}
                {r.reason ? <s-text>{t(`reasons.${r.reason}`)}</s-text> : null}
                {r.note ? <s-text color="subdued">“{r.note}”</s-text> : null}
                {r.canDecide ? (
                  <s-stack direction="inline" gap="small">
                    <s-button
                      variant="primary"
                      accessibilityLabel={t("block.approveLabel", { kind: t(`kinds.${r.kind}`) })}
                      disabled={busy !== null}
                      loading={busy === `${r.id}:approve`}
                      onClick={() => void decide(r, "approve")}
                    >
                      {t("block.approve")}
                    </s-button>
                    <s-button
                      tone="critical"
                      accessibilityLabel={t("block.rejectLabel", { kind: t(`kinds.${r.kind}`) })}
                      disabled={busy !== null}
                      loading={busy === `${r.id}:reject`}
                      onClick={() => void decide(r, "reject")}
                    >
                      {t("block.reject")}
                    </s-button>
                  </s-stack>
                ) : null}
              </s-stack>
            ))
          : null}
      </s-stack>
    </s-admin-block>
  );
}
