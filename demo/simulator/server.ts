/**
 * The Admin API simulator's HTTP server: `POST /admin/api/<version>/graphql.json` answered the way
 * Shopify answers it — parse, validate against the real schema, cost and throttle, execute over the
 * in-memory store — plus a control API (`/_sim/*`, `/demo/state`) for the demo and for tests running in
 * another process. See README.md in this folder.
 */
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { type AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import {
  type GraphQLError,
  Kind,
  NoDeprecatedCustomRule,
  execute,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
} from "graphql";
import {
  LeakyBucket,
  PLAN_BUCKETS,
  operationCost,
  rootFieldNames,
  type BucketOptions,
  type ThrottleStatus,
} from "./cost";
import { FAULT_KINDS, Faults, type ChaosOptions, type FaultKind, type FaultSpec, type RequestInfo } from "./faults";
import { answerCancellationRequests, type ServiceAnswer } from "./mutations";
import { fieldResolver, settleJobs, typeResolver, type SimApp, type SimContext } from "./resolvers";
import { loadAdminSchema, protectedFields } from "./schema";
import { PLANS, Store, readStoreFile, type Plan, type Rec } from "./store";
import { deliverWebhook, restOrder, type WebhookDelivery, type WebhookTarget } from "./webhooks";

const checkedDocuments = new Map<
  string,
  { document: DocumentNode; errors: readonly GraphQLError[]; deprecations: string[] }
>();

export const DEFAULT_STORE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../store.json");
/** Shopify's cap on the requested cost of one query. */
export const SINGLE_QUERY_MAX_COST = 1000;
const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
const DEPRECATION_DOCS = "https://shopify.dev/api/usage/versioning#deprecation-practices";

export interface SimulatorOptions {
  /** A store file (docs/store-file.md); default `DEMO_STORE` or demo/store.json. */
  storeFile?: string;
  /** The store content itself (takes precedence over storeFile). */
  store?: object;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  apiVersion?: string;
  /** When set, only this X-Shopify-Access-Token is accepted; otherwise any non-empty one. */
  accessToken?: string;
  /** Leaky bucket; default the store file's `shop.plan` (Standard: 2000 points, 100/s). */
  bucket?: Partial<BucketOptions>;
  /** Every GraphQL call waits this long before it is answered (Shopify's round trip); default the store file's. */
  latencyMs?: number;
  /** The fulfillment service answers each cancellation request before the next call ("accept"/"reject"); default: waits for the control API. */
  cancellationRequestAnswer?: ServiceAnswer | null;
  /** `job(id)` answers done: false this many times before done: true (default 1). */
  jobPollsBeforeDone?: number;
  /** A job also finishes on its own after this long (default 10 s), polled or not. */
  jobMaxMs?: number;
  /** Every orderUpdate keeps fulfillment order destinations unchanged (Shopify keeping the old address). */
  staleFulfillmentOrderDestination?: boolean;
  /** Chaos mode from the start (see faults.ts): a fraction of calls fail at random, seeded; optional tighter bucket. */
  chaos?: ChaosOptions;
  /** The app the token belongs to (shows as FulfillmentHold.heldByApp). */
  app?: Partial<SimApp>;
  /** Where webhooks go (the app's origin and API secret); none delivered without it. Also `POST /_sim/config`. */
  webhooks?: WebhookTarget | null;
  now?: () => Date;
}

export type CallOutcome =
  "ok" | "userErrors" | "errors" | "parse_failed" | "validation_failed" | "throttled" | "max_cost_exceeded" | FaultKind;

export interface CallRecord {
  at: string;
  operationName: string | null;
  operation: "query" | "mutation" | "subscription" | null;
  rootFields: string[];
  variables: Record<string, unknown>;
  /** requestedQueryCost */
  cost: number;
  actualCost: number | null;
  outcome: CallOutcome;
  /** Deprecated fields or arguments the operation uses (Shopify flags them in a response header). */
  deprecations: string[];
  query: string;
}

export interface Simulator {
  /** http://127.0.0.1:PORT — point the Admin API client's origin here. */
  url: string;
  /** The GraphQL endpoint: `${url}/admin/api/${apiVersion}/graphql.json`. */
  graphqlUrl: string;
  port: number;
  apiVersion: string;
  store: Store;
  faults: Faults;
  bucket: LeakyBucket;
  /** Every GraphQL request received, in order (cleared by reset()). */
  calls: CallRecord[];
  options: Required<
    Pick<SimulatorOptions, "jobPollsBeforeDone" | "jobMaxMs" | "staleFulfillmentOrderDestination" | "latencyMs">
  > & { cancellationRequestAnswer: ServiceAnswer | null };
  /** Store back to its file, faults cleared, calls forgotten, bucket full. */
  reset(): void;
  /** Chaos mode on (p > 0) or off (p = 0), with its bucket when given. */
  chaos(options: ChaosOptions): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const apiVersion = options.apiVersion ?? "2026-10";
  const schema = loadAdminSchema(apiVersion);
  const protectedFieldMap = protectedFields(apiVersion);
  const now = options.now ?? (() => new Date());
  const store = options.store
    ? new Store(options.store, { source: "(inline store)", now })
    : Store.fromFile(options.storeFile ?? process.env.DEMO_STORE ?? DEFAULT_STORE_FILE, { now });
  const faults = new Faults();
  // The bucket follows the shop's plan unless a size was given (option, chaos or POST /_sim/bucket).
  let bucketGiven = Boolean(options.bucket);
  const planBucket = (): BucketOptions => ({ ...PLAN_BUCKETS[store.plan], ...options.bucket });
  const bucket = new LeakyBucket(planBucket(), () => now().getTime());
  const calls: CallRecord[] = [];
  const chaos = (c: ChaosOptions) => {
    faults.chaos(c);
    if (c.bucket) {
      bucket.configure(c.bucket);
      bucketGiven = true;
    }
  };
  if (options.chaos) chaos(options.chaos);
  const settings = {
    jobPollsBeforeDone: options.jobPollsBeforeDone ?? 1,
    jobMaxMs: options.jobMaxMs ?? 10_000,
    staleFulfillmentOrderDestination: options.staleFulfillmentOrderDestination ?? false,
    latencyMs: options.latencyMs ?? store.settings.latencyMs ?? 0,
    cancellationRequestAnswer: options.cancellationRequestAnswer ?? (null as ServiceAnswer | null),
    webhookUrl: options.webhooks?.url ?? (null as string | null),
    webhookSecret: options.webhooks?.secret ?? (null as string | null),
  };
  /** Every webhook delivered (`GET /_sim/webhooks`), cleared by reset. */
  const webhookDeliveries: WebhookDelivery[] = [];
  /** `orders/create` for new orders, after they are answered (Shopify delivers asynchronously). */
  const deliverOrdersCreate = (orders: Rec[]) => {
    const url = settings.webhookUrl;
    const secret = settings.webhookSecret;
    if (!url || !secret) return;
    for (const order of orders) {
      const payload = restOrder(order, store);
      void deliverWebhook(
        { url, secret },
        { shop: String(store.shop.myshopifyDomain), topic: "orders/create", apiVersion, payload },
      ).then((status) =>
        webhookDeliveries.push({ topic: "orders/create", id: String(payload.id), status, at: now().toISOString() }),
      );
    }
  };
  // After another store is loaded: its plan's bucket and its latency, unless given explicitly.
  const followStore = () => {
    if (!bucketGiven) bucket.configure(planBucket());
    if (options.latencyMs === undefined) settings.latencyMs = store.settings.latencyMs ?? 0;
  };
  const app: SimApp = {
    id: "gid://shopify/App/1",
    title: "Amend",
    handle: "amend",
    apiKey: process.env.SHOPIFY_API_KEY ?? "amend-demo-key",
    ...options.app,
  };

  const reset = () => {
    store.reset();
    faults.clear();
    faults.fired = [];
    calls.length = 0;
    webhookDeliveries.length = 0;
    bucket.reset();
  };

  const graphql = async (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    const token = req.headers["x-shopify-access-token"];
    if (typeof token !== "string" || token === "" || (options.accessToken && token !== options.accessToken)) {
      return send(res, 401, { errors: INVALID_TOKEN });
    }
    let body: Rec;
    try {
      body = String(req.headers["content-type"] ?? "").includes("application/graphql")
        ? { query: raw }
        : JSON.parse(raw);
    } catch {
      return send(res, 400, { errors: { query: "Required parameter missing or invalid" } });
    }
    if (typeof body?.query !== "string" || body.query.trim() === "") {
      return send(res, 400, { errors: { query: "Required parameter missing or invalid" } });
    }
    // Shopify's round trip, before anything is decided (so a throttle or an answer arrives as late as Shopify's).
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    const variables: Record<string, unknown> = body.variables ?? {};
    const call: CallRecord = {
      at: now().toISOString(),
      operationName: body.operationName ?? null,
      operation: null,
      rootFields: [],
      variables,
      cost: 0,
      actualCost: null,
      outcome: "ok",
      deprecations: [],
      query: body.query,
    };
    calls.push(call);

    // Parsing and validating the same operation text gives the same answer: done once per text (as Shopify caches).
    let checked = checkedDocuments.get(body.query);
    if (!checked) {
      try {
        const parsed = parse(body.query);
        checked = {
          document: parsed,
          errors: validate(schema, parsed),
          deprecations: validate(schema, parsed, [NoDeprecatedCustomRule]).map((e) => e.message),
        };
      } catch (error) {
        call.outcome = "parse_failed";
        return send(res, 200, { errors: [formatError(error as GraphQLError, "GRAPHQL_PARSE_FAILED")] });
      }
      if (checkedDocuments.size > 500) checkedDocuments.clear();
      checkedDocuments.set(body.query, checked);
    }
    const document: DocumentNode = checked.document;
    const validationErrors = checked.errors;
    if (validationErrors.length > 0) {
      call.outcome = "validation_failed";
      return send(res, 200, { errors: validationErrors.map((e) => formatError(e, "GRAPHQL_VALIDATION_FAILED")) });
    }
    const operation = getOperationAST(document, body.operationName ?? undefined);
    if (!operation) {
      call.outcome = "validation_failed";
      const message = body.operationName
        ? `No operation named "${body.operationName}"`
        : "An operation name is required when the document has several operations";
      return send(res, 200, { errors: [{ message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] });
    }
    call.operationName = operation.name?.value ?? body.operationName ?? null;
    call.operation = operation.operation;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    call.rootFields = rootFieldNames(operation, fragments);
    call.deprecations = checked.deprecations;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) {
      call.outcome = "validation_failed";
      return send(res, 200, { errors: coerced.errors.map((e) => formatError(e, "INVALID_VARIABLE")) });
    }
    const requested = operationCost(schema, operation, fragments, coerced.coerced);
    call.cost = requested;

    const info: RequestInfo = {
      operationName: call.operationName,
      rootFields: call.rootFields,
      isMutation: operation.operation === "mutation",
    };
    const fault = faults.take(info);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.answer === "THROTTLED") {
      call.outcome = "THROTTLED";
      // A chaos throttle is a real one: the bucket holds less than this call costs (another client of the app
      // used it), so throttleStatus tells the client how long to wait, as Shopify's does.
      if (fault.realThrottle) bucket.lowerTo(Math.max(0, requested - 1));
      return send(res, 200, throttled(requested, bucket.status()));
    }
    if (fault.answer === "DROP_BEFORE_APPLY") {
      call.outcome = "DROP_BEFORE_APPLY";
      // The connection dies before Shopify runs anything: not applied, and the client cannot know that.
      req.socket.destroy();
      return;
    }
    if (fault.answer === "INTERNAL_ERROR") {
      call.outcome = "INTERNAL_ERROR";
      const requestId = `${crypto.randomUUID()}-${Math.floor(now().getTime() / 1000)}`;
      return send(
        res,
        200,
        {
          errors: [
            {
              message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`,
              extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
            },
          ],
        },
        { "X-Request-Id": requestId },
      );
    }
    if (fault.answer === "HTTP_500" || fault.answer === "HTTP_503") {
      call.outcome = fault.answer;
      const status = fault.answer === "HTTP_500" ? 500 : 503;
      return send(
        res,
        status,
        { errors: status === 500 ? "Internal Server Error" : "Service Unavailable" },
        status === 503 ? { "Retry-After": "1" } : {},
      );
    }
    if (requested > SINGLE_QUERY_MAX_COST) {
      call.outcome = "max_cost_exceeded";
      return send(res, 200, {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: SINGLE_QUERY_MAX_COST },
          },
        ],
      });
    }
    if (!bucket.take(requested)) {
      call.outcome = "throttled";
      return send(res, 200, throttled(requested, bucket.status()));
    }

    const context: SimContext = {
      store,
      schema,
      app,
      jobPollsBeforeDone: settings.jobPollsBeforeDone,
      jobMaxMs: settings.jobMaxMs,
      takeStaleDestinationFault: () => settings.staleFulfillmentOrderDestination || faults.takeStaleDestination(info),
      protectedFields: protectedFieldMap,
    };
    settleJobs(context);
    if (settings.cancellationRequestAnswer) answerCancellationRequests(store, settings.cancellationRequestAnswer);
    const result = await execute({
      schema,
      document,
      operationName: body.operationName ?? undefined,
      variableValues: variables,
      rootValue: {},
      contextValue: context,
      fieldResolver,
      typeResolver,
    });
    const actual =
      operation.operation === "mutation"
        ? requested
        : operationCost(schema, operation, fragments, coerced.coerced, result.data ?? {});
    bucket.refund(Math.max(0, requested - actual));
    call.actualCost = actual;
    call.outcome = result.errors?.length ? "errors" : hasUserErrors(result.data) ? "userErrors" : "ok";

    if (fault.answer === "DROP_AFTER_APPLY") {
      call.outcome = "DROP_AFTER_APPLY";
      // The change is made; the client never hears about it.
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { "X-Shopify-API-Version": apiVersion };
    if (call.deprecations.length) headers["X-Shopify-API-Deprecated-Reason"] = DEPRECATION_DOCS;
    const answer: Rec = {};
    if (result.errors?.length) answer.errors = result.errors.map((e) => e.toJSON());
    answer.data = result.data ?? null;
    answer.extensions = {
      cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
    };
    send(res, 200, answer, headers);
  };

  const control = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, raw: string) => {
    const json = (): Rec => (raw ? JSON.parse(raw) : {});
    const key = `${req.method} ${pathname}`;
    switch (key) {
      case "GET /demo/state":
      case "GET /_sim/state": {
        settleJobs({ store, jobMaxMs: settings.jobMaxMs } as SimContext);
        return send(res, 200, store.snapshot());
      }
      case "GET /_sim/calls":
        return send(res, 200, calls);
      case "GET /_sim/calls/summary": {
        // What a long run cost, without every call's query text: totals and per operation.
        const byOperation: Record<string, { calls: number; throttled: number; requested: number; actual: number }> = {};
        for (const c of calls) {
          const op = (byOperation[c.operationName ?? "anonymous"] ??= {
            calls: 0,
            throttled: 0,
            requested: 0,
            actual: 0,
          });
          op.calls += 1;
          if (c.outcome === "throttled") op.throttled += 1;
          else op.requested += c.cost;
          op.actual += c.actualCost ?? 0;
        }
        const total = Object.values(byOperation).reduce(
          (t, op) => ({
            calls: t.calls + op.calls,
            throttled: t.throttled + op.throttled,
            requested: t.requested + op.requested,
            actual: t.actual + op.actual,
          }),
          { calls: 0, throttled: 0, requested: 0, actual: 0 },
        );
        return send(res, 200, { ...total, byOperation });
      }
      case "DELETE /_sim/calls":
        calls.length = 0;
        return send(res, 200, { ok: true });
      case "GET /_sim/mutations":
        return send(res, 200, store.log);
      case "GET /_sim/faults":
        return send(res, 200, { pending: faults.pending(), fired: faults.fired });
      case "POST /_sim/faults": {
        const specs = [json()].flat() as FaultSpec[];
        for (const spec of specs) faults.inject(spec);
        return send(res, 200, { pending: faults.pending() });
      }
      case "DELETE /_sim/faults":
        faults.clear();
        return send(res, 200, { pending: [] });
      case "GET /_sim/chaos":
        return send(res, 200, { ...faults.chaosStatus(), bucket: bucket.status() });
      case "POST /_sim/chaos": {
        const b = json();
        chaos({ p: Number(b.p), seed: b.seed, kinds: b.kinds, ms: b.ms, bucket: b.bucket });
        return send(res, 200, { ...faults.chaosStatus(), bucket: bucket.status() });
      }
      case "DELETE /_sim/chaos":
        faults.failRate(0);
        return send(res, 200, faults.chaosStatus());
      case "POST /_sim/fail-rate": {
        const { p, kinds, seed, ms } = json();
        faults.failRate(Number(p), kinds, { seed, ms });
        return send(res, 200, { ok: true });
      }
      case "POST /_sim/reset": {
        const b = json();
        reset();
        if (b.store) store.replace(b.store, "(POST /_sim/reset)");
        else if (b.storeFile) store.replace(readStoreFile(b.storeFile), b.storeFile);
        if (b.store || b.storeFile) followStore();
        return send(res, 200, { ok: true, orders: store.orders.length });
      }
      case "POST /_sim/orders": {
        // New orders placed in the shop, store-file shape: { orders: [...] } (a flash sale's arrivals).
        const b = json();
        if (!Array.isArray(b.orders)) return send(res, 400, { errors: "orders must be an array of store-file orders" });
        try {
          const added = store.addOrders(b.orders);
          send(res, 200, { added: added.map((o) => o.id), orders: store.orders.length });
          return setImmediate(() => deliverOrdersCreate(added));
        } catch (error) {
          return send(res, 400, { errors: (error as Error).message });
        }
      }
      case "GET /_sim/webhooks":
        return send(res, 200, webhookDeliveries);
      case "GET /_sim/cancellation-requests":
        return send(res, 200, pendingCancellationRequests(store));
      case "POST /_sim/cancellation-requests": {
        // The fulfillment service answers: { answer: "accept" | "reject", fulfillmentOrderId?, message? }.
        const b = json();
        if (b.answer !== "accept" && b.answer !== "reject")
          return send(res, 400, { errors: 'answer must be "accept" or "reject"' });
        const answered = answerCancellationRequests(store, b.answer, {
          fulfillmentOrderId: b.fulfillmentOrderId,
          message: b.message ?? null,
        });
        return send(res, 200, {
          answered: answered.map((fo) => ({ id: fo.id, requestStatus: fo.requestStatus, status: fo.status })),
        });
      }
      case "POST /_sim/bucket": {
        const b = json();
        if (b.plan !== undefined) {
          if (!PLANS.includes(b.plan)) return send(res, 400, { errors: `plan must be one of ${PLANS.join(", ")}` });
          bucket.configure(PLAN_BUCKETS[b.plan as Plan]);
          bucketGiven = true;
        }
        if (b.maximumAvailable !== undefined || b.restoreRate !== undefined) {
          bucket.configure({
            maximumAvailable: Number(b.maximumAvailable ?? bucket.options.maximumAvailable),
            restoreRate: Number(b.restoreRate ?? bucket.options.restoreRate),
          });
          bucketGiven = true;
        }
        if (b.drain) bucket.drain();
        else bucket.reset();
        return send(res, 200, bucket.status());
      }
      case "POST /_sim/config": {
        const b = json();
        for (const k of Object.keys(settings) as (keyof typeof settings)[]) {
          if (b[k] !== undefined) (settings as Rec)[k] = b[k];
        }
        return send(res, 200, settings);
      }
      case "GET /_sim/health":
        return send(res, 200, { ok: true, shop: store.shop.myshopifyDomain, apiVersion, faultKinds: FAULT_KINDS });
      default:
        return send(res, 404, { errors: "Not Found" });
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const { pathname } = new URL(req.url ?? "/", "http://simulator");
      const admin = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(pathname);
      const work = admin
        ? req.method !== "POST"
          ? Promise.resolve(send(res, 405, { errors: "Use POST" }))
          : admin[1] !== apiVersion
            ? Promise.resolve(
                send(res, 404, { errors: `Not Found: this simulator serves Admin API ${apiVersion} only` }),
              )
            : graphql(req, res, raw)
        : control(req, res, pathname, raw);
      work.catch((error: Error) => {
        // A bug in the simulator must be loud in tests: answer 500 with the stack, like an unhandled Shopify error.
        if (!res.headersSent) send(res, 500, { errors: `Admin API simulator error: ${error.stack ?? error.message}` });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    url,
    graphqlUrl: `${url}/admin/api/${apiVersion}/graphql.json`,
    port,
    apiVersion,
    store,
    faults,
    bucket,
    calls,
    options: settings,
    reset,
    chaos,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function pendingCancellationRequests(store: Store): Rec[] {
  return store.orders.flatMap((o) =>
    (o.fulfillmentOrders.nodes as Rec[])
      .filter((fo) => fo.requestStatus === "CANCELLATION_REQUESTED")
      .map((fo) => ({
        order: o.name,
        fulfillmentOrderId: fo.id,
        message: [...fo.merchantRequests.nodes].reverse().find((r: Rec) => r.kind === "CANCELLATION_REQUEST")?.message,
      })),
  );
}

function formatError(error: GraphQLError, code: string): GraphQLFormattedError {
  const json = error.toJSON();
  return { ...json, extensions: { ...json.extensions, code } };
}

function throttled(requested: number, status: ThrottleStatus): Rec {
  return {
    errors: [
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ],
    extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: status } },
  };
}

function hasUserErrors(data: Rec | null | undefined): boolean {
  if (!data) return false;
  return Object.values(data).some(
    (payload) =>
      payload &&
      typeof payload === "object" &&
      ["userErrors", "orderCancelUserErrors"].some(
        (k) => Array.isArray((payload as Rec)[k]) && (payload as Rec)[k].length > 0,
      ),
  );
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
