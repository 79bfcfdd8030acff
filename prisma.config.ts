import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./app/db/migration-adapter.server";

// Offline: never download native engines (migrations use the bundled wasm schema engine, `engine: "js"`).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
// One set of models, two providers: SQLite (default) and PostgreSQL (DATABASE_URL=postgresql://…), each
// with its own schema file and migrations. prisma/postgresql/schema.prisma is written from prisma/schema.prisma
// by scripts/prisma-postgresql.mjs.
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  adapter: async () => migrationAdapter(url),
});
