import { vi } from "vitest";
import type { CustomerRequest, Options, SubmittedWithdrawal, Withdrawal } from "../api";

/** The extension's own locale file as `shopify.i18n.translate` would use it ({{name}} placeholders). */
export function translator(messages: Record<string, unknown>) {
  return (key: string, options: Record<string, unknown> = {}) => {
    const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    if (typeof found !== "string") throw new Error(`missing translation ${key}`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? `{{${name}}}`));
  };
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

type Init = RequestInit & { headers: Record<string, string> };
type Handler = (init: Init) => Response | Promise<Response>;

/** A fetch mock answering by "METHOD /path"; anything else fails the test loudly. */
export function routes(table: Record<string, Handler | Handler[]>) {
  const queues = Object.fromEntries(Object.entries(table).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? "GET"} ${new URL(String(input)).pathname}`;
    const entry = queues[key];
    if (!entry) throw new Error(`unexpected fetch ${key}`);
    const handler = Array.isArray(entry) ? (entry.length > 1 ? entry.shift()! : entry[0]) : entry;
    return handler(init as Init);
  });
}

export const networkDown: Handler = () => {
  throw new TypeError("Failed to fetch");
};

/** The body the extension sent with a call. */
export const sent = (mock: ReturnType<typeof routes>, index = -1) => {
  const call = mock.mock.calls.at(index)!;
  const init = call[1] as Init;
  return { url: String(call[0]), headers: init.headers, body: init.body ? JSON.parse(String(init.body)) : undefined };
};

const paris = {
  firstName: "Camille",
  lastName: "Martin",
  company: null,
  address1: "18 rue du Sentier",
  address2: null,
  city: "Paris",
  provinceCode: null,
  zip: "75002",
  countryCode: "FR",
  phone: "+33612345678",
};

/** GET options as presentOptions answers it for the demo store's order #1001. */
export function options(
  overrides: {
    addressChange?: Partial<Options["addressChange"]>;
    cancellation?: Partial<Options["cancellation"]>;
    requests?: CustomerRequest[];
    withdrawal?: Withdrawal;
  } = {},
): Options {
  return {
    order: { id: "5001", name: "#1001" },
    addressChange: {
      allowed: true,
      reasons: [],
      deadline: "2026-12-01T12:00:00.000Z",
      currentAddress: paris,
      countries: [
        { code: "FR", name: "France", zipRequired: true, provinces: [] },
        {
          code: "CA",
          name: "Canada",
          zipRequired: true,
          provinces: [
            { code: "ON", name: "Ontario" },
            { code: "QC", name: "Quebec" },
          ],
        },
      ],
      requiresApproval: false,
      ...overrides.addressChange,
    },
    cancellation: {
      allowed: true,
      reasons: [],
      deadline: null,
      requiresApproval: true,
      customerReasons: [
        { code: "CHANGED_MIND", label: "I changed my mind" },
        { code: "WRONG_ADDRESS", label: "The shipping address is wrong" },
        { code: "OTHER", label: "Another reason" },
      ],
      ...overrides.cancellation,
    },
    requests: overrides.requests ?? [],
    ...(overrides.withdrawal && { withdrawal: overrides.withdrawal }),
  };
}

/** The options' withdrawal section for #1001 before shipping: two lamps, one exempt engraved vase. */
export function withdrawal(overrides: Partial<Withdrawal> = {}): Withdrawal {
  return {
    offered: true,
    allowed: true,
    reasons: [],
    stage: "NOT_SHIPPED",
    periodDays: 14,
    deliveredAt: null,
    periodEndsAt: null,
    items: [
      {
        lineItemId: "11",
        title: "Lampe Opaline",
        variantTitle: "Blanc",
        quantity: 2,
        withdrawableQuantity: 2,
        exempt: false,
        exemptReason: null,
      },
      {
        lineItemId: "12",
        title: "Vase gravé",
        variantTitle: null,
        quantity: 1,
        withdrawableQuantity: 0,
        exempt: true,
        exemptReason: "PERSONALISED",
      },
    ],
    customerName: "Camille Martin",
    contact: { email: "c•••@example.fr", phone: "+33•••••5678" },
    storefrontUrl: "https://demo-store.myshopify.com/apps/amend/withdrawal",
    ...overrides,
  };
}

/** The 201 answer to a withdrawal, as the customer API sends it. */
export function submittedWithdrawal(
  overrides: Partial<SubmittedWithdrawal["withdrawal"]> = {},
  requestOverrides: Partial<CustomerRequest> = {},
): SubmittedWithdrawal {
  return {
    request: request({
      id: "req_w1",
      kind: "WITHDRAWAL",
      kindLabel: "Withdrawal",
      status: "APPLYING",
      statusLabel: "Being applied",
      reason: null,
      reasonLabel: null,
      canWithdraw: false,
      deadline: null,
      ...requestOverrides,
    }),
    withdrawal: {
      submittedAt: "2026-12-05T00:12:03.120Z",
      statement: { name: "Camille Martin", orderName: "#1001", items: [], wholeOrder: true },
      acknowledgement: { email: "c•••@example.fr", sms: null },
      outcome: "CANCELLATION",
      reimbursementDueBy: "2026-12-19T00:12:03.120Z",
      ...overrides,
    },
  };
}

export const notAllowed = {
  addressChange: {
    allowed: false,
    reasons: [
      { code: "FULFILLMENT_STARTED", message: "The store has already arranged shipping for this order." },
      {
        code: "PAYMENT_CONFIRMED",
        message: "Your payment has been confirmed, so the address can no longer be changed.",
      },
    ],
  },
  cancellation: {
    allowed: false,
    reasons: [{ code: "FULFILLMENT_STARTED", message: "The store has already arranged shipping for this order." }],
  },
};

/** A request as presentRequest answers it (with its history, as in GET options). */
export function request(overrides: Partial<CustomerRequest> = {}): CustomerRequest {
  return {
    id: "req_1",
    kind: "CANCELLATION",
    kindLabel: "Cancellation",
    status: "PENDING",
    statusLabel: "Pending",
    orderId: "5001",
    orderName: "#1001",
    createdAt: "2026-11-25T09:00:00.000Z",
    updatedAt: "2026-11-25T09:00:00.000Z",
    reason: "CHANGED_MIND",
    reasonLabel: "I changed my mind",
    note: null,
    decisionNote: null,
    deadline: "2026-11-28T09:00:00.000Z",
    canWithdraw: true,
    canReply: false,
    events: [
      {
        actor: "CUSTOMER",
        from: null,
        to: "PENDING",
        toLabel: "Pending",
        message: null,
        at: "2026-11-25T09:00:00.000Z",
      },
    ],
    messages: [],
    ...overrides,
  };
}

/** What the API answers to a request that failed the rules. */
export const rulesFailed = (reasons: { code: string; message: string }[]) =>
  json(422, { error: { code: "RULES_FAILED", message: "This change isn't possible right now.", reasons } });

/** Text of every element matching the selector. */
export const texts = (selector: string) =>
  [...document.body.querySelectorAll(selector)].map((e) => e.textContent ?? "");
