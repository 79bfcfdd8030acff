import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { PrismaClient, RequestKind, RequestStatus } from "@prisma/client";
import { ROOT } from "./app-server";

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `file:<path>` → the path (relative paths from the repository root). */
export function sqlitePath(url: string): string {
  return path.resolve(ROOT, url.replace(/^file:/, ""));
}

/** Migration folders not yet applied to this database (all of them for a new file). */
function pendingMigrations(file: string): string[] {
  const wanted = fs
    .readdirSync(path.join(ROOT, "prisma/migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  if (!fs.existsSync(file)) return wanted;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const applied = new Set(
      (
        db
          .prepare(
            "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
          )
          .all() as { migration_name: string }[]
      ).map((r) => r.migration_name),
    );
    return wanted.filter((m) => !applied.has(m));
  } catch {
    return wanted;
  } finally {
    db.close();
  }
}

/** `prisma migrate deploy` on the demo database, only when a migration is missing (a second start skips it). */
export async function migrate(url: string, log: (line: string) => void): Promise<void> {
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pending = pendingMigrations(file);
  if (pending.length === 0) return;
  log(`migrating the demo database (${pending.length} migration${pending.length > 1 ? "s" : ""})`);
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${file}` } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`prisma migrate deploy failed:\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
}

const SCOPES = /^\s*scopes\s*=\s*"([^"]*)"/m;

export interface SeedInput {
  shop: string;
  /** The store file as the simulator loaded it (after Shopify's computed fields were filled in). */
  store: { shop: Rec; customers: Rec[]; orders: Rec[] };
  /** Where the demo serves the store's relative asset paths (the shop's email logo). */
  assetsOrigin: string;
}

/**
 * Prepares Amend's rows for the demo shop so they match the simulator, which starts from the store file on every
 * start: the offline session, default settings and branding (created once; the merchant's later edits are kept),
 * and the order history the store file assumes — every request, notification and ledger row of the shop is reset,
 * then #1009's applied address change and #1010's pending cancellation are recorded again. Running it twice gives
 * the same database.
 */
export async function seedDemo(db: PrismaClient, input: SeedInput): Promise<{ requests: string[] }> {
  const { shop, store } = input;
  const toml = fs.readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8");
  const scope = SCOPES.exec(toml)?.[1] ?? "read_orders,write_orders";
  const { DEFAULT_POLICY } = await import("~/domain/policy");

  await db.session.upsert({
    where: { id: `offline_${shop}` },
    update: { shop, isOnline: false, scope },
    create: {
      id: `offline_${shop}`,
      shop,
      state: "installed",
      isOnline: false,
      scope,
      accessToken: "shpat_amend_demo",
    },
  });
  if (!(await db.shopSettings.findFirst({ where: { shop } }))) {
    const { version: _version, ...defaults } = DEFAULT_POLICY;
    // the demo store sells to France and Belgium: the EU withdrawal function is on, and its made-to-measure
    // lampshades (product tag sur-mesure) are exempt as personalised goods (orders #1025–#1028 show it)
    const policy = {
      ...defaults,
      withdrawal: {
        ...defaults.withdrawal,
        enabled: true,
        exemptions: [{ tag: "sur-mesure", reason: "PERSONALISED" as const }],
      },
    };
    await db.shopSettings.create({
      data: { shop, version: 1, policy: JSON.stringify(policy), createdBy: "npm run demo" },
    });
  }
  const s = store.shop;
  const logo = typeof s.emailLogoUrl === "string" ? new URL(s.emailLogoUrl, input.assetsOrigin).href : null;
  await db.shopBranding.upsert({
    where: { shop },
    update: {},
    create: {
      shop,
      shopName: s.name ?? shop,
      shopEmail: s.contactEmail ?? s.email ?? null,
      shopUrl: s.url ?? `https://${shop}`,
      logoUrl: logo,
      logoWidth: Number(s.emailLogoWidth) || 120,
      accentColor: typeof s.emailAccentColor === "string" ? s.emailAccentColor : "#1a73e8",
    },
  });

  // The simulator forgot everything that happened in the last run: so does Amend.
  await db.$transaction([
    db.deliveryAttempt.deleteMany({ where: { outbox: { shop } } }),
    db.outboxMessage.deleteMany({ where: { shop } }),
    db.changeRequest.deleteMany({ where: { shop } }),
    db.shopifyMutation.deleteMany({ where: { shop } }),
    db.webhookDelivery.deleteMany({ where: { shop } }),
    db.storeCancellation.deleteMany({ where: { shop } }),
    db.orderBlock.deleteMany({ where: { shop } }),
    db.orderFactsCache.deleteMany({ where: { shop } }),
  ]);
  const settingsVersion = (await db.shopSettings.findFirst({ where: { shop }, orderBy: { version: "desc" } }))!.version;

  const seeded: string[] = [];
  for (const order of store.orders) {
    const seed = SEEDS[order.name as string];
    if (!seed) continue;
    const customer = store.customers.find((c) => c.id === order.customer?.id);
    if (!customer) continue;
    const id = seed.kind === "CANCELLATION" ? (amendHoldRequestId(order) ?? seed.id) : seed.id;
    await seed.write(db, { id, shop, order, customer, settingsVersion });
    seeded.push(`${order.name} ${seed.kind === "CANCELLATION" ? "pending cancellation" : "address already changed"}`);
  }
  return { requests: seeded };
}

/** Amend's hold on an order in the store file: its handle is `amend-<request id>` (app/shopify/holds.server.ts). */
function amendHoldRequestId(order: Rec): string | null {
  for (const fo of order.fulfillmentOrders?.nodes ?? []) {
    for (const hold of fo.fulfillmentHolds ?? []) {
      const m = /^amend-(.+)$/.exec(hold.handle ?? "");
      if (m && hold.heldByRequestingApp) return m[1];
    }
  }
  return null;
}

interface SeedContext {
  id: string;
  shop: string;
  order: Rec;
  customer: Rec;
  settingsVersion: number;
}

const legacyId = (gid: string) => gid.split("/").pop()!;

function mailingAddress(a: Rec | null | undefined) {
  if (!a) return null;
  return {
    firstName: a.firstName ?? null,
    lastName: a.lastName ?? null,
    company: a.company ?? null,
    address1: a.address1 ?? null,
    address2: a.address2 ?? null,
    city: a.city ?? null,
    provinceCode: a.provinceCode ?? null,
    zip: a.zip ?? null,
    countryCode: a.countryCodeV2 ?? a.countryCode ?? null,
    phone: a.phone ?? null,
  };
}

function common(c: SeedContext, kind: RequestKind, status: RequestStatus) {
  return {
    id: c.id,
    shop: c.shop,
    kind,
    status,
    orderId: legacyId(c.order.id),
    orderName: c.order.name,
    customerId: legacyId(c.customer.id),
    customerName: [c.customer.firstName, c.customer.lastName].filter(Boolean).join(" "),
    customerEmail: c.customer.email ?? null,
    locale: c.customer.locale === "fr" ? "fr" : "en",
    settingsVersion: c.settingsVersion,
    idempotencyKey: `demo-seed:${c.id}`,
  };
}

function contact(c: SeedContext) {
  return {
    firstName: c.customer.firstName ?? null,
    lastName: c.customer.lastName ?? null,
    email: c.customer.email ?? null,
    phone: c.customer.phone ?? null,
    statusPageUrl: null,
  };
}

const after = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * 60_000);

/** The rows the demo store's notes describe ("the demo seeding records …"), by order name. */
const SEEDS: Record<
  string,
  { id: string; kind: "ADDRESS_CHANGE" | "CANCELLATION"; write: (db: PrismaClient, c: SeedContext) => Promise<void> }
> = {
  // Already changed once: the order's current address is the new one; it used to go to the customer's old flat.
  "#1009": {
    id: "demo-1009",
    kind: "ADDRESS_CHANGE",
    async write(db, c) {
      const address = mailingAddress(c.order.shippingAddress);
      const previousAddress = { ...address, address1: "4 rue de la Charité", zip: "69002", city: "Lyon" };
      const at = after(c.order.createdAt, 47);
      const applied = after(c.order.createdAt, 48);
      await db.changeRequest.create({
        data: {
          ...common(c, "ADDRESS_CHANGE", "APPLIED"),
          payload: JSON.stringify({ address, previousAddress, contact: contact(c) }),
          evaluation: JSON.stringify(
            [
              "FULFILLMENT_STARTED",
              "PAYMENT_CONFIRMED",
              "ADDRESS_ALREADY_CHANGED",
              "SHIPPING_COST_INCREASE",
              "FREE_SHIPPING_DISCOUNT_USED",
            ].map((code) => ({ code, passed: true })),
          ),
          appliedKey: `${c.shop}|${legacyId(c.order.id)}`,
          createdAt: at,
          decidedAt: at,
          appliedAt: applied,
          events: {
            create: [
              { actor: "CUSTOMER", fromStatus: null, toStatus: "APPLYING", at },
              {
                actor: "SYSTEM",
                fromStatus: "APPLYING",
                toStatus: "APPLIED",
                message: "orderUpdate confirmed",
                at: applied,
              },
            ],
          },
        },
      });
    },
  },
  // Pending cancellation, held by Amend (the store file has the hold), with the customer's note.
  "#1010": {
    id: "demo-1010",
    kind: "CANCELLATION",
    async write(db, c) {
      const note =
        c.customer.locale === "fr"
          ? "Bonjour, j’ai trouvé le même abat-jour en magasin près de chez moi. Merci d’annuler la commande."
          : "Hello, I found the same lampshade in a shop near me. Please cancel the order.";
      const at = after(c.order.createdAt, 75);
      await db.changeRequest.create({
        data: {
          ...common(c, "CANCELLATION", "PENDING"),
          payload: JSON.stringify({
            reason: "FOUND_BETTER_PRICE",
            note,
            contact: contact(c),
            shippingAddress: mailingAddress(c.order.shippingAddress),
          }),
          evaluation: JSON.stringify(
            ["ORDER_CANCELLED", "ORDER_CLOSED", "FULFILLMENT_STARTED", "WINDOW_EXPIRED", "FEATURE_DISABLED"].map(
              (code) => ({ code, passed: true }),
            ),
          ),
          openKey: `${c.shop}|${legacyId(c.order.id)}|CANCELLATION`,
          holdApplied: amendHoldRequestId(c.order) !== null,
          createdAt: at,
          events: { create: [{ actor: "CUSTOMER", fromStatus: null, toStatus: "PENDING", message: note, at }] },
          messages: { create: [{ author: "CUSTOMER", body: note, at }] },
        },
      });
    },
  },
};
