import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminEn } from "../../app/i18n/admin-en";
import { adminFr } from "../../app/i18n/admin-fr";
import {
  SCREENSHOTS,
  launchChromium,
  startDemoProcess,
  type RunningDemo,
  type Lang,
  contextsByLanguage,
} from "./support";

// How the merchant's admin pages look at the width of a laptop's embedded app (1200 px), in English and French:
// what a unit test cannot see (an empty state's placeholder, a table wider than its card, a link with no name).

const MESSAGES = { en: adminEn, fr: adminFr };

let demo: RunningDemo;
let browser: Browser;
const contexts = {} as Record<Lang, BrowserContext>;
const pageErrors: string[] = [];

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

/** An admin page of the app, loaded and hydrated. */
async function adminPage(lang: Lang, pathname: string): Promise<Page> {
  const page = await contexts[lang].newPage();
  page.on("pageerror", (e) => pageErrors.push(`${pathname}: ${e.message}`));
  const res = await page.goto(`${demo.appUrl}${pathname}`, { waitUntil: "networkidle" });
  expect(res?.status(), pathname).toBe(200);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `admin-layout-${name}.png`), fullPage: true });

describe("the admin at 1200 px", () => {
  it.each(["en", "fr"] as const)(
    "%s: the empty request inbox, delivery log and withdrawal register show their illustration, not a grey disc",
    async (lang) => {
      const m = MESSAGES[lang];
      // [page, heading, the text under it (said once, and saying the filters found nothing), screenshot]
      const empties: [string, string, string | null, string][] = [
        ["/app/requests?tab=ALL&q=no-such-order-anywhere", m.inbox.emptyTitle, m.inbox.emptyFiltered, "inbox"],
        [
          "/app/notifications/log?from=2000-01-01&to=2000-01-02",
          m.notifications.logEmptyTitle,
          m.notifications.logEmptyFiltered,
          "log",
        ],
        ["/app/withdrawals?from=2000-01-01&to=2000-01-02", m.withdrawals.emptyTitle, null, "withdrawals"],
      ];
      for (const [pathname, heading, text, name] of empties) {
        const page = await adminPage(lang, pathname);
        await shot(page, `${name}-empty-${lang}`);
        const disc = page.locator(".Polaris-EmptyState__SkeletonImage");
        await expect.poll(() => disc.count()).toBe(1);
        // the heading inside the empty state (the innermost block holding both the image and the heading)
        const empty = page
          .locator("div")
          .filter({ has: page.locator(".Polaris-EmptyState__ImageContainer") })
          .filter({ has: page.getByText(heading, { exact: true }) })
          .last();
        expect(await empty.getByText(heading, { exact: true }).isVisible(), pathname).toBe(true);
        if (text) expect(await page.getByText(text, { exact: true }).count(), pathname).toBe(1);
        // the illustration loaded (the placeholder disc is only there until it does), and the disc faded out
        await expect
          .poll(() =>
            page
              .locator(".Polaris-EmptyState__ImageContainer img")
              .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
          )
          .toBeGreaterThan(0);
        await expect.poll(() => disc.evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(0);
        await shot(page, `${name}-empty-${lang}`); // once the illustration is in
        await page.close();
      }
    },
    60_000,
  );

  it.each(["en", "fr"] as const)(
    "%s: every notification switch is in view (a table per channel, nothing scrolled off) and works from the keyboard",
    async (lang) => {
      const n = MESSAGES[lang].notifications;
      const page = await adminPage(lang, "/app/notifications");
      const card = page
        .locator(".Polaris-ShadowBevel")
        .filter({ has: page.getByRole("heading", { name: n.switchesTitle }) });
      await shot(page, `notifications-${lang}`);
      for (const channel of ["EMAIL", "SMS"] as const)
        expect(await card.getByRole("heading", { name: n.channels[channel], exact: true }).isVisible()).toBe(true);
      // no table is wider than the card: nothing to scroll sideways to
      const tables = card.locator(".Polaris-DataTable__ScrollContainer");
      expect(await tables.count()).toBe(2);
      for (const table of await tables.all())
        expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      // each switch is within the card's width
      const right = (await card.boundingBox())!.x + (await card.boundingBox())!.width;
      const boxes = card.getByRole("checkbox");
      expect(await boxes.count()).toBeGreaterThan(10);
      for (const box of await boxes.all()) {
        const b = (await box.locator("xpath=..").boundingBox())!;
        expect(b.x + b.width).toBeLessThanOrEqual(right);
      }
      // the last column of the old single table: a staff SMS, named for screen readers and toggled with Space
      const staffSms = card.getByRole("checkbox", {
        name: `${n.events.CANCELLATION_REQUESTED} — ${n.channels.SMS} — ${n.recipients.STAFF}`,
      });
      const was = await staffSms.isChecked();
      await staffSms.focus();
      await page.keyboard.press("Space");
      await expect.poll(() => staffSms.isChecked()).toBe(!was);
      await page.close();
    },
    60_000,
  );

  it.each(["en", "fr"] as const)(
    "%s: each “needs action” figure on the home page links to its requests with a visible, named link",
    async (lang) => {
      const h = MESSAGES[lang].home;
      const page = await adminPage(lang, "/app");
      await shot(page, `home-${lang}`);
      for (const [label, status] of [
        [h.pending, "PENDING"],
        [h.needsInfo, "NEEDS_INFO"],
        [h.failed, "FAILED"],
      ] as const) {
        const link = page.getByRole("link", { name: h.viewRequestsOf.replace("{label}", label), exact: true });
        expect(await link.innerText()).toBe(h.viewRequests);
        expect(await link.getAttribute("href")).toBe(`/app/requests?tab=NEEDS_ACTION&status=${status}`);
        // at the start of its card, under the figure, as Polaris cards put their links
        const card = page
          .locator(".Polaris-ShadowBevel")
          .filter({ has: page.getByRole("heading", { name: label, exact: true }) });
        const [l, c] = [(await link.boundingBox())!, (await card.boundingBox())!];
        expect(l.x - c.x).toBeLessThan(40);
      }
      await page
        .getByRole("link", { name: h.viewRequestsOf.replace("{label}", h.pending), exact: true })
        .press("Enter");
      await page.waitForURL(/\/app\/requests\?tab=NEEDS_ACTION&status=PENDING/);
      await page.close();
    },
    60_000,
  );
});
