import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { HomePage } from "~/admin/components/home-page";
import { adminLocale } from "~/admin/locale.server";
import { presentHome } from "~/admin/presenters/home";
import { prisma } from "~/db.server";
import { homeStats } from "~/services/admin-home.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const now = new Date();
  const stats = await homeStats(prisma, admin.shop, now);
  return presentHome(stats, locale, now);
};

export default function Home() {
  return <HomePage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
