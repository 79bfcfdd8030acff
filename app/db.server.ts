import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

declare global {
  var __amendPrisma: PrismaClient | undefined;
}

export function createPrismaClient(url = process.env.DATABASE_URL ?? "file:./prisma/dev.db"): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

/** The app's one Prisma client (kept on `global` outside production so hot reload does not leak connections). */
export const prisma: PrismaClient = globalThis.__amendPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalThis.__amendPrisma = prisma;

export type Db = PrismaClient;
/** A client or an interactive transaction: what model functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
