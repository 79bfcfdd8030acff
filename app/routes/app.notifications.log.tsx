import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { requireAdmin } from "~/admin/auth.server";
import { readForm } from "~/admin/form.server";
import { toAdminError } from "~/admin/errors.server";
import { adminMessages, fill, formatDateTime } from "~/admin/i18n";
import { adminLocale } from "~/admin/locale.server";
import { NotificationTabs } from "~/admin/notifications-tabs";
import { AdminErrorPage, useToast } from "~/admin/ui";
import { prisma } from "~/db.server";
import { LogQuerySchema, deliveryLog, resendMessage } from "~/services/admin-notifications.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const query = LogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const log = await deliveryLog(prisma, admin.shop, query);
  return {
    locale,
    query,
    next: log.next,
    rows: log.rows.map((m) => ({
      id: m.id,
      event: m.event,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      status: m.status,
      created: formatDateTime(m.createdAt, locale),
      lastError: m.lastError,
      resendOf: m.resendOfId,
      attempts: m.attemptsLog.map((a) => ({ at: formatDateTime(a.at, locale), ok: a.ok, response: a.response })),
    })),
  };
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

function Resend({ id, label, button, invalid }: { id: string; label: string; button: string; invalid: string }) {
  const fetcher = useFetcher<{ ok: boolean; to?: string; code?: string }>();
  const [to, setTo] = useState("");
  const [key] = useState(() =>
    typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random()),
  );
  return (
    <InlineStack gap="100" blockAlign="end" wrap={false}>
      <TextField
        label={label}
        labelHidden
        placeholder={label}
        value={to}
        onChange={setTo}
        autoComplete="off"
        error={fetcher.data?.code === "INVALID_ADDRESS" ? invalid : undefined}
      />
      <Button
        disabled={!to || fetcher.state !== "idle"}
        loading={fetcher.state !== "idle"}
        onClick={() => fetcher.submit({ id, to, key }, { method: "post" })}
        accessibilityLabel={`${button} ${to}`}
      >
        {button}
      </Button>
      {fetcher.data?.ok ? <Badge tone="success">{fetcher.data.to ?? ""}</Badge> : null}
    </InlineStack>
  );
}

export default function DeliveryLog() {
  const data = useLoaderData<typeof loader>();
  const t = adminMessages(data.locale);
  const n = t.notifications;
  const [params, setParams] = useSearchParams();
  const toast = useToast();
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.delete("before");
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  useEffect(() => undefined, [toast]);
  const tone = (s: string) =>
    s === "SENT" ? "success" : s === "FAILED" ? "critical" : s === "SENDING" ? "info" : undefined;

  return (
    <Page title={n.logTitle}>
      <BlockStack gap="400">
        <NotificationTabs locale={data.locale} />
        <Card>
          <InlineStack gap="300" blockAlign="end">
            <Select
              label={n.filters.status}
              options={[
                { label: n.filters.any, value: "" },
                ...["PENDING", "SENDING", "SENT", "FAILED"].map((s) => ({ label: n.logStatuses[s], value: s })),
              ]}
              value={data.query.status ?? ""}
              onChange={(v) => update("status", v)}
            />
            <Select
              label={n.filters.channel}
              options={[
                { label: n.filters.any, value: "" },
                { label: n.channels.EMAIL, value: "EMAIL" },
                { label: n.channels.SMS, value: "SMS" },
              ]}
              value={data.query.channel ?? ""}
              onChange={(v) => update("channel", v)}
            />
            <TextField
              label={n.filters.from}
              type="date"
              autoComplete="off"
              value={data.query.from ?? ""}
              onChange={(v) => update("from", v)}
            />
            <TextField
              label={n.filters.to}
              type="date"
              autoComplete="off"
              value={data.query.to ?? ""}
              onChange={(v) => update("to", v)}
            />
          </InlineStack>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "message", plural: "messages" }}
            itemCount={data.rows.length}
            selectable={false}
            emptyState={
              <EmptyState heading={n.logTitle} image="">
                <p>{n.logEmpty}</p>
              </EmptyState>
            }
            headings={[
              { title: n.logColumns.date },
              { title: n.logColumns.event },
              { title: n.logColumns.to },
              { title: n.logColumns.status },
              { title: n.logColumns.answer },
              { title: n.resendTo },
            ]}
            pagination={{
              hasNext: Boolean(data.next),
              hasPrevious: Boolean(params.get("before")),
              onNext: () => update("before", data.next ?? ""),
              onPrevious: () => update("before", ""),
            }}
          >
            {data.rows.map((m, i) => (
              <IndexTable.Row id={m.id} key={m.id} position={i}>
                <IndexTable.Cell>{m.created}</IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack>
                    <Text as="span">{n.events[m.event as "INFO_REQUESTED"] ?? m.event}</Text>
                    <Text as="span" variant="bodySm" tone="subdued">
                      {n.channels[m.channel] ?? m.channel}
                      {m.subject ? ` · ${m.subject}` : ""}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{m.recipient}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={tone(m.status)}>{n.logStatuses[m.status] ?? m.status}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    {m.attempts.length === 0 && m.lastError ? <Text as="span">{m.lastError}</Text> : null}
                    {m.attempts.map((a, j) => (
                      <Text as="span" key={j} variant="bodySm" tone={a.ok ? undefined : "critical"}>
                        {a.at}: {a.response}
                      </Text>
                    ))}
                    {m.attempts.length > 0 ? (
                      <Text as="span" variant="bodySm" tone="subdued">
                        {n.attempts}: {m.attempts.length}
                      </Text>
                    ) : null}
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {/* a Flow trigger has no address to send it to again */}
                  {m.channel === "FLOW" ? null : (
                    <Resend id={m.id} label={n.resendTo} button={n.resend} invalid={n.testInvalid} />
                  )}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        {data.rows.length > 0 ? null : <Text as="p">{fill(n.logEmpty, {})}</Text>}
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
