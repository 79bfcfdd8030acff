import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SCREENSHOTS,
  eventually,
  launchChromium,
  startDemoProcess,
  userAgent,
  type RunningDemo,
  t,
  type Lang,
  contextsByLanguage,
  CAMILLE,
  OLIVER,
} from "./support";

// The offline demo end to end: `npm run demo` in a child process, driven with Chromium (tests/support/browser.ts).
// The customer side is the extensions' real bundles in the demo's extension preview (demo/preview); their text is
// read from the extensions' own locale files. Each scenario uses its own order of the demo store, so they share one
// demo run.

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let demo: RunningDemo;
let browser: Browser;
const contexts = {} as Record<Lang, BrowserContext>;
const pageErrors: string[] = [];

const TARGET = {
  // order-actions' menu item (withdrawal-action adds another one to the same menu: tests/e2e/withdrawal.test.ts)
  menu: 'iframe[data-handle="order-actions"][data-target="customer-account.order.action.menu-item.render"]',
  modal: 'dialog[open] iframe[data-target="customer-account.order.action.render"]',
  block: 'iframe[data-handle="order-status-block"][data-target="customer-account.order-status.block.render"]',
  page: 'iframe[data-target="customer-account.order.page.render"]',
  thankYou: 'iframe[data-target="purchase.thank-you.block.render"]',
  admin: 'iframe[data-target="admin.order-details.block.render"]',
};

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  Object.assign(contexts, await contextsByLanguage(browser));
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

/** What the customer API answers the customer for an order (with a token the preview server mints for her). */
async function apiOptions(customer: { id: string; lang: Lang }, orderId: string): Promise<Rec> {
  const minted = await fetch(`${demo.previewUrl}/session-token`, {
    method: "POST",
    body: JSON.stringify({ target: "customer-account.order-status.block.render", customer: customer.id }),
  });
  const { token } = (await minted.json()) as { token: string };
  const res = await fetch(`${demo.appUrl}/api/customer/orders/${orderId}/options`, {
    headers: { Authorization: `Bearer ${token}`, "Accept-Language": customer.lang, "User-Agent": userAgent(browser) },
  });
  return (await res.json()) as Rec;
}

async function open(lang: Lang, pathname: string): Promise<Page> {
  const page = await contexts[lang].newPage();
  page.on("pageerror", (e) => pageErrors.push(`${pathname}: ${e.message}`));
  const res = await page.goto(`${demo.previewUrl}${pathname}`);
  expect(res?.status(), pathname).toBe(200);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The customer account's page of an order, once its action menu item and status block have loaded. */
async function orderPage(customer: { id: string; lang: Lang }, orderId: string) {
  const page = await open(customer.lang, `/account/${customer.id}/orders/${orderId}`);
  const menu = page.frameLocator(TARGET.menu);
  const block = page.frameLocator(TARGET.block);
  await loaded(menu);
  return { page, menu, block };
}

/** An action menu item once its options arrived (until then it is a loading button). */
async function loaded(menu: FrameLocator) {
  await menu.locator("s-button").waitFor({ timeout: 20_000 });
  await expect
    .poll(() => menu.locator("s-button").evaluate((b) => Boolean((b as Rec).loading)), { timeout: 20_000 })
    .toBe(false);
}

/**
 * An s-section by its heading. (Its content is slotted: it is inside the s-section element, not inside the
 * <section> of its shadow root that the region role finds.)
 */
const section = (frame: FrameLocator, heading: string) =>
  frame.locator("s-section").filter({ has: frame.getByRole("heading", { name: heading, exact: true }) });

/** Opens the action modal from the order's action menu. */
async function openModal(
  page: Page,
  menu: FrameLocator,
  lang: Lang,
  orderName: string,
  via: "mouse" | "keyboard" = "mouse",
): Promise<FrameLocator> {
  if (via === "keyboard") await menu.getByRole("button").press("Enter");
  else await menu.getByRole("button").click();
  const modal = page.frameLocator(TARGET.modal);
  try {
    await modal
      .getByRole("heading", { name: t("order-actions", lang, "action.heading", { order: orderName }) })
      .waitFor({ timeout: 20_000 });
  } catch (error) {
    // say what was on the screen instead
    const dialogs = await page.locator("dialog[open]").count();
    const text = dialogs
      ? await modal
          .locator("body")
          .innerText({ timeout: 1000 })
          .catch(() => "?")
      : "";
    const button = await menu
      .locator("s-button")
      .evaluate((b) => b.outerHTML, null, { timeout: 1000 })
      .catch(() => "?");
    throw new Error(
      `the modal of ${orderName} did not show (open dialogs: ${dialogs}; modal: ${text}; menu: ${button})`,
      {
        cause: error,
      },
    );
  }
  return modal;
}

describe("npm run demo", () => {
  it("is ready within the time budget and prints its URLs", () => {
    const out = demo.output();
    expect(out).toContain(`${demo.appUrl}/app/requests`);
    expect(out).toContain(demo.previewUrl);
    expect(out).toContain(`${demo.appUrl}/demo/mailbox`);
    expect(demo.readyMs).toBeLessThan(60_000);
  });

  it("every extension target renders in the preview in both languages (screenshots in test-results/screenshots)", async () => {
    for (const [customer, orderId, name] of [
      [CAMILLE, "5001", "#1001"],
      [OLIVER, "5011", "#1011"],
    ] as const) {
      const l = customer.lang;
      const orders = await open(l, `/account/${customer.id}`);
      await orders.getByRole("link", { name: new RegExp(name) }).waitFor();
      // the action menu item renders on the order index too: one per order
      const menus = orders.locator(TARGET.menu);
      expect(await menus.count()).toBe(await orders.locator(".order-card").count());
      for (let i = 0; i < (await menus.count()); i++) await loaded(orders.frameLocator(`${TARGET.menu} >> nth=${i}`));
      await shot(orders, `preview-orders-${l}`);
      await orders.close();

      // the order page: the action menu item and the order-status block
      const { page, menu, block } = await orderPage(customer, orderId);
      await block.getByRole("region", { name: t("order-status-block", l, "block.heading") }).waitFor();
      await block.getByRole("link", { name: t("order-status-block", l, "block.changeAddress") }).waitFor();
      await shot(page, `preview-order-status-block-${l}`);

      // the modal, in a <dialog>; its Close button is the extension's `shopify.close()`
      // (Camille opens it with the mouse, Oliver with the keyboard)
      const modal = await openModal(page, menu, l, name, l === "fr" ? "mouse" : "keyboard");
      await modal.getByRole("region", { name: t("order-actions", l, "cancel.heading") }).waitFor();
      await shot(page, `preview-action-modal-${l}`);
      await modal.getByRole("button", { name: t("order-actions", l, "action.close"), exact: true }).click();
      await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
      // focus is back on the menu item that opened it (the dialog's close event, which moves it, comes a task later)
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-target")))
        .toBe("customer-account.order.action.menu-item.render");

      // the full-page target, reached through the modal's link (extension:order-page/…)
      await (
        await openModal(page, menu, l, name)
      )
        .getByRole("link", { name: t("order-actions", l, "address.openLabel") })
        .click();
      await page.waitForURL(/\/pages\/order-page$/);
      const full = page.frameLocator(TARGET.page);
      await full.getByRole("heading", { name: t("order-page", l, "page.heading") }).waitFor();
      await full.getByLabel(t("order-page", l, "form.city")).waitFor();
      await shot(page, `preview-order-page-${l}`);
      await page.close();

      const thanks = await open(l, `/checkout/${customer.id}/thank-you/${orderId}`);
      await thanks
        .frameLocator(TARGET.thankYou)
        .getByText(t("thank-you-block", l, "block.heading"))
        .waitFor();
      await shot(thanks, `preview-thank-you-block-${l}`);
      await thanks.close();

      const admin = await open(l, `/admin/${l}/orders/${orderId}`);
      const adminBlock = admin.frameLocator(TARGET.admin);
      await adminBlock.getByRole("region", { name: t("admin-order-block", l, "block.heading") }).waitFor();
      await adminBlock.getByText(t("admin-order-block", l, "block.empty")).waitFor();
      await shot(admin, `preview-admin-order-block-${l}`);
      await admin.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it("orders that are not eligible show the API's reasons in the modal", async () => {
    const cases = [
      { id: "5002", name: "#1002", address: "PAYMENT_CONFIRMED" },
      { id: "5005", name: "#1005", address: "ORDER_CANCELLED", cancellation: "ORDER_CANCELLED" },
      { id: "5009", name: "#1009", address: "ADDRESS_ALREADY_CHANGED" },
    ];
    for (const c of cases) {
      const api = await apiOptions(CAMILLE, c.id);
      expect(api.addressChange.allowed, c.name).toBe(false);
      const { page, menu } = await orderPage(CAMILLE, c.id);
      const modal = await openModal(page, menu, "fr", c.name);
      const address = section(modal, t("order-actions", "fr", "address.heading"));
      await address.getByText(t("order-actions", "fr", "address.notAllowed")).waitFor();
      const reason = api.addressChange.reasons.find((r: Rec) => r.code === c.address);
      await address.getByRole("listitem").filter({ hasText: reason.message }).waitFor();
      expect(await address.getByRole("link").count()).toBe(0);
      if (c.cancellation) {
        const cancel = section(modal, t("order-actions", "fr", "cancel.heading"));
        const why = api.cancellation.reasons.find((r: Rec) => r.code === c.cancellation);
        await cancel.getByRole("listitem").filter({ hasText: why.message }).waitFor();
      }
      if (c.id === "5009") await shot(page, "preview-action-modal-not-allowed-fr");
      await page.close();
    }
  });

  for (const c of [
    {
      customer: CAMILLE,
      orderId: "5001",
      name: "#1001",
      address1: "25 rue du Faubourg Saint-Antoine",
      zip: "75011",
      city: "Paris",
      subject: "Votre nouvelle adresse de livraison pour la commande #1001",
    },
    {
      customer: OLIVER,
      orderId: "5011",
      name: "#1011",
      address1: "1 Rockefeller Plaza",
      zip: "10020",
      city: "New York",
      subject: null,
    },
  ]) {
    const l = c.customer.lang;
    it(`${l}: the customer changes the address on the full-page target → the order has it, the status block and the admin block show it`, async () => {
      const { page, block } = await orderPage(c.customer, c.orderId);
      await block.getByRole("link", { name: t("order-status-block", l, "block.changeAddress") }).click();
      await page.waitForURL(/\/pages\/order-page$/);
      const form = page.frameLocator(TARGET.page);
      await form.getByLabel(t("order-page", l, "form.address1"), { exact: true }).fill(c.address1);
      await form.getByLabel(t("order-page", l, "form.address2")).fill("");
      await form.getByLabel(t("order-page", l, "form.zip")).fill(c.zip);
      await form.getByLabel(t("order-page", l, "form.city")).fill(c.city);
      await form.getByRole("button", { name: t("order-page", l, "form.submit") }).click();
      await form.getByText(t("order-page", l, "page.doneApplied")).waitFor({ timeout: 20_000 });
      await shot(page, `preview-order-page-done-${l}`);

      const changed = await eventually(async () => {
        const o = await order(c.orderId);
        return o.shippingAddress.address1 === c.address1 ? o : null;
      }, `the simulator's ${c.name} to have the new address`);
      expect(changed.shippingAddress).toMatchObject({ zip: c.zip, city: c.city });

      // back to the order: the status block lists the applied change, in the customer's language
      await form
        .locator("s-banner")
        .getByRole("link", { name: t("order-page", l, "page.backToOrder") })
        .click();
      await page.waitForURL(new RegExp(`/orders/${c.orderId}$`));
      const request = (await apiOptions(c.customer, c.orderId)).requests[0];
      expect(request).toMatchObject({ kind: "ADDRESS_CHANGE", status: "APPLIED" });
      const statusBlock = page.frameLocator(TARGET.block);
      await statusBlock.getByRole("heading", { name: request.kindLabel }).waitFor();
      await statusBlock.getByText(request.statusLabel, { exact: true }).waitFor();
      await shot(page, `preview-order-status-block-applied-${l}`);

      // a second change of the same order is refused with the API's reason
      await page.goto(`${demo.previewUrl}/account/${c.customer.id}/orders/${c.orderId}/pages/order-page`);
      const again = page.frameLocator(TARGET.page);
      await again.getByText(t("order-page", l, "page.notAllowed")).waitFor();
      const refused = (await apiOptions(c.customer, c.orderId)).addressChange.reasons.find(
        (r: Rec) => r.code === "ADDRESS_ALREADY_CHANGED",
      );
      await again.getByRole("listitem").filter({ hasText: refused.message }).waitFor();
      await page.close();

      // the merchant's order page: the admin block has the applied change, in the staff member's language
      const admin = await open(l, `/admin/${l}/orders/${c.orderId}`);
      const adminBlock = admin.frameLocator(TARGET.admin);
      await adminBlock.getByText(t("admin-order-block", l, "kinds.ADDRESS_CHANGE")).waitFor();
      await adminBlock.getByText(t("admin-order-block", l, "statuses.APPLIED"), { exact: true }).waitFor();
      await adminBlock
        .getByText(
          t("admin-order-block", l, "block.to", { city: c.city, country: changed.shippingAddress.countryCodeV2 }),
        )
        .waitFor();
      await shot(admin, `preview-admin-order-block-applied-${l}`);
      await admin.close();

      if (c.subject) {
        const [mail] = await eventually(async () => {
          const mails = (await emailsTo(c.customer.email)).filter((m) => m.subject.includes(c.name));
          return mails.length ? mails : null;
        }, `the address-change email to ${c.customer.email}`);
        expect(mail.subject).toBe(c.subject);
        expect(mail.html).toContain(c.address1);
        expect(mail.html).toContain(`lang="${l}"`);
      }
    });
  }

  it("fr: a cancellation requested in the modal holds the order; the merchant approves it in the admin block → cancelled, both blocks updated", async () => {
    const { page, menu } = await orderPage(CAMILLE, "5007");
    const modal = await openModal(page, menu, "fr", "#1007");
    await modal.getByLabel(t("order-actions", "fr", "cancel.reason")).selectOption("ORDERED_BY_MISTAKE");
    await modal.getByLabel(t("order-actions", "fr", "cancel.note")).fill("J’ai commandé deux fois, désolée.");
    await modal.getByText(t("order-actions", "fr", "cancel.noteCount", { length: 33, max: 1000 })).waitFor();
    await modal
      .getByRole("button", { name: t("order-actions", "fr", "cancel.submitLabel", { order: "#1007" }) })
      .click();
    await modal.getByText(t("order-actions", "fr", "cancel.donePending")).waitFor({ timeout: 20_000 });
    await shot(page, "preview-action-modal-done-fr");
    await modal.getByRole("button", { name: t("order-actions", "fr", "action.close"), exact: true }).click();

    const held = await eventually(async () => {
      const o = await order("5007");
      return fulfillmentStatuses(o).every((s) => s === "ON_HOLD") ? o : null;
    }, "#1007's fulfillment orders to be ON_HOLD");
    expect(held.cancelledAt).toBeNull();

    // the status block (the page reloaded, as after the modal closes) shows the pending request and its withdrawal
    await page.reload();
    const block = page.frameLocator(TARGET.block);
    const pending = (await apiOptions(CAMILLE, "5007")).requests[0];
    expect(pending).toMatchObject({ kind: "CANCELLATION", status: "PENDING", canWithdraw: true });
    await block.getByText(pending.statusLabel, { exact: true }).waitFor();
    await block
      .getByText(t("order-status-block", "fr", "block.yourNote", { note: "J’ai commandé deux fois, désolée." }))
      .waitFor();
    await block
      .getByRole("button", { name: t("order-status-block", "fr", "block.withdrawLabel", { kind: pending.kindLabel }) })
      .waitFor();
    await shot(page, "preview-order-status-block-pending-fr");

    // the merchant approves it on the order's admin page
    const admin = await open("fr", "/admin/fr/orders/5007");
    const adminBlock = admin.frameLocator(TARGET.admin);
    const kind = t("admin-order-block", "fr", "kinds.CANCELLATION");
    await adminBlock.getByText(t("admin-order-block", "fr", "statuses.PENDING"), { exact: true }).waitFor();
    await adminBlock.getByText(t("admin-order-block", "fr", "reasons.ORDERED_BY_MISTAKE")).waitFor();
    await shot(admin, "preview-admin-order-block-pending-fr");
    await adminBlock
      .getByRole("button", { name: t("admin-order-block", "fr", "block.approveLabel", { kind }) })
      .click();
    await adminBlock.getByText(t("admin-order-block", "fr", "block.approved")).waitFor({ timeout: 20_000 });

    const cancelled = await eventually(async () => {
      const o = await order("5007");
      return o.cancelledAt ? o : null;
    }, "#1007 to be cancelled in the simulator");
    expect(cancelled.cancelReason).toBe("CUSTOMER");
    expect(cancelled.displayFinancialStatus).toBe("VOIDED");
    await shot(admin, "preview-admin-order-block-approved-fr");
    await admin.close();

    // the customer's status block now says what the store decided
    await page.reload();
    const decided = (await apiOptions(CAMILLE, "5007")).requests[0];
    expect(decided.status).not.toBe("PENDING");
    await page.frameLocator(TARGET.block).getByText(decided.statusLabel, { exact: true }).waitFor();
    expect(
      await page
        .frameLocator(TARGET.block)
        .getByRole("button", { name: /Retirer/ })
        .count(),
    ).toBe(0);
    await page.close();

    const mails = await eventually(async () => {
      const m = (await emailsTo(CAMILLE.email)).filter((x) => x.subject.includes("#1007"));
      return m.length >= 2 ? m : null;
    }, "the cancellation emails to Camille");
    // the receipt of her request, then the approval — both in French
    expect(mails.map((m) => m.subject).join(" | ")).toMatch(/annul/i);
    expect(mails.every((m) => (m.html ?? "").includes('lang="fr"'))).toBe(true);
  });

  it("en: a cancellation requested in the modal shows in the admin block; the customer withdraws it from the status block", async () => {
    const { page, menu } = await orderPage(OLIVER, "5011");
    const modal = await openModal(page, menu, "en", "#1011");
    // no reason chosen: the field says so and nothing is sent
    await modal
      .getByRole("button", { name: t("order-actions", "en", "cancel.submitLabel", { order: "#1011" }) })
      .click();
    await modal.getByText(t("order-actions", "en", "cancel.reasonRequired")).waitFor();
    expect((await apiOptions(OLIVER, "5011")).requests.filter((r: Rec) => r.kind === "CANCELLATION")).toEqual([]);
    await modal.getByLabel(t("order-actions", "en", "cancel.reason")).selectOption("CHANGED_MIND");
    await modal
      .getByRole("button", { name: t("order-actions", "en", "cancel.submitLabel", { order: "#1011" }) })
      .click();
    await modal.getByText(t("order-actions", "en", "cancel.donePending")).waitFor({ timeout: 20_000 });
    await shot(page, "preview-action-modal-done-en");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);

    const admin = await open("en", "/admin/en/orders/5011");
    const adminBlock = admin.frameLocator(TARGET.admin);
    await adminBlock.getByText(t("admin-order-block", "en", "reasons.CHANGED_MIND")).waitFor();
    await adminBlock.getByText(t("admin-order-block", "en", "statuses.PENDING"), { exact: true }).waitFor();
    await shot(admin, "preview-admin-order-block-pending-en");

    await page.reload();
    const block = page.frameLocator(TARGET.block);
    const pending = (await apiOptions(OLIVER, "5011")).requests.find((r: Rec) => r.kind === "CANCELLATION");
    await block
      .getByRole("button", { name: t("order-status-block", "en", "block.withdrawLabel", { kind: pending.kindLabel }) })
      .click();
    await block.getByText(t("order-status-block", "en", "block.withdrawConfirm")).waitFor();
    await shot(page, "preview-order-status-block-withdraw-en");
    await block.getByRole("button", { name: t("order-status-block", "en", "block.withdrawYes") }).click();
    const withdrawn = await eventually(async () => {
      const r = (await apiOptions(OLIVER, "5011")).requests.find((x: Rec) => x.id === pending.id);
      return r.status === "WITHDRAWN" ? r : null;
    }, "Oliver's cancellation request to be withdrawn");
    await block.getByText(withdrawn.statusLabel, { exact: true }).waitFor();
    await page.close();

    // the merchant's block follows: nothing left to decide, and the hold is released
    await admin.reload();
    await admin
      .frameLocator(TARGET.admin)
      .getByText(t("admin-order-block", "en", "statuses.WITHDRAWN"), { exact: true })
      .waitFor();
    expect(await admin.frameLocator(TARGET.admin).getByRole("button").count()).toBe(0);
    await admin.close();
    await eventually(
      async () => fulfillmentStatuses(await order("5011")).every((s) => s === "OPEN"),
      "#1011's hold to be released",
    );
  });

  it("the merchant rejects a request in the inbox → Amend's hold is released; the customer's status block has the store's note", async () => {
    // #1010: the pending cancellation the demo seeded, held by Amend in the store file
    expect(fulfillmentStatuses(await order("5010"))).toEqual(["ON_HOLD"]);
    const detail = await adminPage("/app/requests?tab=ALL", "inbox-before-1010-pending");
    await detail.getByRole("link", { name: /^#1010 —/ }).click();
    await detail.waitForURL(/\/app\/requests\/[^/?]+/);
    await detail.getByRole("heading", { name: /#1010/ }).first().waitFor();
    await shot(detail, "request-1010-pending");
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
    await shot(detail, "request-1010-rejected");
    await detail.close();

    const { page, block } = await orderPage(CAMILLE, "5010");
    await block
      .getByText(
        t("order-status-block", "fr", "block.storeNote", { note: "Your parcel has already been prepared, sorry." }),
      )
      .waitFor();
    await shot(page, "preview-order-status-block-rejected-fr");
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
      ["/demo/mailbox", "demo-mailbox"],
    ];
    const errors: string[] = [];
    for (const [pathname, name] of pages) {
      const page = await adminPage(pathname, undefined, "load");
      page.on("pageerror", (e) => errors.push(`${pathname}: ${e.message}`));
      expect(await page.getByText(/Something went wrong|Application Error/i).count(), pathname).toBe(0);
      await shot(page, name);
      await page.close();
    }
    expect(errors).toEqual([]);
    const seeded = await adminPage("/app/requests?tab=ALL");
    await seeded.getByRole("link", { name: /^#1009 —/ }).click();
    await seeded.waitForURL(/\/app\/requests\/demo-1009/);
    await shot(seeded, "request-1009-applied");
    await seeded.close();
  });
});

/** An admin page of the app, loaded and hydrated ("networkidle": its scripts ran, so its buttons work). */
async function adminPage(pathname: string, screenshot?: string, waitUntil: "load" | "networkidle" = "networkidle") {
  const page = await contexts.en.newPage();
  const res = await page.goto(`${demo.appUrl}${pathname}`, { waitUntil });
  expect(res?.status(), pathname).toBe(200);
  if (screenshot) await shot(page, screenshot);
  return page;
}
