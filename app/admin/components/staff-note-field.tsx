import { TextField } from "@shopify/polaris";
import { STAFF_NOTE_MAX_LENGTH } from "~/admin/constants";

/** A staff note: free text over `rows` lines, held to the length the server accepts. */
export function StaffNoteField({
  rows,
  ...field
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  name?: string;
  helpText?: string;
  error?: string;
}) {
  return <TextField {...field} multiline={rows} maxLength={STAFF_NOTE_MAX_LENGTH} autoComplete="off" />;
}
