import "../../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../../demo/simulator/server";
import { prisma } from "~/db.server";
import { action as allow } from "~/routes/flow.actions.allow-self-service";
import { action as approve } from "~/routes/flow.actions.approve-cancellation";
import { action as block } from "~/routes/flow.actions.block-self-service";
import { action as reject } from "~/routes/flow.actions.reject-cancellation";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { installShop } from "../../support/shopify-session";
import { call, flowRequest, readExtensionToml } from "./support";

const SHOP = "amend-demo.myshopify.com";
const OTHER = "other-shop.myshopify.com";
let sim: Awaited<ReturnType<typeof startSimulator>>;
type Route = (args: never) => Promise<Response>;

const ROUTES: [string, Route, Record<string, unknown>][] = [
  ["approve-cancellation", approve as Route, {}],
  ["reject-cancellation", reject as Route, { note: "Votre commande est déjà en préparation." }],
  ["block-self-service", block as Route, { reason: "High fraud risk" }],
  ["allow-self-service", allow as Route, {}],
];

function run(handle: string, properties: Record<string, unknown>, shop = SHOP) {
  return {
    shop_id: "1",
    shopify_domain: shop,
    action_run_id: `run-${Math.random()}`,
    action_definition_id: handle,
    handle,
    properties,
  };
}

async function send(route: Route, handle: string, body: unknown, options: { secret?: string; raw?: string } = {}) {
  const response = await call(route, flowRequest(`https://amend.example.com/flow/actions/${handle}`, body, options));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function pendingCancellation(orderId = "5001") {
  return prisma.changeRequest.create({
    data: {
      shop: SHOP,
      kind: "CANCELLATION",
      status: "PENDING",
      orderId,
      orderName: "#1001",
      customerId: "7001",
      payload: JSON.stringify({ reason: "CHANGED_MIND", note: null }),
      settingsVersion: 0,
      idempotencyKey: `k-${Math.random()}`,
      openKey: `${SHOP}|${orderId}|CANCELLATION`,
    },
  });
}

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
  await installShop(OTHER);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  await prisma.changeRequest.deleteMany();
  await prisma.orderBlock.deleteMany();
  await prisma.outboxMessage.deleteMany();
});

describe("Flow action extensions", () => {
  it.each(ROUTES)("%s is declared with its runtime URL and the order reference", (handle) => {
    const { extension, fields } = readExtensionToml(`flow-action-${handle}`);
    expect([extension.type, extension.handle]).toEqual(["flow_action", handle]);
    expect(extension.runtime_url).toMatch(new RegExp(`^https://.+/flow/actions/${handle}$`));
    expect(fields[0]).toMatchObject({ type: "order_reference", required: true });
  });
});

describe("Flow action routes", () => {
  it.each(ROUTES)("%s: a bad signature is 401 and changes nothing", async (handle, route, extra) => {
    await pendingCancellation();
    const res = await send(route, handle, run(handle, { order_id: "5001", ...extra }), { secret: "not-the-secret" });
    expect(res.status).toBe(401);
    expect((await prisma.changeRequest.findFirstOrThrow()).status).toBe("PENDING");
    expect(await prisma.orderBlock.count()).toBe(0);
  });

  it.each(ROUTES)("%s: a malformed body is 400 naming the field", async (handle, route, extra) => {
    const noOrder = await send(route, handle, run(handle, { ...extra }));
    expect([noOrder.status, noOrder.body.error.field]).toEqual([400, "properties.order_id"]);
    const notJson = await send(route, handle, null, { raw: "{not json" });
    expect([notJson.status, notJson.body.error.field]).toEqual([400, "body"]);
  });

  it("approve: a good run approves the order's cancellation and Shopify cancels the order", async () => {
    const request = await pendingCancellation();
    const res = await send(
      approve as Route,
      "approve-cancellation",
      run("approve-cancellation", { order_id: "gid://shopify/Order/5001" }),
    );
    expect(res.status).toBe(200);
    expect(["APPLYING", "APPLIED"]).toContain(res.body.request.status);
    const events = await prisma.requestEvent.findMany({ where: { requestId: request.id } });
    // the merchant's workflow decides on the merchant's behalf: recorded as STAFF, as the lifecycle table allows
    expect(events.some((e) => e.actor === "STAFF" && e.toStatus === "APPLYING")).toBe(true);
    // Flow retries a run it did not hear back from: the second answer is 200, nothing is done twice.
    const again = await send(
      approve as Route,
      "approve-cancellation",
      run("approve-cancellation", { order_id: "5001" }),
    );
    expect([again.status, again.body.alreadyDone]).toEqual([200, true]);
  });

  it("reject: a good run rejects with the note the customer reads; a note is required", async () => {
    const request = await pendingCancellation();
    const noNote = await send(reject as Route, "reject-cancellation", run("reject-cancellation", { order_id: "5001" }));
    expect([noNote.status, noNote.body.error.field]).toEqual([400, "properties.note"]);
    const res = await send(
      reject as Route,
      "reject-cancellation",
      run("reject-cancellation", { order_id: "5001", note: "Déjà préparée." }),
    );
    expect([res.status, res.body.request.status]).toEqual([200, "REJECTED"]);
    const after = await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect([after.status, after.decisionNote]).toEqual(["REJECTED", "Déjà préparée."]);
    // a Flow rejection is the merchant's decision (STAFF): SYSTEM may not reject
    const decided = await prisma.requestEvent.findMany({ where: { requestId: request.id, toStatus: "REJECTED" } });
    expect(decided.map((e) => e.actor)).toEqual(["STAFF"]);
  });

  it("block then allow: the order is blocked (the rules say FEATURE_DISABLED), then free again", async () => {
    const blocked = await send(
      block as Route,
      "block-self-service",
      run("block-self-service", { order_id: "5001", reason: "High risk" }),
    );
    expect(blocked.status).toBe(200);
    expect(await prisma.orderBlock.findFirst({ where: { shop: SHOP, orderId: "5001" } })).toMatchObject({
      reason: "High risk",
    });
    const allowed = await send(allow as Route, "allow-self-service", run("allow-self-service", { order_id: "5001" }));
    expect(allowed.status).toBe(200);
    expect(await prisma.orderBlock.count()).toBe(0);
  });

  it("an action on another shop's order is refused (404) and changes nothing", async () => {
    const request = await pendingCancellation();
    const fromOther = await send(
      approve as Route,
      "approve-cancellation",
      run("approve-cancellation", { order_id: "5001" }, OTHER),
    );
    expect(fromOther.status).toBe(404);
    const rejectOther = await send(
      reject as Route,
      "reject-cancellation",
      run("reject-cancellation", { order_id: "5001", note: "x" }, OTHER),
    );
    expect(rejectOther.status).toBe(404);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
    // An order id Shopify does not know in this shop.
    const unknown = await send(block as Route, "block-self-service", run("block-self-service", { order_id: "999999" }));
    expect(unknown.status).toBe(404);
    expect(await prisma.orderBlock.count()).toBe(0);
  });
});
