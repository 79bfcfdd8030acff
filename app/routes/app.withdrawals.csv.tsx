import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/admin/auth.server";
import { CSV_CONTENT_TYPE, csvFilename } from "~/admin/csv";
import { adminLocale } from "~/admin/locale.server";
import { prisma } from "~/db.server";
import { toHttpError } from "~/http/errors.server";
import { withdrawalsCsv } from "~/services/admin-withdrawals.server";

/** GET /app/withdrawals/csv?from=YYYY-MM-DD&to=YYYY-MM-DD: the register of those dates as a CSV download. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const from = params.get("from") ?? undefined;
  const to = params.get("to") ?? undefined;
  try {
    const csv = withdrawalsCsv(prisma, admin.shop, { from, to, locale: adminLocale(request) });
    return new Response(csv, {
      headers: {
        "Content-Type": CSV_CONTENT_TYPE,
        "Content-Disposition": `attachment; filename="${csvFilename("withdrawals", String(from), String(to))}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    // a bad date range is 400 INVALID_INPUT naming the field; anything else is logged and 500
    const e = toHttpError(error);
    return Response.json(
      { ok: false, error: { code: e.code, message: e.message, field: e.field } },
      { status: e.status, headers: { "Cache-Control": "no-store" } },
    );
  }
};
