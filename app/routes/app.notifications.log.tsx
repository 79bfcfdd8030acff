import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { DeliveryLogPage } from "~/admin/components/delivery-log-page";
import { readForm } from "~/admin/form.server";
import { toAdminError } from "~/admin/errors.server";
import { adminLocale } from "~/admin/locale.server";
import { presentDeliveryLog } from "~/admin/presenters/delivery-log";
import { prisma } from "~/db.server";
import { LogQuerySchema, deliveryLog, resendMessage } from "~/services/admin-notifications.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const query = LogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const log = await deliveryLog(prisma, admin.shop, query);
  return presentDeliveryLog(log, query, locale);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  try {
    const result = await resendMessage(
      prisma,
      admin.shop,
      String(form.get("id") ?? ""),
      String(form.get("to") ?? ""),
      String(form.get("key") ?? ""),
    );
    return result.ok ? result : Response.json(result, { status: 422 });
  } catch (error) {
    const e = toAdminError(error);
    return Response.json({ ok: false, code: e.code }, { status: e.status });
  }
};

export default function DeliveryLog() {
  return <DeliveryLogPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
