import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOTS, eventually, launchChromium, startDemoProcess, userAgent, type RunningDemo } from "./support";

// The merchant's side of the EU withdrawal, end to end on `npm run demo` in Chromium: a customer withdraws (through
// the customer API, as the extensions do), the merchant finds it in the register, opens its statement and exports
// the CSV; and the settings refuse a period under the legal minimum before saving a valid one.

let demo: RunningDemo;
let browser: Browser;
let admin: BrowserContext;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [demo, browser] = await Promise.all([startDemoProcess(), launchChromium()]);
  admin = await browser.newContext({
    locale: "en-US",
    userAgent: userAgent(browser),
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  if (demo) expect(await demo.stop(), demo.output()).toBe(0);
}, 30_000);

/** Errors the page logged (a hydration mismatch is one): none expected. */
const consoleErrors = new Map<Page, string[]>();

async function adminPage(pathname: string): Promise<Page> {
  const page = await admin.newPage();
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  const res = await page.goto(`${demo.appUrl}${pathname}`, { waitUntil: "networkidle" });
  expect(res?.status(), pathname).toBe(200);
  return page;
}

describe("withdrawals in the admin (demo, Chromium)", () => {
  it("a customer's withdrawal is in the register with its acknowledgement delivered, its statement opens, and the CSV downloads", async () => {
    const { token } = (await (
      await fetch(`${demo.previewUrl}/session-token`, {
        method: "POST",
        body: JSON.stringify({ target: "customer-account.order.page.render", customer: "7001" }),
      })
    ).json()) as { token: string };
    // #1025: nothing shipped yet (France) — the whole order is withdrawn, so it is cancelled in Shopify
    const res = await fetch(`${demo.appUrl}/api/customer/orders/5025/withdrawal`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        "Idempotency-Key": "e2e-withdrawal-admin-1025",
        "Accept-Language": "fr",
        "User-Agent": userAgent(browser),
      },
      body: JSON.stringify({ name: "Camille Martin", items: null, acknowledgeBy: { email: true, sms: false } }),
    });
    expect(res.status, await res.clone().text()).toBe(201);

    const page = await adminPage("/app/withdrawals");
    const row = page.getByRole("row", { name: /#1025/ });
    // the worker sends the acknowledgement and Shopify (the simulator) cancels the order: reload until both show
    await eventually(
      async () => {
        await page.reload({ waitUntil: "networkidle" });
        const text = (await row.textContent()) ?? "";
        return text.includes("Email: Delivered") && text.includes("Order cancelled") ? text : null;
      },
      "the register's row to show the acknowledgement delivered and the order cancelled",
      30_000,
    );
    expect(await row.textContent()).toContain("Camille Martin");
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-withdrawals-register.png"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^withdrawals-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = bytes.toString("utf8").slice(1).split("\r\n");
    expect(records[0]).toMatch(/^Request ID,Order ID,Order,Customer name,Submitted at \(UTC\),/);
    expect(records.find((r) => r.includes(",5025,#1025,Camille Martin,"))).toMatch(
      /,CUSTOMER_ACCOUNT,yes,,email,SENT,,CANCELLATION,APPLIED,/,
    );

    await row.getByRole("link", { name: "#1025" }).click();
    await page.waitForURL(/\/app\/requests\//);
    await page.getByText("Withdrawal statement").waitFor();
    for (const text of ["Camille Martin", "Whole order", "Order cancelled", "Email: Delivered"])
      expect(await page.getByText(text).count(), text).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-withdrawal-statement.png"), fullPage: true });
    expect(consoleErrors.get(page)).toEqual([]);
    await page.close();
  });

  it("settings: a period under 14 days is refused as it is typed and cannot be saved; 30 days with an exemption saves", async () => {
    const page = await adminPage("/app/settings");
    const period = page.getByLabel("Withdrawal period (days after delivery)");
    const save = page.getByRole("button", { name: "Save" }).first();
    await period.fill("10");
    await page.getByText("Enter a whole number of days between 14 and 365.").waitFor();
    expect(await save.isDisabled()).toBe(true);
    await period.fill("30");
    await page.getByRole("button", { name: "Add an exemption" }).click();
    await page.getByLabel("Product tag").last().fill("fresh-flowers");
    await page.getByLabel("Reason").last().selectOption("PERISHABLE");
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await page.getByText(/Settings saved \(version \d+\)/).waitFor();
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.getByLabel("Withdrawal period (days after delivery)").inputValue()).toBe("30");
    expect(await page.getByLabel("Product tag").last().inputValue()).toBe("fresh-flowers");
    expect(consoleErrors.get(page)).toEqual([]);
    await page.close();
  });
});
