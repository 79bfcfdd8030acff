/**
 * The fault suite's load: customers asking for address changes and cancellations through the customer API
 * (docs/customer-api.md), and the merchant approving or rejecting the cancellations through the admin API
 * (POST /api/admin/requests/:id/decision), all over real HTTP with real session tokens, retried the way a real
 * client retries (same Idempotency-Key on every attempt of one action).
 */
import { callWithRetry, type Attempt, type CallResult, type RetryPolicy } from "./http-client";
import type { Rng } from "./rng";
import type { FaultOrder } from "./store";
import { adminSessionToken, customerSessionToken, type AppCredentials } from "./tokens";

export type ActionKind = "ADDRESS_CHANGE" | "CANCELLATION";
export type Decision = "approve" | "reject";

export interface MailingAddressInput {
  firstName: string;
  lastName: string;
  address1: string;
  address2?: string | null;
  city: string;
  zip: string;
  countryCode: string;
  provinceCode?: string | null;
  phone?: string | null;
}

export interface ActionPlan {
  index: number;
  kind: ActionKind;
  order: FaultOrder;
  /** Sent as Idempotency-Key on every attempt of this action. */
  idempotencyKey: string;
  address?: MailingAddressInput;
  reason?: string;
  /** Cancellations: what the merchant will decide once the request is PENDING. */
  decision?: Decision;
  /** ms after the start of the run. */
  startAfterMs: number;
  /** ms between the request being accepted and the merchant's decision. */
  decideAfterMs: number;
}

interface RequestBody {
  request?: { id: string; status: string };
  error?: { code: string; message?: string };
}

export interface DecisionResult {
  action: Decision;
  status: number | null;
  /** The request's status in the answer (2xx). */
  requestStatus: string | null;
  /** 2xx: the app took the decision. */
  accepted: boolean;
  /**
   * 409 after an attempt without an answer: most likely an earlier attempt was applied (the decision is not
   * idempotent-keyed). The verifier checks the request's final status.
   */
  conflictAfterRetry: boolean;
  errorCode: string | null;
  gaveUp: boolean;
  attempts: CallResult["attempts"];
}

export interface ActionResult {
  plan: ActionPlan;
  /** The final HTTP status (null: never answered). */
  status: number | null;
  /** 2xx with a request: the app took the action and said so. */
  accepted: boolean;
  requestId: string | null;
  /** The request's status in the accepting answer. */
  requestStatus: string | null;
  errorCode: string | null;
  gaveUp: boolean;
  attempts: CallResult["attempts"];
  decision: DecisionResult | null;
}

/** Seeded plan: which order gets what, when, and what the merchant decides. */
export function planActions(
  orders: FaultOrder[],
  rng: Rng,
  options: {
    seed: number;
    /** Share of cancellations (the rest are address changes). */
    cancellationShare?: number;
    /** Share of cancellations the merchant approves. */
    approveShare?: number;
    /** The actions start spread over this many ms. */
    spreadMs?: number;
    reasons?: readonly string[];
  },
): ActionPlan[] {
  const reasons = options.reasons ?? ["CHANGED_MIND", "ORDERED_BY_MISTAKE", "WRONG_ADDRESS"];
  return orders.map((order, index) => {
    const cancellation = rng.chance(options.cancellationShare ?? 0.5);
    const plan: ActionPlan = {
      index,
      kind: cancellation ? "CANCELLATION" : "ADDRESS_CHANGE",
      order,
      idempotencyKey: `faults-${options.seed}-${index}`,
      startAfterMs: rng.int(0, options.spreadMs ?? 30_000),
      decideAfterMs: rng.int(200, 3_000),
    };
    if (cancellation) {
      plan.reason = rng.pick(reasons);
      plan.decision = rng.chance(options.approveShare ?? 0.7) ? "approve" : "reject";
    } else {
      plan.address = {
        firstName: "Camille",
        lastName: "Martin",
        address1: `${index + 1} avenue de la République`,
        address2: null,
        city: "Paris",
        zip: "75011",
        countryCode: "FR",
        provinceCode: null,
        phone: null,
      };
    }
    return plan;
  });
}

/**
 * A load balancer in front of the app's web instances: every attempt goes to the next instance in turn, and an
 * attempt after one that got no answer (connection refused / reset: that instance is down) goes to another one.
 */
export function createBalancer(origins: string | readonly string[]): (previous: Attempt | null) => string {
  const list = typeof origins === "string" ? [origins] : [...origins];
  if (list.length === 0) throw new Error("no app instance to send requests to");
  let next = 0;
  return (previous) => {
    let origin = list[next++ % list.length];
    if (list.length > 1 && previous?.status === null && previous.origin === origin) origin = list[next++ % list.length];
    return origin;
  };
}

export interface LoadOptions {
  /** The app's web instance(s): requests are spread over several (round-robin, `createBalancer`). */
  appUrl: string | readonly string[];
  app: AppCredentials;
  plans: ActionPlan[];
  rng: Rng;
  /** At most this many actions in flight (default 8). */
  concurrency?: number;
  policy?: Partial<RetryPolicy>;
  /** Called as each action ends (progress logs). */
  onResult?: (result: ActionResult) => void;
}

/**
 * Extensions and the admin run in a browser: their requests carry a browser's User-Agent (the library answers a
 * bot's — Node's own "node" included — with 410 Gone).
 */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Runs every plan (each at its start time, at most `concurrency` at once) and resolves with every outcome. */
export async function runLoad(options: LoadOptions): Promise<ActionResult[]> {
  const started = Date.now();
  const queue = [...options.plans].sort((a, b) => a.startAfterMs - b.startAfterMs);
  const results: ActionResult[] = [];
  const balance = createBalancer(options.appUrl);
  const worker = async (rng: Rng) => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) {
      await sleep(started + plan.startAfterMs - Date.now());
      const result = await runAction(options, balance, plan, rng);
      results.push(result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, () => worker(options.rng.fork())));
  return results.sort((a, b) => a.plan.index - b.plan.index);
}

type Balance = ReturnType<typeof createBalancer>;

async function runAction(options: LoadOptions, balance: Balance, plan: ActionPlan, rng: Rng): Promise<ActionResult> {
  const { app } = options;
  const path =
    plan.kind === "ADDRESS_CHANGE"
      ? `/api/customer/orders/${plan.order.id}/address-change`
      : `/api/customer/orders/${plan.order.id}/cancellation`;
  const body = plan.kind === "ADDRESS_CHANGE" ? { address: plan.address } : { reason: plan.reason, note: null };
  const answer = await callWithRetry<RequestBody>({
    url: (_n, previous) => `${balance(previous)}${path}`,
    headers: async () => ({
      Authorization: `Bearer ${await customerSessionToken(app, plan.order.customerId)}`,
      "Idempotency-Key": plan.idempotencyKey,
      "Accept-Language": "en",
      "User-Agent": BROWSER_USER_AGENT,
    }),
    body,
    policy: options.policy,
    rng,
  });
  const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
  const requestId = ok ? (answer.body?.request?.id ?? null) : null;
  const result: ActionResult = {
    plan,
    status: answer.status,
    accepted: ok && requestId !== null,
    requestId,
    requestStatus: ok ? (answer.body?.request?.status ?? null) : null,
    errorCode: answer.body?.error?.code ?? null,
    gaveUp: answer.gaveUp,
    attempts: answer.attempts,
    decision: null,
  };
  if (result.accepted && plan.decision && result.requestStatus === "PENDING") {
    await sleep(plan.decideAfterMs);
    result.decision = await decide(options, balance, requestId!, plan.decision, rng);
  }
  return result;
}

async function decide(
  options: LoadOptions,
  balance: Balance,
  requestId: string,
  action: Decision,
  rng: Rng,
): Promise<DecisionResult> {
  const answer = await callWithRetry<RequestBody>({
    url: (_n, previous) => `${balance(previous)}/api/admin/requests/${encodeURIComponent(requestId)}/decision`,
    headers: async () => ({
      Authorization: `Bearer ${await adminSessionToken(options.app)}`,
      "User-Agent": BROWSER_USER_AGENT,
    }),
    body: { action, note: `fault suite: ${action}` },
    policy: options.policy,
    rng,
  });
  const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
  return {
    action,
    status: answer.status,
    requestStatus: ok ? (answer.body?.request?.status ?? null) : null,
    accepted: ok,
    conflictAfterRetry: answer.status === 409 && answer.attempts.length > 1,
    errorCode: answer.body?.error?.code ?? null,
    gaveUp: answer.gaveUp,
    attempts: answer.attempts,
  };
}
