import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// The driver adapter the Prisma CLI migrates through (prisma.config.ts), not the app's: it reaches into the
// adapters in two ways, each pinned by a test (tests/unit/migration-adapter.test.ts for SQLite,
// tests/integration/migration-adapter.test.ts on PostgreSQL):
// - shadow-database replay sends a whole multi-statement migration.sql through executeRaw, which better-sqlite3
//   (and PostgreSQL's extended protocol) rejects: SQL without arguments goes through executeScript instead;
// - the schema engine reads `char` (OID 18) and `name` (OID 19) columns of PostgreSQL's catalogs, which
//   @prisma/adapter-pg cannot map: its performIO is patched, on the shared base class so transactions get it too,
//   to read them as text (OID 25).

type Queryable = {
  executeRaw: (q: { sql: string; args?: unknown[] }) => Promise<number>;
  executeScript: (sql: string) => Promise<void>;
};

/** Sends SQL without arguments through executeScript, so a multi-statement migration runs. */
export function multiStatement<T extends Queryable>(adapter: T): T {
  const raw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (q) => (q.args?.length ? raw(q) : (await adapter.executeScript(q.sql), 0));
  return adapter;
}

type PgResult = { fields: { dataTypeID: number }[] };
type PgQueryable = { performIO: (q: unknown) => Promise<PgResult> };
let pgPatched = false;

/** Makes every @prisma/adapter-pg connection read `char` and `name` columns as text. */
export function catalogTypesAsText(adapter: object): void {
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
}

/** PostgreSQL for the CLI, with a throw-away shadow database for `migrate dev` / `migrate diff --from-migrations`. */
function postgresMigrationAdapter(url: string): PrismaPg {
  const base = new PrismaPg({ connectionString: url });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = await base.connect();
      catalogTypesAsText(adapter);
      return adapter;
    },
    // dropped when disposed
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
  } as unknown as PrismaPg;
}

/** SQLite for the CLI: multi-statement migrations through executeScript. */
function sqliteMigrationAdapter(url: string): PrismaBetterSQLite3 {
  const base = new PrismaBetterSQLite3({ url });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => multiStatement((await base.connect()) as unknown as Queryable),
    connectToShadowDb: async () => multiStatement((await base.connectToShadowDb()) as unknown as Queryable),
  } as unknown as PrismaBetterSQLite3;
}

/** The adapter the Prisma CLI migrates through, for a DATABASE_URL of either provider. */
export function migrationAdapter(url: string): PrismaPg | PrismaBetterSQLite3 {
  return /^postgres(ql)?:\/\//.test(url) ? postgresMigrationAdapter(url) : sqliteMigrationAdapter(url);
}
