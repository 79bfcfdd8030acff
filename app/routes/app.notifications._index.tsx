import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { NotificationsPage } from "~/admin/components/notifications-page";
import { readForm } from "~/admin/form.server";
import { adminLocale } from "~/admin/locale.server";
import { staffRecipientsFrom, switchesFrom } from "~/admin/notification-forms";
import { prisma } from "~/db.server";
import {
  notificationOverview,
  saveBranding,
  saveStaffRecipients,
  saveSwitches,
} from "~/services/admin-notifications.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  return { locale: adminLocale(request), ...(await notificationOverview(prisma, admin.shop)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "switches") {
    await saveSwitches(prisma, admin.shop, switchesFrom(form));
    return { ok: true, intent };
  }
  if (intent === "branding") {
    const result = await saveBranding(prisma, admin.shop, Object.fromEntries(form));
    return result.ok
      ? { ok: true, intent }
      : Response.json({ ok: false, intent, fieldErrors: result.fieldErrors }, { status: 422 });
  }
  if (intent === "staff") {
    const result = await saveStaffRecipients(prisma, admin.shop, staffRecipientsFrom(form));
    return result.ok
      ? { ok: true, intent }
      : Response.json({ ok: false, intent, invalid: result.invalid }, { status: 422 });
  }
  return Response.json({ ok: false, error: { code: "INVALID_INPUT" } }, { status: 400 });
};

export default function Notifications() {
  return <NotificationsPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
