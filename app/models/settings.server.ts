import { DEFAULT_POLICY, type StorePolicy } from "~/domain/policy";
import type { DbTx } from "~/db.server";

type PolicyBody = Omit<StorePolicy, "version">;

/** Fills what an older saved policy lacks with today's defaults (settings added later stay default). */
function withDefaults(saved: Partial<PolicyBody>): PolicyBody {
  return {
    addressChange: {
      ...DEFAULT_POLICY.addressChange,
      ...saved.addressChange,
      rules: { ...DEFAULT_POLICY.addressChange.rules, ...saved.addressChange?.rules },
    },
    cancellation: { ...DEFAULT_POLICY.cancellation, ...saved.cancellation },
  };
}

/** The shop's current policy: the latest saved version, or the defaults (version 0 = never saved). */
export async function getPolicy(db: DbTx, shop: string): Promise<StorePolicy> {
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
  return { ...body, version };
}
