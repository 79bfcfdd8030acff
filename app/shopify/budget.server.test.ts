import { describe, expect, it } from "vitest";
import { ShopBudget } from "./budget.server";
import { fakeGraphql } from "./__fixtures__/fake-admin";
import { ShopifyUnavailableError } from "./errors";
import { createAdminClient } from "./graphql-client.server";

const QUERY = `#graphql
query AmendTest { shop { name } }`;
const MUTATION = `#graphql
mutation AmendTestMutation($id: ID!) { orderUpdate(input: { id: $id }) { userErrors { message } } }`;

const answer = (currentlyAvailable: number) => ({
  body: {
    data: { shop: { name: "x" } },
    extensions: {
      cost: {
        requestedQueryCost: 130,
        actualQueryCost: 25,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 },
      },
    },
  },
});

describe("ShopBudget", () => {
  it("GIVEN nothing observed THEN the budget is unknown and never low", () => {
    const budget = new ShopBudget(() => 0);
    expect(budget.available()).toBeNull();
    expect(budget.isLowFor(130)).toBe(false);
    expect(budget.waitMsFor(130)).toBe(0);
  });

  it("GIVEN Shopify's throttleStatus THEN the budget refills at the restore rate, up to the bucket, and is low below the mutations' reserve", () => {
    let now = 0;
    const budget = new ShopBudget(() => now);
    budget.observe({ maximumAvailable: 2000, currentlyAvailable: 300, restoreRate: 100 });
    // reserve: a quarter of the bucket (500): 300 - 130 < 500
    expect(budget.isLowFor(130)).toBe(true);
    expect(budget.waitMsFor(130)).toBe(3300);
    now = 3300;
    expect(budget.available()).toBe(630);
    expect(budget.isLowFor(130)).toBe(false);
    now = 60_000;
    expect(budget.available()).toBe(2000);
    budget.spend(1700);
    expect(budget.available()).toBe(300);
  });
});

describe("createAdminClient with a budget", () => {
  it("GIVEN a low budget THEN a deferrable read waits for the bucket (bounded) and is not sent while it stays low; a mutation and a decision's read go at once", async () => {
    const fake = fakeGraphql(() => answer(100));
    const sleeps: number[] = [];
    const budget = new ShopBudget(() => 0);
    const client = createAdminClient(fake.graphql, { sleep: async (ms) => void sleeps.push(ms), budget });
    await client.request(QUERY, {}, { defer: { cost: 130, maxWaitMs: 3000 } });
    // the first answer taught the budget: 100 left of 2000
    expect(budget.available()).toBe(100);
    expect(sleeps).toEqual([]);
    await client.request(MUTATION, { id: "gid://shopify/Order/1" });
    expect(sleeps).toEqual([]);
    const calls = fake.calls.length;
    // the fake clock does not move: the read waits its bound, then is not sent
    await expect(client.request(QUERY, {}, { defer: { cost: 130, maxWaitMs: 3000 } })).rejects.toBeInstanceOf(
      ShopifyUnavailableError,
    );
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(fake.calls).toHaveLength(calls);
    const waited = sleeps.length;
    await client.request(QUERY);
    expect(sleeps).toHaveLength(waited);
    expect(fake.calls).toHaveLength(calls + 1);
  });
});
