import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SCREENSHOTS,
  eventually,
  launchChromium,
  startDemoProcess,
  type RunningDemo,
  t,
  type Lang,
  contextsByLanguage,
  CAMILLE,
  OLIVER,
} from "./support";

// The EU withdrawal function end to end, through the real extensions in the demo's extension preview: the order
// action "Withdraw from contract here" (extensions/withdrawal-action), the statement and its confirmation on the
// full page (extensions/withdrawal), the acknowledgement on screen and by email, and what Shopify (the simulator)
// then holds. The demo store offers withdrawal to France and Belgium (demo/launcher/database.ts).

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let demo: RunningDemo;
let browser: Browser;
const contexts = {} as Record<Lang, BrowserContext>;
const pageErrors: string[] = [];

const MENU_ITEM = "customer-account.order.action.menu-item.render";
const TARGET = {
  withdrawalMenu: `iframe[data-handle="withdrawal-action"][data-target="${MENU_ITEM}"]`,
  changeMenu: `iframe[data-handle="order-actions"][data-target="${MENU_ITEM}"]`,
  block: 'iframe[data-handle="order-status-block"][data-target="customer-account.order-status.block.render"]',
  page: 'iframe[data-handle="withdrawal"][data-target="customer-account.order.page.render"]',
  thankYou: 'iframe[data-target="purchase.thank-you.block.render"]',
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
    expect(code, demo.output()).toBe(0);
  }
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

async function open(lang: Lang, pathname: string): Promise<Page> {
  const page = await contexts[lang].newPage();
  page.on("pageerror", (e) => pageErrors.push(`${pathname}: ${e.message}`));
  const res = await page.goto(`${demo.previewUrl}${pathname}`);
  expect(res?.status(), pathname).toBe(200);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The order's page, once the other action (order-actions) has loaded: the options have been answered by then. */
async function orderPage(customer: { id: string; lang: Lang }, orderId: string) {
  const page = await open(customer.lang, `/account/${customer.id}/orders/${orderId}`);
  const change = page.frameLocator(TARGET.changeMenu);
  await change.locator("s-button").waitFor({ timeout: 20_000 });
  await expect
    .poll(() => change.locator("s-button").evaluate((b) => Boolean((b as Rec).loading)), { timeout: 20_000 })
    .toBe(false);
  return { page, menu: page.frameLocator(TARGET.withdrawalMenu), block: page.frameLocator(TARGET.block) };
}

/** Step 1: "Withdraw from contract here" in the order's action menu opens the statement on its own page. */
async function openStatement(page: Page, menu: FrameLocator, customer: { id: string; lang: Lang }, orderId: string) {
  const button = menu.getByRole("link", { name: t("withdrawal-action", customer.lang, "menu.withdraw") });
  await button.waitFor({ timeout: 20_000 });
  await button.click();
  await page.waitForURL(`**/account/${customer.id}/orders/${orderId}/pages/withdrawal`);
  const statement = page.frameLocator(TARGET.page);
  await statement.getByText(t("withdrawal", customer.lang, "statement.heading"), { exact: true }).waitFor();
  return statement;
}

/** The acknowledgement's "Received on …" line, once it is on screen. */
async function acknowledgement(statement: FrameLocator, lang: Lang): Promise<string> {
  await statement.getByText(t("withdrawal", lang, "done.heading"), { exact: true }).waitFor({ timeout: 20_000 });
  const prefix = t("withdrawal", lang, "done.receivedAt", { date: "" }).replace(/\.$/, "");
  return statement.getByText(prefix).first().innerText();
}

describe("the EU withdrawal function (two steps, through the real extensions)", () => {
  it("a customer withdraws from an unshipped order: acknowledgement with the statement, date and time; the order is cancelled in Shopify", async () => {
    const lang = CAMILLE.lang;
    // the thank-you page already shows the way (to the storefront page: no customer-account session there)
    const thankYou = await open(lang, `/checkout/${CAMILLE.id}/thank-you/5025`);
    const link = thankYou
      .frameLocator(TARGET.thankYou)
      .getByRole("link", { name: t("thank-you-block", lang, "withdrawal.linkLabel", { order: "#1025" }) });
    await link.waitFor({ timeout: 20_000 });
    expect(await link.getAttribute("href")).toMatch(/\/apps\/amend\/withdrawal$/);
    await shot(thankYou, "withdrawal-thank-you-fr");
    await thankYou.close();

    const { page, menu, block } = await orderPage(CAMILLE, "5025");
    // the order-status block shows the function too, and leads to the same page
    const blockButton = block.getByRole("link", { name: t("order-status-block", lang, "block.withdrawal") });
    await blockButton.waitFor();
    await shot(page, "withdrawal-order-fr");

    const statement = await openStatement(page, menu, CAMILLE, "5025");
    // the statement: her name (pre-filled), the order, the whole order, the acknowledgement by email
    expect(await statement.getByRole("textbox", { name: t("withdrawal", lang, "statement.name") }).inputValue()).toBe(
      "Camille Martin",
    );
    await statement.getByText(t("withdrawal", lang, "statement.text", { order: "#1025" })).waitFor();
    expect(await statement.getByRole("radio", { name: t("withdrawal", lang, "statement.whole") }).isChecked()).toBe(
      true,
    );
    expect(await statement.getByRole("checkbox", { name: /^Par e-mail à c•••@example\.fr$/ }).isChecked()).toBe(true);
    expect((await order("5025")).cancelledAt).toBeNull(); // nothing happens before the confirmation
    await shot(page, "withdrawal-statement-fr");

    // step 2: "Confirmer la rétractation", with the keyboard
    const confirm = statement.getByRole("button", {
      name: t("withdrawal", lang, "statement.confirmLabel", { order: "#1025" }),
    });
    // its visible label is the law's (the accessible name adds the order)
    expect(await statement.locator("s-button").filter({ hasText: "Confirmer la rétractation" }).count()).toBe(1);
    await confirm.focus();
    await page.keyboard.press("Enter");

    const received = await acknowledgement(statement, lang);
    // the date and the time (hours, minutes and seconds) it was received
    expect(received).toMatch(/^Reçue le \d{1,2} \S+ 2026 .*\d{1,2}:\d{2}:\d{2}/);
    await statement
      .getByText(t("withdrawal", lang, "done.text", { name: "Camille Martin", order: "#1025" }), { exact: true })
      .waitFor();
    await statement.getByText(t("withdrawal", lang, "done.wholeOrder"), { exact: true }).waitFor();
    await statement.getByText(t("withdrawal", lang, "done.sentTo", { to: "c•••@example.fr" })).waitFor();
    await statement.getByText(t("withdrawal", lang, "done.cancellation")).waitFor();
    await shot(page, "withdrawal-acknowledgement-fr");

    // Shopify (the simulator): the order is cancelled
    const cancelled = await eventually(async () => {
      const o = await order("5025");
      return o.cancelledAt ? o : null;
    }, "#1025 cancelled in the simulator");
    expect(cancelled.cancelledAt).toBeTruthy();

    // the acknowledgement on a durable medium: the email restates the statement, with its date and time
    const mail = await eventually(async () => {
      const mails = (await emailsTo(CAMILLE.email)).filter((m) => m.subject.includes("#1025"));
      return mails.find((m) => /Accusé de réception/.test(m.subject));
    }, "the acknowledgement email to Camille");
    expect(mail.subject).toBe("Accusé de réception de votre rétractation, commande #1025");
    expect(mail.html).toContain("Camille Martin");
    expect(mail.html).toMatch(/\d{1,2}:\d{2}/);

    // back on the order: the withdrawal is listed, and the function is gone (nothing left to withdraw)
    const again = await orderPage(CAMILLE, "5025");
    await again.block.getByText("Rétractation", { exact: true }).waitFor({ timeout: 20_000 });
    expect(
      await again.block.getByRole("link", { name: t("order-status-block", lang, "block.withdrawal") }).count(),
    ).toBe(0);
    expect(await again.menu.locator("s-button").count()).toBe(0);
    await page.close();
    await again.page.close();
  });

  it("a delivered order within the period: withdrawing some items requests a Shopify return for them", async () => {
    const lang = OLIVER.lang;
    const before = await order("5026");
    expect(before.returns).toEqual([]);
    const { page, menu } = await orderPage(OLIVER, "5026");
    const statement = await openStatement(page, menu, OLIVER, "5026");
    await statement.getByRole("radio", { name: t("withdrawal", lang, "statement.some") }).check();
    const quantities = statement.getByRole("spinbutton");
    await quantities.first().waitFor();
    const first: Rec = before.lineItems.nodes[0];
    await quantities.first().fill("1");
    await shot(page, "withdrawal-partial-en");
    await statement
      .getByRole("button", { name: t("withdrawal", lang, "statement.confirmLabel", { order: "#1026" }) })
      .click();

    const received = await acknowledgement(statement, lang);
    expect(received).toMatch(/^Received on \S+ \d{1,2}, 2026 .*\d{1,2}:\d{2}:\d{2}/);
    await statement.getByText(`1 × ${first.title}`, { exact: true }).waitFor();
    await statement.getByText(t("withdrawal", lang, "done.return")).waitFor();
    await shot(page, "withdrawal-acknowledgement-return-en");

    const returned = await eventually(async () => {
      const o = await order("5026");
      return o.returns.length ? (o.returns as Rec[]) : null;
    }, "a return requested for #1026 in the simulator");
    expect(returned).toHaveLength(1);
    expect(returned[0].status).toBe("REQUESTED");
    expect((await order("5026")).cancelledAt).toBeNull();
    await page.close();
  });

  it("after the period (delivered 20 days ago) the function is no longer shown", async () => {
    const { page, menu, block } = await orderPage(CAMILLE, "5027");
    // every extension on the page has had its options answered
    await page.waitForLoadState("networkidle");
    expect(await menu.locator("s-button").count()).toBe(0);
    expect(await block.getByRole("link", { name: t("order-status-block", "fr", "block.withdrawal") }).count()).toBe(0);
    // opened from an old link, the page says why
    const direct = await open("fr", `/account/${CAMILLE.id}/orders/5027/pages/withdrawal`);
    const full = direct.frameLocator(TARGET.page);
    await full.getByText(t("withdrawal", "fr", "page.notAllowed"), { exact: true }).waitFor({ timeout: 20_000 });
    expect(await full.getByRole("button", { name: /Confirmer la rétractation/ }).count()).toBe(0);
    await shot(direct, "withdrawal-period-ended-fr");
    await page.close();
    await direct.close();
  });

  it("a made-to-measure item is listed as exempt with its reason, and only the rest can be withdrawn", async () => {
    const page = await open("fr", `/account/${CAMILLE.id}/orders/5028/pages/withdrawal`);
    const full = page.frameLocator(TARGET.page);
    await full.getByText(t("withdrawal", "fr", "statement.exempt"), { exact: true }).waitFor({ timeout: 20_000 });
    expect(await full.locator("s-list-item").allInnerTexts()).toEqual([
      `Abat-jour lin naturel Ø30 (${t("withdrawal", "fr", "exempt.PERSONALISED")})`,
    ]);
    // one unit left to withdraw (the candle): no choice between the whole order and some items, the statement names it
    expect(await full.getByRole("radio").count()).toBe(0);
    await full
      .getByText(t("withdrawal", "fr", "statement.withdrawn", { items: "1 × Bougie parfumée Figuier 190 g" }))
      .waitFor();
    await shot(page, "withdrawal-exempt-fr");
    await page.close();
  });
});
