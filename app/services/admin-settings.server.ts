import type { DbTx } from "~/db.server";
import { SettingsFormSchema, fieldErrors, formToPolicy, policyToForm, type SettingsForm } from "~/admin/settings-form";
import { getPolicy, savePolicy } from "~/models/settings.server";

/** The settings page's data: the current policy as the form edits it. */
export async function loadSettings(db: DbTx, shop: string): Promise<{ form: SettingsForm; version: number }> {
  const policy = await getPolicy(db, shop);
  return { form: policyToForm(policy), version: policy.version };
}

export type SaveSettingsResult =
  { ok: true; version: number; form: SettingsForm } | { ok: false; fieldErrors: Record<string, string> };

/** Validates the form and saves it as a new policy version (decisions keep the version they used). */
export async function saveSettings(
  db: DbTx,
  shop: string,
  input: unknown,
  staff?: string,
): Promise<SaveSettingsResult> {
  const parsed = SettingsFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { withdrawal } = await getPolicy(db, shop);
  const saved = await savePolicy(db, shop, { ...formToPolicy(parsed.data), withdrawal }, staff);
  return { ok: true, version: saved.version, form: policyToForm(saved) };
}
