import { PrismaClient } from "@prisma/client";
import { postgresClient } from "~/db/postgres-client.server";
import { TunedSqlite } from "~/db/sqlite-adapter.server";

declare global {
  var __amendPrisma: PrismaClient | undefined;
}

export type DatabaseProvider = "sqlite" | "postgresql";

/** SQLite by default; PostgreSQL when DATABASE_URL is a postgresql:// URL (several app instances and workers). */
export function databaseProvider(url = process.env.DATABASE_URL ?? ""): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** SQLite through the tuned adapter, or PostgreSQL through its own generated client (app/db/). */
export function createPrismaClient(url = process.env.DATABASE_URL ?? "file:./prisma/dev.db"): PrismaClient {
  if (databaseProvider(url) === "postgresql") return postgresClient(url);
  return new PrismaClient({ adapter: new TunedSqlite({ url, timeout: 5000 }) });
}

/** The app's one Prisma client (kept on `global` outside production so hot reload does not leak connections). */
export const prisma: PrismaClient = globalThis.__amendPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalThis.__amendPrisma = prisma;

export type Db = PrismaClient;
/** A client or an interactive transaction: what model functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
