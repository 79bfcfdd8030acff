import "../../support/app-env";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import { loader as home } from "~/routes/app._index";
import { loader as csvLoader } from "~/routes/app.withdrawals.csv";
import { loader as register } from "~/routes/app.withdrawals._index";
import { CSV_BATCH, listWithdrawals, withdrawalsDueSoon } from "~/services/admin-withdrawals.server";
import { SHOP_A, SHOP_B, adminGet, adminToken, body, run, seedRequest } from "../../support/admin";
import { customerToken, installShop } from "../../support/shopify-session";

beforeAll(async () => {
  await installShop(SHOP_A);
  await installShop(SHOP_B);
});
beforeEach(async () => {
  await prisma.outboxMessage.deleteMany();
  await prisma.changeRequest.deleteMany();
  await prisma.shopSettings.deleteMany();
});

const DAY = 86_400_000;
const t0 = Date.parse("2026-11-01T10:00:00.000Z");
let n = 0;

/** A WITHDRAWAL request as withdrawal-core registers it: its statement, outcome and reimbursement deadline. */
async function withdrawal(
  o: Partial<{
    shop: string;
    createdAt: Date;
    status: "APPLYING" | "APPLIED" | "FAILED";
    orderName: string;
    name: string;
    items: { lineItemId: string; title: string; quantity: number }[] | null;
    outcome: "CANCELLATION" | "RETURN";
    acknowledgeBy: { email: boolean; sms: boolean };
    appliedAt: Date;
    plan: { cancelOrder: boolean };
  }> = {},
) {
  n += 1;
  const createdAt = o.createdAt ?? new Date(t0 + n * 1000);
  const items = o.items === undefined ? null : o.items;
  return prisma.changeRequest.create({
    data: {
      shop: o.shop ?? SHOP_A,
      kind: "WITHDRAWAL",
      status: o.status ?? "APPLIED",
      orderId: String(500000 + n),
      orderName: o.orderName ?? `#${1000 + n}`,
      customerId: "7001",
      customerName: "Camille Martin",
      customerEmail: "camille@example.fr",
      locale: "fr",
      payload: JSON.stringify({
        statement: {
          name: o.name ?? "Camille Martin",
          items,
          wholeOrder: items === null,
          submittedAt: createdAt.toISOString(),
          source: "CUSTOMER_ACCOUNT",
          acknowledgeBy: o.acknowledgeBy ?? { email: true, sms: false },
        },
        outcome: o.outcome ?? "RETURN",
        reimbursementDueBy: new Date(createdAt.getTime() + 14 * DAY).toISOString(),
        returnId: o.outcome === "CANCELLATION" ? null : `gid://shopify/Return/${n}`,
        ...(o.plan
          ? {
              plan: {
                outcome: o.outcome ?? "RETURN",
                cancelOrder: o.plan.cancelOrder,
                cancelLines: [],
                returnLines: [],
                unplaced: [],
              },
            }
          : {}),
      }),
      settingsVersion: 0,
      idempotencyKey: `w-${n}-${Math.random()}`,
      createdAt,
      appliedAt: o.appliedAt ?? ((o.status ?? "APPLIED") === "APPLIED" ? new Date(createdAt.getTime() + 1000) : null),
    },
  });
}

async function acknowledgement(requestId: string, channel: "EMAIL" | "SMS", status: string) {
  n += 1;
  await prisma.outboxMessage.create({
    data: {
      shop: SHOP_A,
      requestId,
      event: "WITHDRAWAL_RECEIVED",
      channel,
      recipientRole: "CUSTOMER",
      recipient: channel === "EMAIL" ? "camille@example.fr" : "+33612345678",
      locale: "fr",
      text: "Accusé de réception",
      status,
      messageId: `m-${n}-${Math.random()}`,
      idempotencyKey: `k-${n}-${Math.random()}`,
    },
  });
}

/** The CSV's text without its byte order mark, and its records (a record's cells never hold CRLF here). */
async function csvOf(path: string) {
  const res = (await run(csvLoader as never, await adminGet("amend-demo", path))) as unknown as Response;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return {
    res,
    bytes,
    text,
    records: text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(0, -1),
  };
}

describe("the withdrawal register (GET /app/withdrawals)", () => {
  it("GIVEN 60 withdrawals and other requests THEN pages of 25 list only this shop's withdrawals, newest first, each once, forwards and back", async () => {
    for (let i = 0; i < 60; i++) await withdrawal({ createdAt: new Date(t0 + (i % 7) * 60_000) }); // ties broken on id
    await seedRequest({ kind: "CANCELLATION" });
    await withdrawal({ shop: SHOP_B });
    const pages = [];
    let url = "/app/withdrawals";
    for (;;) {
      const page = await body(await run(register as never, await adminGet("amend-demo", url)));
      pages.push(page);
      if (!page.next) break;
      url = `/app/withdrawals?after=${page.next}`;
    }
    expect(pages.map((p) => p.rows.length)).toEqual([25, 25, 10]);
    const ids = pages.flatMap((p) => p.rows.map((r: { id: string }) => r.id));
    expect(new Set(ids).size).toBe(60);
    const stored = await prisma.changeRequest.findMany({
      where: { shop: SHOP_A, kind: "WITHDRAWAL" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(ids).toEqual(stored.map((r) => r.id));
    expect(pages[0].previous).toBeNull();
    const back = await body(
      await run(register as never, await adminGet("amend-demo", `/app/withdrawals?before=${pages[2].previous}`)),
    );
    expect(back.rows.map((r: { id: string }) => r.id)).toEqual(pages[1].rows.map((r: { id: string }) => r.id));
  });

  it("GIVEN a date range THEN only withdrawals submitted on those UTC days, both included; a bad date is ignored", async () => {
    const before = await withdrawal({ createdAt: new Date("2026-11-01T23:59:59.999Z") });
    const first = await withdrawal({ createdAt: new Date("2026-11-02T00:00:00.000Z") });
    const last = await withdrawal({ createdAt: new Date("2026-11-03T23:59:59.999Z") });
    const after = await withdrawal({ createdAt: new Date("2026-11-04T00:00:00.000Z") });
    const page = await listWithdrawals(prisma, SHOP_A, { from: "2026-11-02", to: "2026-11-03" });
    expect(page.rows.map((r) => r.id)).toEqual([last.id, first.id]);
    const loose = await body(
      await run(register as never, await adminGet("amend-demo", "/app/withdrawals?from=yesterday&to=2026-02-30")),
    );
    expect(loose.query).toEqual({ from: "", to: "" });
    expect(loose.rows.map((r: { id: string }) => r.id)).toEqual([after.id, last.id, first.id, before.id]);
  });

  it("GIVEN acknowledgements in the outbox THEN each channel asked for shows its best delivery; one never queued shows as not sent", async () => {
    const w = await withdrawal({
      acknowledgeBy: { email: true, sms: true },
      items: [{ lineItemId: "11", title: "Lampe Opaline", quantity: 2 }],
    });
    await acknowledgement(w.id, "EMAIL", "FAILED");
    await acknowledgement(w.id, "EMAIL", "SENT"); // the resend was delivered
    const emailOnly = await withdrawal();
    await acknowledgement(emailOnly.id, "EMAIL", "PENDING");
    const page = await body(await run(register as never, await adminGet("amend-demo", "/app/withdrawals?locale=fr")));
    const [second, first] = page.rows;
    expect(first.items).toEqual(["2 × Lampe Opaline"]);
    expect(first.acknowledgement).toEqual([
      { channel: "E-mail", state: "SENT", label: "Remis", tone: "success" },
      { channel: "SMS", state: "NONE", label: "Non envoyé", tone: "warning" },
    ]);
    expect(second.items).toEqual(["Toute la commande"]);
    expect(second.acknowledgement).toEqual([
      { channel: "E-mail", state: "PENDING", label: "En file d'attente", tone: "attention" },
    ]);
  });

  it("GIVEN the refund setting in force when each was applied THEN only a whole order cancelled under AUTOMATIC is refunded by Shopify", async () => {
    const policy = (refund: "AUTOMATIC" | "MANUAL") =>
      JSON.stringify({ ...DEFAULT_POLICY, version: undefined, withdrawal: { ...DEFAULT_POLICY.withdrawal, refund } });
    await prisma.shopSettings.createMany({
      data: [
        { shop: SHOP_A, version: 1, policy: policy("MANUAL"), createdAt: new Date(t0 + 5 * DAY) },
        { shop: SHOP_A, version: 2, policy: policy("AUTOMATIC"), createdAt: new Date(t0 + 10 * DAY) },
      ],
    });
    const at = (days: number) => new Date(t0 + days * DAY);
    const whole = { outcome: "CANCELLATION" as const, items: null };
    const beforeAnySave = await withdrawal({ ...whole, appliedAt: at(1) }); // the default: AUTOMATIC
    const underManual = await withdrawal({ ...whole, appliedAt: at(6) });
    const underAutomatic = await withdrawal({ ...whole, appliedAt: at(11) });
    const someItems = await withdrawal({
      outcome: "CANCELLATION",
      items: [{ lineItemId: "11", title: "Vase", quantity: 1 }],
      appliedAt: at(11),
    });
    const everyItemListed = await withdrawal({
      outcome: "CANCELLATION",
      items: [{ lineItemId: "11", title: "Vase", quantity: 2 }],
      plan: { cancelOrder: true }, // the items listed were the whole order: Shopify cancelled it
      appliedAt: at(11),
    });
    const wholeButEdited = await withdrawal({ ...whole, plan: { cancelOrder: false }, appliedAt: at(11) });
    const applying = await withdrawal({ ...whole, status: "APPLYING" });
    const returned = await withdrawal({ outcome: "RETURN", items: null, appliedAt: at(11) });
    const rows = new Map((await listWithdrawals(prisma, SHOP_A, {})).rows.map((r) => [r.id, r]));
    const refunded = (w: { id: string }) => rows.get(w.id)!.refundedWithCancellation;
    expect([beforeAnySave, underManual, underAutomatic].map(refunded)).toEqual([true, false, true]);
    expect([someItems, applying, returned].map(refunded)).toEqual([false, false, false]);
    expect([everyItemListed, wholeButEdited].map(refunded)).toEqual([true, false]);
  });

  it("GIVEN no withdrawal THEN an empty page, and the register says the function is off until it is turned on", async () => {
    const page = await body(await run(register as never, await adminGet("amend-demo", "/app/withdrawals")));
    expect(page).toMatchObject({ rows: [], next: null, previous: null, enabled: false, any: false });
  });
});

describe("reimbursements due soon (Home)", () => {
  it("GIVEN deadlines in 1, 3 and 5 days, one passed and one refunded with its cancellation THEN Home lists the 1- and 3-day ones, soonest first", async () => {
    const now = Date.now();
    const submittedDaysAgo = (d: number) => new Date(now - d * DAY);
    const in3 = await withdrawal({ createdAt: submittedDaysAgo(11.01), orderName: "#3" });
    const in1 = await withdrawal({ createdAt: submittedDaysAgo(13), orderName: "#1" });
    await withdrawal({ createdAt: submittedDaysAgo(9), orderName: "#5" });
    await withdrawal({ createdAt: submittedDaysAgo(15), orderName: "#late" });
    await withdrawal({ createdAt: submittedDaysAgo(12), outcome: "CANCELLATION", orderName: "#refunded" });
    expect((await withdrawalsDueSoon(prisma, SHOP_A, new Date(now))).map((r) => r.id)).toEqual([in1.id, in3.id]);
    const data = await body(await run(home as never, await adminGet("amend-demo", "/app")));
    expect(data.withdrawals.shown).toBe(true);
    expect(data.withdrawals.dueSoon.map((r: { orderName: string }) => r.orderName)).toEqual(["#1", "#3"]);
    expect(data.withdrawals.dueSoon[0].reimbursement.state).toBe("DUE_SOON");
  });
});

describe("the CSV export (GET /app/withdrawals/csv)", () => {
  it("GIVEN withdrawals with hostile text THEN a UTF-8 CSV with BOM, RFC 4180 quoting, formulas neutralised, times in UTC", async () => {
    await withdrawal({
      createdAt: new Date("2026-11-02T08:30:00.000Z"),
      name: '=HYPERLINK("http://evil.example","x")',
      items: [
        { lineItemId: "11", title: 'Lampe "Opaline", blanc', quantity: 2 },
        { lineItemId: "12", title: "+Vase", quantity: 1 },
      ],
      acknowledgeBy: { email: true, sms: true },
      orderName: "#1001",
    });
    await withdrawal({ createdAt: new Date("2026-11-01T09:00:00.000Z"), name: "Zoë Ørsted", orderName: "#1000" });
    await withdrawal({ createdAt: new Date("2026-10-31T23:59:59.000Z"), orderName: "#999" }); // outside the range
    const { res, bytes, records } = await csvOf("/app/withdrawals/csv?from=2026-11-01&to=2026-11-30");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="withdrawals-2026-11-01-2026-11-30.csv"');
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(records[0]).toBe(
      "Request ID,Order ID,Order,Customer name,Submitted at (UTC),Source,Whole order,Items,Acknowledgement by,Email acknowledgement,SMS acknowledgement,Outcome,Status,Reimbursement due by (UTC),Shopify return ID",
    );
    expect(records).toHaveLength(3);
    expect(records[1]).toContain(
      ",#1000,Zoë Ørsted,2026-11-01T09:00:00.000Z,CUSTOMER_ACCOUNT,yes,,email,NONE,,RETURN,",
    );
    expect(records[1]).toContain(",2026-11-15T09:00:00.000Z,gid://shopify/Return/");
    expect(records[2]).toContain(
      `,#1001,"'=HYPERLINK(""http://evil.example"",""x"")",2026-11-02T08:30:00.000Z,CUSTOMER_ACCOUNT,no,"2 × Lampe ""Opaline"", blanc; 1 × +Vase",email; sms,NONE,NONE,RETURN,APPLIED,`,
    );
  });

  it("GIVEN a range with no withdrawal THEN the header only, in the admin's language", async () => {
    const { res, records } = await csvOf("/app/withdrawals/csv?from=2026-01-01&to=2026-01-31&locale=fr");
    expect(res.status).toBe(200);
    expect(records).toHaveLength(1);
    expect(records[0].startsWith("ID de la demande,ID de la commande,Commande,Nom du client,Soumise le (UTC)")).toBe(
      true,
    );
  });

  it("GIVEN more withdrawals than one batch THEN every one once, oldest first, streamed in batches", async () => {
    const count = CSV_BATCH * 2 + 7;
    await prisma.changeRequest.createMany({
      data: Array.from({ length: count }, (_, i) => {
        const createdAt = new Date(t0 + Math.floor(i / 3) * 1000); // three to a second: ties broken on id
        return {
          shop: SHOP_A,
          kind: "WITHDRAWAL" as const,
          status: "APPLIED" as const,
          orderId: String(700000 + i),
          orderName: `#${20000 + i}`,
          customerId: "7001",
          payload: JSON.stringify({ statement: null, outcome: "RETURN", reimbursementDueBy: null }),
          settingsVersion: 0,
          idempotencyKey: `bulk-${i}`,
          createdAt,
        };
      }),
    });
    const { records } = await csvOf("/app/withdrawals/csv?from=2026-11-01&to=2026-11-30");
    const orders = records.slice(1).map((r) => r.split(",")[2]);
    expect(orders).toHaveLength(count);
    expect(new Set(orders).size).toBe(count);
    const stored = await prisma.changeRequest.findMany({
      where: { shop: SHOP_A },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { orderName: true },
    });
    expect(orders).toEqual(stored.map((s) => s.orderName));
  });

  it.each([
    ["no dates", "", "from"],
    ["a date that is not one", "?from=2026-11-01&to=2026-02-30x", "to"],
    ["a day that does not exist", "?from=2026-02-30&to=2026-03-31", "from"],
    ["from after to", "?from=2026-11-30&to=2026-11-01", "to"],
    ["more than 366 days", "?from=2025-01-01&to=2026-01-02", "from"],
  ])("GIVEN %s THEN 400 INVALID_INPUT naming the field, and no file", async (_name, query, field) => {
    const res = (await run(
      csvLoader as never,
      await adminGet("amend-demo", `/app/withdrawals/csv${query}`),
    )) as unknown as Response;
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect((await res.json()).error).toMatchObject({ code: "INVALID_INPUT", field });
  });

  it("GIVEN a customer's token or an admin token naming another shop THEN 401 and no file", async () => {
    await withdrawal({ createdAt: new Date("2026-11-05T10:00:00.000Z") });
    const strangers = [
      await customerToken("amend-demo", "7001"),
      await adminToken("amend-demo", { iss: "https://other-shop.myshopify.com/admin" }),
    ];
    for (const token of strangers) {
      const res = (await run(
        csvLoader as never,
        new Request("https://my-test-app.myshopify.io/app/withdrawals/csv?from=2026-11-01&to=2026-11-30", {
          headers: { Authorization: `Bearer ${token}` },
        }),
      )) as unknown as Response;
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("Camille");
    }
  });

  it("GIVEN another shop's withdrawals THEN they are not in this shop's export", async () => {
    await withdrawal({ shop: SHOP_B, createdAt: new Date("2026-11-05T10:00:00.000Z"), orderName: "#other" });
    const { records } = await csvOf("/app/withdrawals/csv?from=2026-11-01&to=2026-11-30");
    expect(records).toHaveLength(1);
  });
});
