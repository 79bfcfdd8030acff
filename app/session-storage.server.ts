import type { PrismaClient } from "@prisma/client";
import type { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";

/**
 * Prisma session storage that keeps offline sessions it loaded for a few seconds: every customer API call
 * needs the shop's offline session, which changes only on install, token refresh or uninstall — and those
 * writes go through this storage, which drops the cached copy (a direct delete is seen within the TTL).
 */
export class CachedPrismaSessionStorage extends PrismaSessionStorage<PrismaClient> {
  private recent = new Map<string, { session: Session | undefined; at: number }>();
  constructor(
    prisma: PrismaClient,
    private readonly ttlMs = 5_000,
  ) {
    super(prisma);
  }

  override async loadSession(id: string): Promise<Session | undefined> {
    const hit = this.recent.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.session;
    const session = await super.loadSession(id);
    if (id.startsWith("offline_")) {
      if (this.recent.size > 10_000) this.recent.clear();
      this.recent.set(id, { session, at: Date.now() });
    }
    return session;
  }

  override async storeSession(session: Session): Promise<boolean> {
    this.recent.delete(session.id);
    return super.storeSession(session);
  }

  override async deleteSession(id: string): Promise<boolean> {
    this.recent.delete(id);
    return super.deleteSession(id);
  }

  override async deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) this.recent.delete(id);
    return super.deleteSessions(ids);
  }
}
