import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Offline: never download native engines (migrations use the bundled wasm schema engine, `engine: "js"`).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
// One set of models, two providers: SQLite (default) and PostgreSQL (DATABASE_URL=postgresql://…), each
// with its own schema file and migrations. prisma/postgresql/schema.prisma is written from prisma/schema.prisma
// by scripts/prisma-postgresql.mjs.
const postgres = /^postgres(ql)?:\/\//.test(url);

type Queryable = {
  executeRaw: (q: { sql: string; args?: unknown[] }) => Promise<number>;
  executeScript: (sql: string) => Promise<void>;
};
// Shadow-database replay sends a whole multi-statement migration.sql through executeRaw, which
// better-sqlite3 (and PostgreSQL's extended protocol) rejects: send SQL without arguments through executeScript.
const multiStatement = <T extends Queryable>(adapter: T): T => {
  const raw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (q) => (q.args?.length ? raw(q) : (await adapter.executeScript(q.sql), 0));
  return adapter;
};

type PgResult = { fields: { dataTypeID: number }[] };
type PgQueryable = { performIO: (q: unknown) => Promise<PgResult> };
let pgPatched = false;
// The schema engine reads `char` (OID 18) and `name` (OID 19) columns of PostgreSQL's catalogs, which the
// adapter cannot map: read them as text (OID 25). Patched on the shared base class, so transactions get it too.
const catalogTypesAsText = (adapter: object) => {
  if (pgPatched) return;
  let proto = Object.getPrototypeOf(adapter) as (PgQueryable & object) | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error("@prisma/adapter-pg changed: performIO not found");
  const io = proto.performIO;
  proto.performIO = async function (this: PgQueryable, q: unknown) {
    const result = await io.call(this, q);
    for (const f of result.fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
    return result;
  };
  pgPatched = true;
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  adapter: async () => {
    if (postgres) {
      const base = new PrismaPg({ connectionString: url });
      return {
        provider: base.provider,
        adapterName: base.adapterName,
        connect: async () => {
          const adapter = await base.connect();
          catalogTypesAsText(adapter);
          return adapter;
        },
        // A throw-away database for `migrate dev` / `migrate diff --from-migrations`, dropped when disposed.
        connectToShadowDb: async () => {
          const name = `amend_shadow_${process.pid}_${Date.now()}`;
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(`CREATE DATABASE "${name}"`);
          await admin.end();
          const shadowUrl = new URL(url);
          shadowUrl.pathname = `/${name}`;
          const adapter = multiStatement(
            (await new PrismaPg({ connectionString: shadowUrl.toString() }).connect()) as unknown as Queryable &
              Awaited<ReturnType<PrismaPg["connect"]>>,
          );
          catalogTypesAsText(adapter);
          const dispose = adapter.dispose.bind(adapter);
          adapter.dispose = async () => {
            await dispose();
            const cleanup = new pg.Client({ connectionString: url });
            await cleanup.connect();
            await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            await cleanup.end();
          };
          return adapter;
        },
      } as unknown as typeof base;
    }
    const base = new PrismaBetterSQLite3({ url });
    return {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => multiStatement((await base.connect()) as unknown as Queryable),
      connectToShadowDb: async () => multiStatement((await base.connectToShadowDb()) as unknown as Queryable),
    } as unknown as typeof base;
  },
});
