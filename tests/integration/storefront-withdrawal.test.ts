import "../support/app-env";
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "../../demo/simulator/server";
import { prisma } from "~/db.server";
import { DEFAULT_POLICY } from "~/domain/policy";
import { shopifyProxyQuery } from "~/http/app-proxy.server";
import { savePolicy } from "~/models/settings.server";
import { action, loader } from "~/routes/proxy.withdrawal";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { LOOKUP_MIN_MS } from "~/services/withdrawal.server";
import { installShop } from "../support/shopify-session";

// The storefront withdrawal page through its route, with requests signed as Shopify's app proxy signs them,
// against the Admin API simulator's demo store. Each scenario uses its own order (the per-order-number limit).

const SHOP = "amend-demo.myshopify.com";
const CAMILLE = { name: "Camille Martin", email: "camille.martin@example.fr" };
let sim: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
  await savePolicy(prisma, SHOP, {
    ...DEFAULT_POLICY,
    withdrawal: { ...DEFAULT_POLICY.withdrawal, enabled: true },
  } as never);
});
afterAll(async () => {
  await sim.close();
});

interface Page {
  status: number;
  type: string | null;
  html: string;
  ms: number;
}

let ipCounter = 0;
/** A visitor of their own (an address of their own, for the per-visitor limits). */
const visitor = () => `198.51.100.${++ipCounter}`;

async function proxy(input: {
  method?: "GET" | "POST";
  form?: Record<string, string> | string;
  locale?: string;
  ip?: string;
  secret?: string;
}): Promise<Page> {
  const query = shopifyProxyQuery({
    visitorQuery: new URLSearchParams({ locale: input.locale ?? "fr" }),
    shop: SHOP,
    pathPrefix: "/apps/amend",
    nowSeconds: Math.floor(Date.now() / 1000),
    secret: input.secret ?? API_SECRET_KEY,
  });
  const method = input.method ?? (input.form ? "POST" : "GET");
  const request = new Request(`https://amend.example.com/proxy/withdrawal?${query}`, {
    method,
    headers: {
      "X-Forwarded-For": input.ip ?? visitor(),
      ...(input.form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    body: input.form
      ? typeof input.form === "string"
        ? input.form
        : new URLSearchParams(input.form).toString()
      : undefined,
  });
  const started = Date.now();
  const route = method === "GET" ? loader : action;
  const response = await route({ request, params: {}, context: {} } as never);
  return {
    status: response.status,
    type: response.headers.get("Content-Type"),
    html: await response.text(),
    ms: Date.now() - started,
  };
}

const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** Step 1 then the lookup, as one visitor. */
async function lookup(values: { name: string; orderNumber: string; email: string }, ip = visitor()) {
  const first = await proxy({ ip });
  return proxy({ ip, form: { step: "lookup", token: tokenOf(first.html), ...values } });
}

async function withdrawals(orderId: string) {
  return prisma.changeRequest.findMany({ where: { shop: SHOP, orderId, kind: "WITHDRAWAL" as never } });
}

describe("the storefront withdrawal page (app proxy)", () => {
  it("GIVEN a signed GET THEN step 1 is answered as Liquid, in the link's language, with the law's label", async () => {
    const fr = await proxy({ locale: "fr" });
    expect(fr.status).toBe(200);
    expect(fr.type).toBe("application/liquid");
    expect(fr.html).toContain("Renoncer au contrat ici");
    expect(tokenOf(fr.html)).not.toBe("");
    expect((await proxy({ locale: "en" })).html).toContain("Withdraw from contract here");
  });

  it("GIVEN a request not signed by Shopify THEN 401 and no form", async () => {
    const page = await proxy({ secret: "not-the-secret" });
    expect(page.status).toBe(401);
    expect(page.html).not.toContain('name="token"');
  });

  it("GIVEN name, order number and email that match THEN the statement, the items and 'Confirmer la rétractation'", async () => {
    const page = await lookup({ ...CAMILLE, email: "  CAMILLE.Martin@Example.FR ", orderNumber: "#1001" });
    expect(page.status, page.html).toBe(200);
    expect(page.html).toContain("Je soussigné(e), Camille Martin");
    expect(page.html).toContain("#1001");
    expect(page.html).toContain("Bougie parfumée Figuier 190 g");
    expect(page.html).toContain('name="qty.60001"');
    expect(page.html).toContain("Confirmer la rétractation");
    expect(page.html).toContain('name="step" value="confirm"');
  });

  it("GIVEN a wrong email for a real order, or an order that does not exist THEN the same answer, wording and timing", async () => {
    const wrongEmail = await lookup({ ...CAMILLE, orderNumber: "1002", email: "someone@example.fr" });
    const noOrder = await lookup({ ...CAMILLE, orderNumber: "9902", email: "someone@example.fr" });
    for (const page of [wrongEmail, noOrder]) {
      expect(page.status).toBe(200);
      expect(page.html).toContain("Nous n’avons pas trouvé de commande avec ces informations.");
      expect(page.html).not.toContain("Confirmer la rétractation");
      expect(page.ms).toBeGreaterThanOrEqual(LOOKUP_MIN_MS - 5);
    }
    const normalise = (html: string) => html.replace(tokenOf(html), "T").replace(/value="(1002|9902)"/, 'value="N"');
    expect(normalise(wrongEmail.html)).toBe(normalise(noOrder.html));
    // nothing from the real order leaks into the refusal
    expect(wrongEmail.html).not.toContain("Diffuseur");
  });

  it("GIVEN the right email but another name THEN refused like any other miss", async () => {
    const page = await lookup({ name: "Someone Else", orderNumber: "1003", email: CAMILLE.email });
    expect(page.html).toContain("Nous n’avons pas trouvé de commande");
  });

  it("GIVEN a partial withdrawal confirmed THEN the acknowledgement lists the item and quantity with date and time, one request stored", async () => {
    const ip = visitor();
    const statement = await lookup({ ...CAMILLE, orderNumber: "1007" }, ip);
    expect(statement.html).toContain("Confirmer la rétractation");
    const done = await proxy({
      ip,
      form: {
        step: "confirm",
        token: tokenOf(statement.html),
        name: "Camille Martin",
        scope: "items",
        "qty.60008": "1",
        "qty.60009": "0",
      },
    });
    expect(done.status, done.html).toBe(200);
    expect(done.html).toContain("Votre rétractation a bien été enregistrée");
    expect(done.html).toMatch(/Envoyée le \d{1,2} \S+ \d{4} à \d{2}:\d{2}:\d{2} \(UTC\)/);
    expect(done.html).toContain("Lampe Opaline laiton × 1");
    expect(done.html).not.toContain("Bougie parfumée Figuier 190 g × ");
    const stored = await withdrawals("5007");
    expect(stored).toHaveLength(1);
    expect(JSON.parse(String(stored[0].payload))).toMatchObject({
      statement: { name: "Camille Martin", wholeOrder: false, items: [{ lineItemId: "60008", quantity: 1 }] },
    });
  });

  it("GIVEN the confirm form submitted twice at once THEN exactly one withdrawal, the same acknowledgement twice", async () => {
    const ip = visitor();
    const statement = await lookup({ ...CAMILLE, orderNumber: "1008" }, ip);
    const form = { step: "confirm", token: tokenOf(statement.html), name: "Camille Martin", scope: "whole" };
    const [a, b] = await Promise.all([proxy({ ip, form }), proxy({ ip, form })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.html).toContain("Votre rétractation a bien été enregistrée");
    expect(b.html).toBe(a.html);
    expect(await withdrawals("5008")).toHaveLength(1);
  });

  it("GIVEN a confirm token of one order edited to name another THEN 403, nothing registered", async () => {
    const ip = visitor();
    const statement = await lookup({ ...CAMILLE, orderNumber: "1009" }, ip);
    const [body, signature] = tokenOf(statement.html).split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { o: string };
    payload.o = "5011";
    const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
    const page = await proxy({ ip, form: { step: "confirm", token: forged, name: "X", scope: "whole" } });
    expect(page.status).toBe(403);
    expect(await withdrawals("5011")).toHaveLength(0);
  });

  it("GIVEN no item chosen for a partial withdrawal THEN the statement again with the message, nothing registered", async () => {
    const ip = visitor();
    const statement = await lookup({ ...CAMILLE, orderNumber: "1016" }, ip);
    const page = await proxy({
      ip,
      locale: "en",
      form: {
        step: "confirm",
        token: tokenOf(statement.html),
        name: "Camille Martin",
        scope: "items",
        "qty.61601": "0",
      },
    });
    expect(page.status).toBe(400);
    expect(page.html).toContain("Please choose at least one item");
    expect(page.html).toContain("Confirm withdrawal");
    expect(await withdrawals("5016")).toHaveLength(0);
  });

  it("GIVEN a matched order the store does not offer withdrawal for (shipped outside its countries) THEN it says so, no form", async () => {
    const page = await proxy({
      locale: "en",
      form: {
        step: "lookup",
        token: tokenOf((await proxy({ locale: "en" })).html),
        name: "Oliver Bennett",
        orderNumber: "1011",
        email: "oliver.bennett@example.com",
      },
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain("This store doesn&#39;t offer withdrawal online for this order.");
    expect(page.html).not.toContain("<form");
  });

  it("GIVEN many lookups of one order number from many addresses THEN 429 after 5, the same for a number that does not exist", async () => {
    for (const number of ["1005", "9905"]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await lookup({ ...CAMILLE, orderNumber: number, email: "wrong@example.fr" })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    }
  });
});
