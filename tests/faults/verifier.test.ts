import { describe, expect, it } from "vitest";
import type { ActionPlan, ActionResult } from "./lib/load-driver";
import { verify, type DbOutbox, type DbRequest, type Evidence } from "./lib/verifier";

const ADDRESS = { firstName: "C", lastName: "M", address1: "1 avenue", city: "Paris", zip: "75011", countryCode: "FR" };

function plan(index: number, kind: ActionPlan["kind"], extra: Partial<ActionPlan> = {}): ActionPlan {
  return {
    index,
    kind,
    order: { id: String(800 + index), name: `#${5000 + index}`, customerId: "7001" },
    idempotencyKey: `k${index}`,
    startAfterMs: 0,
    decideAfterMs: 0,
    ...(kind === "ADDRESS_CHANGE"
      ? { address: { ...ADDRESS, address1: `${index} avenue` } }
      : { reason: "CHANGED_MIND" }),
    ...extra,
  };
}

function result(p: ActionPlan, extra: Partial<ActionResult> = {}): ActionResult {
  return {
    plan: p,
    status: 200,
    accepted: true,
    requestId: `r${p.index}`,
    requestStatus: "APPLIED",
    errorCode: null,
    gaveUp: false,
    attempts: [],
    decision: null,
    ...extra,
  };
}

const request = (p: ActionPlan, status: string): DbRequest => ({
  id: `r${p.index}`,
  kind: p.kind,
  status,
  orderId: p.order.id,
  customerId: "7001",
  idempotencyKey: `client:7001:${p.idempotencyKey}`,
});

let outboxN = 0;
const email = (requestId: string, event: string, role = "CUSTOMER", status = "SENT"): DbOutbox => {
  outboxN += 1;
  return {
    id: `o${outboxN}`,
    requestId,
    event,
    channel: "EMAIL",
    recipientRole: role,
    recipient: "x@example.com",
    status,
    messageId: `<m${outboxN}@amend.app>`,
    idempotencyKey: `i${outboxN}`,
    attempts: 1,
    lastError: null,
  };
};

const order = (p: ActionPlan, extra: Record<string, unknown> = {}) => ({
  id: `gid://shopify/Order/${p.order.id}`,
  shippingAddress: { address1: "old" },
  cancelledAt: null,
  fulfillmentOrders: { nodes: [{ id: `gid://shopify/FulfillmentOrder/${p.order.id}`, fulfillmentHolds: [] }] },
  ...extra,
});

const update = (p: ActionPlan) => ({
  at: "",
  mutation: "orderUpdate",
  args: { input: { id: `gid://shopify/Order/${p.order.id}`, shippingAddress: p.address } },
  effect: "",
});

/** A run where everything went right: one address change, one approved and one rejected cancellation. */
function cleanRun() {
  const a = plan(0, "ADDRESS_CHANGE");
  const c1 = plan(1, "CANCELLATION", { decision: "approve" });
  const c2 = plan(2, "CANCELLATION", { decision: "reject" });
  const decision = (action: "approve" | "reject") => ({
    action,
    status: 200,
    requestStatus: action === "approve" ? "APPLIED" : "REJECTED",
    accepted: true,
    conflictAfterRetry: false,
    errorCode: null,
    gaveUp: false,
    attempts: [],
  });
  const results = [
    result(a),
    result(c1, { status: 201, requestStatus: "PENDING", decision: decision("approve") }),
    result(c2, { status: 201, requestStatus: "PENDING", decision: decision("reject") }),
  ];
  const outbox = [
    email("r0", "ADDRESS_CHANGE_APPLIED"),
    email("r0", "ADDRESS_CHANGE_APPLIED", "OWNER"),
    email("r1", "CANCELLATION_REQUESTED"),
    email("r1", "CANCELLATION_REQUESTED", "STAFF"),
    email("r1", "CANCELLATION_APPROVED"),
    email("r2", "CANCELLATION_REQUESTED"),
    email("r2", "CANCELLATION_REQUESTED", "STAFF"),
    email("r2", "CANCELLATION_REJECTED"),
  ];
  const evidence: Evidence = {
    requests: [request(a, "APPLIED"), request(c1, "APPLIED"), request(c2, "REJECTED")],
    outbox,
    orders: [
      order(a, { shippingAddress: { address1: "0 avenue" } }),
      order(c1, { cancelledAt: "2026-11-25T12:00:00Z" }),
      order(c2),
    ],
    mutationLog: [
      update(a),
      { at: "", mutation: "orderCancel", args: { orderId: `gid://shopify/Order/${c1.order.id}` }, effect: "" },
    ],
    emails: outbox.map((m) => ({ messageId: m.messageId, to: [m.recipient], subject: m.event })),
    sms: [],
  };
  return { a, c1, c2, results, evidence };
}

describe("verify", () => {
  it("a clean run has no problem and counts everything", () => {
    const { results, evidence } = cleanRun();
    const report = verify({ results, evidence });
    expect(report.problems).toEqual([]);
    expect(report.actions).toMatchObject({ sent: 3, accepted: 3, refused: 0, unanswered: 0 });
    expect(report.decisions).toEqual({ sent: 2, accepted: 2, conflictAfterRetry: 0, unanswered: 0 });
    expect(report.shopify).toEqual({ applied: 2, appliedTwice: 0, heldTwice: 0, holdsLeft: 0, appliedNotRecorded: 0 });
    expect(report.notifications).toMatchObject({ expected: 8, queued: 8, delivered: 8, lost: 0, deliveredTwice: 0 });
  });

  it("finds an address written twice and an email received twice", () => {
    const { a, results, evidence } = cleanRun();
    evidence.mutationLog.push(update(a));
    evidence.emails.push({ ...evidence.emails[0] });
    const report = verify({ results, evidence });
    expect(report.shopify.appliedTwice).toBe(1);
    expect(report.notifications.deliveredTwice).toBe(1);
    expect(report.problems.map((p) => p.kind).sort()).toEqual(["APPLIED_TWICE", "NOTIFICATION_SENT_TWICE"]);
  });

  it("finds an accepted request missing, one stuck APPLYING, and one recorded APPLIED that Shopify lacks", () => {
    const { results, evidence } = cleanRun();
    evidence.requests = evidence.requests.filter((r) => r.id !== "r2");
    evidence.requests[0] = { ...evidence.requests[0], status: "APPLYING" };
    evidence.orders[1] = { ...evidence.orders[1], cancelledAt: null };
    evidence.mutationLog = evidence.mutationLog.filter((m) => m.mutation !== "orderCancel");
    const report = verify({ results, evidence });
    expect(report.problems.map((p) => p.kind).sort()).toEqual([
      "APPLIED_NOT_IN_SHOPIFY",
      "IN_SHOPIFY_NOT_RECORDED", // r0's address is in Shopify while the request says APPLYING
      "NOT_FINAL",
      "REQUEST_LOST",
    ]);
    expect(report.lost).toBe(3);
  });

  it("finds a notification never queued, one queued but never received, and one nobody queued", () => {
    const { results, evidence } = cleanRun();
    evidence.outbox = evidence.outbox.filter((m) => m.event !== "CANCELLATION_APPROVED");
    evidence.emails = evidence.emails.filter(
      (e) => e.subject !== "CANCELLATION_REJECTED" && e.subject !== "CANCELLATION_APPROVED",
    );
    evidence.emails.push({ messageId: "<stray@amend.app>", to: [], subject: "?" });
    const report = verify({ results, evidence });
    expect(report.notifications).toMatchObject({ neverQueued: 1, lost: 1, unexpected: 1 });
    expect(report.problems.map((p) => p.kind).sort()).toEqual([
      "NOTIFICATION_LOST",
      "NOTIFICATION_NEVER_QUEUED",
      "UNEXPECTED_MESSAGE",
    ]);
  });

  it("a rejected cancellation that left Amend's hold, and a decision not carried out", () => {
    const { results, evidence } = cleanRun();
    evidence.orders[2] = order(results[2].plan, {
      fulfillmentOrders: {
        nodes: [{ id: "fo", fulfillmentHolds: [{ handle: "amend-r2", heldByRequestingApp: true }] }],
      },
    });
    evidence.requests[1] = { ...evidence.requests[1], status: "REJECTED" };
    evidence.orders[1] = { ...evidence.orders[1], cancelledAt: null };
    evidence.mutationLog = evidence.mutationLog.filter((m) => m.mutation !== "orderCancel");
    const report = verify({ results, evidence });
    expect(report.problems.map((p) => p.kind).sort()).toEqual([
      "HOLD_LEFT",
      "NOTIFICATION_NEVER_QUEUED",
      "WRONG_OUTCOME",
    ]);
  });

  it("an answer lost on the way: not acknowledged, yet created — counted, not a fault", () => {
    const { a, results, evidence } = cleanRun();
    results[0] = result(a, { status: null, accepted: false, requestId: null, requestStatus: null, gaveUp: true });
    const report = verify({ results, evidence });
    expect(report.actions).toMatchObject({ accepted: 2, unanswered: 1, createdUnacknowledged: 1 });
    expect(report.problems).toEqual([]);
  });

  it("a 4xx refusal is counted by code", () => {
    const { a, results, evidence } = cleanRun();
    results[0] = result(a, { status: 422, accepted: false, requestId: null, errorCode: "RULES_FAILED" });
    evidence.requests = evidence.requests.filter((r) => r.id !== "r0");
    evidence.orders[0] = order(a);
    evidence.mutationLog = evidence.mutationLog.filter((m) => m.mutation !== "orderUpdate");
    evidence.outbox = evidence.outbox.filter((m) => m.requestId !== "r0");
    evidence.emails = evidence.emails.filter((e) => e.subject !== "ADDRESS_CHANGE_APPLIED");
    const report = verify({ results, evidence });
    expect(report.actions.refusedCodes).toEqual({ RULES_FAILED: 1 });
    expect(report.problems).toEqual([]);
  });
});
