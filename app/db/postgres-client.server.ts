import { createRequire } from "node:module";
import type { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma ties a generated client to one provider, so PostgreSQL has its own client, generated at install into
// node_modules/.prisma/client-postgresql by scripts/prisma-postgresql.mjs, which points its code at
// @prisma/client's runtime. The app relies on that: one PrismaClient type for both providers, and `Prisma.sql`,
// `Prisma.join` and the error classes (isUniqueViolation's instanceof) being the same objects for both clients.
// tests/unit/postgres-client.test.ts fails when a Prisma upgrade changes the generated code so that is no longer so.

/** Where the PostgreSQL client is generated, as a module name. */
export const POSTGRES_CLIENT_MODULE = ".prisma/client-postgresql";

/** The PostgreSQL client: the same models, through the `pg` driver adapter (a pool of DATABASE_POOL_SIZE). */
export function postgresClient(url: string, poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10)): PrismaClient {
  const require = createRequire(import.meta.url);
  const { PrismaClient: PostgresPrismaClient } = require(POSTGRES_CLIENT_MODULE) as {
    PrismaClient: new (options: { adapter: PrismaPg }) => unknown;
  };
  return new PostgresPrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 }),
  }) as PrismaClient;
}
