/**
 * Races: 30 parallel address changes on one order apply exactly one; a withdraw racing an approval whose
 * orderCancel fails leaves the fulfillment hold in place while the request is not final; a withdraw racing a
 * rejection gives one winner and one 409 — the loser changes nothing, never a 500.
 */
import crypto from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { database, hostile } from "./support/context";
import { address, changeAddress, decide, eventually, requestCancellation, withdraw } from "./support/customer";
import { group } from "./support/recorder";
import { amendHolds, clearFaults, injectFault, mutationsOn, refillBucket, shopifyOrder } from "./support/shopify";
import type { Slot } from "./support/store";

const FINAL = ["WITHDRAWN", "REJECTED", "APPLIED", "CANCELLED", "FAILED", "SUPERSEDED"];
const LOST = ["STALE_REQUEST", "INVALID_TRANSITION"];

/** A pending cancellation on the slot's order, with Amend's hold on it in Shopify. */
async function pendingCancellation(slot: Slot) {
  const order = hostile().slots[slot];
  const created = await requestCancellation(order, crypto.randomUUID());
  expect(created.status, created.text).toBe(201);
  expect(created.json.request.status).toBe("PENDING");
  await eventually(async () => (await amendHolds(order.id)).length > 0);
  return { order, requestId: created.json.request.id as string };
}

async function statusOf(requestId: string): Promise<string> {
  const row = await (await database()).changeRequest.findUniqueOrThrow({ where: { id: requestId } });
  return row.status;
}

group("races", () => {
  afterAll(clearFaults);

  it("30 parallel address changes on one order → exactly one applied (database and Shopify), the rest 4xx", async () => {
    await refillBucket();
    const order = hostile().slots["race-address"];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => changeAddress(order, { address: address(100 + i) }, crypto.randomUUID())),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s === 200),
      JSON.stringify(statuses),
    ).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect([409, 422, 429], a.text).toContain(a.status);
    }
    const applied = await (
      await database()
    ).changeRequest.count({
      where: { orderId: order.id, kind: "ADDRESS_CHANGE", status: "APPLIED" },
    });
    expect(applied).toBe(1);
    expect(await mutationsOn(order.id, "orderUpdate")).toHaveLength(1);
    const winner = answers.find((a) => a.status === 200)!.json.request;
    expect((await shopifyOrder(order.id)).shippingAddress.address1).toBe(winner.address.address1);
  });

  for (const slot of ["race-withdraw-approve-1", "race-withdraw-approve-2", "race-withdraw-approve-3"] as const) {
    it(`withdraw vs approve with orderCancel failing (${slot}) → the loser changes nothing; the hold stays while the request is not final`, async () => {
      await refillBucket();
      const { order, requestId } = await pendingCancellation(slot);
      await injectFault({ kind: "LATENCY", ms: 300, operation: "orderCancel", times: -1 });
      await injectFault({ kind: "HTTP_503", operation: "orderCancel", times: -1 });
      try {
        const [withdrawn, approved] = await Promise.all([withdraw(order, requestId), decide(requestId, "approve")]);
        expect([200, 409], withdrawn.text).toContain(withdrawn.status);
        expect([200, 409, 503], approved.text).toContain(approved.status);
        if (withdrawn.status === 409) expect(LOST).toContain(withdrawn.json.error.code);
        if (approved.status === 409) expect(LOST).toContain(approved.json.error.code);
        // not both winners
        expect(withdrawn.status === 200 && approved.status === 200).toBe(false);
        const status = await statusOf(requestId);
        if (withdrawn.status === 200) expect(status).toBe("WITHDRAWN");
        if (!FINAL.includes(status)) {
          // approval claimed the request and Shopify failed: the order must stay held, or the warehouse ships it
          expect(await amendHolds(order.id), `request ${status}, withdraw ${withdrawn.status}`).not.toHaveLength(0);
        }
        expect((await shopifyOrder(order.id)).cancelledAt ?? null).toBeNull();
      } finally {
        await clearFaults();
      }
    });
  }

  for (const slot of ["race-withdraw-reject-1", "race-withdraw-reject-2", "race-withdraw-reject-3"] as const) {
    it(`withdraw vs reject (${slot}) → one 200 and one 409, the request ends as the winner said`, async () => {
      await refillBucket();
      const { order, requestId } = await pendingCancellation(slot);
      const [withdrawn, rejected] = await Promise.all([withdraw(order, requestId), decide(requestId, "reject", "no")]);
      const statuses = [withdrawn.status, rejected.status].sort();
      expect(statuses, `${withdrawn.text} / ${rejected.text}`).toEqual([200, 409]);
      const loser = withdrawn.status === 409 ? withdrawn : rejected;
      expect(LOST).toContain(loser.json.error.code);
      expect(await statusOf(requestId)).toBe(withdrawn.status === 200 ? "WITHDRAWN" : "REJECTED");
      // either way the request is closed, so Amend's hold is released
      await eventually(async () => (await amendHolds(order.id)).length === 0);
    });
  }
});
