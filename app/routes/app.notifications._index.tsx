import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { NotificationsPage } from "~/admin/components/notifications-page";
import { readForm } from "~/admin/form.server";
import { adminLocale } from "~/admin/locale.server";
import { staffRecipientsFrom, switchesFrom } from "~/admin/notification-forms";
import { prisma } from "~/db.server";
import { sendStaffTest, staffAddresses, staffTestResults } from "~/services/admin-staff-test.server";
import { ServiceError } from "~/services/errors";
import {
  notificationOverview,
  saveBranding,
  saveStaffRecipients,
  saveSwitches,
} from "~/services/admin-notifications.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const [overview, addresses, tests] = await Promise.all([
    notificationOverview(prisma, admin.shop),
    staffAddresses(prisma, admin.shop),
    staffTestResults(prisma, admin.shop),
  ]);
  return { locale: adminLocale(request), ...overview, staffAddresses: addresses, staffTests: tests };
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
  if (intent === "staffTest") {
    try {
      const queued = await sendStaffTest(prisma, admin.shop, {
        address: String(form.get("address") ?? ""),
        nonce: String(form.get("nonce") ?? "").slice(0, 100) || crypto.randomUUID(),
        locale: adminLocale(request),
      });
      return { ok: true, intent, id: queued.id };
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      return Response.json({ ok: false, intent, error: { code: error.code } }, { status: error.status });
    }
  }
  return Response.json({ ok: false, error: { code: "INVALID_INPUT" } }, { status: 400 });
};

export default function Notifications() {
  return <NotificationsPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
