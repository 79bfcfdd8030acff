import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/admin/auth.server";
import { AdminErrorPage } from "~/admin/components/admin-error-page";
import { TemplateEditorPage } from "~/admin/components/template-editor-page";
import { readForm } from "~/admin/form.server";
import { adminLocale } from "~/admin/locale.server";
import { prisma } from "~/db.server";
import { NOTIFICATION_ROUTES } from "~/notifications/events";
import {
  TemplateKeySchema,
  TemplateSourceSchema,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  sendTest,
  templateFor,
} from "~/services/admin-notifications.server";

function keyFrom(params: URLSearchParams) {
  const first = NOTIFICATION_ROUTES[0];
  const parsed = TemplateKeySchema.safeParse({
    event: params.get("event") ?? first.event,
    channel: params.get("channel") ?? first.channel,
    recipient: params.get("recipient") ?? first.recipient,
    locale: params.get("tplLocale") ?? "en",
  });
  return parsed.success
    ? parsed.data
    : { event: first.event, channel: first.channel, recipient: first.recipient, locale: "en" as const };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const key = keyFrom(new URL(request.url).searchParams);
  const { source, customised } = await templateFor(prisma, admin.shop, key);
  const preview = await previewTemplate(prisma, admin.shop, key, source);
  return { locale: adminLocale(request), key, source, customised, preview };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = Object.fromEntries(await readForm(request)) as Record<string, string>;
  const key = TemplateKeySchema.safeParse(form);
  if (!key.success) return Response.json({ ok: false, code: "INVALID_INPUT" }, { status: 400 });
  if (form.intent === "reset") {
    await resetTemplate(prisma, admin.shop, key.data);
    return { ok: true, intent: "reset" };
  }
  const source = TemplateSourceSchema.safeParse({
    subject: form.subject || undefined,
    body: form.body,
    textBody: form.textBody || undefined,
  });
  if (!source.success) return Response.json({ ok: false, intent: form.intent, code: "INVALID_INPUT" }, { status: 400 });
  if (form.intent === "preview")
    return { intent: "preview", ...(await previewTemplate(prisma, admin.shop, key.data, source.data)) };
  if (form.intent === "save") {
    const result = await saveTemplate(prisma, admin.shop, key.data, source.data);
    if (result.ok) return { ok: true, intent: "save" };
    const wait = result.problem.retryAfterSeconds;
    return Response.json(
      { intent: "save", ...result },
      wait ? { status: 503, headers: { "Retry-After": String(wait) } } : { status: 422 },
    );
  }
  if (form.intent === "test") {
    const result = await sendTest(prisma, admin.shop, key.data, source.data, form.to ?? "");
    return result.ok ? { intent: "test", ...result } : Response.json({ intent: "test", ...result }, { status: 422 });
  }
  return Response.json({ ok: false, code: "INVALID_INPUT" }, { status: 400 });
};

export default function Templates() {
  return <TemplateEditorPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
