/**
 * One customer's burst of reads is limited per customer (429 RATE_LIMITED + Retry-After) and never spends the
 * shop's Admin API budget for the others: no 503, and another customer's reads meanwhile all succeed.
 */
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { group, send } from "./support/recorder";
import { bearer, customerSessionToken } from "./support/signing";
import { refillBucket } from "./support/shopify";

group("budget", () => {
  it("100 parallel option reads by one customer → only 200 and 429 (RATE_LIMITED, Retry-After); another customer's reads meanwhile all 200", async () => {
    await refillBucket();
    const greedy = hostile().slots["budget-greedy"];
    const other = hostile().slots["budget-other"];
    const token = await customerSessionToken(hostile().app, greedy.customerId);
    const burst = Promise.all(
      Array.from({ length: 100 }, () => send(`/api/customer/orders/${greedy.id}/options`, { headers: bearer(token) })),
    );
    const others = [];
    for (let i = 0; i < 10; i++) {
      others.push(
        await send(`/api/customer/orders/${other.id}/options`, {
          headers: bearer(await customerSessionToken(hostile().app, other.customerId)),
        }),
      );
    }
    const answers = await burst;
    const counts: Record<number, number> = {};
    for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
    expect(
      answers.filter((a) => a.status !== 200 && a.status !== 429),
      JSON.stringify(counts),
    ).toHaveLength(0);
    expect(counts[200] ?? 0).toBeGreaterThan(0);
    for (const limited of answers.filter((a) => a.status === 429)) {
      expect(limited.json.error.code).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(others.map((a) => a.status)).toEqual(Array(10).fill(200));
  });
});
