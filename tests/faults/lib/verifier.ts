/**
 * After the fault run has settled: what the client was told, what Amend's database says, what Shopify (the
 * simulator) did and what the SMTP / SMS sinks received — compared. `collectEvidence` reads them; `verify` is pure
 * and reports counts plus one problem line per violation:
 *  - a request lost: accepted (2xx) but absent from the database, not in a final state, or recorded as applied
 *    without Shopify having it; applied in Shopify but not recorded; a decision taken but not carried out;
 *  - applied twice: the same address written to the order more than once, an order cancelled twice, a hold placed
 *    twice, two request rows for one action;
 *  - a notification lost: expected for the request's final state but never queued, or queued but never received
 *    by the sink; sent twice: the same Message-ID (email) or Idempotency-Key (SMS) received more than once.
 */
import type { ActionKind, ActionResult } from "./load-driver";
import type { FaultDb } from "./settle";

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface DbRequest {
  id: string;
  kind: string;
  status: string;
  orderId: string;
  customerId: string;
  idempotencyKey: string;
}

export interface DbOutbox {
  id: string;
  requestId: string | null;
  event: string;
  channel: string;
  recipientRole: string;
  recipient: string;
  status: string;
  messageId: string;
  idempotencyKey: string;
  attempts: number;
  lastError: string | null;
}

export interface SimMutation {
  at: string;
  mutation: string;
  args: Rec;
  effect: string;
}

export interface Evidence {
  requests: DbRequest[];
  outbox: DbOutbox[];
  /** The simulator's orders (GET /demo/state). */
  orders: Rec[];
  mutationLog: SimMutation[];
  emails: { messageId: string; to: string[]; subject: string }[];
  sms: { idempotencyKey: string | null; to: string; body: string }[];
}

/** Reads Amend's database (through Prisma: SQLite or PostgreSQL), the simulator's state and the sinks' captures. */
export async function collectEvidence(input: {
  db: FaultDb;
  shop: string;
  simulatorUrl: string;
  emails: Evidence["emails"];
  sms: Evidence["sms"];
}): Promise<Evidence> {
  const { db, shop } = input;
  const requests: DbRequest[] = await db.changeRequest.findMany({
    where: { shop },
    select: { id: true, kind: true, status: true, orderId: true, customerId: true, idempotencyKey: true },
    orderBy: { id: "asc" },
  });
  const outbox: DbOutbox[] = await db.outboxMessage.findMany({
    where: { shop },
    select: {
      id: true,
      requestId: true,
      event: true,
      channel: true,
      recipientRole: true,
      recipient: true,
      status: true,
      messageId: true,
      idempotencyKey: true,
      attempts: true,
      lastError: true,
    },
    orderBy: { id: "asc" },
  });
  const state = (await (await fetch(`${input.simulatorUrl}/demo/state`)).json()) as Rec;
  return {
    requests,
    outbox,
    orders: state.orders,
    mutationLog: state.mutationLog,
    emails: input.emails,
    sms: input.sms,
  };
}

/** Which notifications a request's final state implies: event → recipients (STAFF is met by STAFF or OWNER). */
export type ExpectedNotifications = (
  kind: string,
  status: string,
) => { event: string; roles: ("CUSTOMER" | "STAFF")[] }[];

/** The default notification matrix (app/notifications/events.ts) for the states the fault suite produces. */
export const DEFAULT_EXPECTED: ExpectedNotifications = (kind, status) => {
  const out: ReturnType<ExpectedNotifications> = [];
  if (kind === "ADDRESS_CHANGE" && status === "APPLIED")
    out.push({ event: "ADDRESS_CHANGE_APPLIED", roles: ["CUSTOMER", "STAFF"] });
  if (kind === "CANCELLATION") {
    out.push({ event: "CANCELLATION_REQUESTED", roles: ["CUSTOMER", "STAFF"] });
    if (status === "APPLIED") out.push({ event: "CANCELLATION_APPROVED", roles: ["CUSTOMER"] });
    if (status === "REJECTED") out.push({ event: "CANCELLATION_REJECTED", roles: ["CUSTOMER"] });
  }
  if (status === "FAILED") out.push({ event: "REQUEST_FAILED", roles: ["STAFF"] });
  return out;
};

export interface Problem {
  kind:
    | "REQUEST_LOST"
    | "NOT_FINAL"
    | "FAILED"
    | "APPLIED_NOT_IN_SHOPIFY"
    | "IN_SHOPIFY_NOT_RECORDED"
    | "WRONG_OUTCOME"
    | "APPLIED_TWICE"
    | "HELD_TWICE"
    | "HOLD_LEFT"
    | "DUPLICATE_REQUEST"
    | "NOTIFICATION_NEVER_QUEUED"
    | "NOTIFICATION_LOST"
    | "NOTIFICATION_SENT_TWICE"
    | "UNEXPECTED_MESSAGE";
  detail: string;
}

export interface FaultReport {
  actions: {
    sent: number;
    accepted: number;
    /** A final 4xx (the rules or a race said no): not a fault, but counted. */
    refused: number;
    /** Never answered / only failures until the deadline. */
    unanswered: number;
    /** Not acknowledged to the client, yet a request exists (the answer was lost). */
    createdUnacknowledged: number;
    byKind: Record<ActionKind, { sent: number; accepted: number }>;
    refusedCodes: Record<string, number>;
  };
  decisions: { sent: number; accepted: number; conflictAfterRetry: number; unanswered: number };
  requests: { total: number; byStatus: Record<string, number> };
  shopify: {
    /** Actions whose effect is in Shopify (address written / order cancelled). */
    applied: number;
    appliedTwice: number;
    heldTwice: number;
    holdsLeft: number;
    appliedNotRecorded: number;
  };
  lost: number;
  failed: number;
  wrongOutcome: number;
  notifications: {
    expected: number;
    queued: number;
    neverQueued: number;
    delivered: number;
    deliveredTwice: number;
    lost: number;
    unexpected: number;
    outboxByStatus: Record<string, number>;
  };
  problems: Problem[];
}

const bare = (messageId: string) => messageId.trim().replace(/^<|>$/g, "");
const numericId = (gid: unknown) =>
  String(gid ?? "")
    .split("/")
    .pop() ?? "";
const FINAL = new Set(["APPLIED", "REJECTED", "FAILED", "WITHDRAWN", "EXPIRED", "SUPERSEDED"]);
const count = <T>(items: T[], key: (t: T) => string) =>
  items.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {});

export function verify(input: {
  results: ActionResult[];
  evidence: Evidence;
  expected?: ExpectedNotifications;
}): FaultReport {
  const { results, evidence } = input;
  const expectedFor = input.expected ?? DEFAULT_EXPECTED;
  const problems: Problem[] = [];
  const problem = (kind: Problem["kind"], detail: string) => problems.push({ kind, detail });

  const requestsById = new Map(evidence.requests.map((r) => [r.id, r]));
  const requestsByKey = new Map(evidence.requests.map((r) => [r.idempotencyKey, r]));
  const ordersById = new Map(evidence.orders.map((o) => [numericId(o.id), o]));
  const foToOrder = new Map<string, string>();
  for (const o of evidence.orders)
    for (const fo of o.fulfillmentOrders?.nodes ?? []) foToOrder.set(fo.id, numericId(o.id));
  const mutationsFor = (orderId: string, mutation: string) =>
    evidence.mutationLog.filter((m) => {
      if (m.mutation !== mutation) return false;
      const target = m.args.input?.id ?? m.args.orderId ?? m.args.id;
      const order = foToOrder.get(target) ?? numericId(target);
      return order === orderId;
    });

  const report: FaultReport = {
    actions: {
      sent: results.length,
      accepted: 0,
      refused: 0,
      unanswered: 0,
      createdUnacknowledged: 0,
      byKind: { ADDRESS_CHANGE: { sent: 0, accepted: 0 }, CANCELLATION: { sent: 0, accepted: 0 } },
      refusedCodes: {},
    },
    decisions: { sent: 0, accepted: 0, conflictAfterRetry: 0, unanswered: 0 },
    requests: { total: evidence.requests.length, byStatus: count(evidence.requests, (r) => r.status) },
    shopify: { applied: 0, appliedTwice: 0, heldTwice: 0, holdsLeft: 0, appliedNotRecorded: 0 },
    lost: 0,
    failed: 0,
    wrongOutcome: 0,
    notifications: {
      expected: 0,
      queued: 0,
      neverQueued: 0,
      delivered: 0,
      deliveredTwice: 0,
      lost: 0,
      unexpected: 0,
      outboxByStatus: {},
    },
    problems,
  };

  for (const r of results) {
    const { plan } = r;
    const label = `#${plan.index} ${plan.kind} ${plan.order.name}`;
    report.actions.byKind[plan.kind].sent += 1;
    if (r.accepted) {
      report.actions.accepted += 1;
      report.actions.byKind[plan.kind].accepted += 1;
    } else if (r.status !== null && r.status >= 400 && r.status < 500) {
      report.actions.refused += 1;
      const code = r.errorCode ?? String(r.status);
      report.actions.refusedCodes[code] = (report.actions.refusedCodes[code] ?? 0) + 1;
    } else {
      report.actions.unanswered += 1;
    }

    const row =
      (r.requestId ? requestsById.get(r.requestId) : undefined) ??
      requestsByKey.get(`client:${plan.order.customerId}:${plan.idempotencyKey}`);
    if (!r.accepted && row) report.actions.createdUnacknowledged += 1;
    if (r.accepted && !row) {
      report.lost += 1;
      problem("REQUEST_LOST", `${label}: answered ${r.status} with request ${r.requestId}, not in the database`);
      continue;
    }
    const sameAction = evidence.requests.filter((q) => q.orderId === plan.order.id && q.kind === plan.kind);
    if (sameAction.length > 1) {
      problem(
        "DUPLICATE_REQUEST",
        `${label}: ${sameAction.length} requests (${sameAction.map((q) => q.id).join(", ")})`,
      );
    }

    // What Shopify has.
    const order = ordersById.get(plan.order.id);
    let applications: number;
    let inShopify: boolean;
    if (plan.kind === "ADDRESS_CHANGE") {
      const writes = mutationsFor(plan.order.id, "orderUpdate").filter(
        (m) => m.args.input?.shippingAddress?.address1 === plan.address?.address1,
      );
      applications = writes.length;
      inShopify = order?.shippingAddress?.address1 === plan.address?.address1;
    } else {
      applications = mutationsFor(plan.order.id, "orderCancel").length;
      inShopify = Boolean(order?.cancelledAt) || applications > 0;
      const holds = mutationsFor(plan.order.id, "fulfillmentOrderHold");
      if (holds.length > 1) {
        report.shopify.heldTwice += 1;
        problem("HELD_TWICE", `${label}: ${holds.length} fulfillmentOrderHold applied`);
      }
      const left = (order?.fulfillmentOrders?.nodes ?? []).flatMap((fo: Rec) =>
        (fo.fulfillmentHolds ?? []).filter((h: Rec) => h.heldByRequestingApp && String(h.handle).startsWith("amend-")),
      );
      if (row && FINAL.has(row.status) && row.status !== "APPLIED" && left.length > 0) {
        report.shopify.holdsLeft += 1;
        problem("HOLD_LEFT", `${label}: request ${row.status} but Amend's hold is still on the order`);
      }
    }
    if (inShopify) report.shopify.applied += 1;
    if (applications > 1) {
      report.shopify.appliedTwice += 1;
      problem("APPLIED_TWICE", `${label}: applied ${applications} times in Shopify`);
    }
    if (!row) {
      if (inShopify) {
        report.shopify.appliedNotRecorded += 1;
        problem("IN_SHOPIFY_NOT_RECORDED", `${label}: in Shopify without a request in the database`);
      }
      continue;
    }

    // The request's end state.
    if (row.status === "FAILED") {
      report.failed += 1;
      problem("FAILED", `${label}: request ${row.id} FAILED`);
    } else if (
      !FINAL.has(row.status) &&
      !(row.status === "PENDING" && !r.decision?.accepted && !r.decision?.conflictAfterRetry)
    ) {
      report.lost += 1;
      problem("NOT_FINAL", `${label}: request ${row.id} still ${row.status}`);
    }
    if (row.status === "APPLIED" && !inShopify) {
      report.lost += 1;
      problem("APPLIED_NOT_IN_SHOPIFY", `${label}: request ${row.id} APPLIED, Shopify does not have it`);
    }
    if (row.status !== "APPLIED" && inShopify) {
      report.shopify.appliedNotRecorded += 1;
      problem("IN_SHOPIFY_NOT_RECORDED", `${label}: in Shopify but request ${row.id} is ${row.status}`);
    }
    if (r.decision) {
      report.decisions.sent += 1;
      if (r.decision.accepted) report.decisions.accepted += 1;
      if (r.decision.conflictAfterRetry) report.decisions.conflictAfterRetry += 1;
      if (r.decision.gaveUp || r.decision.status === null) report.decisions.unanswered += 1;
      const taken = r.decision.accepted || r.decision.conflictAfterRetry;
      const wanted = r.decision.action === "approve" ? "APPLIED" : "REJECTED";
      if (taken && FINAL.has(row.status) && row.status !== wanted && row.status !== "FAILED") {
        report.wrongOutcome += 1;
        problem("WRONG_OUTCOME", `${label}: merchant said ${r.decision.action}, request ${row.id} is ${row.status}`);
      }
    }
  }

  // Notifications: expected per request (from its final state), queued in the outbox, received by the sinks.
  const outboxByRequest = new Map<string, DbOutbox[]>();
  for (const m of evidence.outbox) {
    if (!m.requestId) continue;
    outboxByRequest.set(m.requestId, [...(outboxByRequest.get(m.requestId) ?? []), m]);
  }
  for (const row of evidence.requests) {
    for (const want of expectedFor(row.kind, row.status)) {
      for (const role of want.roles) {
        report.notifications.expected += 1;
        const queued = (outboxByRequest.get(row.id) ?? []).some(
          (m) =>
            m.channel === "EMAIL" &&
            m.event === want.event &&
            (m.recipientRole === role || (role === "STAFF" && m.recipientRole === "OWNER")),
        );
        if (queued) report.notifications.queued += 1;
        else {
          report.notifications.neverQueued += 1;
          problem(
            "NOTIFICATION_NEVER_QUEUED",
            `request ${row.id} (${row.kind} ${row.status}): no ${want.event} email to ${role}`,
          );
        }
      }
    }
  }
  const emailsById = count(evidence.emails, (e) => bare(e.messageId));
  const smsByKey = count(
    evidence.sms.filter((s) => s.idempotencyKey),
    (s) => s.idempotencyKey!,
  );
  const known = new Set<string>();
  report.notifications.outboxByStatus = count(evidence.outbox, (m) => `${m.channel}:${m.status}`);
  for (const m of evidence.outbox) {
    if (m.channel !== "EMAIL" && m.channel !== "SMS") continue; // Flow triggers are not notifications to a person
    const received = m.channel === "EMAIL" ? (emailsById[bare(m.messageId)] ?? 0) : (smsByKey[m.idempotencyKey] ?? 0);
    if (m.channel === "EMAIL") known.add(bare(m.messageId));
    if (received >= 1) report.notifications.delivered += 1;
    if (received === 0) {
      report.notifications.lost += 1;
      problem(
        "NOTIFICATION_LOST",
        `${m.channel} ${m.event} to ${m.recipientRole} (outbox ${m.id}, ${m.status} after ${m.attempts} attempts${m.lastError ? `: ${m.lastError}` : ""}) never received`,
      );
    } else if (received > 1) {
      report.notifications.deliveredTwice += 1;
      problem(
        "NOTIFICATION_SENT_TWICE",
        `${m.channel} ${m.event} to ${m.recipientRole} (outbox ${m.id}) received ${received} times`,
      );
    }
  }
  for (const id of Object.keys(emailsById)) {
    if (known.has(id)) continue;
    report.notifications.unexpected += 1;
    problem("UNEXPECTED_MESSAGE", `email ${id} received but not in the outbox`);
  }
  return report;
}

/** A few lines for the test log. */
export function summarize(report: FaultReport): string {
  const a = report.actions;
  const n = report.notifications;
  const s = report.shopify;
  return [
    `actions: ${a.sent} sent, ${a.accepted} accepted, ${a.refused} refused ${JSON.stringify(a.refusedCodes)}, ${a.unanswered} unanswered, ${a.createdUnacknowledged} created without an answer`,
    `decisions: ${report.decisions.sent} sent, ${report.decisions.accepted} accepted, ${report.decisions.conflictAfterRetry} 409 after a retry, ${report.decisions.unanswered} unanswered`,
    `requests: ${JSON.stringify(report.requests.byStatus)}`,
    `shopify: ${s.applied} applied, ${s.appliedTwice} applied twice, ${s.heldTwice} held twice, ${s.holdsLeft} holds left, ${s.appliedNotRecorded} applied but not recorded`,
    `lost ${report.lost}, failed ${report.failed}, wrong outcome ${report.wrongOutcome}`,
    `notifications: ${n.expected} expected, ${n.queued} queued (${n.neverQueued} never), ${n.delivered} delivered, ${n.deliveredTwice} twice, ${n.lost} lost, ${n.unexpected} unexpected; outbox ${JSON.stringify(n.outboxByStatus)}`,
    ...report.problems.slice(0, 40).map((p) => `  ${p.kind}: ${p.detail}`),
    report.problems.length > 40 ? `  … and ${report.problems.length - 40} more` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
