import "../../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../../demo/simulator/server";
import { prisma } from "~/db.server";
import { FLOW_TRIGGERS, FLOW_TRIGGER_NAMES, flowTriggerPayload } from "~/flow/triggers";
import type { NotificationEvent } from "~/notifications/events";
import { createAppFlowTransport } from "~/notifications/transports/flow.server";
import { createOutboxWorker } from "~/notifications/worker.server";
import { action as lifecycle } from "~/routes/flow.lifecycle";
import { withFlowTriggers } from "~/services/flow-notify.server";
import { outboxNotifier } from "~/services/notify.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { installShop } from "../../support/shopify-session";
import { call, flowRequest, payloadKeyOf, readExtensionToml } from "./support";

const SHOP = "amend-demo.myshopify.com";
let sim: Awaited<ReturnType<typeof startSimulator>>;

const paris = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "18 rue du Sentier",
  city: "Paris",
  zip: "75002",
  countryCode: "FR",
};
const lyon = {
  firstName: "Camille",
  lastName: "Martin",
  address1: "3 place Bellecour",
  city: "Lyon",
  zip: "69002",
  countryCode: "FR",
};

async function request(kind: "ADDRESS_CHANGE" | "CANCELLATION", overrides: Record<string, unknown> = {}) {
  return prisma.changeRequest.create({
    data: {
      shop: SHOP,
      kind,
      status: kind === "CANCELLATION" ? "PENDING" : "APPLIED",
      orderId: "5001",
      orderName: "#1001",
      customerId: "7001",
      customerName: "Camille Martin",
      customerEmail: "camille@example.com",
      locale: "fr",
      payload: JSON.stringify(
        kind === "CANCELLATION"
          ? { reason: "CHANGED_MIND", note: "Commandé deux fois" }
          : { address: lyon, previousAddress: paris },
      ),
      evaluation: JSON.stringify([
        { code: "PAYMENT_CONFIRMED", passed: false },
        { code: "FULFILLMENT_STARTED", passed: true },
      ]),
      settingsVersion: 0,
      idempotencyKey: `k-${Math.random()}`,
      ...overrides,
    },
  });
}

async function lifecycleCallback(handle: string, enabled: boolean, timestamp = new Date().toISOString(), shop = SHOP) {
  return call(
    lifecycle as never,
    flowRequest("https://amend.example.com/flow/lifecycle", {
      flow_trigger_definition_id: FLOW_TRIGGER_NAMES[handle as keyof typeof FLOW_TRIGGER_NAMES],
      has_enabled_flow: enabled,
      shop_id: 690933842,
      shopify_domain: shop,
      timestamp,
    }),
  );
}

/** A transition's notifications, as a use case writes them: in the transaction of its event. */
async function transition(requestId: string, event: NotificationEvent) {
  const notify = withFlowTriggers(outboxNotifier());
  await prisma.$transaction(async (tx) => {
    const request = await tx.changeRequest.findUniqueOrThrow({ where: { id: requestId } });
    const ev = await tx.requestEvent.create({ data: { requestId, actor: "SYSTEM", toStatus: request.status } });
    await notify(tx, { request, event, eventId: ev.id });
  });
}

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await prisma.changeRequest.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.flowTriggerSubscription.deleteMany();
});

describe("Flow trigger payloads", () => {
  it.each(Object.entries(FLOW_TRIGGERS))(
    "GIVEN %s THEN the payload has exactly the fields its extension declares, of their types",
    async (event, handle) => {
      const { extension, fields } = readExtensionToml(`flow-trigger-${handle}`);
      expect([extension.type, extension.handle, extension.name]).toEqual([
        "flow_trigger",
        handle,
        FLOW_TRIGGER_NAMES[handle],
      ]);
      const kind = event.startsWith("ADDRESS") ? "ADDRESS_CHANGE" : "CANCELLATION";
      const payload = flowTriggerPayload(
        await request(kind, { failureMessage: "orderCancel refused" }),
        event as NotificationEvent,
      ) as unknown as Record<string, unknown>;
      const declared = new Map(fields.map((f) => [payloadKeyOf(f), String(f.type)]));
      expect(Object.keys(payload).sort()).toEqual([...declared.keys()].sort());
      for (const [key, type] of declared) {
        if (type.endsWith("_reference")) expect(Number.isSafeInteger(payload[key]), key).toBe(true);
        else expect(typeof payload[key], key).toBe("string");
      }
      expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(50_000);
    },
  );

  it("GIVEN a withdrawal THEN Reason says what follows in Shopify and Note what is withdrawn", async () => {
    const withdrawal = (wholeOrder: boolean) =>
      request("CANCELLATION", {
        kind: "WITHDRAWAL",
        status: "APPLYING",
        payload: JSON.stringify({
          statement: {
            name: "Camille Martin",
            items: wholeOrder ? null : [{ lineItemId: "11", title: "Lampe Opaline", quantity: 2 }],
            wholeOrder,
            submittedAt: "2026-11-02T08:30:00.000Z",
            source: "STOREFRONT",
            acknowledgeBy: { email: true, sms: false },
          },
          lines: [
            { lineItemId: "11", title: "Lampe Opaline", quantity: 2 },
            ...(wholeOrder ? [{ lineItemId: "12", title: "Vase", quantity: 1 }] : []),
          ],
          outcome: wholeOrder ? "CANCELLATION" : "RETURN",
          reimbursementDueBy: "2026-11-16T08:30:00.000Z",
        }),
      });
    const part = flowTriggerPayload(await withdrawal(false), "WITHDRAWAL_RECEIVED");
    expect([part["Request kind"], part["Request status"], part.Reason, part.Note]).toEqual([
      "WITHDRAWAL",
      "APPLYING",
      "RETURN",
      "2 × Lampe Opaline",
    ]);
    const whole = flowTriggerPayload(await withdrawal(true), "WITHDRAWAL_RECEIVED");
    expect([whole.Reason, whole.Note]).toEqual(["CANCELLATION", "Whole order: 2 × Lampe Opaline; 1 × Vase"]);
    expect([whole["Old address"], whole["New address"]]).toEqual(["", ""]);
  });

  it("GIVEN an address change THEN both addresses are one line each, and a refusal names the failing rules", async () => {
    const payload = flowTriggerPayload(await request("ADDRESS_CHANGE"), "ADDRESS_CHANGE_REFUSED");
    expect(payload["Old address"]).toBe("Camille Martin, 18 rue du Sentier, 75002 Paris, FR");
    expect(payload["New address"]).toBe("Camille Martin, 3 place Bellecour, 69002 Lyon, FR");
    expect(payload.Reason).toBe("PAYMENT_CONFIRMED");
    expect([payload.order_id, payload.customer_id]).toEqual([5001, 7001]);
  });
});

describe("sending triggers through the outbox", () => {
  const worker = async () =>
    createOutboxWorker({
      db: prisma,
      transports: { flow: await createAppFlowTransport({ maxAttempts: 1 }) },
      backoff: { baseMs: 0, maxMs: 0 },
    });

  it("GIVEN a shop that has not turned the trigger on THEN no FLOW row is queued and nothing is sent", async () => {
    const r = await request("CANCELLATION");
    await transition(r.id, "CANCELLATION_REQUESTED");
    expect(await prisma.outboxMessage.count({ where: { channel: "FLOW" } })).toBe(0);
    await (await worker()).runOnce();
    expect(sim.store.flowTriggers).toEqual([]);
  });

  it("GIVEN the trigger turned on, Flow failing once THEN it is retried and delivered once, with its payload", async () => {
    expect((await lifecycleCallback("cancellation-requested", true)).status).toBe(200);
    const r = await request("CANCELLATION");
    await transition(r.id, "CANCELLATION_REQUESTED");
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { channel: "FLOW" } });
    expect([row.recipient, row.event, row.status]).toEqual([
      "cancellation-requested",
      "CANCELLATION_REQUESTED",
      "PENDING",
    ]);

    // This worker has no email transport: the customer's receipt is another test's business.
    await prisma.outboxMessage.deleteMany({ where: { channel: { not: "FLOW" } } });
    sim.faults.inject({ kind: "HTTP_503", operation: "flowTriggerReceive" });
    const w = await worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retrying: 1, sent: 0 });
    expect(sim.store.flowTriggers).toEqual([]);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });

    expect(sim.store.flowTriggers).toHaveLength(1);
    expect(sim.store.flowTriggers[0]).toMatchObject({
      handle: "cancellation-requested",
      payload: {
        order_id: 5001,
        customer_id: 7001,
        "Request kind": "CANCELLATION",
        Reason: "CHANGED_MIND",
        Note: "Commandé deux fois",
      },
    });
    const log = await prisma.deliveryAttempt.findMany({ where: { outboxId: row.id }, orderBy: { at: "asc" } });
    expect(log.map((a) => a.ok)).toEqual([false, true]);
  });

  it("GIVEN the same transition replayed THEN its trigger is queued once", async () => {
    await lifecycleCallback("cancellation-rejected", true);
    const r = await request("CANCELLATION", { status: "REJECTED", decisionNote: "Déjà expédiée" });
    const notify = withFlowTriggers(outboxNotifier());
    const ev = await prisma.requestEvent.create({ data: { requestId: r.id, actor: "STAFF", toStatus: "REJECTED" } });
    for (let i = 0; i < 2; i++)
      await prisma.$transaction((tx) => notify(tx, { request: r, event: "CANCELLATION_REJECTED", eventId: ev.id }));
    expect(await prisma.outboxMessage.count({ where: { channel: "FLOW" } })).toBe(1);
  });

  it("GIVEN the workflow turned off later, and an older callback arriving after THEN nothing is queued", async () => {
    await lifecycleCallback("address-change-applied", true, "2026-11-25T10:00:00Z");
    await lifecycleCallback("address-change-applied", false, "2026-11-25T11:00:00Z");
    const stale = await lifecycleCallback("address-change-applied", true, "2026-11-25T10:30:00Z");
    expect(await stale.json()).toMatchObject({ applied: false });
    const r = await request("ADDRESS_CHANGE");
    await transition(r.id, "ADDRESS_CHANGE_APPLIED");
    expect(await prisma.outboxMessage.count({ where: { channel: "FLOW" } })).toBe(0);
  });

  it("GIVEN a lifecycle callback with a bad signature or a malformed body THEN 401 / 400 and nothing stored", async () => {
    const body = {
      flow_trigger_definition_id: "Cancellation requested",
      has_enabled_flow: true,
      shopify_domain: SHOP,
      timestamp: new Date().toISOString(),
    };
    const forged = await call(
      lifecycle as never,
      flowRequest("https://amend.example.com/flow/lifecycle", body, { secret: "wrong" }),
    );
    expect(forged.status).toBe(401);
    const malformed = await call(
      lifecycle as never,
      flowRequest("https://amend.example.com/flow/lifecycle", { ...body, has_enabled_flow: "yes" }),
    );
    expect([malformed.status, (await malformed.json()).error.field]).toEqual([400, "has_enabled_flow"]);
    expect(await prisma.flowTriggerSubscription.count()).toBe(0);
  });
});
