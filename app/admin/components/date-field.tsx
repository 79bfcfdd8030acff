import { TextField } from "@shopify/polaris";

/** A date filter field: empty when unset. */
export function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null | undefined;
  onChange: (value: string) => void;
}) {
  return <TextField label={label} type="date" autoComplete="off" value={value ?? ""} onChange={onChange} />;
}
