import type { DbTx } from "~/db.server";

/** Whether the shop has a workflow on that uses this trigger (no lifecycle callback yet: no). */
export async function isFlowTriggerEnabled(db: DbTx, shop: string, handle: string): Promise<boolean> {
  const row = await db.flowTriggerSubscription.findUnique({ where: { shop_handle: { shop, handle } } });
  return row?.enabled ?? false;
}

/**
 * Records a lifecycle callback. Flow may deliver callbacks out of order: one older than what is stored
 * changes nothing. Returns whether it was applied.
 */
export async function recordFlowTriggerLifecycle(
  db: DbTx,
  input: { shop: string; handle: string; enabled: boolean; definitionId: string | null; at: Date },
): Promise<boolean> {
  const key = { shop_handle: { shop: input.shop, handle: input.handle } };
  const existing = await db.flowTriggerSubscription.findUnique({ where: key });
  if (existing && existing.changedAt > input.at) return false;
  const data = { enabled: input.enabled, definitionId: input.definitionId, changedAt: input.at };
  await db.flowTriggerSubscription.upsert({
    where: key,
    create: { shop: input.shop, handle: input.handle, ...data },
    update: data,
  });
  return true;
}
