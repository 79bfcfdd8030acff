import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { databaseProvider } from "~/db.server";
import { migrationAdapter } from "~/db/migration-adapter.server";

// The adapter prisma.config.ts migrates through, on PostgreSQL: the schema engine reads `name` and `char`
// columns of the catalogs. The first test fails when @prisma/adapter-pg learns to read them (the patch can go),
// the others when the patch no longer reaches the adapter's reads. In this order: the patch, once made, stays.
const CATALOG = `SELECT 'x'::name AS "n", 'c'::"char" AS "c"`;
const raw = (sql: string) => ({ sql, args: [], argTypes: [] }) as never;

describe.skipIf(databaseProvider() !== "postgresql")("the migration adapter on PostgreSQL", () => {
  it("the adapter by itself cannot read `name` and `char` columns", async () => {
    const adapter = await new PrismaPg({ connectionString: process.env.DATABASE_URL! }).connect();
    await expect(adapter.queryRaw(raw(CATALOG))).rejects.toThrow();
    await adapter.dispose();
  });

  it("reads them as text, in and out of a transaction", async () => {
    const adapter = await migrationAdapter(process.env.DATABASE_URL!).connect();
    expect((await adapter.queryRaw(raw(CATALOG))).rows).toEqual([["x", "c"]]);
    const tx = await adapter.startTransaction();
    expect((await tx.queryRaw(raw(CATALOG))).rows).toEqual([["x", "c"]]);
    await tx.rollback();
    await adapter.dispose();
  });

  it("replays a multi-statement migration in a throw-away shadow database, dropped when disposed", async () => {
    const factory = migrationAdapter(process.env.DATABASE_URL!);
    const shadow = await factory.connectToShadowDb();
    await shadow.executeRaw(raw(`CREATE TABLE "A" ("x" INTEGER); CREATE TABLE "B" ("y" TEXT);`));
    const [[name]] = (await shadow.queryRaw(raw(`SELECT current_database()`))).rows as string[][];
    expect(name).toMatch(/^amend_shadow_/);
    const tables = await shadow.queryRaw(
      raw(`SELECT "tablename" FROM pg_tables WHERE "tablename" IN ('A', 'B') ORDER BY "tablename"`),
    );
    expect(tables.rows).toEqual([["A"], ["B"]]);
    await shadow.dispose();
    const main = await factory.connect();
    const left = await main.queryRaw(raw(`SELECT count(*)::int AS "n" FROM pg_database WHERE "datname" = '${name}'`));
    expect(left.rows).toEqual([[0]]);
    await main.dispose();
  });
});
