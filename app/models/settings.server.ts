import { DEFAULT_POLICY, validateWithdrawalSettings, type StorePolicy } from "~/domain/policy";
import type { DbTx } from "~/db.server";

type PolicyBody = Omit<StorePolicy, "version">;

/**
 * Fills what an older saved policy lacks with today's defaults (settings added later stay default). Withdrawal
 * settings that do not validate read as the defaults (off), never as a half-read setting.
 */
function withDefaults(saved: Partial<PolicyBody>): PolicyBody {
  const withdrawal = validateWithdrawalSettings({ ...DEFAULT_POLICY.withdrawal, ...saved.withdrawal });
  return {
    addressChange: {
      ...DEFAULT_POLICY.addressChange,
      ...saved.addressChange,
      rules: { ...DEFAULT_POLICY.addressChange.rules, ...saved.addressChange?.rules },
    },
    cancellation: { ...DEFAULT_POLICY.cancellation, ...saved.cancellation },
    withdrawal: withdrawal.ok ? withdrawal.value : structuredClone(DEFAULT_POLICY.withdrawal),
  };
}

/**
 * Policies read in the last few seconds, per shop: every customer call needs the policy, and it changes
 * rarely. A save in this process drops the entry; another instance sees a save within POLICY_TTL_MS.
 */
const recent = new Map<string, { policy: StorePolicy; at: number }>();
export const POLICY_TTL_MS = 5_000;

/** The shop's current policy: the latest saved version, or the defaults (version 0 = never saved). */
export async function getPolicy(db: DbTx, shop: string): Promise<StorePolicy> {
  const hit = recent.get(shop);
  if (hit && Date.now() - hit.at < POLICY_TTL_MS) return structuredClone(hit.policy);
  const policy = await readPolicy(db, shop);
  if (recent.size > 10_000) recent.clear();
  recent.set(shop, { policy, at: Date.now() });
  return structuredClone(policy);
}

async function readPolicy(db: DbTx, shop: string): Promise<StorePolicy> {
  const row = await db.shopSettings.findFirst({ where: { shop }, orderBy: { version: "desc" } });
  if (!row) return { ...structuredClone(DEFAULT_POLICY), version: 0 };
  return { ...withDefaults(JSON.parse(row.policy) as Partial<PolicyBody>), version: row.version };
}

/** Saves a new version of the shop's policy (a decision keeps the version it used). */
export async function savePolicy(db: DbTx, shop: string, policy: PolicyBody, createdBy?: string): Promise<StorePolicy> {
  const current = await db.shopSettings.findFirst({
    where: { shop },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const version = (current?.version ?? 0) + 1;
  const body = withDefaults(policy);
  await db.shopSettings.create({ data: { shop, version, policy: JSON.stringify(body), createdBy } });
  recent.delete(shop);
  return { ...body, version };
}
