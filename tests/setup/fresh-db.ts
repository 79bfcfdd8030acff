import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Each integration test file gets its own fresh, migrated database (a copy of this run's template).
const dir = inject("testDbDir");
const file = path.join(dir, `${crypto.randomUUID()}.db`);
fs.copyFileSync(path.join(dir, "template.db"), file);
process.env.DATABASE_URL = `file:${file}`;
// A client left on globalThis by an earlier file in this worker points at another database.
globalThis.__amendPrisma = undefined;

afterAll(async () => {
  const { prisma } = await import("~/db.server");
  await prisma.$disconnect();
  globalThis.__amendPrisma = undefined;
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
});
