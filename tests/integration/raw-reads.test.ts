import "../support/app-env";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { openRequestsForOrder, orderBlockFor, requestsForOrder } from "~/models/change-request.server";

// The customer's hot reads are plain SQL (app/models/change-request.server.ts). They must give exactly what
// Prisma's own reads give — types included (dates, booleans, integers, nulls) — on SQLite and on PostgreSQL.
const SHOP = "raw-reads.myshopify.com";
const ORDER = "7001";

async function request(n: number, overrides: Record<string, unknown> = {}) {
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 9, n * 10 + minutes, 0, 123));
  const created = await prisma.changeRequest.create({
    data: {
      shop: SHOP,
      kind: n % 2 ? "CANCELLATION" : "ADDRESS_CHANGE",
      status: "PENDING",
      orderId: ORDER,
      orderName: "#7001",
      customerId: "42",
      customerName: "Camille Martin",
      payload: JSON.stringify({ n, note: "l'adresse « exacte »" }),
      settingsVersion: 3 + n,
      idempotencyKey: `raw-${n}`,
      createdAt: at(0),
      ...overrides,
    },
  });
  await prisma.requestEvent.create({
    data: { requestId: created.id, actor: "CUSTOMER", toStatus: "PENDING", message: null, at: at(1) },
  });
  await prisma.requestEvent.create({
    data: {
      requestId: created.id,
      actor: "STAFF",
      fromStatus: "PENDING",
      toStatus: "NEEDS_INFO",
      message: "?",
      at: at(2),
    },
  });
  await prisma.requestMessage.create({
    data: { requestId: created.id, author: "STAFF", body: "Quel étage ?", at: at(3) },
  });
  return created;
}

beforeEach(async () => {
  await prisma.changeRequest.deleteMany({ where: { shop: SHOP } });
  await prisma.orderBlock.deleteMany({ where: { shop: SHOP } });
});

describe("the customer's plain-SQL reads", () => {
  it("requestsForOrder gives what Prisma's findMany with events and messages gives", async () => {
    await request(1, {
      customerEmail: "camille@example.com",
      openKey: `${SHOP}|${ORDER}|CANCELLATION`,
      singleChange: false,
      holdApplied: true,
      deadlineAt: new Date("2026-11-27T09:00:00.000Z"),
      decisionNote: null,
    });
    await request(2, {
      status: "APPLIED",
      appliedKey: `${SHOP}|${ORDER}`,
      appliedAt: new Date("2026-11-25T10:00:00.500Z"),
      decidedAt: new Date("2026-11-25T10:00:00.000Z"),
      failureMessage: "a note",
    });
    await request(3, { shop: "other.myshopify.com", idempotencyKey: "raw-other" });

    const expected = await prisma.changeRequest.findMany({
      where: { shop: SHOP, orderId: ORDER },
      orderBy: { createdAt: "desc" },
      include: { events: { orderBy: { at: "asc" } }, messages: { orderBy: { at: "asc" } } },
    });
    const actual = await requestsForOrder(prisma, SHOP, ORDER);
    expect(expected).toHaveLength(2);
    expect(actual).toEqual(expected);
    expect(actual[1].holdApplied).toBe(true);
    expect(actual[1].deadlineAt).toBeInstanceOf(Date);
    expect(actual[0].events.map((e) => e.toStatus)).toEqual(["PENDING", "NEEDS_INFO"]);
    expect(await requestsForOrder(prisma, SHOP, "404")).toEqual([]);
  });

  it("openRequestsForOrder lists the open ones only", async () => {
    const open = await request(1, { openKey: `${SHOP}|${ORDER}|CANCELLATION` });
    await request(2, { status: "APPLIED" });
    expect(await openRequestsForOrder(prisma, SHOP, ORDER)).toEqual([
      { id: open.id, status: "PENDING", kind: open.kind },
    ]);
  });

  it("orderBlockFor gives what Prisma's findUnique gives, or null", async () => {
    await prisma.orderBlock.create({
      data: { shop: SHOP, orderId: ORDER, reason: "Fraud check", createdAt: new Date("2026-11-25T08:00:00.250Z") },
    });
    const expected = await prisma.orderBlock.findUnique({ where: { shop_orderId: { shop: SHOP, orderId: ORDER } } });
    expect(await orderBlockFor(prisma, SHOP, ORDER)).toEqual(expected);
    expect(await orderBlockFor(prisma, SHOP, "404")).toBeNull();
  });
});
