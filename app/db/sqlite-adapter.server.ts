import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The one place that reaches into @prisma/adapter-better-sqlite3's internals. It relies on three things the
// adapter does today, each pinned by tests/unit/sqlite-adapter.test.ts:
// - the connected adapter keeps its better-sqlite3 handle in a `client` field and prepares every query on it;
// - it starts a transaction with `prepare("BEGIN").run()`;
// - it uses a statement only through `bind(args)`, `run()`, `reader`, `columns()` and `raw().all()`.

/** The part of a better-sqlite3 statement the Prisma adapter uses. */
interface SqliteStatement {
  readonly reader: boolean;
  run(params?: unknown[]): unknown;
  all(params?: unknown[]): unknown[];
  columns(): unknown[];
  raw(toggle: boolean): SqliteStatement;
}

/** Statements kept prepared, by SQL text (Prisma's SQL is parameterised, so the texts repeat). */
export const PREPARED_STATEMENTS = 500;

/**
 * A prepared statement the adapter can use as if it were new. The adapter binds each statement once
 * (better-sqlite3's bind() is once per statement), so this hands it a view that passes the parameters to
 * each call instead: preparing cost more than most of the app's queries.
 */
function reusable(statement: SqliteStatement) {
  const bound = (params: unknown[] | undefined) => ({
    reader: statement.reader,
    run: () => (params ? statement.run(params) : statement.run()),
    columns: () => statement.columns(),
    raw: () => ({ all: () => (params ? statement.raw(true).all(params) : statement.raw(true).all()) }),
  });
  return { ...bound(undefined), bind: (params: unknown[]) => bound(params) };
}

/**
 * SQLite tuned for an app server: WAL (readers don't wait for the writer, one fsync per checkpoint instead of
 * per commit), a busy timeout so a second process waits instead of failing, and statements kept prepared.
 */
export class TunedSqlite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    // Transactions take the write lock when they begin (BEGIN IMMEDIATE). A deferred BEGIN reads a snapshot
    // first; if another process (the worker, a second web process) commits before this one writes, SQLite
    // answers SQLITE_BUSY_SNAPSHOT at once instead of waiting — a 500 for a decision that was fine.
    const client = (adapter as unknown as { client?: { prepare: (sql: string) => unknown } }).client;
    if (!client?.prepare) throw new Error("@prisma/adapter-better-sqlite3 changed: its database handle was not found");
    const prepare = client.prepare.bind(client) as (sql: string) => SqliteStatement;
    const prepared = new Map<string, SqliteStatement>();
    client.prepare = (sql: string) => {
      const text = sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql;
      let statement = prepared.get(text);
      if (!statement) {
        statement = prepare(text);
        if (prepared.size >= PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value!);
        prepared.set(text, statement);
      }
      return reusable(statement);
    };
    return adapter;
  }
}
