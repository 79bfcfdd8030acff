import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOTS, eventually, launchChromium, startDemoProcess, userAgent, type RunningDemo } from "./support";

// The storefront withdrawal function without signing in: `npm run demo`'s store page, its app embed link, and
// the app-proxy page (signed by the demo's storefront as Shopify signs it, verified by the app), in Chromium.

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let demo: RunningDemo;
let browser: Browser;
let visitor: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  // a visitor with no account and no cookies from the customer page
  visitor = await browser.newContext({ locale: "fr-FR", userAgent: userAgent(browser) });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (demo) expect(await demo.stop(), demo.output()).toBe(0);
}, 30_000);

async function json(pathname: string): Promise<Rec> {
  const res = await fetch(`${demo.appUrl}${pathname}`, { headers: { Accept: "application/json" } });
  expect(res.status, pathname).toBe(200);
  return (await res.json()) as Rec;
}

/** The store's home page, and the withdrawal link every page shows (the app embed). */
async function fromTheStore(): Promise<Page> {
  const page = await visitor.newPage();
  await page.goto(`${demo.previewUrl}/store?locale=fr`);
  const link = page.locator(".amend-withdrawal-embed a", { hasText: "Renoncer au contrat ici" });
  await expect(link.isVisible()).resolves.toBe(true);
  await link.click();
  await page.getByRole("heading", { name: "Renoncer au contrat ici" }).waitFor();
  return page;
}

async function fillLookup(page: Page, values: { name: string; orderNumber: string; email: string }) {
  await page.getByLabel("Vos prénom et nom").fill(values.name);
  await page.getByLabel("Numéro de commande").fill(values.orderNumber);
  await page.getByLabel("Adresse e-mail utilisée pour la commande").fill(values.email);
  await page.getByRole("button", { name: "Continuer" }).click();
}

describe("storefront withdrawal (no login)", () => {
  it("GIVEN a wrong email for a real order THEN refused exactly as for an order that does not exist", async () => {
    const page = await fromTheStore();
    await fillLookup(page, { name: "Camille Martin", orderNumber: "#1002", email: "quelquun@example.fr" });
    const refusal = page.getByRole("alert");
    await refusal.waitFor();
    const realOrder = await refusal.innerText();
    expect(await page.content()).not.toContain("Diffuseur");
    await fillLookup(page, { name: "Camille Martin", orderNumber: "#99002", email: "quelquun@example.fr" });
    await refusal.waitFor();
    expect(await page.getByRole("alert").innerText()).toBe(realOrder);
    expect(realOrder).toContain("Nous n’avons pas trouvé de commande");
    // nothing about the order in the address bar
    expect(page.url()).not.toMatch(/1002|quelquun|camille/i);
    await page.close();
  });

  it("GIVEN name, order number and email THEN the statement, 'Confirmer la rétractation', the acknowledgement; the order is cancelled", async () => {
    const page = await fromTheStore();
    // keyboard only: type in the fields and submit with Enter
    await page.getByLabel("Vos prénom et nom").focus();
    await page.keyboard.type("Camille Martin");
    await page.keyboard.press("Tab");
    await page.keyboard.type("1001");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Camille.Martin@example.fr");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Votre déclaration de rétractation" }).waitFor();
    expect(await page.locator(".amend-statement").innerText()).toContain("Camille Martin");
    await page.screenshot({ path: path.join(SCREENSHOTS, "storefront-withdrawal-statement.png"), fullPage: true });
    await page.getByRole("button", { name: "Confirmer la rétractation" }).click();
    const done = page.getByRole("status");
    await done.waitFor();
    expect(await done.innerText()).toMatch(
      /Votre rétractation a bien été enregistrée[\s\S]*Envoyée le .+ à \d{2}:\d{2}:\d{2}/,
    );
    await page.screenshot({
      path: path.join(SCREENSHOTS, "storefront-withdrawal-acknowledgement.png"),
      fullPage: true,
    });
    expect(page.url()).not.toMatch(/1001|camille/i);

    // the acknowledgement on a durable medium, and the order cancelled in Shopify (the simulator)
    await eventually(async () => {
      const emails = (await json("/demo/mailbox")).emails.filter((m: Rec) =>
        m.to.includes("camille.martin@example.fr"),
      );
      return emails.some((m: Rec) => /#1001/.test(m.subject + m.text) && /Camille Martin/.test(m.text));
    }, "the acknowledgement email with the statement");
    await eventually(async () => {
      const order = (await json("/demo/state")).orders.find((o: Rec) => o.id === "gid://shopify/Order/5001");
      return Boolean(order?.cancelledAt);
    }, "order #1001 cancelled in the simulator");
    await page.close();
  });

  it("GIVEN the proxy page called directly, not through the store THEN 401 and no form", async () => {
    const res = await fetch(`${demo.appUrl}/proxy/withdrawal?shop=amend-demo.myshopify.com&timestamp=1&signature=00`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('name="token"');
  });
});
