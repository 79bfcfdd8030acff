import { BlockStack, Button, Card, RadioButton, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminMessages, fill } from "~/admin/i18n";
import type { RequestDetailView } from "~/admin/presenters/request-detail";
import { STORE_CANCEL_REASONS } from "~/domain/types";
import { Section } from "./section-card";
import { StaffNoteField } from "./staff-note-field";
import { ErrorBanner } from "./error-banner";
import type { RequestActionCardProps } from "./request-detail-page";

// the two scopes a store cancellation can have, each with its radio button's id and label
const SCOPES = [
  { value: "WHOLE_ORDER", id: "scope-whole", label: "wholeOrder" },
  { value: "ITEMS", id: "scope-items", label: "someItems" },
] as const;

/**
 * The store cancels the order, or some of its items, with its own reason. Nothing shows for an order that
 * is cancelled or unavailable; the form keeps what the merchant chose while the page lives.
 */
export function StoreCancelCard({
  order,
  actionKey,
  fetcher: cancel,
  busy,
  error,
  locale,
}: RequestActionCardProps & {
  order: RequestDetailView["order"];
  actionKey: string;
}) {
  const t = adminMessages(locale);
  const d = t.detail;
  const [scope, setScope] = useState<"WHOLE_ORDER" | "ITEMS">("WHOLE_ORDER");
  const [storeReason, setStoreReason] = useState<string>(STORE_CANCEL_REASONS[0]);
  const [storeNote, setStoreNote] = useState("");
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  if (!order || order.cancelled) return null;
  return (
    <Card>
      <cancel.Form method="post">
        <input type="hidden" name="intent" value="storeCancel" />
        <input type="hidden" name="actionKey" value={actionKey} />
        <input type="hidden" name="scope" value={scope} />
        <Section title={d.storeCancel} help={d.storeCancelHelp}>
          <ErrorBanner message={error} />
          <BlockStack gap="100">
            {SCOPES.map(({ value, id, label }) => (
              <RadioButton
                key={value}
                label={d[label]}
                id={id}
                name="scopeChoice"
                checked={scope === value}
                onChange={() => setScope(value)}
              />
            ))}
          </BlockStack>
          {scope === "ITEMS"
            ? order.lineItems.map((l) => (
                <TextField
                  key={l.id}
                  name={`qty:${l.id}`}
                  type="number"
                  min={0}
                  max={l.quantity}
                  label={fill(d.quantityToCancel, { title: l.title, quantity: String(l.quantity) })}
                  value={quantities[l.id] ?? "0"}
                  onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: v }))}
                  autoComplete="off"
                />
              ))
            : null}
          <Select
            name="reason"
            label={d.storeReason}
            options={STORE_CANCEL_REASONS.map((code) => ({ label: t.storeReasons[code], value: code }))}
            value={storeReason}
            onChange={setStoreReason}
          />
          <StaffNoteField name="note" label={d.storeNote} value={storeNote} onChange={setStoreNote} rows={2} />
          <Button submit tone="critical" disabled={busy} loading={cancel.state !== "idle"}>
            {scope === "ITEMS" ? d.confirmItemsCancel : d.confirmStoreCancel}
          </Button>
        </Section>
      </cancel.Form>
    </Card>
  );
}
