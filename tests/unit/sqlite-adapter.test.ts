import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PREPARED_STATEMENTS, TunedSqlite } from "~/db/sqlite-adapter.server";

// app/db/sqlite-adapter.server.ts leans on how @prisma/adapter-better-sqlite3 uses its database handle. These
// tests drive the real adapter on a real SQLite file, so an upgrade that changes any of that fails here.
const text = { scalarType: "string", arity: "scalar" } as const;
const int = { scalarType: "int", arity: "scalar" } as const;
const query = (sql: string, args: unknown[] = [], argTypes: unknown[] = args.map(() => text)) =>
  ({ sql, args, argTypes }) as Parameters<Awaited<ReturnType<TunedSqlite["connect"]>>["queryRaw"]>[0];

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "amend-sqlite-"));
  file = path.join(dir, "test.db");
});
let prepare: ReturnType<typeof spyOnPrepare> | undefined;
// counts the statements prepared on the better-sqlite3 handle (the adapter's and this module's calls reach it)
const spyOnPrepare = () => vi.spyOn(Database.prototype, "prepare");
afterEach(() => {
  prepare?.mockRestore();
  prepare = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function connect(Adapter: typeof PrismaBetterSQLite3 = TunedSqlite) {
  const adapter = await new Adapter({ url: `file:${file}`, timeout: 0 }).connect();
  await adapter.executeScript(`CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL);`);
  return adapter;
}

describe("the tuned SQLite adapter", () => {
  it("finds the adapter's database handle and tunes the connection (WAL)", async () => {
    const adapter = await connect();
    const result = await adapter.queryRaw(query("PRAGMA journal_mode"));
    expect(result.rows).toEqual([["wal"]]);
    await adapter.dispose();
  });

  it("the adapter begins a transaction with the statement text BEGIN", async () => {
    prepare = spyOnPrepare();
    const adapter = await connect(PrismaBetterSQLite3);
    const tx = await adapter.startTransaction();
    expect(prepare!.mock.calls.map(([sql]) => sql)).toContain("BEGIN");
    await tx.executeRaw(query("ROLLBACK"));
    await tx.rollback();
    await adapter.dispose();
  });

  it("GIVEN an open transaction that has neither read nor written WHEN another connection writes THEN it finds the write lock taken", async () => {
    const adapter = await connect();
    const other = new Database(file, { timeout: 0 });
    const otherWrite = () => other.prepare(`INSERT INTO "Item" ("name") VALUES ('other')`).run();

    const tx = await adapter.startTransaction();
    expect(otherWrite).toThrow(expect.objectContaining({ code: "SQLITE_BUSY" }));
    await tx.executeRaw(query(`INSERT INTO "Item" ("name") VALUES (?)`, ["mine"]));
    await tx.executeRaw(query("COMMIT"));
    await tx.commit();

    otherWrite();
    const names = await adapter.queryRaw(query(`SELECT "name" FROM "Item" ORDER BY "id"`));
    expect(names.rows).toEqual([["mine"], ["other"]]);
    other.close();
    await adapter.dispose();
  });

  it("prepares a statement once per SQL text and binds the parameters of each call", async () => {
    prepare = spyOnPrepare();
    const adapter = await connect();
    const insert = `INSERT INTO "Item" ("id", "name") VALUES (?, ?)`;
    const select = `SELECT "id", "name" FROM "Item" WHERE "id" = ?`;
    for (const [id, name] of [
      ["1", "one"],
      ["2", "two"],
      ["3", "three"],
    ] as const) {
      expect(await adapter.executeRaw(query(insert, [id, name], [int, text]))).toBe(1);
    }
    // queryRaw of a statement that returns no rows runs it too
    await adapter.queryRaw(query(insert, ["4", "four"], [int, text]));

    for (const [id, name] of [
      ["2", "two"],
      ["4", "four"],
      ["1", "one"],
      ["9", undefined],
    ] as const) {
      const result = await adapter.queryRaw(query(select, [id], [int]));
      expect(result.columnNames).toEqual(["id", "name"]);
      expect(result.rows).toEqual(name ? [[id, name]] : []);
    }
    // prepared on the underlying handle once per text, however many calls
    expect(prepare!.mock.calls.map(([sql]) => sql)).toEqual([insert, select]);
    await adapter.dispose();
  });

  it("keeps at most a bounded number of statements prepared and still answers the evicted ones", async () => {
    const adapter = await connect();
    for (let i = 0; i <= PREPARED_STATEMENTS; i++) await adapter.queryRaw(query(`SELECT ${i} AS "n"`));
    expect((await adapter.queryRaw(query(`SELECT 0 AS "n"`))).rows).toEqual([["0"]]);
    await adapter.dispose();
  });
});
