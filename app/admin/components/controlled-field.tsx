import { TextField } from "@shopify/polaris";
import { useState } from "react";

/** A two-line text field that keeps what is typed, for a plain form post. */
export function ControlledField({ label, name, initial }: { label: string; name: string; initial: string }) {
  const [value, setValue] = useState(initial);
  return <TextField label={label} name={name} multiline={2} autoComplete="off" value={value} onChange={setValue} />;
}
