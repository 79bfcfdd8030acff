import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { SettingsPage } from "~/admin/components/settings-page";
import { adminLocale } from "~/admin/locale.server";
import { prisma } from "~/db.server";
import { PayloadTooLargeError, payloadTooLargeResponse, readBodyText } from "~/http/body-limit.server";
import { loadSettings, saveSettings } from "~/services/admin-settings.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const { form, version, withdrawalUrl } = await loadSettings(prisma, admin.shop);
  return { locale, form, version, withdrawalUrl, demo: admin.demo };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  let body: unknown;
  try {
    body = JSON.parse(await readBodyText(request));
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return payloadTooLargeResponse(error.limit);
    return Response.json({ ok: false, fieldErrors: { form: "invalid" } }, { status: 400 });
  }
  const result = await saveSettings(prisma, admin.shop, body, admin.staff);
  return result.ok ? result : Response.json(result, { status: 422 });
};

export default function Settings() {
  return <SettingsPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
