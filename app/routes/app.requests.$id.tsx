import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { RequestDetailPage } from "~/admin/components/request-detail-page";
import { readForm } from "~/admin/form.server";
import { toAdminError } from "~/admin/errors.server";
import { adminLocale } from "~/admin/locale.server";
import { presentRequestDetail } from "~/admin/presenters/request-detail";
import { parseDecisionForm, parseStoreCancelForm } from "~/admin/request-forms";
import { adminServices, storeCancelDeps } from "~/services/admin-context.server";
import { decideRequest, requestDetail } from "~/services/admin-requests.server";
import { cancelFromRequest } from "~/services/admin-store-cancel.server";
import { ServiceError } from "~/services/errors";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const deps = await adminServices(admin);
  const detail = await requestDetail(deps, params.id ?? "").catch((error: unknown) => {
    if (error instanceof ServiceError && error.status === 404) throw new Response("Not found", { status: 404 });
    throw error;
  });
  return {
    ...presentRequestDetail(detail, { locale, shop: admin.shop, demo: admin.demo, now: new Date() }),
    // A fresh key per page view: a double submit of the store cancellation is one action.
    actionKey: crypto.randomUUID(),
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const requestId = String(params.id ?? "");
  const refuse = (code: string) => Response.json({ ok: false, intent, error: { code } }, { status: 400 });
  try {
    if (intent === "storeCancel") {
      const input = parseStoreCancelForm(form);
      if (!input.ok) return refuse(input.code);
      const { scope, reason, lines, note, actionKey } = input.data;
      const result = await cancelFromRequest(storeCancelDeps(admin), {
        requestId,
        scope,
        reason,
        lines,
        note,
        staff: admin.staff,
        actionKey,
      });
      return result.ok ? { ok: true, intent, scope: result.scope } : refuse(result.code);
    }
    const input = parseDecisionForm(intent, form);
    if (!input.ok) return refuse(input.code);
    const deps = await adminServices(admin);
    const updated = await decideRequest(deps, { requestId, action: input.data.intent, note: input.data.note });
    return { ok: true, intent, status: updated.status };
  } catch (error) {
    const e = toAdminError(error, { requestId, intent });
    return Response.json({ ok: false, intent, error: { code: e.code, message: e.message } }, { status: e.status });
  }
};

export default function RequestDetail() {
  return <RequestDetailPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
