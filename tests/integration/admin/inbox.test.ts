import "../../support/app-env";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action, loader } from "~/routes/app.requests._index";
import { listRequests, parseInboxQuery } from "~/services/admin-inbox.server";
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

describe("the inbox's queries use an index (EXPLAIN QUERY PLAN)", () => {
  async function plans(qs: string) {
    const client = new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
      log: [{ emit: "event", level: "query" }],
    });
    const queries: { sql: string; params: unknown[] }[] = [];
    client.$on("query", (e) => {
      if (/FROM [`"]?(main[`"]?\.)?[`"]?ChangeRequest/.test(e.query) && /^SELECT/i.test(e.query.trim()))
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
});
