import { createRequire } from "node:module";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { TunedSqlite } from "~/db/sqlite-adapter.server";

declare global {
  var __amendPrisma: PrismaClient | undefined;
}

export type DatabaseProvider = "sqlite" | "postgresql";

/** SQLite by default; PostgreSQL when DATABASE_URL is a postgresql:// URL (several app instances and workers). */
export function databaseProvider(url = process.env.DATABASE_URL ?? ""): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/**
 * The same models for both providers; Prisma ties a generated client to one, so PostgreSQL has its own
 * (scripts/prisma-postgresql.mjs generates it at install, sharing @prisma/client's runtime and types).
 */
function postgresClient(url: string): PrismaClient {
  const require = createRequire(import.meta.url);
  const { PrismaClient: PostgresPrismaClient } = require(".prisma/client-postgresql") as {
    PrismaClient: new (options: { adapter: PrismaPg }) => unknown;
  };
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PostgresPrismaClient({
    adapter: new PrismaPg({ connectionString: url, max, connectionTimeoutMillis: 5000 }),
  }) as PrismaClient;
}

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
