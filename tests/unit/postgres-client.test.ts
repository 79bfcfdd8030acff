import { createRequire } from "node:module";
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { POSTGRES_CLIENT_MODULE, postgresClient } from "~/db/postgres-client.server";

// The PostgreSQL client is generated apart and pointed at @prisma/client's runtime (scripts/prisma-postgresql.mjs).
// The app builds SQL with @prisma/client's `Prisma` and recognises errors with its classes whichever client ran
// the query: these fail when a Prisma upgrade generates code the script no longer points at the shared runtime.
const require = createRequire(import.meta.url);
const generated = require(POSTGRES_CLIENT_MODULE) as { Prisma: typeof Prisma };

describe("the PostgreSQL Prisma client", () => {
  it("shares @prisma/client's runtime: SQL templates and error classes are the same objects", () => {
    expect(generated.Prisma.sql).toBe(Prisma.sql);
    expect(generated.Prisma.join).toBe(Prisma.join);
    expect(generated.Prisma.Sql).toBe(Prisma.Sql);
    expect(generated.Prisma.PrismaClientKnownRequestError).toBe(Prisma.PrismaClientKnownRequestError);
    expect(generated.Prisma.Decimal).toBe(Prisma.Decimal);
  });

  it("has the same models as the SQLite client", () => {
    expect(generated.Prisma.ModelName).toEqual(Prisma.ModelName);
  });

  it("builds a client for a postgresql:// URL without connecting", async () => {
    const client = postgresClient("postgresql://amend@127.0.0.1:1/none", 1);
    expect(typeof client.changeRequest.findMany).toBe("function");
    await client.$disconnect();
  });
});
