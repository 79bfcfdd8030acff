import { Banner } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { Locale } from "~/domain/types";

/** The requests a bulk decision could not decide, each with its order and why. */
export function BulkFailuresBanner({
  failures,
  locale,
}: {
  failures: { id: string; orderName: string | null; code: string }[];
  locale: Locale;
}) {
  const t = adminMessages(locale);
  if (failures.length === 0) return null;
  return (
    <Banner tone="warning" title={fill(t.inbox.bulkDone, { done: "", failed: String(failures.length) }).trim()}>
      <ul>
        {failures.map((f) => (
          <li key={f.id}>
            {fill(t.inbox.bulkFailedDetail, {
              order: f.orderName ?? f.id,
              error: t.errors[f.code] ?? t.errors.INTERNAL,
            })}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
