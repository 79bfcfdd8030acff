import { GraphqlQueryError, HttpInternalError, HttpRequestError, HttpThrottlingError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { AdminApiError, ShopifyUnavailableError } from "./errors";
import { fakeGraphql, ok, type FakeAnswer } from "./__fixtures__/fake-admin";
import { createAdminClient, throttleWaitMs, type AdminCall } from "./graphql-client.server";

const QUERY = `#graphql
query AmendTest { shop { name } }`;
const MUTATION = `#graphql
mutation AmendTestMutation($id: ID!) { orderUpdate(input: { id: $id }) { userErrors { message } } }`;

function setup(answers: FakeAnswer[], options: { maxAttempts?: number } = {}) {
  const fake = fakeGraphql((_call, i) => answers[Math.min(i, answers.length - 1)]);
  const sleeps: number[] = [];
  const calls: AdminCall[] = [];
  const client = createAdminClient(fake.graphql, {
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    onCall: (c) => calls.push(c),
    ...options,
  });
  return { client, fake, sleeps, calls };
}

const throttledBody = (currentlyAvailable: number) => ({
  errors: [
    { message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/limits" } },
  ],
  extensions: {
    cost: {
      requestedQueryCost: 202,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 },
    },
  },
});

/** What @shopify/shopify-api throws for a 200 answer with `errors` (body = the client's response object). */
function libraryGraphqlError(body: { errors: unknown[]; extensions?: unknown }) {
  const response = new Response(JSON.stringify(body), { status: 200 });
  return new GraphqlQueryError({
    message: String((body.errors[0] as { message: string }).message),
    response: response as unknown as Record<string, unknown>,
    headers: {},
    body: {
      extensions: body.extensions,
      errors: { networkStatusCode: 200, message: "An error occurred", graphQLErrors: body.errors, response },
    } as unknown as Record<string, unknown>,
  });
}

describe("createAdminClient", () => {
  it("GIVEN a 200 answer WHEN requested THEN returns data and records the call with its query cost", async () => {
    const { client, calls } = setup([ok({ shop: { name: "Amend Demo" } }, 3)]);
    await expect(client.request(QUERY)).resolves.toEqual({ shop: { name: "Amend Demo" } });
    expect(calls).toEqual([
      expect.objectContaining({ operation: "AmendTest", attempt: 1, outcome: "ok", requestedQueryCost: 3 }),
    ]);
  });

  it("GIVEN THROTTLED returned in `errors` WHEN requested THEN waits (requested − available) / restoreRate and retries", async () => {
    const { client, sleeps, calls } = setup([{ body: throttledBody(2) }, ok({ shop: { name: "x" } })]);
    await client.request(QUERY);
    expect(sleeps).toEqual([2000]); // (202 − 2) / 100 s
    expect(calls.map((c) => c.outcome)).toEqual(["throttled", "ok"]);
  });

  it("GIVEN the library throws GraphqlQueryError for THROTTLED WHEN requested THEN it waits per the cost and retries", async () => {
    const { client, sleeps } = setup([
      { throws: libraryGraphqlError(throttledBody(152)) },
      ok({ shop: { name: "x" } }),
    ]);
    await expect(client.request(QUERY)).resolves.toEqual({ shop: { name: "x" } });
    expect(sleeps).toEqual([500]);
  });

  it("GIVEN the bucket is already refilled WHEN throttled THEN it still waits the minimum", () => {
    expect(
      throttleWaitMs(
        {
          requestedQueryCost: 10,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1000, restoreRate: 100 },
        },
        250,
      ),
    ).toBe(250);
    expect(throttleWaitMs(null, 250)).toBe(1000);
  });

  it("GIVEN throttling that never ends WHEN requested THEN ShopifyUnavailableError after the bound", async () => {
    const { client, fake } = setup([{ body: throttledBody(0) }]);
    const error = await client.request(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUnavailableError);
    expect(fake.calls).toHaveLength(6);
  });

  it("GIVEN HTTP 500 twice WHEN a query is requested THEN retries with full-jitter exponential backoff", async () => {
    const { client, sleeps } = setup([
      { response: new Response("oops", { status: 500 }) },
      { response: new Response("oops", { status: 500 }) },
      ok({ shop: { name: "x" } }),
    ]);
    await client.request(QUERY);
    expect(sleeps).toEqual([125, 250]); // random 0.5 × 250 · 2^(n−1)
  });

  it("GIVEN HTTP 503 with Retry-After on every try WHEN requested THEN ShopifyUnavailableError carrying retryAfterSeconds after 4 tries", async () => {
    const { client, fake, sleeps } = setup([
      { response: new Response("", { status: 503, headers: { "Retry-After": "3" } }) },
    ]);
    const error = (await client.request(QUERY).catch((e: unknown) => e)) as ShopifyUnavailableError;
    expect(error).toBeInstanceOf(ShopifyUnavailableError);
    expect(error.retryAfterSeconds).toBe(3);
    expect(error.status).toBe(503);
    expect(error.mayHaveApplied).toBe(false);
    expect(fake.calls).toHaveLength(4);
    expect(sleeps).toEqual([3000, 3000, 3000]);
  });

  it("GIVEN the library throws HttpInternalError / HttpThrottlingError WHEN requested THEN both are retried", async () => {
    const internal = new HttpInternalError({
      message: "Shopify internal error",
      code: 502,
      statusText: "Bad Gateway",
      body: {},
      headers: {},
    });
    const throttling = new HttpThrottlingError({
      message: "throttling",
      code: 429,
      statusText: "Too Many Requests",
      body: {},
      headers: {},
      retryAfter: 2,
    });
    const { client, sleeps } = setup([{ throws: internal }, { throws: throttling }, ok({ shop: { name: "x" } })]);
    await expect(client.request(QUERY)).resolves.toEqual({ shop: { name: "x" } });
    expect(sleeps).toEqual([125, 2000]);
  });

  it("GIVEN authenticate.admin's thrown Response(503) WHEN requested THEN it is retried like a 503", async () => {
    const { client, fake } = setup([{ throws: new Response("{}", { status: 503 }) }, ok({ shop: { name: "x" } })]);
    await client.request(QUERY);
    expect(fake.calls).toHaveLength(2);
  });

  it("GIVEN a network error WHEN a query is requested THEN it is retried", async () => {
    const { client, fake } = setup([{ throws: new TypeError("fetch failed") }, ok({ shop: { name: "x" } })]);
    await client.request(QUERY);
    expect(fake.calls).toHaveLength(2);
  });

  it("GIVEN the connection drops WHEN a mutation is sent THEN it is NOT resent and the error says it may have applied", async () => {
    const dropped = new HttpRequestError("Http request error, no response available: GraphQL Client: fetch failed");
    const { client, fake } = setup([{ throws: dropped }, ok({})]);
    const error = (await client
      .request(MUTATION, { id: "gid://shopify/Order/1" })
      .catch((e: unknown) => e)) as ShopifyUnavailableError;
    expect(error).toBeInstanceOf(ShopifyUnavailableError);
    expect(error.mayHaveApplied).toBe(true);
    expect(fake.calls).toHaveLength(1);
  });

  it("GIVEN a 503 WHEN a mutation is sent THEN it is resent (Shopify did not take it)", async () => {
    const { client, fake } = setup([
      { response: new Response("", { status: 503 }) },
      ok({ orderUpdate: { userErrors: [] } }),
    ]);
    await client.request(MUTATION, { id: "gid://shopify/Order/1" });
    expect(fake.calls).toHaveLength(2);
  });

  it("GIVEN a mutation marked idempotent WHEN the connection drops THEN it is resent", async () => {
    const { client, fake } = setup([{ throws: new TypeError("fetch failed") }, ok({})]);
    await client.request(MUTATION, {}, { idempotent: true });
    expect(fake.calls).toHaveLength(2);
  });

  it("GIVEN a validation error WHEN requested THEN AdminApiError with Shopify's message, not retried", async () => {
    const { client, fake } = setup([
      {
        body: {
          errors: [{ message: "Field 'nope' doesn't exist on type 'Shop'", extensions: { code: "undefinedField" } }],
        },
      },
    ]);
    const error = (await client.request(QUERY).catch((e: unknown) => e)) as AdminApiError;
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error.message).toContain("Field 'nope' doesn't exist on type 'Shop'");
    expect(error.codes).toEqual(["undefinedField"]);
    expect(fake.calls).toHaveLength(1);
  });

  it("GIVEN the library throws GraphqlQueryError for ACCESS_DENIED WHEN requested THEN AdminApiError with the code", async () => {
    const denied = libraryGraphqlError({
      errors: [{ message: "Access denied for order field.", extensions: { code: "ACCESS_DENIED" } }],
    });
    const { client } = setup([{ throws: denied }]);
    const error = (await client.request(QUERY).catch((e: unknown) => e)) as AdminApiError;
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error.codes).toEqual(["ACCESS_DENIED"]);
    expect(error.message).toContain("Access denied for order field.");
  });

  it("GIVEN a 401 WHEN requested THEN AdminApiError (a retry cannot fix a bad token)", async () => {
    const { client, fake } = setup([
      { response: new Response(JSON.stringify({ errors: "[API] Invalid API key or access token" }), { status: 401 }) },
    ]);
    const error = (await client.request(QUERY).catch((e: unknown) => e)) as AdminApiError;
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error.status).toBe(401);
    expect(error.message).toContain("Invalid API key");
    expect(fake.calls).toHaveLength(1);
  });

  it("GIVEN a programming error (no session) WHEN requested THEN it is rethrown as is", async () => {
    const bug = new Error("Could not find a session for shop x");
    const { client } = setup([{ throws: bug }]);
    await expect(client.request(QUERY)).rejects.toBe(bug);
  });
});

describe("protected customer data Shopify withholds (ACCESS_DENIED on fields)", () => {
  const denied = (path: string[]) => ({
    message: `This app is not approved to use the ${path[path.length - 1]} field.`,
    path,
    extensions: { code: "ACCESS_DENIED" },
  });
  const partialBody = {
    data: { order: { id: "gid://shopify/Order/1", email: null, customer: { id: "gid://shopify/Customer/2" } } },
    errors: [denied(["order", "email"])],
  };

  it("returns the data and the denied fields when the caller accepts them", async () => {
    const { client } = setup([{ body: partialBody }]);
    const seen: string[] = [];
    const data = await client.request(QUERY, {}, { onAccessDenied: (d) => seen.push(...d.map((f) => f.path)) });
    expect(data).toEqual(partialBody.data);
    expect(seen).toEqual(["order.email"]);
  });

  it("is an AdminApiError for a caller that does not accept withheld fields", async () => {
    const { client } = setup([{ body: partialBody }]);
    await expect(client.request(QUERY)).rejects.toBeInstanceOf(AdminApiError);
  });

  it("is an AdminApiError when another error comes with it, or the root field itself is denied", async () => {
    const mixed = { ...partialBody, errors: [...partialBody.errors, { message: "boom", path: ["order", "name"] }] };
    const root = { data: { order: null }, errors: [denied(["order"])] };
    for (const body of [mixed, root]) {
      const { client } = setup([{ body }]);
      await expect(client.request(QUERY, {}, { onAccessDenied: () => {} })).rejects.toBeInstanceOf(AdminApiError);
    }
  });

  it("reads the partial data from the error the library throws for a 200 with errors", async () => {
    const thrown = libraryGraphqlError({ errors: partialBody.errors });
    (thrown.body as Record<string, unknown>).data = partialBody.data;
    const { client } = setup([{ throws: thrown }]);
    const seen: string[] = [];
    const data = await client.request(QUERY, {}, { onAccessDenied: (d) => seen.push(...d.map((f) => f.path)) });
    expect(data).toEqual(partialBody.data);
    expect(seen).toEqual(["order.email"]);
  });
});
