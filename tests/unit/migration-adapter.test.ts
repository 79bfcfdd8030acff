import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrationAdapter } from "~/db/migration-adapter.server";

// The adapter prisma.config.ts migrates through, on a real SQLite file. Shadow-database replay sends a whole
// migration.sql through executeRaw: the first test fails when @prisma/adapter-better-sqlite3 learns to run it
// itself (the wrapper can go), the second when the wrapper no longer gets it through.
const MIGRATION = `CREATE TABLE "A" ("x" INTEGER); CREATE TABLE "B" ("y" TEXT);`;
const raw = (sql: string, args: unknown[] = []) =>
  ({ sql, args, argTypes: args.map(() => ({ scalarType: "int", arity: "scalar" })) }) as never;

let dir: string;
let url: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "amend-migrate-"));
  url = `file:${path.join(dir, "migrate.db")}`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the migration adapter on SQLite", () => {
  it("the adapter by itself refuses a multi-statement executeRaw", async () => {
    const adapter = await new PrismaBetterSQLite3({ url }).connect();
    await expect(adapter.executeRaw(raw(MIGRATION))).rejects.toThrow();
    await adapter.dispose();
  });

  it("runs a multi-statement migration sent through executeRaw, and parameterised SQL as before", async () => {
    for (const connect of ["connect", "connectToShadowDb"] as const) {
      const adapter = await migrationAdapter(url)[connect]();
      await adapter.executeRaw(raw(MIGRATION));
      expect(await adapter.executeRaw(raw(`INSERT INTO "A" ("x") VALUES (?)`, [7]))).toBe(1);
      const tables = await adapter.queryRaw(
        raw(`SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" IN ('A', 'B') ORDER BY "name"`),
      );
      expect(tables.rows).toEqual([["A"], ["B"]]);
      await adapter.dispose();
    }
  });
});
