import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

declare global {
  var __amendPrisma: PrismaClient | undefined;
}

/**
 * SQLite tuned for an app server: WAL (readers don't wait for the writer, one fsync per checkpoint instead of
 * per commit) and a busy timeout so a second process waits instead of failing.
 */
class TunedSqlite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    return adapter;
  }
}

export function createPrismaClient(url = process.env.DATABASE_URL ?? "file:./prisma/dev.db"): PrismaClient {
  return new PrismaClient({ adapter: new TunedSqlite({ url, timeout: 5000 }) });
}

/** The app's one Prisma client (kept on `global` outside production so hot reload does not leak connections). */
export const prisma: PrismaClient = globalThis.__amendPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalThis.__amendPrisma = prisma;

export type Db = PrismaClient;
/** A client or an interactive transaction: what model functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
