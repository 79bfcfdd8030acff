import { Badge } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { RequestStatus } from "~/domain/types";

const TONES: Partial<Record<RequestStatus, "attention" | "warning" | "success" | "critical" | "info">> = {
  PENDING: "attention",
  NEEDS_INFO: "warning",
  APPLYING: "info",
  APPLIED: "success",
  FAILED: "critical",
};

export function StatusBadge({ status, locale }: { status: RequestStatus; locale: string }) {
  const label = adminMessages(locale).statuses[status] ?? status;
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
