import type { SettingsForm } from "~/admin/settings-form";
import type { Locale } from "~/domain/types";

/** What each settings card gets: its section of the form, how to patch it, the form's errors and the language. */
export interface SettingsSectionProps<K extends keyof SettingsForm> {
  value: SettingsForm[K];
  set: (patch: Partial<SettingsForm[K]>) => void;
  errors: Record<string, string>;
  locale: Locale;
}

/** A settings section's switches bound to Checkboxes: `flag("enabled")` gives the box its state and its patch. */
export function flagBinding<T>(value: T, set: (patch: Partial<T>) => void) {
  return (key: { [K in keyof T]: T[K] extends boolean ? K : never }[keyof T]) => ({
    checked: value[key] as boolean,
    onChange: (checked: boolean) => set({ [key]: checked } as Partial<T>),
  });
}
