import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

/** `prisma migrate deploy` on one database; its own output when it fails (not a Buffer dump). */
function migrate(url: string) {
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}
import { createDatabase, dropAbandonedTestDatabases, dropDatabase, isPostgres, withDatabase } from "./postgres";

/**
 * Migrates one template database per test run; each integration test file gets a copy (tests/setup/fresh-db.ts).
 * SQLite (default): a template file copied per file. PostgreSQL (DATABASE_URL=postgresql://…): a template
 * database, and `CREATE DATABASE … TEMPLATE` per file. Runs are isolated from each other.
 */
export default async function setup(project: TestProject) {
  const dir = path.resolve(`.cache/test-db/run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const serverUrl = process.env.DATABASE_URL ?? "";

  if (isPostgres(serverUrl)) {
    const abandoned = await dropAbandonedTestDatabases(serverUrl);
    if (abandoned.length) console.log(`[test-db] dropped ${abandoned.length} database(s) of killed test runs`);
    const template = `amend_test_${process.pid}_template`;
    await dropDatabase(serverUrl, template);
    await createDatabase(serverUrl, template);
    migrate(withDatabase(serverUrl, template));
    project.provide("testDbDir", dir);
    project.provide("testPostgres", { serverUrl, template });
    return async () => {
      await dropDatabase(serverUrl, template);
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }

  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  project.provide("testDbDir", dir);
  project.provide("testPostgres", null);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    testDbDir: string;
    /** Set when the suite runs on PostgreSQL: the server and this run's migrated template database. */
    testPostgres: { serverUrl: string; template: string } | null;
  }
}
