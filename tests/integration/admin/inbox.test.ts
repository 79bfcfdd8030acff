import "../../support/app-env";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type RequestKind, type RequestStatus } from "@prisma/client";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseProvider, prisma } from "~/db.server";
import { action, loader } from "~/routes/app.requests._index";
import { type InboxPage, listRequests, parseInboxQuery, SEARCH_NAMES_MAX } from "~/services/admin-inbox.server";
import { SHOP_A, SHOP_B, adminFetch, adminGet, body, run, seedRequest } from "../../support/admin";
import { installShop } from "../../support/shopify-session";

beforeAll(async () => {
  await installShop(SHOP_A);
  await installShop(SHOP_B);
});
beforeEach(async () => {
  await prisma.changeRequest.deleteMany();
});

const t0 = Date.parse("2026-11-01T10:00:00.000Z");
const minutes = (m: number) => new Date(t0 + m * 60_000);

describe("GET /app/requests (the inbox loader)", () => {
  it("GIVEN requests in several states THEN 'Needs action' lists PENDING, NEEDS_INFO and FAILED only, newest first, in French with ?locale=fr", async () => {
    const old = await seedRequest({ orderName: "#1001", createdAt: minutes(1) });
    const recent = await seedRequest({ orderName: "#1002", createdAt: minutes(2) });
    const applied = await seedRequest({ orderName: "#1003", createdAt: minutes(3) });
    await prisma.changeRequest.update({ where: { id: applied.id }, data: { status: "APPLIED", openKey: null } });
    const res = await body(await run(loader as never, await adminGet("amend-demo", "/app/requests?locale=fr")));
    expect(res.locale).toBe("fr");
    expect(res.rows.map((r: { id: string }) => r.id)).toEqual([recent.id, old.id]);
    expect(res.needsAction).toBe(2);
    expect(res.rows[0].summary).toBe("J'ai changé d'avis");
    const all = await body(await run(loader as never, await adminGet("amend-demo", "/app/requests?tab=ALL")));
    expect(all.rows).toHaveLength(3);
  });

  it("GIVEN 60 requests THEN cursor pages of 25 cover them once each, forwards and back", async () => {
    for (let i = 0; i < 60; i++) await seedRequest({ createdAt: minutes(i % 7) }); // equal timestamps: ties broken on id
    const seen: string[] = [];
    let url = "/app/requests?tab=ALL";
    const pages = [];
    for (;;) {
      const page = await body(await run(loader as never, await adminGet("amend-demo", url)));
      pages.push(page);
      seen.push(...page.rows.map((r: { id: string }) => r.id));
      if (!page.next) break;
      url = `/app/requests?tab=ALL&after=${page.next}`;
    }
    expect(pages.map((p) => p.rows.length)).toEqual([25, 25, 10]);
    expect(new Set(seen).size).toBe(60);
    const back = await body(
      await run(loader as never, await adminGet("amend-demo", `/app/requests?tab=ALL&before=${pages[2].previous}`)),
    );
    expect(back.rows.map((r: { id: string }) => r.id)).toEqual(pages[1].rows.map((r: { id: string }) => r.id));
    expect(pages[0].previous).toBeNull();
  });

  it("GIVEN a search THEN it matches order names (with or without #), customer names in any case, and emails", async () => {
    await seedRequest({ orderName: "#1042", customerName: "Jane Doe", customerEmail: "jane@example.com" });
    await seedRequest({ orderName: "#2001", customerName: "Camille Martin", customerEmail: "camille@example.fr" });
    const search = async (q: string) =>
      (
        await body(
          await run(loader as never, await adminGet("amend-demo", `/app/requests?tab=ALL&q=${encodeURIComponent(q)}`)),
        )
      ).rows.map((r: { orderName: string }) => r.orderName);
    expect(await search("1042")).toEqual(["#1042"]);
    expect(await search("#20")).toEqual(["#2001"]);
    expect(await search("camille")).toEqual(["#2001"]);
    expect(await search("JANE@")).toEqual(["#1042"]);
    expect(await search("nobody")).toEqual([]);
  });

  it("GIVEN filters on kind, status and dates THEN only matching requests are listed", async () => {
    await seedRequest({
      kind: "ADDRESS_CHANGE",
      payload: { address: { city: "Lyon", countryCode: "FR", address1: "x" } },
      createdAt: new Date("2026-10-01T12:00:00Z"),
    });
    await seedRequest({ kind: "CANCELLATION", createdAt: new Date("2026-10-05T12:00:00Z") });
    const list = async (qs: string) =>
      (await body(await run(loader as never, await adminGet("amend-demo", `/app/requests?${qs}`)))).rows;
    expect((await list("tab=ALL&kind=ADDRESS_CHANGE")).map((r: { summary: string }) => r.summary)).toEqual([
      "To Lyon, France",
    ]);
    expect(await list("tab=ALL&from=2026-10-02&to=2026-10-05")).toHaveLength(1);
    expect(await list("tab=APPLIED")).toHaveLength(0);
    expect(await list("tab=NEEDS_ACTION&status=PENDING")).toHaveLength(2);
  });

  it("GIVEN shop B's session THEN shop A's requests are not listed, and bulk decisions on them are refused", async () => {
    const a = await seedRequest();
    const res = await body(await run(loader as never, await adminGet("other-shop", "/app/requests?tab=ALL")));
    expect(res.rows).toEqual([]);
    const bulk = await body(
      await run(
        action as never,
        await adminFetch("other-shop", "/app/requests", { form: { intent: "reject", ids: [a.id], note: "no" } }),
      ),
    );
    expect(bulk).toMatchObject({ ok: false, done: 0, failed: [{ id: a.id, code: "REQUEST_NOT_FOUND" }] });
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("PENDING");
  });

  it("WHEN staff bulk-reject two requests with one note THEN both are REJECTED with that note", async () => {
    const a = await seedRequest();
    const b = await seedRequest();
    const res = await body(
      await run(
        action as never,
        await adminFetch("amend-demo", "/app/requests", {
          form: { intent: "reject", ids: [a.id, b.id], note: "Déjà expédiée" },
        }),
      ),
    );
    expect(res).toMatchObject({ ok: true, done: 2, failed: [] });
    const rows = await prisma.changeRequest.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.map((r) => [r.status, r.decisionNote])).toEqual([
      ["REJECTED", "Déjà expédiée"],
      ["REJECTED", "Déjà expédiée"],
    ]);
  });

  it("GIVEN no session token THEN the loader does not answer with data", async () => {
    const res = await run(loader as never, new Request("https://my-test-app.myshopify.io/app/requests"));
    expect(res).toBeInstanceOf(Response);
    expect((res as unknown as Response).status).not.toBe(200);
  });
});

describe("search by a name shared by many requests (read name by name)", () => {
  const STATUSES = ["PENDING", "NEEDS_INFO", "FAILED", "APPLIED", "REJECTED", "WITHDRAWN"] as const;
  const TAB_STATUSES: Record<string, readonly string[] | null> = {
    ALL: null,
    NEEDS_ACTION: ["PENDING", "NEEDS_INFO", "FAILED"],
    APPLIED: ["APPLIED"],
  };
  type Seeded = {
    id: string;
    status: RequestStatus;
    kind: RequestKind;
    customerName: string;
    customerEmail: string;
    createdAt: Date;
    updatedAt: Date;
  };
  let seeded: Seeded[] = [];

  /** Requests of a few customers, mostly one customer after another in time, equal timestamps (ties on id), ids not in date order. */
  async function seed(names: string[], perName: number, emails: (name: string, i: number) => string) {
    const rows: Seeded[] = [];
    let i = seeded.length;
    for (const name of names)
      for (let k = 0; k < perName; k++, i++)
        rows.push({
          id: `cr_${String((i * 37) % 1000).padStart(3, "0")}_${i}`,
          status: STATUSES[(i * 7) % STATUSES.length],
          kind: i % 3 === 0 ? "ADDRESS_CHANGE" : "CANCELLATION",
          customerName: name,
          customerEmail: emails(name, i),
          createdAt: new Date(
            Date.parse("2025-06-01T00:00:00Z") + ((Math.floor(i / 3) + (i % 2) * 5) % 40) * 86_400_000,
          ),
          updatedAt: minutes(Math.floor(i / 4) + (i % 3) * 2),
        });
    await prisma.changeRequest.createMany({
      data: rows.map((r, k) => ({
        ...r,
        shop: SHOP_A,
        orderId: String(500_000 + seeded.length + k),
        orderName: `#${500_000 + seeded.length + k}`,
        customerId: "7001",
        payload: "{}",
        settingsVersion: 0,
        idempotencyKey: r.id,
      })),
    });
    seeded.push(...rows);
  }

  beforeEach(async () => {
    seeded = [];
    await seed(
      ["Camille Martin", "Camille Martin-B", "camille martin", "Camille Martinez"],
      24,
      (_n, i) => `c${i}@example.com`,
    );
    // not matched by "Camille Martin": another name, a shorter one, another case
    await seed(["Camille Bernard", "Camille Marti", "CAMILLE MARTIN"], 10, (_n, i) => `o${i}@example.com`);
    // matched by "camille" through their email only
    await seed(["Jane Doe"], 12, (_n, i) => `camille.${i}@example.fr`);
  });

  /** Every page from the first, forwards; then back from the last page to the first with `before`. */
  async function walk(qs: string, pageSize: number) {
    const pages: InboxPage[] = [];
    let after = "";
    for (;;) {
      const page = await listRequests(prisma, SHOP_A, parseInboxQuery(new URLSearchParams(qs + after)), pageSize);
      pages.push(page);
      if (!page.next) break;
      after = `&after=${page.next}`;
    }
    const back: InboxPage[] = [pages[pages.length - 1]];
    while (back[0].previous) {
      const q = parseInboxQuery(new URLSearchParams(`${qs}&before=${back[0].previous}`));
      back.unshift(await listRequests(prisma, SHOP_A, q, pageSize));
    }
    return { pages, back };
  }

  function expected(match: (r: Seeded) => boolean, qs: string) {
    const p = new URLSearchParams(qs);
    const sort = p.get("sort") ?? "created_desc";
    const field = sort.startsWith("updated") ? "updatedAt" : "createdAt";
    const sign = sort.endsWith("desc") ? -1 : 1;
    const tab = TAB_STATUSES[p.get("tab") ?? "ALL"];
    const status = p.getAll("status");
    const from = p.get("from") ? Date.parse(`${p.get("from")}T00:00:00Z`) : -Infinity;
    const to = p.get("to") ? Date.parse(`${p.get("to")}T00:00:00Z`) + 86_400_000 : Infinity;
    return seeded
      .filter(match)
      .filter((r) => !tab || tab.includes(r.status))
      .filter((r) => status.length === 0 || status.includes(r.status))
      .filter((r) => !p.get("kind") || r.kind === p.get("kind"))
      .filter((r) => r.createdAt.getTime() >= from && r.createdAt.getTime() < to)
      .sort((a, b) => sign * (a[field].getTime() - b[field].getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
      .map((r) => r.id);
  }

  const fullName = (r: Seeded) =>
    r.customerName.startsWith("Camille Martin") || r.customerName.startsWith("camille martin");
  const firstName = (r: Seeded) =>
    r.customerName.startsWith("Camille") ||
    r.customerName.startsWith("camille") ||
    r.customerEmail.startsWith("camille");
  const cases: [string, string, (r: Seeded) => boolean][] = [];
  for (const sort of ["created_desc", "created_asc", "updated_desc", "updated_asc"])
    for (const filter of [
      "tab=ALL",
      "tab=NEEDS_ACTION",
      "tab=APPLIED&kind=CANCELLATION",
      "tab=ALL&from=2025-06-05&to=2025-06-15",
      "tab=NEEDS_ACTION&status=FAILED&status=PENDING&kind=ADDRESS_CHANGE",
    ]) {
      cases.push(["Camille Martin", `${filter}&sort=${sort}&q=Camille%20Martin`, fullName]);
      cases.push(["camille (names and emails)", `${filter}&sort=${sort}&q=camille`, firstName]);
    }

  it.each(cases)(
    "GIVEN %s and %s THEN cursor pages list the matches once each, in order, forwards and back",
    async (_q, qs, match) => {
      const want = expected(match, qs);
      const { pages, back } = await walk(qs, 7);
      expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(want);
      expect(pages.every((p) => p.truncated === false)).toBe(true);
      if (want.length > 0) expect(pages.slice(0, -1).every((p) => p.rows.length === 7)).toBe(true);
      expect(back.map((p) => p.rows.map((r) => r.id))).toEqual(pages.map((p) => p.rows.map((r) => r.id)));
    },
  );

  it(`GIVEN a prefix matching more than ${SEARCH_NAMES_MAX} names THEN the search reads the matches as before, same pages`, async () => {
    const names = Array.from(
      { length: SEARCH_NAMES_MAX + 5 },
      (_, i) => `Camille Martin ${String(i).padStart(2, "0")}`,
    );
    await seed(names, 2, (_n, i) => `m${i}@example.com`);
    for (const qs of ["tab=ALL&q=Camille%20Martin", "tab=NEEDS_ACTION&sort=updated_asc&q=camille%20martin"]) {
      const { pages, back } = await walk(qs, 9);
      expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected(fullName, qs));
      expect(back.map((p) => p.rows.map((r) => r.id))).toEqual(pages.map((p) => p.rows.map((r) => r.id)));
    }
  });
});

// SQLite's planner is deterministic for these queries; PostgreSQL's picks a sequential scan on a table this small
// whatever the indexes, so the plans are asserted on SQLite (the provider bench/inbox.bench.ts measures).
describe.skipIf(databaseProvider() === "postgresql")("the inbox's queries use an index (EXPLAIN QUERY PLAN)", () => {
  async function plans(qs: string) {
    const client = new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
      log: [{ emit: "event", level: "query" }],
    });
    const queries: { sql: string; params: unknown[] }[] = [];
    client.$on("query", (e) => {
      if (/FROM [`"]?(main[`"]?\.)?[`"]?ChangeRequest/.test(e.query) && /^(SELECT|WITH)\b/i.test(e.query.trim()))
        queries.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
    });
    const page = await listRequests(client, SHOP_A, parseInboxQuery(new URLSearchParams(qs)));
    const out: string[][] = [];
    for (const q of queries) {
      const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${q.sql}`, ...q.params);
      out.push(rows.map((r) => r.detail));
    }
    await client.$disconnect();
    return { page, out };
  }
  const fullScan = (detail: string) => /^SCAN .*ChangeRequest/.test(detail) && !/USING (COVERING )?INDEX/.test(detail);

  beforeEach(async () => {
    for (let i = 0; i < 30; i++) await seedRequest({ createdAt: minutes(i) });
  });

  it.each([
    ["the first page of 'Needs action'", "tab=NEEDS_ACTION"],
    ["the first page of 'All'", "tab=ALL"],
    [
      "a later page, sorted by update",
      "tab=ALL&sort=updated_desc&after=" + Buffer.from(`${t0 + 10 * 60_000}|zzz`).toString("base64url"),
    ],
    ["one status and a kind", "tab=APPLIED&kind=CANCELLATION"],
    ["a search by order name", "tab=ALL&q=%231001"],
    ["a search by customer", "tab=NEEDS_ACTION&q=camille"],
  ])("%s", async (_name, qs) => {
    const { out } = await plans(qs);
    expect(out.length).toBeGreaterThan(0);
    for (const plan of out) {
      expect(plan.filter(fullScan)).toEqual([]);
      expect(plan.join(" ")).toMatch(/INDEX/);
    }
  });

  it.each([
    ["by creation", "tab=ALL&q=Camille%20Martin", "createdAt"],
    [
      "by update, a later page, with a status and a kind",
      "tab=NEEDS_ACTION&kind=CANCELLATION&sort=updated_asc&q=camille%20martin&after=" +
        Buffer.from(`${t0}|a`).toString("base64url"),
      "updatedAt",
    ],
  ])("a search by a full name, read name by name (loose index scan), %s", async (_name, qs, field) => {
    const { page, out } = await plans(qs);
    expect(page.rows.length).toBeGreaterThan(0);
    const all = out.map((plan) => plan.join(" "));
    // the distinct names: one seek per name, on the name index
    expect(
      all.some((p) =>
        /SEARCH ChangeRequest USING COVERING INDEX ChangeRequest_shop_customerName_\w+_idx \(shop=\? AND customerName>\? AND customerName<\?\)/.test(
          p,
        ),
      ),
    ).toBe(true);
    // each name in the page's order: equality on the name, then the sort field
    const perName = new RegExp(
      `SEARCH ChangeRequest USING (COVERING )?INDEX ChangeRequest_shop_customerName_${field}_id_idx \\(shop=\\? AND customerName=\\?`,
    );
    expect(all.some((p) => perName.test(p))).toBe(true);
    for (const plan of out) {
      expect(plan.filter(fullScan)).toEqual([]);
      expect(plan.join(" ")).toMatch(/INDEX/);
    }
  });
});
