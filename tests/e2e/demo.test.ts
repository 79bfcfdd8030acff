import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOTS, eventually, launchChromium, startDemoProcess, userAgent, type RunningDemo } from "./support";

// The offline demo end to end: `npm run demo` in a child process, driven with Chromium (tests/support/browser.ts).
// Each scenario uses its own order of the demo store, so they share one demo run.

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let demo: RunningDemo;
let browser: Browser;
let customerContext: BrowserContext;
let adminContext: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  customerContext = await browser.newContext({ locale: "fr-FR", userAgent: userAgent(browser) });
  adminContext = await browser.newContext({
    locale: "en-US",
    userAgent: userAgent(browser),
    viewport: { width: 1280, height: 900 },
  });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (demo) {
    const code = await demo.stop();
    // Ctrl-C stops every server and the worker, and the demo exits 0.
    expect(code, demo.output()).toBe(0);
  }
}, 30_000);

async function json(pathname: string): Promise<Rec> {
  const res = await fetch(`${demo.appUrl}${pathname}`, { headers: { Accept: "application/json" } });
  expect(res.status, pathname).toBe(200);
  return (await res.json()) as Rec;
}

const order = async (legacyId: string): Promise<Rec> =>
  (await json("/demo/state")).orders.find((o: Rec) => o.id === `gid://shopify/Order/${legacyId}`);
const fulfillmentStatuses = (o: Rec): string[] => o.fulfillmentOrders.nodes.map((f: Rec) => f.status);
const emailsTo = async (address: string): Promise<Rec[]> =>
  (await json("/demo/mailbox")).emails.filter((m: Rec) => m.to.includes(address));

/** The customer page as Camille (French): every order's options are loaded from the customer API. */
async function customerPage(customerId = "7001"): Promise<Page> {
  const page = await customerContext.newPage();
  await page.goto(`${demo.customerUrl}/?customer=${customerId}`);
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
  return page;
}

/** An admin page, loaded and hydrated ("networkidle": its scripts ran, so its buttons work). */
async function adminPage(pathname: string, screenshot?: string, waitUntil: "load" | "networkidle" = "networkidle") {
  const page = await adminContext.newPage();
  const res = await page.goto(`${demo.appUrl}${pathname}`, { waitUntil });
  expect(res?.status(), pathname).toBe(200);
  if (screenshot) await page.screenshot({ path: path.join(SCREENSHOTS, `${screenshot}.png`), fullPage: true });
  return page;
}

/** The inbox → the request of `orderName` → its detail page. */
async function openRequest(orderName: string, screenshot: string): Promise<Page> {
  const page = await adminPage("/app/requests?tab=ALL", `inbox-before-${screenshot}`);
  await page.getByRole("link", { name: new RegExp(`^${orderName} —`) }).click();
  await page.waitForURL(/\/app\/requests\/[^/?]+/);
  await page
    .getByRole("heading", { name: new RegExp(orderName) })
    .first()
    .waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, `request-${screenshot}.png`), fullPage: true });
  return page;
}

describe("npm run demo", () => {
  it("is ready within the time budget and prints its URLs", () => {
    const out = demo.output();
    expect(out).toContain(`${demo.appUrl}/app/requests`);
    expect(out).toContain(demo.customerUrl);
    expect(out).toContain(`${demo.appUrl}/demo/mailbox`);
    expect(demo.readyMs).toBeLessThan(60_000);
  });

  it("orders that are not eligible show the API's reasons on the customer page", async () => {
    const page = await customerPage();
    const token = (await (
      await fetch(`${demo.customerUrl}/token`, { method: "POST", body: JSON.stringify({ customerId: "7001" }) })
    ).json()) as { token: string };
    const expected = async (id: string) => {
      const res = await fetch(`${demo.appUrl}/api/customer/orders/${id}/options`, {
        headers: { Authorization: `Bearer ${token.token}`, "Accept-Language": "fr", "User-Agent": userAgent(browser) },
      });
      return (await res.json()) as Rec;
    };
    const cases = [
      { id: "5002", name: "#1002", address: "PAYMENT_CONFIRMED" },
      { id: "5003", name: "#1003", address: "FULFILLMENT_STARTED", cancellation: "FULFILLMENT_STARTED" },
      { id: "5005", name: "#1005", address: "ORDER_CANCELLED", cancellation: "ORDER_CANCELLED" },
      { id: "5006", name: "#1006", address: "FREE_SHIPPING_DISCOUNT_USED" },
      { id: "5009", name: "#1009", address: "ADDRESS_ALREADY_CHANGED" },
    ];
    for (const c of cases) {
      const api = await expected(c.id);
      expect(api.addressChange.allowed, c.name).toBe(false);
      const region = page.getByRole("region", { name: `Commande ${c.name}` });
      const addressPane = region.getByRole("region", { name: "Adresse de livraison" });
      await expect(addressPane.getByText("L’adresse ne peut pas être modifiée :")).toBeTruthy();
      const addressReason = api.addressChange.reasons.find((r: Rec) => r.code === c.address);
      expect(addressReason, `${c.name} ${c.address}`).toBeTruthy();
      expect(await addressPane.locator(`li[data-code="${c.address}"]`).innerText()).toContain(addressReason.message);
      expect(await addressPane.getByRole("button").count()).toBe(0);
      if (c.cancellation) {
        const cancelPane = region.getByRole("region", { name: "Annulation" });
        const reason = api.cancellation.reasons.find((r: Rec) => r.code === c.cancellation);
        expect(await cancelPane.locator(`li[data-code="${c.cancellation}"]`).innerText()).toContain(reason.message);
      }
    }
    // the seeded requests are there: #1009's applied change, #1010's pending cancellation (withdrawable)
    const r1010 = page.getByRole("region", { name: "Commande #1010" });
    await r1010.getByRole("button", { name: "Retirer la demande" }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "customer-page-fr.png"), fullPage: true });
    await page.close();
  });

  it("a customer changes an address → the store's order has it and the mailbox has the email in her language", async () => {
    const page = await customerPage();
    const region = page.getByRole("region", { name: "Commande #1001" });
    const form = region.getByRole("form", { name: "Modifier l’adresse" });
    await form.getByLabel("Adresse", { exact: true }).fill("25 rue du Faubourg Saint-Antoine");
    await form.getByLabel("Appartement, étage, etc.").fill("");
    await form.getByLabel("Code postal").fill("75011");
    await form.getByLabel("Ville").fill("Paris");
    await form.getByRole("button", { name: "Modifier l’adresse" }).click();
    await page
      .getByRole("region", { name: "Commande #1001" })
      .getByText(/Modification d’adresse : /)
      .waitFor({ timeout: 20_000 });

    const changed = await eventually(async () => {
      const o = await order("5001");
      return o.shippingAddress.address1 === "25 rue du Faubourg Saint-Antoine" ? o : null;
    }, "the simulator's #1001 to have the new address");
    expect(changed.shippingAddress).toMatchObject({ zip: "75011", city: "Paris" });

    const [mail] = await eventually(async () => {
      const mails = (await emailsTo("camille.martin@example.fr")).filter((m) => m.subject.includes("#1001"));
      return mails.length ? mails : null;
    }, "the address-change email to Camille");
    expect(mail.subject).toBe("Votre nouvelle adresse de livraison pour la commande #1001");
    expect(mail.html).toContain("25 rue du Faubourg Saint-Antoine");
    expect(mail.html).toContain('lang="fr"');

    // a second change of the same order is refused with the API's reason
    const again = page
      .getByRole("region", { name: "Commande #1001" })
      .getByRole("region", { name: "Adresse de livraison" });
    await again.locator('li[data-code="ADDRESS_ALREADY_CHANGED"]').waitFor();
    await page.close();

    const mailbox = await adminPage("/demo/mailbox", "demo-mailbox");
    await mailbox.getByRole("heading", { name: mail.subject }).first().waitFor();
    await mailbox.close();
  });

  it("a cancellation request holds the order; the merchant approves it in the inbox → cancelled, customer emailed", async () => {
    const page = await customerPage();
    const form = page
      .getByRole("region", { name: "Commande #1007" })
      .getByRole("form", { name: "Demander l’annulation" });
    await form.getByLabel("Motif").selectOption("ORDERED_BY_MISTAKE");
    await form.getByLabel("Message à la boutique (facultatif)").fill("J’ai commandé deux fois, désolée.");
    await form.getByRole("button", { name: "Demander l’annulation" }).click();
    await page
      .getByRole("region", { name: "Commande #1007" })
      .getByRole("button", { name: "Retirer la demande" })
      .waitFor({ timeout: 20_000 });
    await page.close();

    const held = await eventually(async () => {
      const o = await order("5007");
      return fulfillmentStatuses(o).every((s) => s === "ON_HOLD") ? o : null;
    }, "#1007's fulfillment orders to be ON_HOLD");
    expect(held.cancelledAt).toBeNull();

    const detail = await openRequest("#1007", "1007-pending");
    await detail.getByRole("button", { name: /^Approve/ }).click();
    await detail
      .getByText(/Approved|Applied|Cancelled/i)
      .first()
      .waitFor({ timeout: 20_000 });

    const cancelled = await eventually(async () => {
      const o = await order("5007");
      return o.cancelledAt ? o : null;
    }, "#1007 to be cancelled in the simulator");
    expect(cancelled.cancelReason).toBe("CUSTOMER");
    expect(cancelled.displayFinancialStatus).toBe("VOIDED");
    await detail.screenshot({ path: path.join(SCREENSHOTS, "request-1007-approved.png"), fullPage: true });
    await detail.close();

    const mails = await eventually(async () => {
      const m = (await emailsTo("camille.martin@example.fr")).filter((x) => x.subject.includes("#1007"));
      return m.length >= 2 ? m : null;
    }, "the cancellation emails to Camille");
    // the receipt of her request, then the approval — both in French
    expect(mails.map((m) => m.subject).join(" | ")).toMatch(/annul/i);
    expect(mails.every((m) => (m.html ?? "").includes('lang="fr"'))).toBe(true);
  });

  it("the merchant rejects another request → Amend's hold is released and the order proceeds", async () => {
    // #1010: the pending cancellation the demo seeded, held by Amend in the store file
    expect(fulfillmentStatuses(await order("5010"))).toEqual(["ON_HOLD"]);
    const detail = await openRequest("#1010", "1010-pending");
    await detail
      .getByLabel("Note to the customer", { exact: true })
      .fill("Your parcel has already been prepared, sorry.");
    await detail.getByRole("button", { name: /^Reject/ }).click();

    const released = await eventually(async () => {
      const o = await order("5010");
      return fulfillmentStatuses(o).every((s) => s === "OPEN") ? o : null;
    }, "#1010's hold to be released");
    expect(released.cancelledAt).toBeNull();
    expect(released.displayFulfillmentStatus).toBe("UNFULFILLED");
    await detail.screenshot({ path: path.join(SCREENSHOTS, "request-1010-rejected.png"), fullPage: true });
    await detail.close();

    const page = await customerPage();
    await page
      .getByRole("region", { name: "Commande #1010" })
      .getByText("Your parcel has already been prepared, sorry.")
      .first()
      .waitFor();
    await page.close();
  });

  it("every admin page loads in a plain tab (screenshots in test-results/screenshots)", async () => {
    const pages: [string, string][] = [
      ["/app", "admin-home"],
      ["/app/requests", "admin-inbox"],
      ["/app/settings", "admin-settings"],
      ["/app/withdrawals", "admin-withdrawals"],
      ["/app/notifications", "admin-notifications"],
      ["/app/notifications/log", "admin-notifications-log"],
      ["/app/notifications/editor", "admin-notifications-editor"],
      ["/demo/state", "demo-state"],
    ];
    const errors: string[] = [];
    for (const [pathname, name] of pages) {
      const page = await adminPage(pathname, undefined, "load");
      page.on("pageerror", (e) => errors.push(`${pathname}: ${e.message}`));
      expect(await page.getByText(/Something went wrong|Application Error/i).count(), pathname).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
      await page.close();
    }
    expect(errors).toEqual([]);
    const seeded = await adminPage("/app/requests?tab=ALL");
    await seeded.getByRole("link", { name: /^#1009 —/ }).click();
    await seeded.waitForURL(/\/app\/requests\/demo-1009/);
    await seeded.screenshot({ path: path.join(SCREENSHOTS, "request-1009-applied.png"), fullPage: true });
    await seeded.close();
  });
});
