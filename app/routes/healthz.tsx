import { prisma } from "~/db.server";
import { checkHealth, migrationsDirFor } from "~/ops/health.server";

/** Load balancers' and orchestrators' readiness probe: no authentication, never cached. */
export const loader = async () => {
  const report = await checkHealth({ db: prisma, migrationsDir: migrationsDirFor(process.env.DATABASE_URL) });
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
};
