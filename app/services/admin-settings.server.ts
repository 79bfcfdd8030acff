import type { DbTx } from "~/db.server";
import { SettingsFormSchema, fieldErrors, formToPolicy, policyToForm, type SettingsForm } from "~/admin/settings-form";
import { withdrawalPageUrl } from "~/admin/withdrawal-texts";
import { getPolicy, savePolicy } from "~/models/settings.server";

/** The settings page's data: the current policy as the form edits it, and the storefront withdrawal page's address. */
export async function loadSettings(
  db: DbTx,
  shop: string,
): Promise<{ form: SettingsForm; version: number; withdrawalUrl: string }> {
  const policy = await getPolicy(db, shop);
  return { form: policyToForm(policy), version: policy.version, withdrawalUrl: withdrawalPageUrl(shop) };
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
  const saved = await savePolicy(db, shop, formToPolicy(parsed.data), staff);
  return { ok: true, version: saved.version, form: policyToForm(saved) };
}
