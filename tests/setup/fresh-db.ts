import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase, withDatabase } from "./postgres";

// Each integration test file gets its own fresh, migrated database: a copy of this run's template
// (a file on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL).
const dir = inject("testDbDir");
const postgres = inject("testPostgres");
const id = crypto.randomUUID().replaceAll("-", "");
const file = path.join(dir, `${id}.db`);
const database = postgres ? `${postgres.template.replace(/_template$/, "")}_${id.slice(0, 12)}` : "";

if (postgres) {
  await createDatabase(postgres.serverUrl, database, postgres.template);
  process.env.DATABASE_URL = withDatabase(postgres.serverUrl, database);
} else {
  fs.copyFileSync(path.join(dir, "template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
// A client left on globalThis by an earlier file in this worker points at another database.
globalThis.__amendPrisma = undefined;

afterAll(async () => {
  const { prisma } = await import("~/db.server");
  await prisma.$disconnect();
  globalThis.__amendPrisma = undefined;
  if (postgres) await dropDatabase(postgres.serverUrl, database);
  else for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
});
