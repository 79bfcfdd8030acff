import type { ApiError, Reason } from "./api";

/** The value of the field an input/change event came from. */
export const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;

export type Translate = (key: string, options?: Record<string, string | number>) => string;

/** Every failing rule, each in the shopper's language as the API explained it. */
export function Reasons({ reasons }: { reasons?: Reason[] }) {
  if (!reasons?.length) return null;
  return (
    <s-unordered-list>
      {reasons.map((r) => (
        <s-list-item key={r.code + (r.field || "")}>{r.message}</s-list-item>
      ))}
    </s-unordered-list>
  );
}

/** A failed call: the API's explanation (and reasons), or "could not reach" with Retry when trying again can help. */
export function Problem({
  t,
  status,
  error,
  onRetry,
  retrying,
}: {
  t: Translate;
  status: number;
  error: ApiError;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const network = status === 0;
  const canRetry = onRetry && (network || status === 429 || status >= 500);
  const heading = network ? t("common.networkError") : error.message || t("common.unexpected");
  const body = network ? t("common.networkHelp") : error.reasons?.length ? "" : canRetry ? t("common.retryHelp") : "";
  return (
    <s-banner tone={status === 422 || status === 409 ? "warning" : "critical"} heading={heading}>
      <s-stack gap="small">
        {body && <s-text>{body}</s-text>}
        <Reasons reasons={error.reasons} />
        {canRetry && (
          <s-button
            onClick={onRetry}
            loading={retrying}
            disabled={retrying}
            accessibilityLabel={t("common.retryLabel")}
          >
            {t("common.retry")}
          </s-button>
        )}
      </s-stack>
    </s-banner>
  );
}

/** A placeholder of the final content's height while loading, announced to screen readers. */
export function Placeholder({ t, lines = 2 }: { t: Translate; lines?: number }) {
  return (
    <s-stack gap="base" accessibilityLabel={t("common.loading")}>
      {Array.from({ length: lines }, (_, i) => (
        <s-skeleton-paragraph key={i} />
      ))}
    </s-stack>
  );
}
