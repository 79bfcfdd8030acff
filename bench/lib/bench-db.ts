import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** A fresh, migrated SQLite database for one bench run; sets DATABASE_URL before the app is imported. */
export function freshBenchDb(name: string): string {
  const dir = path.resolve(".cache/bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  const url = `file:${file}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  process.env.DATABASE_URL = url;
  process.on("exit", () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  });
  return url;
}
