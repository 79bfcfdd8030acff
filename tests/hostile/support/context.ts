/**
 * What the global setup started, as each test file sees it (`hostile()`), and a Prisma client on the web
 * process's database for the assertions about what was (not) changed.
 */
import type { PrismaClient } from "@prisma/client";
import { inject } from "vitest";
import type { FaultOrder } from "../../faults/lib/store";
import type { AppCredentials } from "../../faults/lib/tokens";
import type { Slot } from "./store";

export interface HostileContext {
  dir: string;
  /** The web process (`scripts/serve.mjs`). */
  appUrl: string;
  /** The Admin API simulator: GraphQL and its control API (/_sim/*). */
  simulatorUrl: string;
  /** GET /emails and /sms: what the SMTP and SMS sinks received. */
  sinksUrl: string;
  databaseUrl: string;
  app: AppCredentials;
  /** Another installed shop (session, settings, branding), the target of deliveries that could erase a shop. */
  victimShop: string;
  /** One order (and its customer) per purpose; see store.ts. */
  slots: Record<Slot, FaultOrder>;
  logFile: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    hostile: HostileContext;
  }
}

export function hostile(): HostileContext {
  return inject("hostile");
}

let client: PrismaClient | null = null;

/** The web process's database (read by the assertions; `closeDatabase` after the file). */
export async function database(): Promise<PrismaClient> {
  if (!client) {
    const { createPrismaClient } = await import("~/db.server");
    client = createPrismaClient(hostile().databaseUrl);
  }
  return client;
}

export async function closeDatabase(): Promise<void> {
  await client?.$disconnect();
  client = null;
}
