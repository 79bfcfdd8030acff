/// <reference types="@shopify/ui-extensions/customer-account.order.action.menu-item.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { json, networkDown, options, routes, sent, translator, withdrawal } from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const menu = getExtension("customer-account.order.action.menu-item.render");
const button = () => document.body.querySelector("s-button");
const OPTIONS = "GET /api/customer/orders/5001/options";

beforeEach(() => {
  menu.setUp();
  menu.shopify.orderId = "gid://shopify/Order/5001";
  menu.shopify.sessionToken.get = async () => "customer-jwt";
  menu.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => menu.tearDown());

/** Renders and waits until the options have been read (the button, if any, comes after). */
async function rendered() {
  await menu.render();
  await waitFor(() => expect(menu.fetch).toHaveBeenCalled());
  await new Promise((r) => setTimeout(r, 20));
}

describe("withdrawal menu item", () => {
  it("GIVEN withdrawal is offered and possible THEN the button says the law's words and opens the statement page", async () => {
    menu.fetch = routes({ [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })) });
    await menu.render();
    expect(button()).toBeNull(); // nothing until the options say it is offered
    await waitFor(() => expect(button()?.textContent).toBe("Withdraw from contract here"));
    expect(button()!.getAttribute("href")).toBe("extension:withdrawal/customer-account.order.page.render/5001");
    expect(button()!.getAttribute("accessibilityLabel")).toBe(
      "Withdraw from contract here: your withdrawal statement for order #1001",
    );
    const call = sent(menu.fetch as never);
    expect(call.url).toBe("https://amend.example.com/api/customer/orders/5001/options");
    expect(call.headers).toMatchObject({ Authorization: "Bearer customer-jwt" });
  });

  it("GIVEN withdrawal is not offered THEN there is no button at all", async () => {
    menu.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal({ offered: false, allowed: false }) })),
    });
    await rendered();
    expect(button()).toBeNull();
  });

  it("GIVEN the period has ended THEN there is no button", async () => {
    const reasons = [{ code: "WITHDRAWAL_PERIOD_ENDED", message: "The withdrawal period has ended." }];
    menu.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal({ allowed: false, reasons }) })),
    });
    await rendered();
    expect(button()).toBeNull();
  });

  it("GIVEN the options cannot be loaded THEN there is no button (never one that leads nowhere)", async () => {
    menu.fetch = routes({ [OPTIONS]: networkDown });
    await rendered();
    expect(button()).toBeNull();
  });

  it("GIVEN a French customer THEN « Renoncer au contrat ici »", async () => {
    menu.shopify.i18n.translate = translator(fr) as never;
    menu.fetch = routes({ [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })) });
    await menu.render();
    await waitFor(() => expect(button()?.textContent).toBe("Renoncer au contrat ici"));
  });
});
