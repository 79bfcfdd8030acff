import "../../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../../demo/simulator/server";
import { prisma } from "~/db.server";
import Detail, { action, loader } from "~/routes/app.requests.$id";
import { loader as orderRequests } from "~/routes/api.admin.orders.$orderId.requests";
import { action as decision } from "~/routes/api.admin.requests.$requestId.decision";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { SHOP_A, SHOP_B, adminFetch, adminGet, adminToken, body, run, seedRequest } from "../../support/admin";
import { renderRoute } from "../../support/render-route";
import { customerToken, installShop } from "../../support/shopify-session";

let sim: Awaited<ReturnType<typeof startSimulator>>;
beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP_A);
  await installShop(SHOP_B);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await sim.reset();
  await prisma.changeRequest.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.storeCancellation.deleteMany();
});

const cancellation = (orderId = "5001", orderName = "#1001") =>
  seedRequest({
    orderId,
    orderName,
    customerEmail: "camille@example.fr",
    payload: { reason: "CHANGED_MIND", note: "Mauvaise taille" },
  });

describe("GET /app/requests/:id", () => {
  it("GIVEN shop A's cancellation request THEN the page has the order from Shopify, the customer's reason, the rules and the timeline", async () => {
    const r = await cancellation();
    const data = await body(
      await run(loader as never, await adminGet("amend-demo", `/app/requests/${r.id}?locale=fr`), { id: r.id }),
    );
    expect(data.request).toMatchObject({
      orderName: "#1001",
      orderId: "5001",
      status: "PENDING",
      reason: "J'ai changé d'avis",
      note: "Mauvaise taille",
    });
    expect(data.order.lineItems.map((l: { title: string }) => l.title)).toContain("Bougie parfumée Figuier 190 g");
    expect(data.evaluation).toEqual([
      { code: "FULFILLMENT_STARTED", passed: true },
      { code: "WINDOW_EXPIRED", passed: true },
    ]);
    expect(data.events).toHaveLength(1);
    expect(data.actions.sort()).toEqual(["approve", "reject", "requestInfo"]);
  });

  it("GIVEN a withdrawal THEN the page has its full statement, the acknowledgement's delivery and the reimbursement deadline, and no decision to take", async () => {
    const submittedAt = new Date("2026-11-02T08:30:00.000Z");
    const w = await prisma.changeRequest.create({
      data: {
        shop: SHOP_A,
        kind: "WITHDRAWAL",
        status: "APPLIED",
        orderId: "5001",
        orderName: "#1001",
        customerId: "7001",
        customerName: "Camille Martin",
        payload: JSON.stringify({
          statement: {
            name: "Camille Martin",
            items: [{ lineItemId: "11", title: "Lampe Opaline", quantity: 1 }],
            wholeOrder: false,
            submittedAt: submittedAt.toISOString(),
            source: "STOREFRONT",
            acknowledgeBy: { email: true, sms: false },
          },
          outcome: "RETURN",
          reimbursementDueBy: "2026-11-16T08:30:00.000Z",
          returnId: "gid://shopify/Return/9",
        }),
        settingsVersion: 0,
        idempotencyKey: "detail-w1",
        createdAt: submittedAt,
        appliedAt: submittedAt,
      },
    });
    await prisma.outboxMessage.create({
      data: {
        shop: SHOP_A,
        requestId: w.id,
        event: "WITHDRAWAL_RECEIVED",
        channel: "EMAIL",
        recipientRole: "CUSTOMER",
        recipient: "camille@example.fr",
        locale: "fr",
        text: "Accusé de réception",
        status: "SENT",
        messageId: "detail-m1",
        idempotencyKey: "detail-k1",
      },
    });
    const data = await body(
      await run(loader as never, await adminGet("amend-demo", `/app/requests/${w.id}?locale=fr`), { id: w.id }),
    );
    expect(data.withdrawal).toMatchObject({
      name: "Camille Martin",
      orderName: "#1001",
      items: ["1 × Lampe Opaline"],
      submitted: "2 nov. 2026, 08:30",
      source: "Page de la boutique",
      acknowledgeBy: ["E-mail"],
      acknowledgement: [{ channel: "E-mail", state: "SENT", label: "Remis" }],
      outcome: { label: "Retour demandé" },
      returnId: "gid://shopify/Return/9",
      reimbursement: { due: "16 nov. 2026, 08:30", state: "OVERDUE" },
    });
    expect(data.actions).toEqual([]);
    const html = await renderRoute(Detail, data, `/app/requests/${w.id}`);
    const t = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const s of ["Déclaration de rétractation", "Rembourser avant le", "E-mail : Remis", "L221-24"])
      expect(t).toContain(s);
    expect(html).toContain('href="/app/withdrawals"');
    expect(t).not.toContain("Règles vérifiées");
    expect(html).toMatch(/<dt[^>]*>.*Nom.*<\/dt><dd[^>]*>Camille Martin<\/dd>/);
  });

  it("GIVEN an id no request can have (65 characters, a quote) THEN 404, not 500", async () => {
    for (const id of ["a".repeat(65), "x'--"]) {
      const res = (await run(loader as never, await adminGet("amend-demo", `/app/requests/${id}`), {
        id,
      })) as unknown as Response;
      expect(res.status, id).toBe(404);
    }
  });

  it("GIVEN shop B's session THEN shop A's request is 404", async () => {
    const r = await cancellation();
    const res = await run(loader as never, await adminGet("other-shop", `/app/requests/${r.id}`), { id: r.id });
    expect((res as unknown as Response).status).toBe(404);
  });
});

describe("POST /app/requests/:id (staff decisions)", () => {
  it("WHEN staff approve a cancellation THEN the order is cancelled in Shopify and the request is APPLIED", async () => {
    const r = await cancellation();
    const res = await body(
      await run(
        action as never,
        await adminFetch("amend-demo", `/app/requests/${r.id}`, { form: { intent: "approve", note: "" } }),
        { id: r.id },
      ),
    );
    expect(res).toEqual({ ok: true, intent: "approve", status: "APPLIED" });
    const order = sim.store.orders.find((o) => o.name === "#1001");
    expect(order?.cancelledAt).toBeTruthy();
  });

  it("WHEN staff reject with a note THEN REJECTED, the note is in the thread, and the customer's email is queued", async () => {
    const r = await cancellation();
    const res = await body(
      await run(
        action as never,
        await adminFetch("amend-demo", `/app/requests/${r.id}`, { form: { intent: "reject", note: "Déjà emballée" } }),
        { id: r.id },
      ),
    );
    expect(res).toMatchObject({ ok: true, status: "REJECTED" });
    const messages = await prisma.requestMessage.findMany({ where: { requestId: r.id } });
    expect(messages.map((m) => [m.author, m.body])).toEqual([["STAFF", "Déjà emballée"]]);
    const outbox = await prisma.outboxMessage.findMany({ where: { requestId: r.id } });
    expect(outbox.map((o) => [o.event, o.recipient])).toEqual([["CANCELLATION_REJECTED", "camille@example.fr"]]);
  });

  it("WHEN staff ask for information without a question THEN 400 NOTE_REQUIRED and nothing changes", async () => {
    const r = await cancellation();
    const res = await run(
      action as never,
      await adminFetch("amend-demo", `/app/requests/${r.id}`, { form: { intent: "requestInfo", note: " " } }),
      { id: r.id },
    );
    expect((res as unknown as Response).status).toBe(400);
    expect((await body(res)).error.code).toBe("NOTE_REQUIRED");
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING");
  });

  it("WHEN the decision comes as JSON, or as a broken multipart, instead of a form THEN 400 INVALID_INPUT and nothing changes", async () => {
    const r = await cancellation();
    const json = await adminFetch("amend-demo", `/app/requests/${r.id}`, { json: { intent: "approve" } });
    const multipart = new Request(json.url, {
      method: "POST",
      headers: { Authorization: json.headers.get("Authorization")!, "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x\r\nContent-Disposition: form-data; name=intent\r\n\r\napprove",
    });
    for (const request of [json, multipart]) {
      const res = (await run(action as never, request, { id: r.id })) as unknown as Response;
      expect([res.status, (await body(res)).error.code]).toEqual([400, "INVALID_INPUT"]);
    }
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING");
  });

  it("WHEN a decided request is approved again THEN 409 INVALID_TRANSITION", async () => {
    const r = await cancellation();
    await run(
      action as never,
      await adminFetch("amend-demo", `/app/requests/${r.id}`, { form: { intent: "reject" } }),
      { id: r.id },
    );
    const res = await run(
      action as never,
      await adminFetch("amend-demo", `/app/requests/${r.id}`, { form: { intent: "approve" } }),
      { id: r.id },
    );
    expect([(res as unknown as Response).status, (await body(res)).error.code]).toEqual([409, "INVALID_TRANSITION"]);
  });

  it("GIVEN shop B's session WHEN it approves or rejects shop A's request THEN 404 and the request is untouched", async () => {
    const r = await cancellation();
    for (const intent of ["approve", "reject"]) {
      const res = await run(
        action as never,
        await adminFetch("other-shop", `/app/requests/${r.id}`, { form: { intent } }),
        { id: r.id },
      );
      expect([(res as unknown as Response).status, (await body(res)).error.code]).toEqual([404, "REQUEST_NOT_FOUND"]);
    }
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING");
  });
});

describe("merchant-initiated cancellation", () => {
  it("WHEN the store cancels the whole order with its reason THEN Shopify cancels it, one record, one customer email — even if submitted twice", async () => {
    const r = await cancellation("5006", "#1006");
    const form = {
      intent: "storeCancel",
      scope: "WHOLE_ORDER",
      reason: "OUT_OF_STOCK",
      note: "Rupture",
      actionKey: crypto.randomUUID(),
    };
    const first = await body(
      await run(action as never, await adminFetch("amend-demo", `/app/requests/${r.id}`, { form }), { id: r.id }),
    );
    const second = await body(
      await run(action as never, await adminFetch("amend-demo", `/app/requests/${r.id}`, { form }), { id: r.id }),
    );
    expect(first).toEqual({ ok: true, intent: "storeCancel", scope: "WHOLE_ORDER" });
    expect(second).toEqual(first);
    expect(sim.store.orders.find((o) => o.name === "#1006")?.cancelledAt).toBeTruthy();
    expect(await prisma.storeCancellation.count()).toBe(1);
    const outbox = await prisma.outboxMessage.findMany({ where: { event: "ORDER_CANCELLED_BY_STORE" } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].recipientRole).toBe("CUSTOMER");
  });

  it("WHEN the store cancels one item THEN the order is edited and ORDER_PARTIALLY_CANCELLED lists it", async () => {
    const r = await cancellation("5007", "#1007");
    const form = {
      intent: "storeCancel",
      scope: "ITEMS",
      reason: "OUT_OF_STOCK",
      actionKey: crypto.randomUUID(),
      "qty:gid://shopify/LineItem/60009": "1",
    };
    const res = await body(
      await run(action as never, await adminFetch("amend-demo", `/app/requests/${r.id}`, { form }), { id: r.id }),
    );
    expect(res).toEqual({ ok: true, intent: "storeCancel", scope: "ITEMS" });
    const record = await prisma.storeCancellation.findFirstOrThrow();
    expect(JSON.parse(record.lines)).toEqual([
      { lineItemId: "gid://shopify/LineItem/60009", title: "Bougie parfumée Figuier 190 g", quantity: 1 },
    ]);
    const outbox = await prisma.outboxMessage.findMany({ where: { event: "ORDER_PARTIALLY_CANCELLED" } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].text).toContain("Bougie parfumée Figuier 190 g");
  });

  it("GIVEN items scope with nothing chosen THEN 400 and nothing is sent to Shopify", async () => {
    const r = await cancellation("5007", "#1007");
    const res = await run(
      action as never,
      await adminFetch("amend-demo", `/app/requests/${r.id}`, {
        form: { intent: "storeCancel", scope: "ITEMS", reason: "OUT_OF_STOCK", actionKey: crypto.randomUUID() },
      }),
      { id: r.id },
    );
    expect((res as unknown as Response).status).toBe(400);
    expect(await prisma.storeCancellation.count()).toBe(0);
  });

  it("GIVEN items scope with every quantity 0 THEN 400 CHOOSE_ITEMS and the order is untouched", async () => {
    const r = await cancellation("5007", "#1007");
    const res = await run(
      action as never,
      await adminFetch("amend-demo", `/app/requests/${r.id}`, {
        form: {
          intent: "storeCancel",
          scope: "ITEMS",
          reason: "OUT_OF_STOCK",
          actionKey: crypto.randomUUID(),
          "qty:gid://shopify/LineItem/60009": "0",
        },
      }),
      { id: r.id },
    );
    expect([(res as unknown as Response).status, (await body(res)).error.code]).toEqual([400, "CHOOSE_ITEMS"]);
    expect(sim.store.orders.find((o) => o.name === "#1007")?.cancelledAt).toBeFalsy();
    expect(await prisma.storeCancellation.count()).toBe(0);
  });

  it("GIVEN shop B's session WHEN it cancels the order of shop A's request THEN 404 and Shopify is untouched", async () => {
    const r = await cancellation("5006", "#1006");
    const res = await run(
      action as never,
      await adminFetch("other-shop", `/app/requests/${r.id}`, {
        form: { intent: "storeCancel", scope: "WHOLE_ORDER", reason: "OUT_OF_STOCK", actionKey: crypto.randomUUID() },
      }),
      { id: r.id },
    );
    expect([(res as unknown as Response).status, (await body(res)).error.code]).toEqual([404, "REQUEST_NOT_FOUND"]);
    expect(sim.store.orders.find((o) => o.name === "#1006")?.cancelledAt).toBeFalsy();
    expect(await prisma.storeCancellation.count()).toBe(0);
  });
});

describe("the admin order block's API (session token, CORS)", () => {
  const origin = "https://extensions.shopifycdn.com";

  it("GET this order's requests THEN they are listed with CORS headers", async () => {
    const r = await cancellation();
    const res = (await run(
      orderRequests as never,
      await adminFetch("amend-demo", "/api/admin/orders/5001/requests", { origin }),
      { orderId: "5001" },
    )) as unknown as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await body(res)).requests).toEqual([
      expect.objectContaining({ id: r.id, status: "PENDING", canDecide: true, reason: "CHANGED_MIND" }),
    ]);
  });

  it("POST a rejection THEN the request is REJECTED; from shop B THEN 404, and B lists nothing for A's order", async () => {
    const r = await cancellation();
    const other = (await run(
      decision as never,
      await adminFetch("other-shop", `/api/admin/requests/${r.id}/decision`, { json: { action: "reject" }, origin }),
      { requestId: r.id },
    )) as unknown as Response;
    expect([other.status, (await body(other)).error.code]).toEqual([404, "REQUEST_NOT_FOUND"]);
    expect(other.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const list = await body(
      await run(orderRequests as never, await adminFetch("other-shop", "/api/admin/orders/5001/requests", { origin }), {
        orderId: "5001",
      }),
    );
    expect(list.requests).toEqual([]);
    const ok = (await run(
      decision as never,
      await adminFetch("amend-demo", `/api/admin/requests/${r.id}/decision`, { json: { action: "reject" }, origin }),
      { requestId: r.id },
    )) as unknown as Response;
    expect([ok.status, (await body(ok)).request.status]).toEqual([200, "REJECTED"]);
  });

  it("POST a decision for a malformed id THEN 404; a token whose dest names no shop THEN 401, not 500", async () => {
    const id = "a".repeat(65);
    const res = (await run(
      decision as never,
      await adminFetch("amend-demo", `/api/admin/requests/${id}/decision`, { json: { action: "reject" }, origin }),
      { requestId: id },
    )) as unknown as Response;
    expect([res.status, (await body(res)).error.code]).toEqual([404, "REQUEST_NOT_FOUND"]);
    const { getJwt, API_KEY, API_SECRET_KEY } = await import("@shopify/shopify-api/test-helpers");
    const { token } = await getJwt("amend-demo", API_KEY, API_SECRET_KEY, { dest: "not a url" });
    const noShop = new Request("https://my-test-app.myshopify.io/api/admin/orders/5001/requests", {
      headers: { Origin: origin, Authorization: `Bearer ${token}` },
    });
    expect(((await run(orderRequests as never, noShop, { orderId: "5001" })) as unknown as Response).status).toBe(401);
  });

  it("a customer's session token (same secret), or an admin token of another shop's admin THEN 401 on the admin API and pages", async () => {
    const r = await cancellation();
    const customer = await customerToken("amend-demo", "7001");
    const strangers = [
      customer,
      await adminToken("amend-demo", { iss: "https://other-shop.myshopify.com/admin" }),
      await adminToken("amend-demo", { sub: "gid://shopify/Customer/7001" }),
    ];
    for (const token of strangers) {
      const headers = { Origin: origin, Authorization: `Bearer ${token}` };
      const list = (await run(
        orderRequests as never,
        new Request("https://my-test-app.myshopify.io/api/admin/orders/5001/requests", { headers }),
        { orderId: "5001" },
      )) as unknown as Response;
      expect(list.status).toBe(401);
      expect(await list.text()).not.toContain(r.id);
      const decided = (await run(
        decision as never,
        new Request(`https://my-test-app.myshopify.io/api/admin/requests/${r.id}/decision`, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify({ action: "reject" }),
        }),
        { requestId: r.id },
      )) as unknown as Response;
      expect(decided.status).toBe(401);
      const page = (await run(
        loader as never,
        new Request(`https://my-test-app.myshopify.io/app/requests/${r.id}?embedded=1&id_token=${token}`),
        { id: r.id },
      )) as unknown as Response;
      expect(page.status).toBe(401);
    }
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING");
  });

  it("GET an order's requests for an id no order can have (1 000 digits, zero-padded past 20, not digits) THEN 400 INVALID_INPUT", async () => {
    for (const orderId of ["9".repeat(1_000), `0${"9".repeat(25)}`, "-1", "５００１"]) {
      const res = (await run(
        orderRequests as never,
        await adminFetch("amend-demo", `/api/admin/orders/${encodeURIComponent(orderId)}/requests`, { origin }),
        { orderId },
      )) as unknown as Response;
      expect([res.status, (await body(res)).error.code], orderId.slice(0, 30)).toEqual([400, "INVALID_INPUT"]);
    }
  });

  it("OPTIONS (CORS preflight) THEN 204 with CORS headers; no token THEN 401", async () => {
    const preflight = new Request("https://my-test-app.myshopify.io/api/admin/orders/5001/requests", {
      method: "OPTIONS",
      headers: { Origin: origin },
    });
    const res = (await run(orderRequests as never, preflight, { orderId: "5001" })) as unknown as Response;
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
    const anonymous = new Request("https://my-test-app.myshopify.io/api/admin/orders/5001/requests", {
      headers: { Origin: origin, Authorization: "Bearer nope" },
    });
    expect(((await run(orderRequests as never, anonymous, { orderId: "5001" })) as unknown as Response).status).toBe(
      401,
    );
  });
});
