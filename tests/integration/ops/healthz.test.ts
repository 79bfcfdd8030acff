import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { checkHealth, migrationsDirFor, type RawDb } from "~/ops/health.server";
import { loader } from "~/routes/healthz";

const get = () => (loader as unknown as () => Promise<Response>)();

// The active provider's migrations (prisma/migrations on SQLite, prisma/postgresql/migrations on PostgreSQL).
const shipped = fs
  .readdirSync(migrationsDirFor(process.env.DATABASE_URL), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("GET /healthz", () => {
  it("GIVEN a reachable database with every migration applied THEN 200 ok, not cached", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      database: "ok",
      migrations: { applied: shipped.length, expected: shipped.length },
    });
  });

  it("GIVEN a migration that failed half-way (no finished_at) THEN 503 naming it", async () => {
    const name = shipped[0];
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${name}`;
    try {
      const response = await get();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", migrations: { missing: [name] } });
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = started_at WHERE migration_name = ${name}`;
    }
    expect((await get()).status).toBe(200);
  });

  it("GIVEN the row of the latest migration is missing (the release was deployed before migrating) THEN 503 with what is missing", async () => {
    const latest = shipped[shipped.length - 1];
    await prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${latest}`;
    const response = await get();
    expect(response.status).toBe(503);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "unavailable",
      database: "ok",
      migrations: { applied: shipped.length - 1, expected: shipped.length, missing: [latest] },
    });
  });
});

describe("checkHealth", () => {
  const migrationsDir = migrationsDirFor(process.env.DATABASE_URL);

  it("GIVEN the database refuses THEN unreachable, and the error's text is not in the answer", async () => {
    const db: RawDb = { $queryRawUnsafe: () => Promise.reject(new Error("SQLITE_CANTOPEN /secret/path.db")) };
    const report = await checkHealth({ db, migrationsDir });
    expect(report).toEqual({ status: "unavailable", database: "unreachable" });
  });

  it("GIVEN the database does not answer THEN timeout after timeoutMs", async () => {
    const db: RawDb = { $queryRawUnsafe: () => new Promise(() => undefined) };
    expect(await checkHealth({ db, migrationsDir, timeoutMs: 20 })).toEqual({
      status: "unavailable",
      database: "timeout",
    });
  });

  it("GIVEN a database never migrated (no _prisma_migrations) THEN every migration is missing", async () => {
    const db: RawDb = {
      $queryRawUnsafe: <T>(sql: string) =>
        (sql === "SELECT 1" ? Promise.resolve([{ 1: 1 }]) : Promise.reject(new Error("no such table"))) as Promise<T>,
    };
    expect(await checkHealth({ db, migrationsDir })).toMatchObject({
      status: "unavailable",
      migrations: { applied: 0, missing: shipped },
    });
  });

  it("GIVEN DATABASE_URL THEN the active provider's migrations are expected", () => {
    expect(migrationsDirFor("postgresql://u@h/db", "/app")).toBe("/app/prisma/postgresql/migrations");
    expect(migrationsDirFor("postgres://u@h/db", "/app")).toBe("/app/prisma/postgresql/migrations");
    expect(migrationsDirFor("file:./prisma/dev.db", "/app")).toBe("/app/prisma/migrations");
  });
});
