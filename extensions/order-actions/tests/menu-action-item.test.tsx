/// <reference types="@shopify/ui-extensions/customer-account.order.action.menu-item.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { json, networkDown, notAllowed, options, routes, sent, translator } from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const menu = getExtension("customer-account.order.action.menu-item.render");
const button = () => document.body.querySelector("s-button")!;

beforeEach(() => {
  menu.setUp();
  menu.shopify.orderId = "gid://shopify/Order/5001";
  menu.shopify.sessionToken.get = async () => "customer-jwt";
  menu.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => menu.tearDown());

describe("order action menu item", () => {
  it("GIVEN only the address can change THEN it links straight to the order's address page", async () => {
    menu.fetch = routes({
      "GET /api/customer/orders/5001/options": () => json(200, options({ cancellation: notAllowed.cancellation })),
    });
    await menu.render();
    expect(button().hasAttribute("loading")).toBe(true);
    await waitFor(() => expect(button().textContent).toBe("Change address"));
    expect(button().getAttribute("href")).toBe("extension:order-page/customer-account.order.page.render/5001");
    const call = sent(menu.fetch as never);
    expect(call.url).toBe("https://amend.example.com/api/customer/orders/5001/options");
    expect(call.headers).toMatchObject({ Authorization: "Bearer customer-jwt", "Accept-Language": "en" });
  });

  it("GIVEN only cancellation is allowed THEN the button opens the modal to request it", async () => {
    menu.fetch = routes({
      "GET /api/customer/orders/5001/options": () => json(200, options({ addressChange: notAllowed.addressChange })),
    });
    await menu.render();
    await waitFor(() => expect(button().textContent).toBe("Request cancellation"));
    expect(button().hasAttribute("href")).toBe(false);
  });

  it("GIVEN nothing is allowed THEN the button still opens the modal that says why (never a dead button)", async () => {
    menu.fetch = routes({ "GET /api/customer/orders/5001/options": () => json(200, options(notAllowed)) });
    await menu.render();
    await waitFor(() => expect(button().getAttribute("accessibilityLabel")).toBe(en.menu.notAllowedLabel));
    expect(button().textContent).toBe("Change order");
    expect(button().hasAttribute("disabled")).toBe(false);
  });

  it("GIVEN the network is down THEN the button falls back to the modal, which has its own retry", async () => {
    menu.fetch = routes({ "GET /api/customer/orders/5001/options": networkDown });
    await menu.render();
    await waitFor(() => expect(button().hasAttribute("loading")).toBe(false));
    expect(button().textContent).toBe("Change order");
    expect(button().hasAttribute("disabled")).toBe(false);
  });

  it("GIVEN a French shopper THEN the label is French and the API is asked in French", async () => {
    menu.shopify.i18n.translate = translator(fr) as never;
    menu.shopify.localization.language.value = { isoCode: "fr" };
    menu.fetch = routes({ "GET /api/customer/orders/5001/options": () => json(200, options()) });
    await menu.render();
    await waitFor(() => expect(button().hasAttribute("loading")).toBe(false));
    expect(button().textContent).toBe("Modifier la commande");
    expect(sent(menu.fetch as never).headers["Accept-Language"]).toBe("fr");
  });
});
