/**
 * Idempotency-Key: the same key with the same order, kind and body replays the first answer; the same key with
 * another order, kind or body is 422 IDEMPOTENCY_KEY_REUSED and the second change is not made.
 */
import crypto from "node:crypto";
import { expect, it } from "vitest";
import { database, hostile } from "./support/context";
import { address, changeAddress, requestCancellation } from "./support/customer";
import { group, outcome } from "./support/recorder";
import { mutationsOn, shopifyOrder } from "./support/shopify";

const REUSED = { status: 422, code: "IDEMPOTENCY_KEY_REUSED" };

group("idempotency", () => {
  it("same key, same order and body → the same request, applied once in Shopify", async () => {
    const order = hostile().slots["idem-replay"];
    const key = crypto.randomUUID();
    const first = await changeAddress(order, { address: address(1) }, key);
    expect(first.status, first.text).toBe(200);
    const again = await changeAddress(order, { address: address(1) }, key);
    expect(again.status, again.text).toBe(200);
    expect(again.json.request.id).toBe(first.json.request.id);
    expect(await mutationsOn(order.id, "orderUpdate")).toHaveLength(1);
  });

  it("same key on another kind (a cancellation) of the same order → 422, no cancellation made", async () => {
    // an order of its own: the key is bound only by a change that was made (a refused one stores nothing)
    const order = hostile().slots["idem-kind"];
    const key = crypto.randomUUID();
    const first = await changeAddress(order, { address: address(2) }, key);
    expect(first.status, first.text).toBe(200);
    const answer = await requestCancellation(order, key);
    expect(outcome(answer), answer.text).toEqual(REUSED);
    const db = await database();
    expect(await db.changeRequest.count({ where: { orderId: order.id, kind: "CANCELLATION" } })).toBe(0);
  });

  it("same key on another order of the same customer → 422, that order untouched (database and Shopify)", async () => {
    const [a, b] = [hostile().slots["idem-order-a"], hostile().slots["idem-order-b"]];
    expect(a.customerId).toBe(b.customerId);
    const key = crypto.randomUUID();
    const before = (await shopifyOrder(b.id)).shippingAddress;
    const first = await changeAddress(a, { address: address(3) }, key);
    expect(first.status, first.text).toBe(200);
    const second = await changeAddress(b, { address: address(4) }, key);
    expect(outcome(second), second.text).toEqual(REUSED);
    expect(await (await database()).changeRequest.count({ where: { orderId: b.id } })).toBe(0);
    expect(await mutationsOn(b.id, "orderUpdate")).toHaveLength(0);
    expect((await shopifyOrder(b.id)).shippingAddress).toEqual(before);
  });

  it("same key, same order, another body → 422, the first address stays", async () => {
    const order = hostile().slots["idem-body"];
    const key = crypto.randomUUID();
    const first = await changeAddress(order, { address: address(5) }, key);
    expect(first.status, first.text).toBe(200);
    const second = await changeAddress(order, { address: address(6) }, key);
    expect(outcome(second), second.text).toEqual(REUSED);
    expect((await shopifyOrder(order.id)).shippingAddress.address1).toBe(address(5).address1);
    expect(await (await database()).changeRequest.count({ where: { orderId: order.id } })).toBe(1);
  });
});
