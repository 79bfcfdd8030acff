import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { InboxPage } from "~/admin/components/inbox-page";
import { readForm } from "~/admin/form.server";
import { toAdminError } from "~/admin/errors.server";
import { adminLocale } from "~/admin/locale.server";
import { presentInbox } from "~/admin/presenters/inbox";
import { parseBulkDecisionForm } from "~/admin/request-forms";
import { prisma } from "~/db.server";
import { adminServices } from "~/services/admin-context.server";
import { listRequests, parseInboxQuery } from "~/services/admin-inbox.server";
import { decideMany } from "~/services/admin-requests.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const page = await listRequests(prisma, admin.shop, query);
  return presentInbox(page, query, locale);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const input = parseBulkDecisionForm(await readForm(request));
  if (!input.ok) return Response.json({ ok: false, error: { code: input.code } }, { status: 400 });
  const deps = await adminServices(admin);
  const result = await decideMany(deps, { ids: input.data.ids, action: input.data.intent, note: input.data.note });
  return {
    ok: result.failed.length === 0,
    intent: input.data.intent,
    done: result.done.length,
    failed: result.failed.map((f) => ({
      id: f.id,
      orderName: f.orderName,
      code: toAdminError(f.error, { requestId: f.id }).code,
    })),
  };
};

export default function Inbox() {
  return <InboxPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
