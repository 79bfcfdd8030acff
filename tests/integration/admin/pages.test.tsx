import "../../support/app-env";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import Home, { loader as homeLoader } from "~/routes/app._index";
import Inbox, { loader as inboxLoader } from "~/routes/app.requests._index";
import Detail from "~/routes/app.requests.$id";
import Settings, { loader as settingsLoader } from "~/routes/app.settings";
import Withdrawals, { loader as withdrawalsLoader } from "~/routes/app.withdrawals._index";
import { SHOP_A, adminGet, body, run, seedRequest } from "../../support/admin";
import { renderRoute } from "../../support/render-route";
import { installShop } from "../../support/shopify-session";

beforeAll(async () => {
  await installShop(SHOP_A);
});
beforeEach(async () => {
  await prisma.changeRequest.deleteMany();
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("pages render (react-dom/server)", () => {
  it("the inbox: tabs, the table with the request, and bulk actions — in French", async () => {
    await seedRequest({ orderName: "#1001", customerName: "Camille Martin" });
    const data = await body(await run(inboxLoader as never, await adminGet("amend-demo", "/app/requests?locale=fr")));
    const html = await renderRoute(Inbox, data, "/app/requests");
    const t = text(html);
    expect(t).toContain("Demandes");
    expect(t).toContain("À traiter");
    expect(t).toContain("#1001");
    expect(t).toContain("Camille Martin");
    expect(t).toContain("En attente");
    expect(html).toMatch(/href="\/app\/requests\/[^"]+"/);
  });

  it("the inbox with nothing to do: an empty state that says so", async () => {
    const data = await body(await run(inboxLoader as never, await adminGet("amend-demo", "/app/requests")));
    const t = text(await renderRoute(Inbox, data, "/app/requests"));
    expect(t).toContain("You're all caught up: nothing needs a decision.");
  });

  it("the inbox's other tabs with no request: the empty state says what will appear, not its heading twice", async () => {
    const data = await body(await run(inboxLoader as never, await adminGet("amend-demo", "/app/requests?tab=ALL")));
    const t = text(await renderRoute(Inbox, data, "/app/requests"));
    expect(t).toContain("No requests here");
    expect(t).toContain("appear here");
    expect(t.split("No requests here").length - 1).toBe(1);
  });

  it("the request page: old and new address side by side, rules with outcomes, and named decision buttons", async () => {
    const data = {
      locale: "en",
      shop: SHOP_A,
      orderUrl: "shopify:admin/orders/5001",
      request: {
        id: "r1",
        kind: "ADDRESS_CHANGE",
        status: "PENDING",
        orderId: "5001",
        orderName: "#1001",
        customerName: "Camille Martin",
        customerEmail: "camille@example.fr",
        created: "Nov 1, 2026",
        deadline: null,
        decisionNote: null,
        failureMessage: null,
        reason: null,
        note: null,
        address: { address1: "4 place Bellecour", city: "Lyon", zip: "69002", countryCode: "FR" },
        previousAddress: { address1: "18 rue du Sentier", city: "Paris", zip: "75002", countryCode: "FR" },
      },
      evaluation: [
        { code: "FULFILLMENT_STARTED", passed: true },
        { code: "SHIPPING_COST_INCREASE", passed: false },
      ],
      events: [{ id: "e1", actor: "CUSTOMER", from: null, to: "PENDING", message: null, at: "Nov 1, 2026" }],
      messages: [],
      order: {
        financial: "AUTHORIZED",
        fulfillment: "UNFULFILLED",
        cancelled: false,
        customerDataWithheld: [],
        lineItems: [{ id: "gid://shopify/LineItem/1", title: "Candle", quantity: 2 }],
      },
      storeCancellations: [],
      undelivered: [
        {
          id: "o1",
          event: "CANCELLATION_REQUESTED",
          channel: "EMAIL",
          address: "camille@example.fr",
          retrying: false,
          answer: "RCPT TO: 550 5.1.1 mailbox unavailable",
          at: "1 nov. 2026, 09:30",
        },
      ],
      actions: ["approve", "reject", "requestInfo"],
      actionKey: "00000000-0000-4000-8000-000000000000",
    };
    const html = await renderRoute(Detail, data, "/app/requests/r1");
    const t = text(html);
    expect(t).toContain("Current address");
    expect(t).toContain("18 rue du Sentier");
    expect(t).toContain("4 place Bellecour");
    expect(t).toContain("The customer did not receive a message");
    expect(t).toContain("Cancellation requested (Email) to camille@example.fr");
    expect(t).toContain("550 5.1.1 mailbox unavailable");
    expect(t).toContain("Shipping is not arranged yet");
    expect(t).toContain("Shipping to the new address costs more");
    for (const name of [
      "Approve request",
      "Reject request",
      "Ask customer for information",
      "Cancel the order in Shopify",
    ])
      expect(t).toContain(name);
    expect(html).toContain('href="shopify:admin/orders/5001"');
    expect(t).not.toContain("Retry applying");
  });

  it("settings: every rule explained with its switch, windows, deadline and reasons", async () => {
    const data = await body(
      await run(settingsLoader as never, await adminGet("amend-demo", "/app/settings?locale=fr")),
    );
    const t = text(await renderRoute(Settings, data, "/app/settings"));
    for (const s of [
      "L'expédition n'est pas encore organisée",
      "Un seul changement d'adresse par commande.",
      "Sans limite de temps",
      "Délai de décision",
      "Remettre les articles en stock",
      "Motifs proposés au client",
    ])
      expect(t).toContain(s);
  });

  it("settings: the withdrawal section with countries by name, the period, and the terms' paragraph in both languages to copy", async () => {
    const data = await body(
      await run(settingsLoader as never, await adminGet("amend-demo", "/app/settings?locale=fr")),
    );
    const html = await renderRoute(Settings, data, "/app/settings");
    const t = text(html);
    for (const s of [
      "Rétractation (UE)",
      "Proposer la fonctionnalité de rétractation",
      "Délai de rétractation (jours après la livraison)",
      "Allemagne (DE)",
      "Norvège (NO)",
      "Aucune exception : tous les produits peuvent faire l'objet d'une rétractation.",
      "Texte pour vos conditions générales",
      "Vous pouvez également exercer votre droit de rétractation en ligne sur https://amend-demo.myshopify.com/apps/amend/withdrawal",
      "You can also exercise your right of withdrawal online at https://amend-demo.myshopify.com/apps/amend/withdrawal",
    ])
      expect(t).toContain(s);
    expect(html).toContain('lang="fr"');
    expect(html.match(/>Copier</g)).toHaveLength(2);
    expect(html).toMatch(/<legend[^>]*>.*Pays de livraison où elle est proposée/);
  });

  it("the withdrawal register: the statement's items, the outcome, an overdue reimbursement highlighted — in French", async () => {
    const createdAt = new Date(Date.now() - 20 * 86_400_000);
    await prisma.changeRequest.create({
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
            items: [{ lineItemId: "11", title: "Lampe Opaline", quantity: 2 }],
            wholeOrder: false,
            submittedAt: createdAt.toISOString(),
            source: "STOREFRONT",
            acknowledgeBy: { email: true, sms: false },
          },
          outcome: "RETURN",
          reimbursementDueBy: new Date(createdAt.getTime() + 14 * 86_400_000).toISOString(),
          returnId: "gid://shopify/Return/1",
        }),
        settingsVersion: 0,
        idempotencyKey: "page-w1",
        createdAt,
      },
    });
    const data = await body(
      await run(withdrawalsLoader as never, await adminGet("amend-demo", "/app/withdrawals?locale=fr")),
    );
    const html = await renderRoute(Withdrawals, data, "/app/withdrawals");
    const t = text(html);
    for (const s of [
      "Rétractations",
      "#1001",
      "Camille Martin",
      "2 × Lampe Opaline",
      "Retour demandé",
      "En retard",
      "E-mail : Non envoyé",
      "Exporter en CSV",
      "La fonctionnalité de rétractation est désactivée.",
    ])
      expect(t).toContain(s);
    expect(html).toMatch(/href="\/app\/requests\/[^"]+"/);
  });

  it("the withdrawal register with none yet: an empty state that says what will appear", async () => {
    const data = await body(await run(withdrawalsLoader as never, await adminGet("amend-demo", "/app/withdrawals")));
    const t = text(await renderRoute(Withdrawals, data, "/app/withdrawals"));
    expect(t).toContain("No withdrawals yet");
    expect(t).toContain("When a customer withdraws from a contract, the withdrawal appears here");
  });

  it("home: what needs action and the last 30 days", async () => {
    await seedRequest();
    const data = await body(await run(homeLoader as never, await adminGet("amend-demo", "/app")));
    const t = text(await renderRoute(Home, data, "/app"));
    expect(t).toContain("Needs action today");
    expect(t).toContain("Pending decisions");
    expect(t).toContain("Median time to a decision");
  });
});
