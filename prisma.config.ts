import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Offline: never download native engines (migrations use the bundled wasm schema engine, `engine: "js"`).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";

type Queryable = {
  executeRaw: (q: { sql: string; args?: unknown[] }) => Promise<number>;
  executeScript: (sql: string) => Promise<void>;
};
// Shadow-database replay sends a whole multi-statement migration.sql through executeRaw, which
// better-sqlite3 rejects: send SQL without arguments through executeScript instead.
const multiStatement = <T extends Queryable>(adapter: T): T => {
  const raw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (q) => (q.args?.length ? raw(q) : (await adapter.executeScript(q.sql), 0));
  return adapter;
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    const base = new PrismaBetterSQLite3({ url });
    return {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => multiStatement((await base.connect()) as unknown as Queryable),
      connectToShadowDb: async () => multiStatement((await base.connectToShadowDb()) as unknown as Queryable),
    } as unknown as typeof base;
  },
});
