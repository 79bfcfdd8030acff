import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, launchChromium } from "./support";

// The extension preview's Polaris web components (demo/preview/client/elements.js) in Chromium, set up as Preact
// sets them up (properties, `on*` listeners): the events the extensions rely on, and what disabled and loading stop.

type El = HTMLElement & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="en"><body></body></html>`);
  await page.addScriptTag({ path: `${ROOT}/demo/preview/client/elements.js` });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Builds elements in the page (as Preact does: create, set properties, listen, insert) and returns the log. */
const log = () => page.evaluate(() => (window as unknown as { log: string[] }).log.splice(0));
async function build(fn: () => void) {
  await page.evaluate(() => {
    document.body.replaceChildren();
    (window as unknown as { log: string[] }).log = [];
  });
  await page.evaluate(fn);
}

describe("the preview's Polaris web components", () => {
  it("s-button: click reaches onClick; never while disabled or loading; accessibilityLabel names it", async () => {
    await build(() => {
      const l = (window as unknown as { log: string[] }).log;
      for (const [name, props] of [
        ["enabled", {}],
        ["disabled", { disabled: true }],
        ["loading", { loading: true }],
      ] as const) {
        const b = document.createElement("s-button") as El;
        Object.assign(b, props, { accessibilityLabel: `Send (${name})` });
        b.textContent = "Send";
        b.addEventListener("click", () => l.push(name));
        document.body.append(b);
      }
    });
    for (const name of ["enabled", "disabled", "loading"])
      await page.getByRole("button", { name: `Send (${name})` }).click({ force: true });
    expect(await log()).toEqual(["enabled"]);
    expect(await page.getByRole("button", { name: "Send (loading)" }).getAttribute("aria-busy")).toBe("true");
  });

  it("s-button with href is a link", async () => {
    await build(() => {
      const b = document.createElement("s-button") as El;
      b.href = "extension:order-page/customer-account.order.page.render/1";
      b.textContent = "Change address";
      document.body.append(b);
    });
    expect(await page.getByRole("link", { name: "Change address" }).getAttribute("href")).toBe(
      "extension:order-page/customer-account.order.page.render/1",
    );
  });

  it("s-text-field / s-text-area: input and change carry the new value on currentTarget; error is announced", async () => {
    await build(() => {
      const l = (window as unknown as { log: string[] }).log;
      for (const tag of ["s-text-field", "s-text-area"]) {
        const f = document.createElement(tag) as El;
        Object.assign(f, { label: tag, value: "a" });
        f.addEventListener("input", (e) => l.push(`${tag} input ${(e.currentTarget as El).value}`));
        f.addEventListener("change", (e) => l.push(`${tag} change ${(e.currentTarget as El).value}`));
        document.body.append(f);
      }
    });
    await page.getByLabel("s-text-field").fill("Paris");
    await page.getByLabel("s-text-area").fill("Note");
    await page.getByLabel("s-text-field").focus();
    // change comes when the field is left, as a native field's
    expect(await log()).toEqual([
      "s-text-field input Paris",
      "s-text-field change Paris",
      "s-text-area input Note",
      "s-text-area change Note",
    ]);
    await page.evaluate(() => ((document.querySelector("s-text-field") as El).error = "Enter a city."));
    const input = page.getByLabel("s-text-field");
    await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Enter a city.").isVisible()).toBe(true);
  });

  it("s-email-field / s-phone-field: native email and tel inputs; input carries the new value; maxLength and error apply", async () => {
    await build(() => {
      const l = (window as unknown as { log: string[] }).log;
      for (const tag of ["s-email-field", "s-phone-field"]) {
        const f = document.createElement(tag) as El;
        Object.assign(f, { label: tag, value: "", maxLength: 20 }, tag === "s-phone-field" ? { type: "mobile" } : {});
        f.addEventListener("input", (e) => l.push(`${tag} input ${(e.currentTarget as El).value}`));
        document.body.append(f);
      }
    });
    await page.getByLabel("s-email-field").fill("camille@example.org");
    await page.getByLabel("s-phone-field").fill("+33612345678");
    expect(await log()).toEqual(["s-email-field input camille@example.org", "s-phone-field input +33612345678"]);
    expect(await page.getByLabel("s-email-field").getAttribute("type")).toBe("email");
    expect(await page.getByLabel("s-phone-field").getAttribute("type")).toBe("tel");
    expect(await page.getByLabel("s-email-field").getAttribute("maxlength")).toBe("20");
    expect(await page.evaluate(() => (document.querySelector("s-phone-field") as El).type)).toBe("mobile");
    await page.evaluate(() => ((document.querySelector("s-email-field") as El).error = "Enter an email address."));
    await expect.poll(() => page.getByLabel("s-email-field").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Enter an email address.").isVisible()).toBe(true);
  });

  it("s-select: its s-option children are the options; change carries the value; the placeholder is not a choice", async () => {
    await build(() => {
      const l = (window as unknown as { log: string[] }).log;
      const s = document.createElement("s-select") as El;
      Object.assign(s, { label: "Reason", placeholder: "Choose a reason", value: "" });
      for (const [v, t] of [
        ["A", "Ordered by mistake"],
        ["B", "Changed my mind"],
      ]) {
        const o = document.createElement("s-option") as El;
        o.value = v;
        o.textContent = t;
        s.append(o);
      }
      s.addEventListener("change", (e) => l.push(`change ${(e.currentTarget as El).value}`));
      document.body.append(s);
    });
    await page.getByLabel("Reason").selectOption("B");
    expect(await log()).toEqual(["change B"]);
    expect(await page.getByRole("option", { name: "Choose a reason" }).isDisabled()).toBe(true);
  });

  it("s-choice-list, s-checkbox and s-number-field: change / input carry values, checked and value", async () => {
    await build(() => {
      const l = (window as unknown as { log: string[] }).log;
      const list = document.createElement("s-choice-list") as El;
      Object.assign(list, { label: "What?", values: ["ALL"] });
      list.addEventListener("change", (e) => l.push(`list ${JSON.stringify((e.currentTarget as El).values)}`));
      for (const [v, t] of [
        ["ALL", "Everything"],
        ["SOME", "Some items"],
      ]) {
        const c = document.createElement("s-choice") as El;
        c.value = v;
        c.textContent = t;
        list.append(c);
      }
      const box = document.createElement("s-checkbox") as El;
      Object.assign(box, { label: "Text me", checked: false });
      box.addEventListener("change", (e) => l.push(`box ${(e.currentTarget as El).checked}`));
      const num = document.createElement("s-number-field") as El;
      Object.assign(num, { label: "Quantity", value: "0", min: 0, max: 3, step: 1, suffix: "of 3" });
      num.addEventListener("input", (e) => l.push(`num ${(e.currentTarget as El).value}`));
      document.body.append(list, box, num);
    });
    expect(await page.getByLabel("Everything").isChecked()).toBe(true);
    await page.getByLabel("Some items").check();
    await page.getByLabel("Text me").check();
    await page.getByLabel("Quantity").fill("2");
    expect(await log()).toEqual(['list ["SOME"]', "box true", "num 2"]);
    expect(await page.getByRole("group", { name: "What?" }).count()).toBe(1);
    expect(await page.getByLabel("Quantity").getAttribute("max")).toBe("3");
  });

  it("s-banner: dismissible sends dismiss then afterhide and hides; its tone sets its role", async () => {
    await build(() => {
      const l = (window as unknown as { log: string[] }).log;
      const b = document.createElement("s-banner") as El;
      Object.assign(b, { heading: "Saved", tone: "critical", dismissible: true });
      b.addEventListener("dismiss", () => l.push("dismiss"));
      b.addEventListener("afterhide", () => l.push("afterhide"));
      document.body.append(b);
    });
    await page.getByRole("alert").getByText("Saved").waitFor();
    await page.getByRole("button", { name: "Dismiss" }).click();
    expect(await log()).toEqual(["dismiss", "afterhide"]);
    expect(await page.locator("s-banner").isHidden()).toBe(true);
  });

  it("s-customer-account-action: heading, body, and the buttons of its primary-action and secondary-actions slots in its footer", async () => {
    await build(() => {
      const a = document.createElement("s-customer-account-action") as El;
      a.heading = "Change order #1001";
      const body = document.createElement("s-paragraph");
      body.textContent = "Body";
      const primary = document.createElement("s-button") as El;
      primary.slot = "primary-action";
      primary.textContent = "Request cancellation";
      const secondary = document.createElement("s-button") as El;
      secondary.slot = "secondary-actions";
      secondary.textContent = "Close";
      a.append(body, primary, secondary);
      document.body.append(a);
    });
    await page.getByRole("heading", { name: "Change order #1001" }).waitFor();
    const footer = await page.evaluate(() => {
      const root = document.querySelector("s-customer-account-action")!.shadowRoot!;
      return [...root.querySelectorAll("footer slot")].map((s) =>
        (s as HTMLSlotElement).assignedElements().map((e) => e.textContent),
      );
    });
    expect(footer).toEqual([["Close"], ["Request cancellation"]]);
  });
});
