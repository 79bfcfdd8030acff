import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import pino from "pino";

/** What every log line inside one HTTP request (or one worker process) carries. */
export interface LogContext {
  /** The HTTP request's id (x-request-id): not a change request's id, which logs call `changeRequestId`. */
  requestId?: string;
  shop?: string;
  workerId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

// Personal data, secrets and bodies: at the top level of a log call's object and one level down.
const SENSITIVE = [
  "address",
  "shippingAddress",
  "billingAddress",
  "email",
  "customerEmail",
  "phone",
  "phoneNumber",
  "recipient",
  "token",
  "accessToken",
  "sessionToken",
  "password",
  "authorization",
  "cookie",
  "body",
];

/**
 * Structured JSON logs. Never log a customer's address, a token or a message body: log ids and codes.
 * Silent under tests unless LOG_LEVEL says otherwise.
 */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
      redact: [...SENSITIVE.flatMap((key) => [key, `*.${key}`]), "req.headers.authorization", "req.headers.cookie"],
      base: { app: "amend" },
      // A field the call names itself wins over the context's (pino's default merge).
      mixin: () => {
        const context = storage.getStore();
        if (!context) return {};
        const fields: LogContext = {};
        if (context.requestId) fields.requestId = context.requestId;
        if (context.shop) fields.shop = context.shop;
        if (context.workerId) fields.workerId = context.workerId;
        return fields;
      },
    },
    destination,
  );
}

export const logger = createLogger();

/** Runs `fn` with a log context: every line logged from it, sync or async, carries the context's fields. */
export function runWithRequestContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

/** The current log context (undefined outside runWithRequestContext). */
export function logContext(): LogContext | undefined {
  return storage.getStore();
}

/** Names the shop on the rest of this request's log lines, once authentication knows it. */
export function setLogShop(shop: string): void {
  const context = storage.getStore();
  if (context) context.shop = shop;
}

const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The incoming x-request-id when it is a short plain token (a proxy's or load balancer's); a new UUID otherwise. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : crypto.randomUUID();
}
