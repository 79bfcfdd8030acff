// After `npm install` / `npm ci`: generate the Prisma client, migrate the local database and fetch the
// Admin API schema — the project's own steps, so they run even though npm blocks dependencies' scripts.
import { execFileSync } from "node:child_process";

const run = (label, cmd, args) => {
  console.log(`[amend] ${label}`);
  execFileSync(cmd, args, { stdio: "inherit" });
};

// patches/: fixes to dependencies, each explained in its diff (patch-package fails loudly if one no longer applies)
run("patching dependencies", "npx", ["patch-package", "--error-on-fail"]);
run("generating the Prisma client", "npx", ["prisma", "generate", "--schema", "prisma/schema.prisma"]);
run("generating the PostgreSQL Prisma client", "node", ["scripts/prisma-postgresql.mjs"]);
if (!process.env.DATABASE_URL || process.env.DATABASE_URL.startsWith("file:")) {
  run("migrating the local database", "npx", ["prisma", "migrate", "deploy"]);
}
run("fetching the Admin API schema", "node", ["scripts/fetch-admin-schema.mjs"]);
