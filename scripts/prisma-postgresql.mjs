// PostgreSQL is Amend's second database. Its models are prisma/schema.prisma's (SQLite), written to
// prisma/postgresql/schema.prisma with the provider swapped and the client generated next to the default one
// (node_modules/.prisma/client-postgresql), sharing @prisma/client's runtime so `Prisma.sql`, `Prisma.join` and
// the error classes are the same objects for both clients.
//
//   node scripts/prisma-postgresql.mjs            write the schema and generate the client (postinstall)
//   node scripts/prisma-postgresql.mjs --check    fail when prisma/postgresql/schema.prisma is out of date
//   DATABASE_URL=postgresql://… node scripts/prisma-postgresql.mjs migration <name>
//                                                 write the PostgreSQL migration that brings its migrations
//                                                 up to the models (after `prisma migrate dev` for SQLite)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE = path.join(ROOT, "prisma/schema.prisma");
const TARGET = path.join(ROOT, "prisma/postgresql/schema.prisma");
const MIGRATIONS = path.join(ROOT, "prisma/postgresql/migrations");
const CLIENT = path.join(ROOT, "node_modules/.prisma/client-postgresql");
const prismaCli = path.join(ROOT, "node_modules/prisma/build/index.js");

export function postgresSchema(sqliteSchema) {
  const swapped = sqliteSchema
    .replace(
      /^\/\/ Amend's data\..*$/m,
      "// GENERATED from prisma/schema.prisma by scripts/prisma-postgresql.mjs: edit that file, then run the script.",
    )
    .replace(/provider = "sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*".*$/m, 'url      = env("DATABASE_URL") // ignored: the driver adapter is used')
    .replace(
      /engineType = "client"/,
      'engineType = "client"\n  output     = "../../node_modules/.prisma/client-postgresql"',
    );
  for (const needle of ['provider = "postgresql"', "client-postgresql", 'env("DATABASE_URL")'])
    if (!swapped.includes(needle)) throw new Error(`prisma/schema.prisma changed shape: could not write ${needle}`);
  return swapped;
}

const expected = postgresSchema(fs.readFileSync(SOURCE, "utf8"));
const [command, name] = process.argv.slice(2);

if (command === "--check") {
  const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, "utf8") : "";
  if (current !== expected) {
    console.error("prisma/postgresql/schema.prisma is out of date: run `node scripts/prisma-postgresql.mjs`.");
    process.exit(1);
  }
  console.log("prisma/postgresql/schema.prisma is up to date");
} else if (command === "migration") {
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error("DATABASE_URL must be a postgresql:// URL (the shadow database's server)");
  if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("usage: … migration <name> (lowercase letters, digits, _)");
  const sql = execFileSync(
    process.execPath,
    [prismaCli, "migrate", "diff", "--from-migrations", MIGRATIONS, "--to-schema-datamodel", TARGET, "--script"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (/^-- This is an empty migration\.\s*$/.test(sql.trim())) {
    console.log("the PostgreSQL migrations already match the models");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${path.relative(ROOT, dir)}/migration.sql`);
  }
} else {
  fs.mkdirSync(path.dirname(TARGET), { recursive: true });
  if (!fs.existsSync(TARGET) || fs.readFileSync(TARGET, "utf8") !== expected) fs.writeFileSync(TARGET, expected);
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", TARGET], { cwd: ROOT, stdio: "pipe" });
  // One runtime for both clients (the generator copies its own next to a custom output).
  for (const file of fs.readdirSync(CLIENT)) {
    if (!file.endsWith(".js")) continue;
    const p = path.join(CLIENT, file);
    const code = fs.readFileSync(p, "utf8");
    const shared = code.replaceAll("require('./runtime/", "require('@prisma/client/runtime/");
    if (shared !== code) fs.writeFileSync(p, shared);
  }
  console.log("PostgreSQL client generated (node_modules/.prisma/client-postgresql)");
}
