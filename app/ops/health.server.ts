import fs from "node:fs";
import path from "node:path";
import { databaseProvider } from "~/db.server";

/** The part of a Prisma client the check uses (both providers). */
export interface RawDb {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface HealthReport {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable" | "timeout";
  migrations?:
    | { applied: number; expected: number }
    | { applied: number; expected: number; missing: string[] }
    | { error: string };
}

/** The active provider's migration folders: PostgreSQL's when DATABASE_URL says postgres, SQLite's otherwise. */
export function migrationsDirFor(databaseUrl: string | undefined, root = process.cwd()): string {
  return databaseProvider(databaseUrl ?? "") === "postgresql"
    ? path.join(root, "prisma/postgresql/migrations")
    : path.join(root, "prisma/migrations");
}

const expectedCache = new Map<string, string[]>();

/** Migration names this code expects: the folders holding a migration.sql (read once per process). */
export function expectedMigrations(dir: string): string[] {
  let names = expectedCache.get(dir);
  if (!names) {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
      .map((e) => e.name)
      .sort();
    expectedCache.set(dir, names);
  }
  return names;
}

class Timeout extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready to serve: the database answers and every migration this code ships is applied (finished, not rolled
 * back). Migrations the database has and this code does not (a newer release already deployed) are fine.
 * What is wrong is said without internals: no error messages, no stack.
 */
export async function checkHealth(deps: {
  db: RawDb;
  migrationsDir: string;
  timeoutMs?: number;
}): Promise<HealthReport> {
  const timeoutMs = deps.timeoutMs ?? 3_000;
  try {
    await within(timeoutMs, deps.db.$queryRawUnsafe("SELECT 1"));
  } catch (error) {
    return { status: "unavailable", database: error instanceof Timeout ? "timeout" : "unreachable" };
  }

  let expected: string[];
  try {
    expected = expectedMigrations(deps.migrationsDir);
  } catch {
    return { status: "unavailable", database: "ok", migrations: { error: "the migrations folder is missing" } };
  }

  let applied: Set<string>;
  try {
    const rows = await within(
      timeoutMs,
      deps.db.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      ),
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    if (error instanceof Timeout) return { status: "unavailable", database: "timeout" };
    // no _prisma_migrations table: the database was never migrated
    applied = new Set();
  }

  const missing = expected.filter((name) => !applied.has(name));
  const counts = { applied: expected.length - missing.length, expected: expected.length };
  return missing.length
    ? { status: "unavailable", database: "ok", migrations: { ...counts, missing } }
    : { status: "ok", database: "ok", migrations: counts };
}
