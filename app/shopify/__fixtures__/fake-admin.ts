import type { LedgerDb } from "../ledger.server";
import type { AdminGraphql } from "../graphql-client.server";
import { operationNameOf } from "../graphql-client.server";

/** A scripted answer: a GraphQL body (sent as 200 JSON), a Response, or an error to throw. */
export type FakeAnswer = { body: unknown } | { response: Response } | { throws: unknown };

export interface FakeCall {
  operation: string;
  variables: Record<string, unknown>;
}

/** A stand-in for `admin.graphql`: answers each operation from `handler`, records every call. */
export function fakeGraphql(handler: (call: FakeCall, index: number) => FakeAnswer | Promise<FakeAnswer>) {
  const calls: FakeCall[] = [];
  const graphql: AdminGraphql = async (query, options) => {
    const call = { operation: operationNameOf(query), variables: options?.variables ?? {} };
    calls.push(call);
    const answer = await handler(call, calls.length - 1);
    if ("throws" in answer) throw answer.throws;
    if ("response" in answer) return answer.response;
    return new Response(JSON.stringify(answer.body), { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { graphql, calls };
}

export const ok = (data: unknown, requestedQueryCost = 10): FakeAnswer => ({
  body: {
    data,
    extensions: {
      cost: {
        requestedQueryCost,
        actualQueryCost: requestedQueryCost,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 },
      },
    },
  },
});

/** An in-memory ShopifyMutation table with the calls runOnce makes. */
export function memoryLedger() {
  const rows = new Map<string, Record<string, unknown>>();
  const delegate = {
    findUnique: async ({ where }: { where: { key: string } }) =>
      rows.has(where.key) ? { ...rows.get(where.key) } : null,
    create: async ({ data }: { data: Record<string, unknown> }) => {
      if (rows.has(data.key as string)) throw new Error("unique constraint");
      const row = { sends: 0, result: null, lastError: null, ...data };
      rows.set(data.key as string, row);
      return row;
    },
    updateMany: async ({ where, data }: { where: { key: string; status: string }; data: Record<string, unknown> }) => {
      const row = rows.get(where.key);
      const lease = row?.inFlightUntil as Date | null | undefined;
      if (!row || row.status !== where.status || (lease && lease.getTime() >= Date.now())) return { count: 0 };
      Object.assign(row, data);
      return { count: 1 };
    },
    update: async ({ where, data }: { where: { key: string }; data: Record<string, unknown> }) => {
      const row = rows.get(where.key);
      if (!row) throw new Error(`no row ${where.key}`);
      for (const [k, v] of Object.entries(data)) {
        row[k] =
          v && typeof v === "object" && "increment" in v
            ? (row[k] as number) + (v as { increment: number }).increment
            : v;
      }
      return row;
    },
  };
  return { db: { shopifyMutation: delegate } as unknown as LedgerDb, rows };
}
