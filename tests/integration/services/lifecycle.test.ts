import "../../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import { ActorNotAllowedError, InvalidTransitionError } from "~/domain/state-machine";
import { StaleRequestError } from "~/models/change-request.server";
import { savePolicy } from "~/models/settings.server";
import type { NotificationEvent } from "~/notifications/events";
import { shopifyPort } from "~/services/context.server";
import { requestCancellation, withdrawRequest } from "~/services/customer-requests.server";
import { ServiceError } from "~/services/errors";
import { applyTransition } from "~/services/lifecycle.server";
import type { NotifyPort, ServiceDeps } from "~/services/ports";
import { approveRequest, rejectRequest } from "~/services/staff-decisions.server";
import { expireDueRequests, releaseLeftoverHolds, type SystemDeps } from "~/services/system-jobs.server";
import { createShopifyGateway } from "~/shopify";
import { startAdminHarness, TEST_SHOP } from "../shopify/harness";

// demo/store.json: order 5001 is eligible (unfulfilled, one OPEN fulfillment order), customer 7001's.
const ORDER = "5001";
const ORDER_GID = `gid://shopify/Order/${ORDER}`;
const CUSTOMER = { customerId: "7001", locale: "en" };
const NOW = new Date("2030-01-15T10:00:00Z");

let h: Awaited<ReturnType<typeof startAdminHarness>>;
let deps: ServiceDeps;
let system: SystemDeps;
let clock: Date;
let notified: NotificationEvent[];

const notify: NotifyPort = async (_tx, { event }) => void notified.push(event);

/**
 * What a decision answered: its request's status, or the error's status and code as every frame maps it
 * (anything else would be a 500, and is thrown).
 */
async function outcome(promise: Promise<{ status: string }>): Promise<string> {
  try {
    return (await promise).status;
  } catch (error) {
    if (error instanceof ServiceError) return `${error.status} ${error.code}`;
    if (error instanceof StaleRequestError) return "409 STALE_REQUEST";
    if (error instanceof InvalidTransitionError) return "409 INVALID_TRANSITION";
    throw error;
  }
}

const holdsOnOrder = () => h.order(ORDER_GID).fulfillmentOrders.nodes.flatMap((fo) => fo.fulfillmentHolds);
const releasesSent = () => h.applied("fulfillmentOrderReleaseHold").length;
const load = (id: string) => prisma.changeRequest.findUniqueOrThrow({ where: { id } });

async function pendingCancellation() {
  const request = await requestCancellation(deps, { ...CUSTOMER, orderId: ORDER, reason: "CHANGED_MIND" });
  expect([request.status, request.holdApplied, holdsOnOrder()]).toEqual(["PENDING", true, [expect.anything()]]);
  return request;
}

beforeAll(async () => {
  h = await startAdminHarness();
  // one attempt per call, no waiting: a fault is the service's to handle at once
  const gateway = createShopifyGateway({
    graphql: h.graphql,
    db: prisma,
    shop: TEST_SHOP,
    maxAttempts: 1,
    sleep: async () => {},
  });
  const shopify = shopifyPort(gateway);
  deps = { db: prisma, shop: TEST_SHOP, shopify, notify, clock: () => clock };
  system = { db: prisma, notify, clock: () => clock, shopifyFor: async () => shopify };
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.simulator.reset();
  await prisma.changeRequest.deleteMany();
  await prisma.shopSettings.deleteMany();
  clock = NOW;
  notified = [];
});

describe("decisions racing each other", () => {
  it("withdraw racing approve, orderCancel failing: one wins; if approve, the order keeps its hold and the request stays APPLYING", async () => {
    for (let round = 0; round < 4; round++) {
      h.simulator.reset();
      await prisma.changeRequest.deleteMany();
      const request = await pendingCancellation();
      h.simulator.faults.inject({ kind: "HTTP_503", times: -1, operation: "orderCancel" });
      // either one starts first
      const approve = () => outcome(approveRequest(deps, { requestId: request.id }));
      const withdraw = () => outcome(withdrawRequest(deps, { ...CUSTOMER, requestId: request.id }));
      const [approved, withdrawn] =
        round % 2 ? (await Promise.all([withdraw(), approve()])).reverse() : await Promise.all([approve(), withdraw()]);
      const after = await load(request.id);
      if (after.status === "APPLYING") {
        expect(approved).toBe("503 SHOPIFY_UNAVAILABLE");
        expect(withdrawn).toMatch(/^409 (STALE_REQUEST|INVALID_TRANSITION)$/);
        // the loser changed nothing: the warehouse still may not ship an order being cancelled
        expect(holdsOnOrder()).toHaveLength(1);
        expect(after.holdApplied).toBe(true);
        expect(releasesSent()).toBe(0);
      } else {
        expect([after.status, withdrawn]).toEqual(["WITHDRAWN", "WITHDRAWN"]);
        expect(approved).toMatch(/^409 (STALE_REQUEST|INVALID_TRANSITION)$/);
        expect(h.simulator.faults.fired).toEqual([]); // orderCancel never sent
        expect(holdsOnOrder()).toEqual([]);
        expect(h.order(ORDER_GID).cancelledAt).toBeNull();
      }
    }
  });

  it("withdraw racing reject: one wins, the other is a 409 (never a 500), the hold is released exactly once", async () => {
    for (let round = 0; round < 4; round++) {
      h.simulator.reset();
      await prisma.changeRequest.deleteMany();
      notified = [];
      const request = await pendingCancellation();
      const reject = () => outcome(rejectRequest(deps, { requestId: request.id, note: "Already packed" }));
      const withdraw = () => outcome(withdrawRequest(deps, { ...CUSTOMER, requestId: request.id }));
      const answers = await Promise.all(round % 2 ? [withdraw(), reject()] : [reject(), withdraw()]);
      const after = await load(request.id);
      expect(["REJECTED", "WITHDRAWN"]).toContain(after.status);
      expect(answers.filter((a) => a === after.status)).toHaveLength(1);
      expect(answers.filter((a) => /^409 (STALE_REQUEST|INVALID_TRANSITION)$/.test(a))).toHaveLength(1);
      expect([after.holdApplied, holdsOnOrder(), releasesSent()]).toEqual([false, [], 1]);
      // only the winner's transition notified
      expect(notified).toEqual(
        after.status === "REJECTED" ? ["CANCELLATION_REQUESTED", "CANCELLATION_REJECTED"] : ["CANCELLATION_REQUESTED"],
      );
      const thread = await prisma.requestMessage.count({ where: { requestId: request.id } });
      expect(thread).toBe(after.status === "REJECTED" ? 1 : 0);
    }
  });
});

it("approve after a withdrawal: 409, and nothing is sent to Shopify", async () => {
  const request = await pendingCancellation();
  expect(await outcome(withdrawRequest(deps, { ...CUSTOMER, requestId: request.id }))).toBe("WITHDRAWN");
  const calls = h.simulator.calls.length;
  expect(await outcome(approveRequest(deps, { requestId: request.id }))).toBe("409 INVALID_TRANSITION");
  expect(h.simulator.calls.length).toBe(calls);
  expect(h.order(ORDER_GID).cancelledAt).toBeNull();
});

describe("a hold release that fails after the decision", () => {
  const decisions = {
    reject: (id: string) => rejectRequest(deps, { requestId: id, note: "No" }),
    withdraw: (id: string) => withdrawRequest(deps, { ...CUSTOMER, requestId: id }),
    expire: async (id: string) => {
      clock = new Date(NOW.getTime() + 25 * 3600_000);
      expect(await expireDueRequests(system)).toEqual({ approved: 0, expired: 1, failed: [] });
      return load(id);
    },
  };

  it.each([
    ["reject", "REJECTED"],
    ["withdraw", "WITHDRAWN"],
    ["expire", "EXPIRED"],
  ] as const)(
    "%s: the request is %s at once, and the job releases the hold once Shopify answers",
    async (name, final) => {
      await savePolicy(prisma, TEST_SHOP, {
        ...DEFAULT_POLICY,
        cancellation: { ...DEFAULT_POLICY.cancellation, decisionDeadlineHours: 24 },
      });
      const request = await pendingCancellation();
      h.simulator.faults.inject({ kind: "HTTP_503", times: -1, operation: "fulfillmentOrderReleaseHold" });

      const decided = await decisions[name](request.id);
      expect([decided.status, decided.holdApplied]).toEqual([final, true]);
      expect(holdsOnOrder()).toHaveLength(1);
      // staff can see the release is owed
      const events = await prisma.requestEvent.findMany({ where: { requestId: request.id }, orderBy: { at: "asc" } });
      expect(events.at(-1)).toMatchObject({ fromStatus: final, toStatus: final, actor: "SYSTEM" });
      expect(events.at(-1)!.message).toMatch(/hold on the order could not be released yet/);

      // Shopify still failing: the job tries, the request stays owed
      expect(await releaseLeftoverHolds(system)).toEqual({ released: 0, pending: [request.id] });
      expect([(await load(request.id)).holdApplied, holdsOnOrder().length]).toEqual([true, 1]);

      h.simulator.faults.clear();
      expect(await releaseLeftoverHolds(system)).toEqual({ released: 1, pending: [] });
      const after = await load(request.id);
      expect([after.status, after.holdApplied, holdsOnOrder(), releasesSent()]).toEqual([final, false, [], 1]);
      // nothing left to do
      expect(await releaseLeftoverHolds(system)).toEqual({ released: 0, pending: [] });
    },
  );

  it("the job leaves a hold to the decision that is releasing it right now (its lease)", async () => {
    const request = await pendingCancellation();
    // a decision that committed and is about to release: its lease is on the request
    await prisma.changeRequest.update({
      where: { id: request.id },
      data: { status: "REJECTED", openKey: null, jobLeaseUntil: new Date(NOW.getTime() + 30_000) },
    });
    expect(await releaseLeftoverHolds(system)).toEqual({ released: 0, pending: [] });
    clock = new Date(NOW.getTime() + 60_000); // that process stopped: its lease ran out
    expect(await releaseLeftoverHolds(system)).toEqual({ released: 1, pending: [] });
    expect(holdsOnOrder()).toEqual([]);
  });
});

describe("actors", () => {
  it("a transition by an actor the table does not allow is refused and changes nothing", async () => {
    const request = await pendingCancellation();
    await expect(
      applyTransition(deps, { requestId: request.id, action: "reject", actor: "SYSTEM", message: "x" }),
    ).rejects.toThrow(new ActorNotAllowedError("reject", "SYSTEM"));
    await expect(
      applyTransition(deps, { requestId: request.id, action: "approve", actor: "CUSTOMER" }),
    ).rejects.toThrow("CUSTOMER may not approve a request (only STAFF, SYSTEM may)");
    await expect(applyTransition(deps, { requestId: request.id, action: "withdraw", actor: "STAFF" })).rejects.toThrow(
      ActorNotAllowedError,
    );
    const after = await load(request.id);
    expect([after.status, after.holdApplied, holdsOnOrder().length]).toEqual(["PENDING", true, 1]);
    expect(await prisma.requestEvent.count({ where: { requestId: request.id } })).toBe(1);
    expect(notified).toEqual(["CANCELLATION_REQUESTED"]);
  });
});
