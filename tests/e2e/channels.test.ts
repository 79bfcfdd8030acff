import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminEn } from "../../app/i18n/admin-en";
import { adminFr } from "../../app/i18n/admin-fr";
import { apiErrors } from "../../app/i18n/api";
import {
  ROOT,
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
  OLIVER as DEMO_OLIVER,
} from "./support";

// How Amend reaches the customer, end to end through the real extensions in the demo's extension preview: the
// cancellation form's wrong-address offer (extensions/order-actions → extensions/order-page) and the merchant's
// "Cancellations saved"; the order contact block (extensions/order-contact): another email confirmed with a code,
// a delivery the mail server refused, shown to the customer and on the merchant's request page; the staff test
// message on /app/notifications. The demo's SMTP sink refuses refused@example.com at RCPT TO (550). In this run's
// store Oliver's email is refused@example.com, as if he had mistyped it at checkout (everything else is
// demo/store.json).

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REFUSED = "refused@example.com";
const OLIVER = { ...DEMO_OLIVER, email: REFUSED };

const TARGET = {
  menu: 'iframe[data-handle="order-actions"][data-target="customer-account.order.action.menu-item.render"]',
  modal: 'dialog[open] iframe[data-target="customer-account.order.action.render"]',
  contact: 'iframe[data-handle="order-contact"][data-target="customer-account.order-status.block.render"]',
  page: 'iframe[data-handle="order-page"][data-target="customer-account.order.page.render"]',
};

let demo: RunningDemo;
let browser: Browser;
let storeDir: string;
const contexts = {} as Record<Lang, BrowserContext>;
const pageErrors: string[] = [];

/** demo/store.json with Oliver's email (his customer record and his orders') replaced by one the sink refuses. */
function storeWithRefusedOliver(): string {
  const store = JSON.parse(fs.readFileSync(path.join(ROOT, "demo/store.json"), "utf8")) as Rec;
  const oliver = `gid://shopify/Customer/${OLIVER.id}`;
  for (const c of store.customers as Rec[]) if (c.id === oliver) c.email = REFUSED;
  for (const o of store.orders as Rec[]) if (o.customer?.id === oliver) o.email = REFUSED;
  storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "amend-channels-"));
  const file = path.join(storeDir, "store.json");
  fs.writeFileSync(file, JSON.stringify(store, null, 2));
  return file;
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [demo, browser] = await Promise.all([
    startDemoProcess({ env: { DEMO_STORE: storeWithRefusedOliver() } }),
    launchChromium(),
  ]);
  Object.assign(contexts, await contextsByLanguage(browser));
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (demo) {
    const code = await demo.stop();
    expect(code, demo.output()).toBe(0);
  }
  if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
}, 30_000);

async function json(pathname: string): Promise<Rec> {
  const res = await fetch(`${demo.appUrl}${pathname}`, { headers: { Accept: "application/json" } });
  expect(res.status, pathname).toBe(200);
  return (await res.json()) as Rec;
}

const order = async (legacyId: string): Promise<Rec> =>
  (await json("/demo/state")).orders.find((o: Rec) => o.id === `gid://shopify/Order/${legacyId}`);
const emailsTo = async (address: string): Promise<Rec[]> =>
  (await json("/demo/mailbox")).emails.filter((m: Rec) => m.to.includes(address));

/** What the customer API answers the customer (with a token the preview server mints for them). */
async function customerApi(customer: { id: string; lang: Lang }, pathname: string): Promise<Rec> {
  const minted = await fetch(`${demo.previewUrl}/session-token`, {
    method: "POST",
    body: JSON.stringify({ target: "customer-account.order-status.block.render", customer: customer.id }),
  });
  const { token } = (await minted.json()) as { token: string };
  const res = await fetch(`${demo.appUrl}/api/customer/orders/${pathname}`, {
    headers: { Authorization: `Bearer ${token}`, "Accept-Language": customer.lang, "User-Agent": userAgent(browser) },
  });
  expect(res.status, pathname).toBe(200);
  return (await res.json()) as Rec;
}

async function open(lang: Lang, url: string): Promise<Page> {
  const page = await contexts[lang].newPage();
  page.on("pageerror", (e) => pageErrors.push(`${url}: ${e.message}`));
  const res = await page.goto(url.startsWith("/") ? `${demo.previewUrl}${url}` : url);
  expect(res?.status(), url).toBe(200);
  return page;
}

/** An admin page of the app in the staff member's language, loaded and hydrated (its buttons work). */
async function adminPage(lang: Lang, pathname: string): Promise<Page> {
  const page = await contexts[lang].newPage();
  page.on("pageerror", (e) => pageErrors.push(`${pathname}: ${e.message}`));
  const res = await page.goto(`${demo.appUrl}${pathname}`, { waitUntil: "networkidle" });
  expect(res?.status(), pathname).toBe(200);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `channels-${name}.png`), fullPage: true });

/** The customer account's page of an order, once its action menu item has its options. */
async function orderPage(customer: { id: string; lang: Lang }, orderId: string) {
  const page = await open(customer.lang, `/account/${customer.id}/orders/${orderId}`);
  const menu = page.frameLocator(TARGET.menu);
  await menu.locator("s-button").waitFor({ timeout: 20_000 });
  await expect
    .poll(() => menu.locator("s-button").evaluate((b) => Boolean((b as Rec).loading)), { timeout: 20_000 })
    .toBe(false);
  const contact = page.frameLocator(TARGET.contact);
  await contact.getByRole("heading", { name: t("order-contact", customer.lang, "heading") }).waitFor();
  return { page, menu, contact };
}

async function openModal(page: Page, menu: FrameLocator, lang: Lang, orderName: string): Promise<FrameLocator> {
  await menu.getByRole("button").click();
  const modal = page.frameLocator(TARGET.modal);
  await modal
    .getByRole("heading", { name: t("order-actions", lang, "action.heading", { order: orderName }) })
    .waitFor({ timeout: 20_000 });
  return modal;
}

/** Sends a cancellation request from the order's modal, and closes the modal once it is acknowledged. */
async function requestCancellation(page: Page, menu: FrameLocator, lang: Lang, orderName: string, reason: string) {
  const modal = await openModal(page, menu, lang, orderName);
  await modal.getByLabel(t("order-actions", lang, "cancel.reason")).selectOption(reason);
  await modal
    .getByRole("button", { name: t("order-actions", lang, "cancel.submitLabel", { order: orderName }) })
    .click();
  await modal.getByText(t("order-actions", lang, "cancel.donePending")).waitFor({ timeout: 20_000 });
  await page.keyboard.press("Escape");
  await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
}

/** The figure of one of the admin home's metric cards: the line under its heading. */
async function metric(home: Page, label: string): Promise<string> {
  const heading = home.getByRole("heading", { name: label, exact: true });
  return (await heading.locator("xpath=following-sibling::p[1]").innerText()).trim();
}

/** The code in the latest confirmation email to `address`. */
async function codeSentTo(address: string, subject: RegExp): Promise<string> {
  const mail = await eventually(
    async () => (await emailsTo(address)).filter((m) => subject.test(m.subject)).at(-1),
    `the code email to ${address}`,
  );
  const code = /\b(\d{6})\b/.exec(mail.text ?? mail.html)?.[1];
  expect(code, mail.text).toMatch(/^\d{6}$/);
  return code!;
}

describe("how Amend reaches the customer (through the real extensions)", () => {
  it("en: choosing “wrong address” in the cancellation form offers the address page; the change made there counts as a cancellation saved", async () => {
    const lang = OLIVER.lang;
    const h = adminEn.home;
    const before = await adminPage("en", "/app");
    expect(await metric(before, h.saves)).toBe("0");
    const appliedBefore = Number(await metric(before, h.addressApplied)); // the demo seeds #1009's applied change
    await before.close();

    const { page, menu } = await orderPage(OLIVER, "5011");
    const modal = await openModal(page, menu, lang, "#1011");
    const offer = t("order-actions", lang, "cancel.offerHeading");
    expect(await modal.getByText(offer).count()).toBe(0); // only once the reason is a wrong address
    await modal.getByLabel(t("order-actions", lang, "cancel.reason")).selectOption("WRONG_ADDRESS");
    await modal.getByText(offer).waitFor();
    await modal.getByText(t("order-actions", lang, "cancel.offerHelp")).waitFor();
    await shot(page, "offer-en");

    // one click to the address form: the full page, opened with the offer's query
    await modal.getByRole("link", { name: t("order-actions", lang, "cancel.offerLabel") }).click();
    await page.waitForURL(/\/orders\/5011\/pages\/order-page\?from=wrong-address$/);
    const form = page.frameLocator(TARGET.page);
    await form.getByLabel(t("order-page", lang, "form.address1"), { exact: true }).fill("1 Rockefeller Plaza");
    await form.getByLabel(t("order-page", lang, "form.address2")).fill("");
    await form.getByLabel(t("order-page", lang, "form.zip")).fill("10020");
    await form.getByLabel(t("order-page", lang, "form.city")).fill("New York");
    await form.getByRole("button", { name: t("order-page", lang, "form.submit") }).click();
    await form.getByText(t("order-page", lang, "page.doneApplied")).waitFor({ timeout: 20_000 });
    await shot(page, "offer-address-applied-en");
    await page.close();

    const changed = await eventually(async () => {
      const o = await order("5011");
      return o.shippingAddress.address1 === "1 Rockefeller Plaza" ? o : null;
    }, "the simulator's #1011 to have the new address");
    expect(changed.shippingAddress).toMatchObject({ zip: "10020", city: "New York" });
    expect(changed.cancelledAt).toBeNull();
    const requests = (await customerApi(OLIVER, "5011/options")).requests as Rec[];
    expect(requests.map((r) => [r.kind, r.status])).toEqual([["ADDRESS_CHANGE", "APPLIED"]]);

    // the merchant's home counts it
    const home = await adminPage("en", "/app");
    expect(await metric(home, h.saves)).toBe("1");
    expect(await metric(home, h.addressApplied)).toBe(String(appliedBefore + 1));
    await shot(home, "admin-home-saved-en");
    await home.close();
  });

  it("fr: the customer gives another email in the order contact block, confirms it with the code (a wrong code is refused); her cancellation's receipt goes there", async () => {
    const lang = CAMILLE.lang;
    const other = "camille.perso@example.org";
    const { page, menu, contact } = await orderPage(CAMILLE, "5007");
    await shot(page, "contact-fr");

    await contact.getByLabel(t("order-contact", lang, "emailLabel")).fill(other);
    await contact.getByRole("button", { name: t("order-contact", lang, "send") }).click();
    await contact.getByText(t("order-contact", lang, "codeSent", { address: other })).waitFor({ timeout: 20_000 });
    const code = await codeSentTo(other, /^Votre code de confirmation pour /);
    // the code goes to the new address only
    expect((await emailsTo(CAMILLE.email)).filter((m) => /^Votre code/.test(m.subject))).toEqual([]);

    // a wrong code: the API's message under the field, nothing confirmed
    const codeField = contact.getByLabel(t("order-contact", lang, "codeLabel"));
    await codeField.fill(code === "000000" ? "111111" : "000000");
    await contact.getByRole("button", { name: t("order-contact", lang, "confirm"), exact: true }).click();
    await contact.getByText(apiErrors.fr.CODE_INVALID).waitFor({ timeout: 20_000 });
    await shot(page, "contact-wrong-code-fr");
    expect((await customerApi(CAMILLE, "5007/contact")).contact.email.confirmed).toBe(false);

    await codeField.fill(code);
    await contact.getByRole("button", { name: t("order-contact", lang, "confirm"), exact: true }).click();
    await contact.getByText(t("order-contact", lang, "confirmed")).waitFor({ timeout: 20_000 });
    await contact.getByText(t("order-contact", lang, "emailConfirmed", { address: other })).waitFor();
    await shot(page, "contact-confirmed-fr");
    const confirmed = (await customerApi(CAMILLE, "5007/contact")).contact;
    expect(confirmed.email).toMatchObject({ address: other, confirmed: true, on: true });

    // a notification about this order now goes to the confirmed address, not to the order's
    await requestCancellation(page, menu, lang, "#1007", "ORDERED_BY_MISTAKE");
    const receipt = await eventually(
      async () => (await emailsTo(other)).find((m) => m.subject.includes("#1007")),
      "the cancellation receipt to the confirmed address",
    );
    expect(receipt.html).toContain('lang="fr"');
    expect((await emailsTo(CAMILLE.email)).filter((m) => m.subject.includes("#1007"))).toEqual([]);
    await page.close();
  });

  it("en: a message the mail server refused is shown in the order contact block and on the merchant's request page, with the server's answer; another address confirmed gets it", async () => {
    const lang = OLIVER.lang;
    const { page, menu } = await orderPage(OLIVER, "5012");
    await requestCancellation(page, menu, lang, "#1012", "CHANGED_MIND");

    // the worker's send is refused at RCPT TO: the message is FAILED at once
    const contact = await eventually(async () => {
      const c = (await customerApi(OLIVER, "5012/contact")).contact;
      return c.undelivered.length ? c : null;
    }, "the refused receipt to be listed as undelivered");
    expect(contact.undelivered[0]).toMatchObject({ channel: "EMAIL", state: "FAILED", address: REFUSED });
    await page.reload();
    const block = page.frameLocator(TARGET.contact);
    await block.getByText(contact.undelivered[0].message, { exact: true }).waitFor({ timeout: 20_000 });
    expect(contact.undelivered[0].message).toContain(REFUSED);
    await block.getByText(t("order-contact", lang, "giveAnother")).waitFor();
    await shot(page, "contact-refused-en");

    await page.close();

    // the merchant's request page: the banner with the event, the address and the server's answer
    const request = ((await customerApi(OLIVER, "5012/options")).requests as Rec[]).find(
      (r) => r.kind === "CANCELLATION",
    )!;
    const detail = await adminPage("en", `/app/requests/${request.id}`);
    const d = adminEn.detail.delivery;
    await detail.getByText(d.title, { exact: true }).waitFor();
    // "<event> (<channel>) to <address>, <when>: not delivered. The server answered: <answer>"
    const failed = detail.getByText(
      new RegExp(
        `^${adminEn.notifications.events.CANCELLATION_REQUESTED} \\(Email\\) to ${REFUSED}, .+: not delivered\\.`,
      ),
    );
    expect(await failed.innerText()).toMatch(/The server answered: .*550.*mailbox unavailable/);
    await detail.getByText(d.help, { exact: true }).waitFor();
    await detail.getByRole("link", { name: d.openLog }).waitFor();
    await shot(detail, "request-refused-en");

    // the way out: he gives another address and confirms it; the refused receipt is sent there, once
    const other = "oliver.bennett@example.org";
    const again = await orderPage(OLIVER, "5012");
    await again.contact.getByLabel(t("order-contact", lang, "emailLabel")).fill(other);
    await again.contact.getByRole("button", { name: t("order-contact", lang, "send") }).click();
    await again.contact
      .getByText(t("order-contact", lang, "codeSent", { address: other }))
      .waitFor({ timeout: 20_000 });
    await again.contact
      .getByLabel(t("order-contact", lang, "codeLabel"))
      .fill(await codeSentTo(other, /^Your confirmation code for /));
    await again.contact.getByRole("button", { name: t("order-contact", lang, "confirm"), exact: true }).click();
    await again.contact.getByText(t("order-contact", lang, "confirmed")).waitFor({ timeout: 20_000 });
    const resent = await eventually(async () => {
      const mails = (await emailsTo(other)).filter((m) => m.subject.includes("#1012"));
      return mails.length ? mails : null;
    }, "the refused receipt sent again to the confirmed address");
    expect(resent).toHaveLength(1);
    expect((await customerApi(OLIVER, "5012/contact")).contact.undelivered).toEqual([]);
    await again.page.reload();
    await again.page
      .frameLocator(TARGET.contact)
      .getByText(t("order-contact", lang, "emailConfirmed", { address: other }))
      .waitFor({ timeout: 20_000 });
    expect(await again.page.frameLocator(TARGET.contact).getByText(contact.undelivered[0].message).count()).toBe(0);
    await again.page.close();
    // the merchant's page no longer reports it
    await detail.reload({ waitUntil: "networkidle" });
    await detail.getByRole("heading", { name: /#1012/ }).first().waitFor();
    expect(await detail.getByText(d.title, { exact: true }).count()).toBe(0);
    await detail.close();
  });

  it("en: a code sent to an address the mail server refuses: the order contact block says so rather than leaving the customer waiting", async () => {
    const lang = OLIVER.lang;
    const { page, contact } = await orderPage(OLIVER, "5011");
    await contact.getByLabel(t("order-contact", lang, "emailLabel")).fill(REFUSED);
    await contact.getByRole("button", { name: t("order-contact", lang, "send") }).click();
    await contact.getByText(t("order-contact", lang, "codeSent", { address: REFUSED })).waitFor({ timeout: 20_000 });
    await eventually(
      async () => (await customerApi(OLIVER, "5011/contact")).contact.pending[0]?.undeliverable,
      "the code's message to be refused",
    );
    await page.reload();
    const block = page.frameLocator(TARGET.contact);
    await block.getByText(t("order-contact", lang, "codeFailed", { address: REFUSED })).waitFor({ timeout: 20_000 });
    await block.getByRole("button", { name: t("order-contact", lang, "sendAgain") }).waitFor();
    await shot(page, "contact-code-refused-en");
    // a second code within 30 s is refused with the API's message (codes are rate-limited per order)
    await block.getByLabel(t("order-contact", lang, "emailLabel")).fill("oliver.bennett@example.org");
    await block.getByRole("button", { name: t("order-contact", lang, "sendAgain") }).click();
    await block.getByText(apiErrors.en.RATE_LIMITED).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it("fr: the staff test message on /app/notifications shows its outcome: delivered, or refused with the server's answer", async () => {
    const n = adminFr.notifications;
    const page = await adminPage("fr", "/app/notifications");
    await page.getByRole("heading", { name: n.staffTest.title }).waitFor();
    const emails = page.getByLabel(`${n.events.CANCELLATION_REQUESTED} — ${n.staffEmails}`);
    await emails.fill(`equipe@example.fr\n${REFUSED}`);
    const recipients = page.locator("form").filter({ has: page.getByRole("heading", { name: n.staffTitle }) });
    await recipients.getByRole("button", { name: adminFr.common.save }).click();
    const send = (address: string) => page.getByRole("button", { name: `${n.staffTest.send}: ${address}` });
    await send(REFUSED).waitFor({ timeout: 20_000 });

    await send("equipe@example.fr").click();
    const delivered = page.getByRole("listitem").filter({ hasText: "equipe@example.fr" });
    await delivered.getByText(n.staffTest.status.SENT, { exact: true }).waitFor({ timeout: 20_000 });
    const test = await eventually(
      async () => (await emailsTo("equipe@example.fr")).find((m) => /^Message de test d’Amend/.test(m.subject)),
      "the test message in the mailbox",
    );
    expect(test.text).toContain("message de test");

    await send(REFUSED).click();
    const refused = page.getByRole("listitem").filter({ hasText: REFUSED });
    await refused.getByText(n.staffTest.status.FAILED, { exact: true }).waitFor({ timeout: 20_000 });
    // the server's whole answer is readable in the card (it wraps; nothing to scroll sideways)
    const answer = refused.getByText(n.staffTest.answer.replace("{answer}", ""));
    expect(await answer.innerText()).toMatch(/550 5\.1\.1 <refused@example\.com>: mailbox unavailable$/);
    expect(await answer.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(await emailsTo(REFUSED)).toEqual([]);
    await shot(page, "staff-test-fr");
    await page.close();
  });
});
