import { InlineStack, Modal } from "@shopify/polaris";
import { adminMessages, fill } from "~/admin/i18n";
import type { Locale } from "~/domain/types";
import { StaffNoteField } from "./staff-note-field";

/** Confirms a bulk approval or rejection of the selected requests, with one note for all of them. */
export function BulkDecisionModal({
  intent,
  count,
  note,
  setNote,
  submitting,
  onClose,
  onConfirm,
  locale,
}: {
  intent: "approve" | "reject" | null;
  count: number;
  note: string;
  setNote: (note: string) => void;
  submitting: boolean;
  onClose: () => void;
  onConfirm: () => void;
  locale: Locale;
}) {
  const t = adminMessages(locale);
  return (
    <Modal
      open={intent !== null}
      onClose={onClose}
      title={intent === "reject" ? t.inbox.bulkReject : t.inbox.bulkApprove}
      primaryAction={{
        content: fill(intent === "reject" ? t.inbox.bulkConfirmReject : t.inbox.bulkConfirmApprove, {
          count: String(count),
        }),
        destructive: intent === "reject",
        loading: submitting,
        disabled: submitting,
        onAction: onConfirm,
      }}
      secondaryActions={[{ content: t.common.cancel, onAction: onClose, disabled: submitting }]}
    >
      <Modal.Section>
        <InlineStack>
          <div style={{ width: "100%" }}>
            <StaffNoteField label={t.inbox.bulkNoteLabel} value={note} onChange={setNote} rows={3} />
          </div>
        </InlineStack>
      </Modal.Section>
    </Modal>
  );
}
