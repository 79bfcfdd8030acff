/** A settings section's switches bound to Checkboxes: `flag("enabled")` gives the box its state and its patch. */
export function flagBinding<T>(value: T, set: (patch: Partial<T>) => void) {
  return (key: { [K in keyof T]: T[K] extends boolean ? K : never }[keyof T]) => ({
    checked: value[key] as boolean,
    onChange: (checked: boolean) => set({ [key]: checked } as Partial<T>),
  });
}
