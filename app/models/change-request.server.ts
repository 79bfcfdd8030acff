import { Prisma, type ChangeRequest, type OrderBlock, type RequestEvent, type RequestMessage } from "@prisma/client";
import type { DbTx } from "~/db.server";
import { isOpen, transition, type RequestAction } from "~/domain/state-machine";
import type { Actor, RequestKind, RequestStatus } from "~/domain/types";
import { isUniqueViolation } from "./errors";
import type { EvaluatedRule, NewRequestPayload } from "./request-payload";

export type { ChangeRequest };

/** A race lost at the database: another request got there first (the API's 409). */
export class RequestConflictError extends Error {
  override name = "RequestConflictError";
  constructor(readonly code: "REQUEST_ALREADY_PENDING" | "ADDRESS_ALREADY_CHANGED") {
    super(
      code === "REQUEST_ALREADY_PENDING"
        ? "Another request of this kind is already open for this order."
        : "The shipping address of this order has already been changed once.",
    );
  }
}

/** The request moved while we were deciding (another staff member, a webhook, the deadline job). */
export class StaleRequestError extends Error {
  override name = "StaleRequestError";
  constructor(
    readonly requestId: string,
    readonly expected: RequestStatus,
  ) {
    super(`Request ${requestId} is no longer ${expected}: reload it to see what changed.`);
  }
}

/** One open request per kind per order: this key is unique while the request is open, null after. */
export const openKeyOf = (shop: string, orderId: string, kind: RequestKind) => `${shop}|${orderId}|${kind}`;
/** One applied address change per order: unique while an address change is APPLYING or APPLIED. */
export const appliedKeyOf = (shop: string, orderId: string) => `${shop}|${orderId}`;

function keysFor(shop: string, orderId: string, kind: RequestKind, status: RequestStatus, singleChange = true) {
  return {
    openKey: isOpen(status) ? openKeyOf(shop, orderId, kind) : null,
    appliedKey:
      singleChange && kind === "ADDRESS_CHANGE" && (status === "APPLYING" || status === "APPLIED")
        ? appliedKeyOf(shop, orderId)
        : null,
  };
}

function conflictFrom(error: unknown): RequestConflictError | null {
  if (isUniqueViolation(error, "appliedKey")) return new RequestConflictError("ADDRESS_ALREADY_CHANGED");
  if (isUniqueViolation(error, "openKey")) return new RequestConflictError("REQUEST_ALREADY_PENDING");
  return null;
}

export interface NewRequest {
  shop: string;
  kind: RequestKind;
  status: "PENDING" | "APPLYING";
  orderId: string;
  orderName: string;
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  locale: string;
  payload: NewRequestPayload;
  evaluation: readonly EvaluatedRule[];
  settingsVersion: number;
  idempotencyKey: string;
  deadlineAt: Date | null;
  actor: Actor;
  message?: string;
  /** The store's one-change-per-order rule is on (default): the database then refuses a second applied change. */
  singleChange?: boolean;
}

/** Creates a request and its first event; the database refuses a second open request or applied change. */
export async function createRequest(tx: DbTx, input: NewRequest): Promise<{ request: ChangeRequest; eventId: string }> {
  try {
    const request = await tx.changeRequest.create({
      data: {
        shop: input.shop,
        kind: input.kind,
        status: input.status,
        orderId: input.orderId,
        orderName: input.orderName,
        customerId: input.customerId,
        customerName: input.customerName,
        customerEmail: input.customerEmail,
        locale: input.locale,
        payload: JSON.stringify(input.payload),
        evaluation: JSON.stringify(input.evaluation),
        settingsVersion: input.settingsVersion,
        idempotencyKey: input.idempotencyKey,
        deadlineAt: input.deadlineAt,
        singleChange: input.singleChange ?? true,
        ...keysFor(input.shop, input.orderId, input.kind, input.status, input.singleChange ?? true),
      },
    });
    const event = await tx.requestEvent.create({
      data: {
        requestId: request.id,
        actor: input.actor,
        fromStatus: null,
        toStatus: input.status,
        message: input.message,
      },
    });
    return { request, eventId: event.id };
  } catch (error) {
    throw conflictFrom(error) ?? error;
  }
}

export interface TransitionInput {
  id: string;
  from: RequestStatus;
  action: RequestAction;
  actor: Actor;
  message?: string | null;
  data?: Omit<Prisma.ChangeRequestUpdateManyMutationInput, "status" | "openKey" | "appliedKey">;
  /** The request as this transaction read it, when the caller has it (saves a read). */
  current?: ChangeRequest;
}

/**
 * Moves a request along the state machine, compare-and-set on its current status, and writes the event.
 * services/lifecycle.server.ts applyTransition is its one caller: it adds the transition's other effects.
 */
export async function transitionRequest(
  tx: DbTx,
  input: TransitionInput,
): Promise<{ request: ChangeRequest; eventId: string }> {
  const current = input.current ?? (await tx.changeRequest.findUniqueOrThrow({ where: { id: input.id } }));
  const to = transition(input.from, input.action, current.kind);
  try {
    const { count } = await tx.changeRequest.updateMany({
      where: { id: input.id, status: input.from },
      data: {
        ...input.data,
        status: to,
        ...keysFor(current.shop, current.orderId, current.kind, to, current.singleChange),
      },
    });
    if (count === 0) throw new StaleRequestError(input.id, input.from);
  } catch (error) {
    throw conflictFrom(error) ?? error;
  }
  const event = await tx.requestEvent.create({
    data: { requestId: input.id, actor: input.actor, fromStatus: input.from, toStatus: to, message: input.message },
  });
  const request = await tx.changeRequest.findUniqueOrThrow({ where: { id: input.id } });
  return { request, eventId: event.id };
}

export function findRequest(db: DbTx, shop: string, id: string) {
  return db.changeRequest.findFirst({ where: { id, shop } });
}

export function findByIdempotencyKey(db: DbTx, shop: string, idempotencyKey: string) {
  return db.changeRequest.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } } });
}

/** Every request of an order, kind and status only: what the rules need to know about them. */
export function requestStatesForOrder(db: DbTx, shop: string, orderId: string) {
  return db.changeRequest.findMany({ where: { shop, orderId }, select: { kind: true, status: true } });
}

/** The open requests of an order (at most one per kind). */
export function openRequestsForOrder(
  db: DbTx,
  shop: string,
  orderId: string,
): Promise<Pick<ChangeRequest, "id" | "status" | "kind">[]> {
  // plain SQL: every order webhook that means "fulfilled" or "cancelled" asks this, mostly for nothing
  return db.$queryRaw`
    SELECT "id", "status", "kind" FROM "ChangeRequest"
     WHERE "shop" = ${shop} AND "orderId" = ${orderId} AND "openKey" IS NOT NULL`;
}

export type RequestWithHistory = ChangeRequest & { events: RequestEvent[]; messages: RequestMessage[] };

// The customer's reads (options, the order status block) run on every order page a shopper opens: they are
// plain SQL, which both providers read alike, because Prisma's query planning cost more than the queries
// (bench/options-latency.bench.ts). Columns are listed and rows normalised, so they equal Prisma's own reads
// (tests/integration/raw-reads.test.ts compares them on SQLite and PostgreSQL).
const REQUEST_COLUMNS = Prisma.sql`"id", "shop", "kind", "status", "orderId", "orderName", "customerId", "customerName",
  "customerEmail", "locale", "payload", "evaluation", "settingsVersion", "idempotencyKey", "openKey", "appliedKey",
  "singleChange", "decisionNote", "failureMessage", "deadlineAt", "holdApplied", "applyLeaseUntil", "jobLeaseUntil",
  "createdAt", "updatedAt", "decidedAt", "appliedAt"`;

type Row = Record<string, unknown>;
const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string | number));
const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));
const bool = (value: unknown): boolean => value === true || value === 1 || value === 1n || value === "1";
const int = (value: unknown): number => Number(value);

function requestFromRow(row: Row): ChangeRequest {
  return {
    ...(row as unknown as ChangeRequest),
    settingsVersion: int(row.settingsVersion),
    singleChange: bool(row.singleChange),
    holdApplied: bool(row.holdApplied),
    deadlineAt: dateOrNull(row.deadlineAt),
    applyLeaseUntil: dateOrNull(row.applyLeaseUntil),
    jobLeaseUntil: dateOrNull(row.jobLeaseUntil),
    createdAt: date(row.createdAt),
    updatedAt: date(row.updatedAt),
    decidedAt: dateOrNull(row.decidedAt),
    appliedAt: dateOrNull(row.appliedAt),
  };
}

/** An order's requests with their history and thread, newest first (what the customer sees). */
export async function requestsForOrder(db: DbTx, shop: string, orderId: string): Promise<RequestWithHistory[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${REQUEST_COLUMNS} FROM "ChangeRequest"
     WHERE "shop" = ${shop} AND "orderId" = ${orderId}
     ORDER BY "createdAt" DESC`;
  if (rows.length === 0) return [];
  const ids = Prisma.join(rows.map((row) => row.id as string));
  const [events, messages] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT "id", "requestId", "actor", "fromStatus", "toStatus", "message", "at" FROM "RequestEvent"
       WHERE "requestId" IN (${ids}) ORDER BY "at" ASC`,
    db.$queryRaw<Row[]>`
      SELECT "id", "requestId", "author", "body", "at" FROM "RequestMessage"
       WHERE "requestId" IN (${ids}) ORDER BY "at" ASC`,
  ]);
  return rows.map((row) => ({
    ...requestFromRow(row),
    events: events
      .filter((event) => event.requestId === row.id)
      .map((event) => ({ ...(event as unknown as RequestEvent), at: date(event.at) })),
    messages: messages
      .filter((message) => message.requestId === row.id)
      .map((message) => ({ ...(message as unknown as RequestMessage), at: date(message.at) })),
  }));
}

/** Whether staff or a Flow blocked self-service on this order (plain SQL: asked on every customer read). */
export async function orderBlockFor(db: DbTx, shop: string, orderId: string): Promise<OrderBlock | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT "shop", "orderId", "reason", "createdAt" FROM "OrderBlock"
     WHERE "shop" = ${shop} AND "orderId" = ${orderId}`;
  return row ? { ...(row as unknown as OrderBlock), createdAt: date(row.createdAt) } : null;
}

export function addMessage(tx: DbTx, requestId: string, author: "CUSTOMER" | "STAFF", body: string) {
  return tx.requestMessage.create({ data: { requestId, author, body } });
}
