import { Prisma, type ChangeRequest } from "@prisma/client";
import { z } from "zod";
import type { DbTx } from "~/db.server";
import { INBOX_SORTS, INBOX_TAB_NAMES, INBOX_TABS, type InboxTab } from "~/admin/constants";
import { REQUEST_KINDS, REQUEST_STATUSES, type RequestStatus } from "~/domain/types";

/**
 * The merchant's request inbox: tabs, filters, prefix search and keyset pagination on (sort field, id).
 * Every query runs on an index of ChangeRequest (see prisma/schema.prisma), so a page costs the same with
 * 100 requests or 1,000,000: no OFFSET, no full scan, no COUNT over the whole shop.
 */

export { INBOX_SORTS, INBOX_TAB_NAMES, INBOX_TABS, type InboxSort, type InboxTab } from "~/admin/constants";

export const PAGE_SIZE = 25;
/** Counts stop here: "1000+" is all a merchant needs, and counting 300,000 rows is not free. */
export const COUNT_CAP = 1000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The inbox's URL search params. Unknown values fall back to defaults rather than failing the page. */
export const InboxQuerySchema = z.object({
  tab: z.enum(INBOX_TAB_NAMES as [InboxTab, ...InboxTab[]]).catch("NEEDS_ACTION"),
  kind: z.enum(REQUEST_KINDS).optional().catch(undefined),
  status: z.array(z.enum(REQUEST_STATUSES)).catch([]),
  from: isoDate.catch(undefined),
  to: isoDate.catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined),
  sort: z.enum(INBOX_SORTS).catch("created_desc"),
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  return InboxQuerySchema.parse({
    tab: params.get("tab") ?? undefined,
    kind: params.get("kind") || undefined,
    status: params
      .getAll("status")
      .flatMap((s) => s.split(","))
      .filter(Boolean),
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    q: params.get("q") ?? undefined,
    sort: params.get("sort") ?? undefined,
    after: params.get("after") ?? undefined,
    before: params.get("before") ?? undefined,
  });
}

interface Cursor {
  value: Date;
  id: string;
}

export function encodeCursor(value: Date, id: string): string {
  return Buffer.from(`${value.getTime()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  const [ms, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const value = new Date(Number(ms));
  return id && Number.isFinite(value.getTime()) ? { value, id } : null;
}

const ROW_SELECT = {
  id: true,
  kind: true,
  status: true,
  orderId: true,
  orderName: true,
  customerName: true,
  customerEmail: true,
  payload: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ChangeRequestSelect;
export type InboxRow = Prisma.ChangeRequestGetPayload<{ select: typeof ROW_SELECT }>;
const ROW_COLUMNS = Object.keys(ROW_SELECT) as (keyof typeof ROW_SELECT)[];

export interface InboxPage {
  rows: InboxRow[];
  /** Cursor of the next (older, in display order) page, or null on the last page. */
  next: string | null;
  /** Cursor of the previous page, or null on the first. */
  previous: string | null;
  /** Requests needing action (capped at COUNT_CAP), for the tab's badge. */
  needsAction: number;
  /** The search matched more than SEARCH_CAP requests: the page shows the first of those; refine the search. */
  truncated?: boolean;
}

/** Which statuses a tab and the status filter leave; null = any status; [] = nothing can match. */
export function statusesFor(query: Pick<InboxQuery, "tab" | "status">): RequestStatus[] | null {
  const tab = INBOX_TABS[query.tab] as readonly RequestStatus[] | null;
  if (query.status.length === 0) return tab ? [...tab] : null;
  return tab ? query.status.filter((s) => tab.includes(s)) : [...query.status];
}

const capitalize = (s: string) =>
  s.replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());

type SearchColumn = "orderName" | "customerEmail" | "customerName";
/** One prefix range of a search: `column >= gte AND column < lt` on the (shop, column …) index. */
export interface SearchRange {
  column: SearchColumn;
  gte: string;
  lt: string;
}

/**
 * Prefix search on order name, customer email and name, as index ranges (`>= p AND < p + U+FFFF`):
 * SQLite's LIKE cannot use a case-sensitive index, a range can. Names are tried as typed, lower- and
 * capitalised; an order number with or without "#".
 */
export function searchRanges(q: string): SearchRange[] {
  const range = (column: SearchColumn, p: string): SearchRange => ({ column, gte: p, lt: `${p}\uffff` });
  const ranges: SearchRange[] = [];
  const order = q.match(/^#?(\d+)$/);
  if (order) ranges.push(range("orderName", `#${order[1]}`));
  else if (q.startsWith("#")) ranges.push(range("orderName", q));
  if (!order) {
    ranges.push(range("customerEmail", q.toLowerCase()));
    for (const name of new Set([q, q.toLowerCase(), capitalize(q.toLowerCase())]))
      ranges.push(range("customerName", name));
  }
  return ranges;
}

function keyset(
  field: "createdAt" | "updatedAt",
  cursor: Cursor | null,
  desc: boolean,
): Prisma.ChangeRequestWhereInput {
  if (!cursor) return {};
  // `f <= v` is the range the index seeks to; the OR only breaks ties on id within equal timestamps.
  return desc
    ? {
        AND: [
          { [field]: { lte: cursor.value } },
          { OR: [{ [field]: { lt: cursor.value } }, { id: { lt: cursor.id } }] },
        ],
      }
    : {
        AND: [
          { [field]: { gte: cursor.value } },
          { OR: [{ [field]: { gt: cursor.value } }, { id: { gt: cursor.id } }] },
        ],
      };
}

/** One page of the inbox for a shop. */
export async function listRequests(
  db: DbTx,
  shop: string,
  query: InboxQuery,
  pageSize = PAGE_SIZE,
): Promise<InboxPage> {
  const statuses = statusesFor(query);
  const field = query.sort.startsWith("updated") ? "updatedAt" : "createdAt";
  const displayDesc = query.sort.endsWith("desc");
  const backwards = !query.after && Boolean(query.before);
  const cursor = decodeCursor(backwards ? query.before : query.after);
  const scanDesc = backwards ? !displayDesc : displayDesc;
  const needsAction = countNeedsAction(db, shop);
  if (statuses && statuses.length === 0)
    return { rows: [], next: null, previous: null, needsAction: await needsAction, truncated: false };

  const created: Prisma.DateTimeFilter = {};
  if (query.from) created.gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) created.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
  const base: Prisma.ChangeRequestWhereInput = {
    shop,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.from || query.to ? { createdAt: created } : {}),
  };
  const dir = scanDesc ? "desc" : "asc";
  const fetch = (status: Prisma.ChangeRequestWhereInput) =>
    db.changeRequest.findMany({
      where: { AND: [base, status, keyset(field, cursor, scanDesc)] },
      orderBy: [{ [field]: dir }, { id: dir }],
      take: pageSize + 1,
      select: ROW_SELECT,
    });

  let rows: InboxRow[];
  let truncated = false;
  if (query.q) {
    ({ rows, truncated } = await searchPage(db, shop, query, { statuses, field, cursor, scanDesc, pageSize, created }));
  } else if (statuses && statuses.length > 1) {
    // IN (a, b, c) cannot be read in (field, id) order from one index: read each status in order, merge.
    const parts = await Promise.all(statuses.map((status) => fetch({ status })));
    rows = parts
      .flat()
      .sort((a, b) => compareRows(a, b, field) * (scanDesc ? -1 : 1))
      .slice(0, pageSize + 1);
  } else {
    rows = await fetch(
      statuses ? (statuses.length === 1 ? { status: statuses[0] } : { status: { in: statuses } }) : {},
    );
  }
  const hasMore = rows.length > pageSize;
  rows = rows.slice(0, pageSize);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    next: last && (backwards || hasMore) ? encodeCursor(last[field], last.id) : null,
    previous: first && (backwards ? hasMore : Boolean(cursor)) ? encodeCursor(first[field], first.id) : null,
    needsAction: await needsAction,
    truncated,
  };
}

/** Matches read per search branch: a search is for someone or some order, not for thousands of rows. */
export const SEARCH_CAP = 2000;
/** A name prefix matching at most this many distinct names is read name by name (see searchNames). */
export const SEARCH_NAMES_MAX = 20;

interface SearchOptions {
  statuses: RequestStatus[] | null;
  field: "createdAt" | "updatedAt";
  cursor: Cursor | null;
  scanDesc: boolean;
  pageSize: number;
  created: Prisma.DateTimeFilter;
}
/** A search match: its id and the value of the sort field (and its row, when already read). */
interface SearchKey {
  id: string;
  key: Date;
  row?: InboxRow;
}
const SEARCH_KEYS = { id: true, status: true, kind: true, createdAt: true, updatedAt: true } as const;
type SearchKeyRow = Prisma.ChangeRequestGetPayload<{ select: typeof SEARCH_KEYS }>;

/**
 * A search page in two steps, so SQLite cannot trade the search index for a walk of the date index:
 * 1. the matches' keys: each order-name and email prefix range on its own index, keys only, at most SEARCH_CAP
 *    each; a name prefix name by name when it matches few names (searchNames), else like the others;
 * 2. filters, keyset and order applied to those keys, then the page's rows read by primary key.
 */
async function searchPage(
  db: DbTx,
  shop: string,
  query: InboxQuery,
  o: SearchOptions,
): Promise<{ rows: InboxRow[]; truncated: boolean }> {
  const ranges = searchRanges(query.q!);
  const [scannedParts, named] = await Promise.all([
    Promise.all(ranges.filter((r) => r.column !== "customerName").map((r) => scanRange(db, shop, r))),
    searchNames(
      db,
      shop,
      ranges.filter((r) => r.column === "customerName"),
      query.kind,
      o,
    ),
  ]);
  const parts = [...scannedParts, ...named.parts];
  const truncated = parts.some((p) => p.length === SEARCH_CAP);
  const sign = o.scanDesc ? -1 : 1;
  const after = o.cursor && { id: o.cursor.id, key: o.cursor.value };
  const scanned = parts
    .flat()
    .filter((r) => !o.statuses || o.statuses.includes(r.status))
    .filter((r) => !query.kind || r.kind === query.kind)
    .filter(
      (r) =>
        (!o.created.gte || r.createdAt >= (o.created.gte as Date)) &&
        (!o.created.lt || r.createdAt < (o.created.lt as Date)),
    )
    .map((r): SearchKey => ({ id: r.id, key: r[o.field] }))
    .filter((r) => !after || compareKeys(r, after) * sign > 0);
  const seen = new Set<string>();
  const page = [...scanned, ...named.page]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .sort((a, b) => compareKeys(a, b) * sign)
    .slice(0, o.pageSize + 1);
  if (page.length === 0) return { rows: [], truncated };
  const missing = page.filter((r) => !r.row).map((r) => r.id);
  const full = missing.length
    ? await db.changeRequest.findMany({ where: { id: { in: missing } }, select: ROW_SELECT })
    : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  return { rows: page.map((r) => r.row ?? byId.get(r.id)!).filter(Boolean), truncated };
}

/** The keys of a prefix range's first SEARCH_CAP matches, read in the order of the searched column's index. */
function scanRange(db: DbTx, shop: string, range: SearchRange): Promise<SearchKeyRow[]> {
  return db.changeRequest.findMany({
    where: { shop, [range.column]: { gte: range.gte, lt: range.lt } },
    select: SEARCH_KEYS,
    orderBy: { [range.column]: "asc" },
    take: SEARCH_CAP,
  });
}

/**
 * The name prefixes of a search, read as a loose index scan: a full name ("Camille Martin") can match a
 * thousand requests of a few customers, and reading them all to sort them by date costs O(matches).
 * 1. one query finds each prefix's distinct names (a seek per name on the (shop, customerName, …) index,
 *    stopping past SEARCH_NAMES_MAX) and counts its matches up to SEARCH_CAP;
 * 2. a prefix with at most SEARCH_NAMES_MAX names and fewer than SEARCH_CAP matches is read name by name on
 *    (shop, customerName, createdAt|updatedAt, id) in the page's order, pageSize + 1 rows per name, merged.
 * A prefix with more names or matches is read like the other ranges (`parts`): same rows, same truncation.
 */
async function searchNames(
  db: DbTx,
  shop: string,
  ranges: SearchRange[],
  kind: string | undefined,
  o: SearchOptions,
): Promise<{ parts: SearchKeyRow[][]; page: SearchKey[] }> {
  if (ranges.length === 0) return { parts: [], page: [] };
  const probed = await distinctNames(db, shop, ranges);
  const names = new Set<string>();
  const scanned: SearchRange[] = [];
  ranges.forEach((range, i) => {
    const { names: found, matches } = probed[i];
    if (found.length > SEARCH_NAMES_MAX || matches >= SEARCH_CAP) scanned.push(range);
    else found.forEach((name) => names.add(name));
  });
  const [parts, page] = await Promise.all([
    Promise.all(scanned.map((r) => scanRange(db, shop, r))),
    names.size > 0 ? namesPage(db, shop, [...names], kind, o) : [],
  ]);
  return { parts, page };
}

/** For each name range: its distinct names (SEARCH_NAMES_MAX + 1 at most) and its matches (up to SEARCH_CAP). */
async function distinctNames(
  db: DbTx,
  shop: string,
  ranges: SearchRange[],
): Promise<{ names: string[]; matches: number }[]> {
  const cte = (r: SearchRange, i: number) => {
    const n = Prisma.raw(`"n${i}"`);
    return Prisma.sql`${n}("v", "d") AS (
      SELECT (SELECT MIN("customerName") FROM "ChangeRequest"
              WHERE "shop" = ${shop} AND "customerName" >= ${r.gte} AND "customerName" < ${r.lt}), 1
      UNION ALL
      SELECT (SELECT MIN("customerName") FROM "ChangeRequest"
              WHERE "shop" = ${shop} AND "customerName" > ${n}."v" AND "customerName" < ${r.lt}), "d" + 1
      FROM ${n} WHERE "v" IS NOT NULL AND "d" <= ${Prisma.raw(String(SEARCH_NAMES_MAX))})`;
  };
  const select = (r: SearchRange, i: number) =>
    Prisma.sql`SELECT ${Prisma.raw(String(i))} AS "b", "v", (SELECT COUNT(*) FROM (
        SELECT 1 FROM "ChangeRequest"
        WHERE "shop" = ${shop} AND "customerName" >= ${r.gte} AND "customerName" < ${r.lt} LIMIT ${SEARCH_CAP}
      ) AS "c") AS "n"
      FROM ${Prisma.raw(`"n${i}"`)} WHERE "v" IS NOT NULL`;
  const rows = await db.$queryRaw<{ b: number | bigint; v: string; n: number | bigint }[]>`
    WITH RECURSIVE ${Prisma.join(ranges.map(cte), ", ")}
    ${Prisma.join(ranges.map(select), " UNION ALL ")}`;
  return ranges.map((_, i) => {
    const own = rows.filter((r) => Number(r.b) === i);
    return { names: own.map((r) => r.v), matches: own.length ? Number(own[0].n) : 0 };
  });
}

/** The first pageSize + 1 matches (filters and keyset applied) of these exact names, in the page's order, with their rows. */
async function namesPage(
  db: DbTx,
  shop: string,
  names: string[],
  kind: string | undefined,
  o: SearchOptions,
): Promise<SearchKey[]> {
  const f = Prisma.raw(`"${o.field}"`);
  const dir = Prisma.raw(o.scanDesc ? "DESC" : "ASC");
  const filters: Prisma.Sql[] = [];
  if (o.statuses) filters.push(Prisma.sql`AND "status" IN (${Prisma.join(o.statuses)})`);
  if (kind) filters.push(Prisma.sql`AND "kind" = ${kind}`);
  if (o.created.gte) filters.push(Prisma.sql`AND "createdAt" >= ${o.created.gte as Date}`);
  if (o.created.lt) filters.push(Prisma.sql`AND "createdAt" < ${o.created.lt as Date}`);
  if (o.cursor) {
    const { value, id } = o.cursor;
    filters.push(
      o.scanDesc
        ? Prisma.sql`AND ${f} <= ${value} AND (${f} < ${value} OR "id" < ${id})`
        : Prisma.sql`AND ${f} >= ${value} AND (${f} > ${value} OR "id" > ${id})`,
    );
  }
  const where = filters.length ? Prisma.join(filters, " ") : Prisma.empty;
  const take = o.pageSize + 1;
  const perName = names.map(
    (name, i) => Prisma.sql`SELECT * FROM (
      SELECT "id", ${f} FROM "ChangeRequest" WHERE "shop" = ${shop} AND "customerName" = ${name} ${where}
      ORDER BY ${f} ${dir}, "id" ${dir} LIMIT ${take}
    ) AS ${Prisma.raw(`"p${i}"`)}`,
  );
  // the page's ids on the name index (keys only), then their rows by primary key, in one statement
  const rows = await db.$queryRaw<
    (Omit<InboxRow, "createdAt" | "updatedAt"> & Record<"createdAt" | "updatedAt", Date | string>)[]
  >`
    SELECT ${Prisma.join(ROW_COLUMNS.map((c) => Prisma.raw(`"${c}"`)))} FROM "ChangeRequest"
    WHERE "id" IN (
      SELECT "id" FROM (${Prisma.join(perName, " UNION ALL ")}) AS "u" ORDER BY ${f} ${dir}, "id" ${dir} LIMIT ${take}
    )
    ORDER BY ${f} ${dir}, "id" ${dir}`;
  return rows.map((raw) => {
    // as Prisma reads them: DateTime columns as Dates
    const row: InboxRow = { ...raw, createdAt: new Date(raw.createdAt), updatedAt: new Date(raw.updatedAt) };
    return { id: row.id, key: row[o.field], row };
  });
}

function compareKeys(a: SearchKey, b: SearchKey): number {
  const d = a.key.getTime() - b.key.getTime();
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareRows(a: InboxRow, b: InboxRow, field: "createdAt" | "updatedAt"): number {
  const d = a[field].getTime() - b[field].getTime();
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Requests of these statuses, counted up to COUNT_CAP on the (shop, status, …) index. Raw SQL because
 * Prisma's `count({ take })` adds ORDER BY id, which sorts every matching row before counting.
 */
export async function countCapped(db: DbTx, shop: string, statuses: readonly RequestStatus[]): Promise<number> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS n FROM (
      SELECT 1 FROM "ChangeRequest" WHERE "shop" = ${shop} AND "status" IN (${Prisma.join([...statuses])}) LIMIT ${COUNT_CAP}
    ) AS capped`;
  return Number(rows[0]?.n ?? 0);
}

/** Requests that need the merchant (PENDING, NEEDS_INFO, FAILED), up to COUNT_CAP. */
export function countNeedsAction(db: DbTx, shop: string): Promise<number> {
  return countCapped(db, shop, INBOX_TABS.NEEDS_ACTION);
}

export type { ChangeRequest };
