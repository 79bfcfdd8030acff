import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  InlineGrid,
  InlineStack,
  Layout,
  Link as PolarisLink,
  Page,
  RadioButton,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/admin/auth.server";
import { readForm } from "~/admin/form.server";
import { toAdminError } from "~/admin/errors.server";
import { adminMessages, fill, formatDateTime } from "~/admin/i18n";
import { adminLocale } from "~/admin/locale.server";
import { AdminErrorPage, StatusBadge, useToast } from "~/admin/ui";
import { countryName, messagesFor } from "~/domain/messages";
import { STORE_CANCEL_REASONS, type Locale, type MailingAddress, type ReasonCode } from "~/domain/types";
import { adminServices, storeCancelDeps } from "~/services/admin-context.server";
import { STAFF_ACTIONS } from "~/admin/constants";
import { decideRequest, requestDetail } from "~/services/admin-requests.server";
import { ServiceError } from "~/services/errors";
import { cancelByStore } from "~/services/store-cancellation.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const locale = adminLocale(request);
  const deps = await adminServices(admin);
  const detail = await requestDetail(deps, params.id ?? "").catch((error: unknown) => {
    if (error instanceof ServiceError && error.status === 404) throw new Response("Not found", { status: 404 });
    throw error;
  });
  const { request: r, payload, order } = detail;
  const customerReasons = messagesFor(locale).customerReasons as Record<string, string>;
  return {
    locale,
    shop: admin.shop,
    // outside Shopify admin (the offline demo) the order lives in the simulator's state page
    orderUrl: admin.demo ? "/demo/state" : `shopify:admin/orders/${r.orderId}`,
    request: {
      id: r.id,
      kind: r.kind,
      status: r.status,
      orderId: r.orderId,
      orderName: r.orderName,
      customerName: r.customerName,
      customerEmail: r.customerEmail,
      created: formatDateTime(r.createdAt, locale),
      deadline: r.deadlineAt ? formatDateTime(r.deadlineAt, locale) : null,
      decisionNote: r.decisionNote,
      failureMessage: r.failureMessage,
      reason: typeof payload.reason === "string" ? (customerReasons[payload.reason] ?? payload.reason) : null,
      note: typeof payload.note === "string" ? payload.note : null,
      address: (payload.address as MailingAddress | undefined) ?? null,
      previousAddress: (payload.previousAddress as MailingAddress | undefined) ?? null,
    },
    evaluation: detail.evaluation,
    events: r.events.map((e) => ({
      id: e.id,
      actor: e.actor,
      from: e.fromStatus,
      to: e.toStatus,
      message: e.message,
      at: formatDateTime(e.at, locale),
    })),
    messages: r.messages.map((m) => ({ id: m.id, author: m.author, body: m.body, at: formatDateTime(m.at, locale) })),
    order: order
      ? {
          financial: order.displayFinancialStatus,
          fulfillment: order.displayFulfillmentStatus,
          cancelled: Boolean(order.cancelledAt),
          lineItems: order.lineItems.map((l) => ({ id: l.id, title: l.title, quantity: l.quantity })),
        }
      : null,
    storeCancellations: detail.storeCancellations.map((c) => ({
      id: c.id,
      scope: c.scope,
      reason: c.reason,
      at: formatDateTime(c.createdAt, locale),
    })),
    actions: detail.actions.filter((a) => (STAFF_ACTIONS as readonly string[]).includes(a)),
    // A fresh key per page view: a double submit of the store cancellation is one action.
    actionKey: crypto.randomUUID(),
  };
};

const DecisionSchema = z.object({
  intent: z.enum(STAFF_ACTIONS),
  note: z.string().max(2000).optional(),
});

const StoreCancelSchema = z.object({
  intent: z.literal("storeCancel"),
  scope: z.enum(["WHOLE_ORDER", "ITEMS"]),
  reason: z.enum(STORE_CANCEL_REASONS),
  note: z.string().max(2000).optional(),
  actionKey: z.string().uuid(),
  lines: z.array(z.object({ lineItemId: z.string().min(1), quantity: z.coerce.number().int().min(0) })),
});

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const requestId = String(params.id ?? "");
  try {
    if (intent === "storeCancel") {
      const parsed = StoreCancelSchema.safeParse({
        intent,
        scope: form.get("scope"),
        reason: form.get("reason"),
        note: form.get("note") ?? undefined,
        actionKey: form.get("actionKey"),
        lines: [...form.entries()]
          .filter(([k]) => k.startsWith("qty:"))
          .map(([k, v]) => ({ lineItemId: k.slice(4), quantity: String(v) || "0" })),
      });
      if (!parsed.success)
        return Response.json({ ok: false, intent, error: { code: "INVALID_INPUT" } }, { status: 400 });
      const deps = await adminServices(admin);
      // Only from a request of this shop: another shop's request id is not found.
      const { request: r } = await requestDetailLite(deps, requestId);
      const lines = parsed.data.scope === "ITEMS" ? parsed.data.lines.filter((l) => l.quantity > 0) : [];
      if (parsed.data.scope === "ITEMS" && lines.length === 0)
        return Response.json({ ok: false, intent, error: { code: "CHOOSE_ITEMS" } }, { status: 400 });
      const record = await cancelByStore(storeCancelDeps(admin), {
        orderId: r.orderId,
        reason: parsed.data.reason,
        lines,
        note: parsed.data.note,
        staff: admin.staff,
        requestId: r.id,
        actionKey: parsed.data.actionKey,
      });
      return { ok: true, intent, scope: record.scope };
    }
    const parsed = DecisionSchema.safeParse({ intent, note: form.get("note") ?? undefined });
    if (!parsed.success) return Response.json({ ok: false, intent, error: { code: "INVALID_INPUT" } }, { status: 400 });
    if (parsed.data.intent === "askInfo" && !parsed.data.note?.trim())
      return Response.json({ ok: false, intent, error: { code: "NOTE_REQUIRED" } }, { status: 400 });
    const deps = await adminServices(admin);
    const updated = await decideRequest(deps, { requestId, action: parsed.data.intent, note: parsed.data.note });
    return { ok: true, intent, status: updated.status };
  } catch (error) {
    const e = toAdminError(error, { requestId, intent });
    return Response.json({ ok: false, intent, error: { code: e.code, message: e.message } }, { status: e.status });
  }
};

async function requestDetailLite(deps: Awaited<ReturnType<typeof adminServices>>, id: string) {
  const request = await deps.db.changeRequest.findFirst({ where: { id, shop: deps.shop } });
  if (!request) throw new ServiceError("REQUEST_NOT_FOUND", `Request ${id} does not exist in ${deps.shop}.`);
  return { request };
}

type ActionData = {
  ok: boolean;
  intent: string;
  status?: string;
  scope?: string;
  error?: { code: string; message?: string };
};

function AddressBlock({ title, address, locale }: { title: string; address: MailingAddress | null; locale: Locale }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      {address ? (
        <address style={{ fontStyle: "normal" }}>
          {[
            [address.firstName, address.lastName].filter(Boolean).join(" "),
            address.company,
            address.address1,
            address.address2,
            [address.zip, address.city].filter(Boolean).join(" "),
            [address.provinceCode, countryName(address.countryCode, locale)].filter(Boolean).join(", "),
            address.phone,
          ]
            .filter(Boolean)
            .map((line, i) => (
              <Text as="p" key={i}>
                {line}
              </Text>
            ))}
        </address>
      ) : (
        <Text as="p" tone="subdued">
          —
        </Text>
      )}
    </BlockStack>
  );
}

export default function RequestDetail() {
  const data = useLoaderData<typeof loader>();
  const locale = data.locale as Locale;
  const t = adminMessages(locale);
  const d = t.detail;
  const r = data.request;
  const decision = useFetcher<ActionData>();
  const cancel = useFetcher<ActionData>();
  const toast = useToast();
  const [note, setNote] = useState("");
  const [scope, setScope] = useState<"WHOLE_ORDER" | "ITEMS">("WHOLE_ORDER");
  const [storeReason, setStoreReason] = useState<string>(STORE_CANCEL_REASONS[0]);
  const [storeNote, setStoreNote] = useState("");
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const busy = decision.state !== "idle" || cancel.state !== "idle";

  useEffect(() => {
    const result = decision.data;
    if (decision.state !== "idle" || !result) return;
    if (result.ok) {
      const message =
        { approve: d.approved, reject: d.rejected, askInfo: d.infoRequested, retry: d.retried }[result.intent] ??
        t.common.saved;
      toast.show(message);
      setNote("");
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [decision.state, decision.data]);
  useEffect(() => {
    const result = cancel.data;
    if (cancel.state !== "idle" || !result?.ok) return;
    toast.show(result.scope === "ITEMS" ? d.itemsCancelled : d.storeCancelled);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cancel.state, cancel.data]);

  const errorText = (result: ActionData | undefined) => {
    if (!result || result.ok || !result.error) return null;
    if (result.error.code === "CHOOSE_ITEMS") return d.chooseItems;
    return fill(t.errors[result.error.code] ?? t.errors.INTERNAL, { message: result.error.message ?? "" });
  };
  const decide = (intent: string) => decision.submit({ intent, note }, { method: "post" });
  const can = (a: string) => (data.actions as string[]).includes(a);
  const decisionError = errorText(decision.data);
  const cancelError = errorText(cancel.data);

  return (
    <Page
      backAction={{ content: t.nav.requests, url: "/app/requests" }}
      title={fill(d.title, { order: r.orderName })}
      titleMetadata={<StatusBadge status={r.status} locale={locale} />}
      subtitle={`${t.kinds[r.kind as "CANCELLATION"] ?? r.kind} · ${r.created}`}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {toast.banner}
            {r.status === "FAILED" && r.failureMessage ? (
              <Banner tone="critical">
                <p>{fill(d.failure, { message: r.failureMessage })}</p>
              </Banner>
            ) : null}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {d.asked}
                </Text>
                {r.kind === "ADDRESS_CHANGE" ? (
                  <InlineGrid columns={{ xs: 1, sm: 2 }} gap="400">
                    <AddressBlock title={d.oldAddress} address={r.previousAddress} locale={locale} />
                    <AddressBlock title={d.newAddress} address={r.address} locale={locale} />
                  </InlineGrid>
                ) : (
                  <BlockStack gap="100">
                    <Text as="p">
                      <Text as="span" fontWeight="semibold">
                        {d.reason}:
                      </Text>{" "}
                      {r.reason ?? "—"}
                    </Text>
                    <Text as="p">
                      <Text as="span" fontWeight="semibold">
                        {d.note}:
                      </Text>{" "}
                      {r.note || d.noNote}
                    </Text>
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {d.rules}
                </Text>
                {data.evaluation.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {d.noRules}
                  </Text>
                ) : (
                  <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                    {data.evaluation.map((rule) => {
                      const label = t.rules[rule.code as ReasonCode];
                      return (
                        <li key={rule.code} style={{ padding: "4px 0" }}>
                          <InlineStack gap="200" blockAlign="center">
                            <Badge tone={rule.passed ? "success" : "critical"}>
                              {rule.passed ? d.passed : d.failedRule}
                            </Badge>
                            <Text as="span">{label ? (rule.passed ? label.rule : label.failed) : rule.code}</Text>
                          </InlineStack>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {d.timeline}
                </Text>
                <ol style={{ margin: 0, paddingLeft: 20 }}>
                  {data.events.map((e) => (
                    <li key={e.id}>
                      <Text as="p">
                        <Text as="span" fontWeight="semibold">
                          {t.statuses[e.to as "PENDING"] ?? e.to}
                        </Text>{" "}
                        {e.from ? `(${fill(d.from, { from: t.statuses[e.from as "PENDING"] ?? e.from })}) ` : ""}—{" "}
                        {t.actors[e.actor] ?? e.actor} · {e.at}
                      </Text>
                      {e.message ? (
                        <Text as="p" tone="subdued">
                          {e.message}
                        </Text>
                      ) : null}
                    </li>
                  ))}
                </ol>
                <Divider />
                <Text as="h3" variant="headingSm">
                  {d.messages}
                </Text>
                {data.messages.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {d.noMessages}
                  </Text>
                ) : (
                  data.messages.map((m) => (
                    <Box
                      key={m.id}
                      padding="200"
                      background={m.author === "STAFF" ? "bg-surface-secondary" : "bg-surface"}
                      borderRadius="200"
                    >
                      <Text as="p" variant="bodySm" tone="subdued">
                        {t.actors[m.author] ?? m.author} · {m.at}
                      </Text>
                      <Text as="p">{m.body}</Text>
                    </Box>
                  ))
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {d.order}
                </Text>
                <PolarisLink url={data.orderUrl} target="_top">
                  {fill(d.openInShopify, { order: r.orderName })}
                </PolarisLink>
                <Text as="p">
                  {d.customer}: {r.customerName} {r.customerEmail ? `<${r.customerEmail}>` : ""}
                </Text>
                {data.order ? (
                  <>
                    <Text as="p">
                      {d.financial}: {data.order.financial ?? "—"} · {d.fulfillment}: {data.order.fulfillment}
                    </Text>
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {data.order.lineItems.map((l) => (
                        <li key={l.id}>
                          {l.quantity} × {l.title}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <Banner tone="warning">
                    <p>{d.orderUnavailable}</p>
                  </Banner>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {d.decision}
                </Text>
                {decisionError ? (
                  <Banner tone="critical">
                    <p>{decisionError}</p>
                  </Banner>
                ) : null}
                {data.actions.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {fill(d.closed, { status: t.statuses[r.status as "PENDING"] ?? r.status })}
                  </Text>
                ) : (
                  <>
                    {can("approve") || can("reject") || can("askInfo") ? (
                      <>
                        <Select
                          label={d.savedReplies}
                          placeholder={d.savedReplyPlaceholder}
                          options={Object.entries(t.savedReplies).map(([id, s]) => ({ label: s.label, value: id }))}
                          value=""
                          onChange={(id) => setNote(t.savedReplies[id as keyof typeof t.savedReplies]?.text ?? note)}
                        />
                        <TextField
                          label={d.decisionNote}
                          helpText={d.decisionNoteHelp}
                          value={note}
                          onChange={setNote}
                          multiline={4}
                          maxLength={2000}
                          autoComplete="off"
                          error={decision.data?.error?.code === "NOTE_REQUIRED" ? t.errors.NOTE_REQUIRED : undefined}
                        />
                      </>
                    ) : null}
                    <InlineStack gap="200" wrap>
                      {can("approve") ? (
                        <Button
                          variant="primary"
                          onClick={() => decide("approve")}
                          disabled={busy}
                          loading={decision.state !== "idle" && decision.formData?.get("intent") === "approve"}
                        >
                          {d.approve}
                        </Button>
                      ) : null}
                      {can("reject") ? (
                        <Button
                          tone="critical"
                          onClick={() => decide("reject")}
                          disabled={busy}
                          loading={decision.state !== "idle" && decision.formData?.get("intent") === "reject"}
                        >
                          {d.reject}
                        </Button>
                      ) : null}
                      {can("askInfo") ? (
                        <Button
                          onClick={() => decide("askInfo")}
                          disabled={busy}
                          loading={decision.state !== "idle" && decision.formData?.get("intent") === "askInfo"}
                        >
                          {d.askInfo}
                        </Button>
                      ) : null}
                      {can("retry") ? (
                        <Button
                          onClick={() => decide("retry")}
                          disabled={busy}
                          loading={decision.state !== "idle" && decision.formData?.get("intent") === "retry"}
                        >
                          {d.retry}
                        </Button>
                      ) : null}
                    </InlineStack>
                  </>
                )}
              </BlockStack>
            </Card>
            {data.order && !data.order.cancelled ? (
              <Card>
                <cancel.Form method="post">
                  <input type="hidden" name="intent" value="storeCancel" />
                  <input type="hidden" name="actionKey" value={data.actionKey} />
                  <input type="hidden" name="scope" value={scope} />
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {d.storeCancel}
                    </Text>
                    <Text as="p" tone="subdued">
                      {d.storeCancelHelp}
                    </Text>
                    {cancelError ? (
                      <Banner tone="critical">
                        <p>{cancelError}</p>
                      </Banner>
                    ) : null}
                    <BlockStack gap="100">
                      <RadioButton
                        label={d.wholeOrder}
                        id="scope-whole"
                        name="scopeChoice"
                        checked={scope === "WHOLE_ORDER"}
                        onChange={() => setScope("WHOLE_ORDER")}
                      />
                      <RadioButton
                        label={d.someItems}
                        id="scope-items"
                        name="scopeChoice"
                        checked={scope === "ITEMS"}
                        onChange={() => setScope("ITEMS")}
                      />
                    </BlockStack>
                    {scope === "ITEMS"
                      ? data.order.lineItems.map((l) => (
                          <TextField
                            key={l.id}
                            name={`qty:${l.id}`}
                            type="number"
                            min={0}
                            max={l.quantity}
                            label={fill(d.quantityToCancel, { title: l.title, quantity: String(l.quantity) })}
                            value={quantities[l.id] ?? "0"}
                            onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: v }))}
                            autoComplete="off"
                          />
                        ))
                      : null}
                    <Select
                      name="reason"
                      label={d.storeReason}
                      options={STORE_CANCEL_REASONS.map((code) => ({ label: t.storeReasons[code], value: code }))}
                      value={storeReason}
                      onChange={setStoreReason}
                    />
                    <TextField
                      name="note"
                      label={d.storeNote}
                      value={storeNote}
                      onChange={setStoreNote}
                      multiline={2}
                      maxLength={2000}
                      autoComplete="off"
                    />
                    <Button submit tone="critical" disabled={busy} loading={cancel.state !== "idle"}>
                      {scope === "ITEMS" ? d.confirmItemsCancel : d.confirmStoreCancel}
                    </Button>
                  </BlockStack>
                </cancel.Form>
              </Card>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <AdminErrorPage />;
}
