import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAddressChangeOptions, type EvaluationContext, type RequestSummary } from "./rules";
import {
  allowedActions,
  canTransition,
  deadlineAction,
  FINAL_STATUSES,
  initialStatus,
  InvalidTransitionError,
  isFinal,
  isOpen,
  OPEN_STATUSES,
  REQUEST_ACTIONS,
  RequestRefusedError,
  transition,
  type RequestAction,
} from "./state-machine";
import { NOW, orderFacts, policy } from "./test-fixtures";
import { REQUEST_STATUSES, type RequestStatus } from "./types";

/** The lifecycle of docs/lifecycle.md, written out independently of the implementation's table. */
const SPEC: [RequestStatus, RequestAction, RequestStatus][] = [
  ["PENDING", "approve", "APPLYING"],
  ["PENDING", "reject", "REJECTED"],
  ["NEEDS_INFO", "reject", "REJECTED"],
  ["FAILED", "reject", "REJECTED"],
  ["PENDING", "requestInfo", "NEEDS_INFO"],
  ["NEEDS_INFO", "customerReply", "PENDING"],
  ["PENDING", "withdraw", "WITHDRAWN"],
  ["NEEDS_INFO", "withdraw", "WITHDRAWN"],
  ["PENDING", "expire", "EXPIRED"],
  ["NEEDS_INFO", "expire", "EXPIRED"],
  ["APPLYING", "applied", "APPLIED"],
  ["APPLYING", "failed", "FAILED"],
  ["APPLYING", "serviceRefused", "FAILED"],
  ["FAILED", "retry", "APPLYING"],
  ["PENDING", "supersede", "SUPERSEDED"],
  ["NEEDS_INFO", "supersede", "SUPERSEDED"],
  ["FAILED", "supersede", "SUPERSEDED"],
];
const specTarget = (from: RequestStatus, action: RequestAction) =>
  SPEC.find(([f, a]) => f === from && a === action)?.[2] ?? null;

describe("transition table", () => {
  it.each(REQUEST_STATUSES.map((status) => ({ status })))(
    "from $status: exactly the diagram's actions",
    ({ status }) => {
      for (const action of REQUEST_ACTIONS) {
        const expected = specTarget(status, action);
        if (expected) expect(transition(status, action)).toBe(expected);
        else expect(() => transition(status, action)).toThrow(InvalidTransitionError);
        expect(canTransition(status, action)).toBe(expected !== null);
      }
      expect(allowedActions(status)).toEqual(REQUEST_ACTIONS.filter((action) => specTarget(status, action)));
    },
  );

  it("an invalid transition names from, action and to", () => {
    expect(() => transition("APPLIED", "withdraw")).toThrow(
      "Cannot withdraw a request that is APPLIED: APPLIED → WITHDRAWN is not an allowed transition (withdraw applies only to PENDING, NEEDS_INFO)",
    );
    try {
      transition("REJECTED", "approve");
    } catch (error) {
      expect(error).toMatchObject({
        name: "InvalidTransitionError",
        from: "REJECTED",
        action: "approve",
        to: "APPLYING",
      });
    }
  });

  it("a withdrawal is never decided: only applied, failed and retried; every other action refuses it", () => {
    const WITHDRAWAL_SPEC = SPEC.filter(([, action]) => ["applied", "failed", "retry"].includes(action));
    for (const status of REQUEST_STATUSES) {
      for (const action of REQUEST_ACTIONS) {
        const expected = WITHDRAWAL_SPEC.find(([f, a]) => f === status && a === action)?.[2] ?? null;
        expect(canTransition(status, action, "WITHDRAWAL")).toBe(expected !== null);
        if (expected) expect(transition(status, action, "WITHDRAWAL")).toBe(expected);
        else expect(() => transition(status, action, "WITHDRAWAL")).toThrow(InvalidTransitionError);
      }
    }
    expect(allowedActions("FAILED", "WITHDRAWAL")).toEqual(["retry"]);
    expect(allowedActions("FAILED", "CANCELLATION")).toEqual(["reject", "retry", "supersede"]);
    expect(() => transition("FAILED", "reject", "WITHDRAWAL")).toThrow(
      "Cannot reject a WITHDRAWAL request (reject applies only to ADDRESS_CHANGE, CANCELLATION requests)",
    );
  });

  it("a withdrawal is registered at once, whatever the store's approval settings", () => {
    const strict = {
      ...policy(),
      cancellation: { ...policy().cancellation, requireApproval: true },
    };
    expect(initialStatus("WITHDRAWAL", strict, { allowed: true, reasons: [], approvalRequired: true })).toBe(
      "APPLYING",
    );
  });

  it("an APPLYING request cannot be superseded: Shopify's answer must be recorded first", () => {
    expect(canTransition("APPLYING", "supersede")).toBe(false);
  });

  it("open and final statuses partition the statuses", () => {
    expect([...OPEN_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...REQUEST_STATUSES].sort());
    for (const status of REQUEST_STATUSES) expect(isOpen(status)).toBe(!isFinal(status));
  });
});

describe("initialStatus", () => {
  const allowed = { allowed: true, reasons: [] };
  it.each([
    { kind: "ADDRESS_CHANGE" as const, requireApproval: false, expected: "APPLYING" },
    { kind: "ADDRESS_CHANGE" as const, requireApproval: true, expected: "PENDING" },
    { kind: "CANCELLATION" as const, requireApproval: true, expected: "PENDING" },
    { kind: "CANCELLATION" as const, requireApproval: false, expected: "APPLYING" },
  ])("$kind with approval=$requireApproval starts $expected", ({ kind, requireApproval, expected }) => {
    const p = policy({ addressChange: { requireApproval }, cancellation: { requireApproval } });
    expect(initialStatus(kind, p, allowed)).toBe(expected);
  });

  it("a refused decision creates no request", () => {
    expect(() =>
      initialStatus("ADDRESS_CHANGE", policy(), { allowed: false, reasons: [{ code: "PAYMENT_CONFIRMED" }] }),
    ).toThrow(RequestRefusedError);
  });
});

describe("deadlineAction", () => {
  it.each([
    { status: "PENDING" as const, setting: "APPROVE" as const, expected: "approve" },
    { status: "PENDING" as const, setting: "REJECT" as const, expected: "expire" },
    { status: "NEEDS_INFO" as const, setting: "APPROVE" as const, expected: "expire" },
    { status: "NEEDS_INFO" as const, setting: "REJECT" as const, expected: "expire" },
    { status: "APPLYING" as const, setting: "APPROVE" as const, expected: null },
    { status: "FAILED" as const, setting: "REJECT" as const, expected: null },
  ])("$status with deadline action $setting → $expected", ({ status, setting, expected }) => {
    const action = deadlineAction(status, policy({ cancellation: { deadlineAction: setting } }));
    expect(action).toBe(expected);
    if (action) expect(() => transition(status, action)).not.toThrow();
  });
});

describe("properties of the lifecycle", () => {
  const action = fc.constantFrom(...REQUEST_ACTIONS);
  const start = fc.constantFrom<RequestStatus>("PENDING", "APPLYING");

  it("no sequence of actions from a start state reaches a forbidden state", () => {
    fc.assert(
      fc.property(start, fc.array(action, { maxLength: 40 }), (initial, actions) => {
        let status = initial;
        let applyingBegan = status === "APPLYING";
        for (const next of actions) {
          const before = status;
          let after: RequestStatus;
          try {
            after = transition(before, next);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidTransitionError);
            expect(specTarget(before, next)).toBeNull();
            continue;
          }
          expect(after).toBe(specTarget(before, next));
          expect(isFinal(before)).toBe(false);
          if (after === "APPLIED") expect(before).toBe("APPLYING");
          // once Shopify was asked, the request never goes back to waiting, nor can it be withdrawn
          if (applyingBegan) expect(["APPLYING", "APPLIED", "FAILED", "REJECTED", "SUPERSEDED"]).toContain(after);
          applyingBegan ||= after === "APPLYING";
          status = after;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("final states have no outgoing action", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_STATUSES), action, (status, next) => {
        expect(allowedActions(status)).toEqual([]);
        expect(() => transition(status, next)).toThrow(InvalidTransitionError);
      }),
    );
  });

  it("every open state has a way out to a final state", () => {
    for (const status of OPEN_STATUSES) {
      const seen = new Set<RequestStatus>([status]);
      const queue: RequestStatus[] = [status];
      for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
        for (const next of allowedActions(current)) {
          const to = transition(current, next);
          if (seen.has(to)) continue;
          seen.add(to);
          queue.push(to);
        }
      }
      expect([...seen].some(isFinal)).toBe(true);
    }
  });
});

/**
 * Model: one order, many address-change submissions racing each other. A submission is evaluated
 * on a possibly stale view of the order (`lag` steps old), as two browser tabs would. When Shopify
 * confirms an apply, the service writes the request's appliedKey — unique per order; the domain
 * rule ADDRESS_ALREADY_CHANGED is that constraint, so the apply is re-checked against it and a
 * loser becomes FAILED. Whatever the interleaving, at most one address change is ever APPLIED.
 */
describe("at most one address change is applied per order", () => {
  type Command =
    | { type: "submit"; lag: number }
    | { type: Exclude<RequestAction, "applied">; index: number }
    | { type: "shopifyConfirms"; index: number };

  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ type: fc.constant("submit" as const), lag: fc.nat({ max: 6 }) }),
    fc.record({
      // every action but "applied", which only Shopify's confirmation takes
      type: fc.constantFrom(...REQUEST_ACTIONS.filter((a): a is Exclude<RequestAction, "applied"> => a !== "applied")),
      index: fc.nat({ max: 7 }),
    }),
    fc.record({ type: fc.constant("shopifyConfirms" as const), index: fc.nat({ max: 7 }) }),
  );

  interface View {
    openRequests: RequestSummary[];
    addressAlreadyChanged: boolean;
  }

  function run(requireApproval: boolean, commands: Command[]) {
    const p = policy({ addressChange: { requireApproval } });
    const base: Omit<EvaluationContext, keyof View> = { facts: orderFacts(), policy: p, now: NOW };
    const requests: RequestStatus[] = [];
    const view = (exclude = -1): View => ({
      openRequests: requests.flatMap((status, i) =>
        i === exclude ? [] : [{ kind: "ADDRESS_CHANGE" as const, status }],
      ),
      addressAlreadyChanged: requests.includes("APPLIED"),
    });
    const history: View[] = [view()];
    let refusedApplies = 0;

    for (const cmd of commands) {
      if (cmd.type === "submit") {
        const stale = history[Math.max(0, history.length - 1 - cmd.lag)];
        const decision = evaluateAddressChangeOptions({ ...base, ...stale });
        if (decision.allowed) requests.push(initialStatus("ADDRESS_CHANGE", p, decision));
      } else if (requests.length > 0) {
        const index = cmd.index % requests.length;
        const status = requests[index];
        if (cmd.type === "shopifyConfirms") {
          if (canTransition(status, "applied")) {
            const recheck = evaluateAddressChangeOptions({ ...base, ...view(index) });
            const taken = recheck.reasons.some((reason) => reason.code === "ADDRESS_ALREADY_CHANGED");
            if (taken) refusedApplies++;
            requests[index] = transition(status, taken ? "failed" : "applied");
          }
        } else if (canTransition(status, cmd.type)) {
          requests[index] = transition(status, cmd.type);
        }
      }
      expect(requests.filter((status) => status === "APPLIED").length).toBeLessThanOrEqual(1);
      history.push(view());
    }
    return { requests, refusedApplies };
  }

  it("across random interleavings of submissions, approvals, failures and retries", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { maxLength: 60 }), (requireApproval, commands) => {
        run(requireApproval, commands);
      }),
      { numRuns: 1500 },
    );
  });

  it("two racing submissions: both are created, only the first confirmed apply wins", () => {
    const { requests, refusedApplies } = run(false, [
      { type: "submit", lag: 0 },
      { type: "submit", lag: 1 }, // evaluated before the first was recorded
      { type: "shopifyConfirms", index: 0 },
      { type: "shopifyConfirms", index: 1 },
      { type: "retry", index: 1 },
      { type: "shopifyConfirms", index: 1 },
      { type: "submit", lag: 0 }, // a third attempt is refused outright
    ]);
    expect(requests).toEqual(["APPLIED", "FAILED"]);
    expect(refusedApplies).toBe(2);
  });
});
