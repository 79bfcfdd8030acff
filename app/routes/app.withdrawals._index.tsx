import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { WithdrawalsPage } from "~/admin/components/withdrawals-page";
import { adminLocale } from "~/admin/locale.server";
import { presentWithdrawals } from "~/admin/presenters/withdrawals";
import { prisma } from "~/db.server";
import { WithdrawalQuerySchema, withdrawalRegister } from "~/services/admin-withdrawals.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const query = WithdrawalQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const register = await withdrawalRegister(prisma, admin.shop, query);
  return presentWithdrawals(register, query, locale, new Date());
};

export default function Withdrawals() {
  return <WithdrawalsPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
