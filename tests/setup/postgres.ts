import pg from "pg";

export const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** The same server, another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const quoted = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
};

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE (from a template when given; retried while another copy of the template is being made). */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  await admin(serverUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`);
        return;
      } catch (error) {
        // "source database … is being accessed by other users": another file's copy is in progress.
        if (attempt < 50 && (error as { code?: string }).code === "55006") {
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
          continue;
        }
        throw error;
      }
    }
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`));
}

/** Whether a process of this machine is running (EPERM: it is, under another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Drops the databases of test runs that were killed part-way (`amend_test_<pid>_…` whose process is gone): a run
 * that ends drops its own, a killed one cannot. Returns their names.
 */
export async function dropAbandonedTestDatabases(serverUrl: string): Promise<string[]> {
  return admin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'amend\\_test\\_%'",
    );
    const dropped: string[] = [];
    for (const { datname } of rows) {
      const pid = Number(datname.match(/^amend_test_(\d+)_/)?.[1]);
      if (!pid || pid === process.pid || running(pid)) continue;
      await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
      dropped.push(datname);
    }
    return dropped;
  });
}
