import { useFetcher } from "@remix-run/react";
import { Badge, Button, InlineStack, TextField } from "@shopify/polaris";
import { useState } from "react";

/** Sends one logged message again to an address typed here (one key per form: a double click sends once). */
export function ResendForm({
  id,
  label,
  button,
  invalid,
}: {
  id: string;
  label: string;
  button: string;
  invalid: string;
}) {
  const fetcher = useFetcher<{ ok: boolean; to?: string; code?: string }>();
  const [to, setTo] = useState("");
  const [key] = useState(() =>
    typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random()),
  );
  return (
    <InlineStack gap="100" blockAlign="end" wrap={false}>
      <TextField
        label={label}
        labelHidden
        placeholder={label}
        value={to}
        onChange={setTo}
        autoComplete="off"
        error={fetcher.data?.code === "INVALID_ADDRESS" ? invalid : undefined}
      />
      <Button
        disabled={!to || fetcher.state !== "idle"}
        loading={fetcher.state !== "idle"}
        onClick={() => fetcher.submit({ id, to, key }, { method: "post" })}
        accessibilityLabel={`${button} ${to}`}
      >
        {button}
      </Button>
      {fetcher.data?.ok ? <Badge tone="success">{fetcher.data.to ?? ""}</Badge> : null}
    </InlineStack>
  );
}
