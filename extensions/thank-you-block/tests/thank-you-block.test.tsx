/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  json,
  networkDown,
  notAllowed,
  options,
  routes,
  sent,
  translator,
  withdrawal,
} from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const block = getExtension("purchase.thank-you.block.render");
const $ = (selector: string) => document.body.querySelector(selector) as HTMLElement;
const OPTIONS = "GET /api/checkout/orders/5001/options";

beforeEach(() => {
  block.setUp();
  block.shopify.orderConfirmation.value = {
    order: { id: "gid://shopify/Order/5001" },
    number: "1001",
    isFirstOrder: false,
  } as never;
  block.shopify.shop.id = "gid://shopify/Shop/42";
  block.shopify.sessionToken.get = async () => "checkout-jwt";
  block.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => block.tearDown());

describe("thank-you block", () => {
  it("GIVEN the address can change until a deadline THEN it says until when, with the way to the order page", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await block.render();
    expect(document.body.textContent).toBe(""); // nothing until it knows: no placeholder to collapse
    await waitFor(() => expect($("s-banner")?.getAttribute("heading")).toBe("Wrong address?"));
    expect($("s-text").textContent).toBe("You can change it until 2026-12-01T12:00:00.000Z.");
    expect($("s-link").getAttribute("href")).toBe("https://shopify.com/42/account/orders/5001");
    expect(sent(block.fetch as never).headers).toMatchObject({
      Authorization: "Bearer checkout-jwt",
      "Accept-Language": "en",
    });
  });

  it("GIVEN no deadline THEN it points to the order page", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options({ addressChange: { deadline: null } })) });
    await block.render();
    await waitFor(() => expect($("s-text")?.textContent).toBe("You can change it from your order page."));
  });

  it("GIVEN the address cannot change THEN it renders nothing", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options(notAllowed)) });
    await block.render();
    await waitFor(() => expect(block.fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(document.body.textContent).toBe("");
  });

  it("GIVEN withdrawal is offered THEN « Withdraw from contract here » links to the storefront's withdrawal page", async () => {
    block.fetch = routes({
      [OPTIONS]: () => json(200, options({ addressChange: notAllowed.addressChange, withdrawal: withdrawal() })),
    });
    await block.render();
    await waitFor(() => expect($("s-banner")?.getAttribute("heading")).toBe("Changed your mind?"));
    expect(document.body.querySelectorAll("s-banner")).toHaveLength(1); // the address can no longer change
    expect($("s-text").textContent).toBe(
      "You can withdraw from this purchase without giving any reason, until 14 days after delivery.",
    );
    expect($("s-link").textContent).toBe("Withdraw from contract here");
    expect($("s-link").getAttribute("href")).toBe("https://demo-store.myshopify.com/apps/amend/withdrawal");
    expect($("s-link").getAttribute("accessibilityLabel")).toBe(
      "Withdraw from contract here: the withdrawal page for order #1001",
    );
  });

  it("GIVEN the address can change and withdrawal is offered THEN both are shown", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })) });
    await block.render();
    await waitFor(() => expect(document.body.querySelectorAll("s-banner")).toHaveLength(2));
    expect([...document.body.querySelectorAll("s-link")].map((l) => l.getAttribute("href"))).toEqual([
      "https://shopify.com/42/account/orders/5001",
      "https://demo-store.myshopify.com/apps/amend/withdrawal",
    ]);
  });

  it.each([
    ["not offered", withdrawal({ offered: false, allowed: false })],
    [
      "offered but no longer possible",
      withdrawal({ allowed: false, reasons: [{ code: "ORDER_CANCELLED", message: "x" }] }),
    ],
  ])("GIVEN withdrawal is %s and the address cannot change THEN it renders nothing", async (_, section) => {
    block.fetch = routes({
      [OPTIONS]: () => json(200, options({ addressChange: notAllowed.addressChange, withdrawal: section })),
    });
    await block.render();
    await waitFor(() => expect(block.fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(document.body.textContent).toBe("");
  });

  it.each([
    ["the network is down", networkDown],
    [
      "the shopper is a guest (401)",
      () => json(401, { error: { code: "LOGIN_REQUIRED", message: "Please sign in." } }),
    ],
    [
      "the store is not answering (503)",
      () => json(503, { error: { code: "SHOPIFY_UNAVAILABLE", message: "Try again." } }),
    ],
  ])("GIVEN %s THEN it fails quietly (nothing shown, no error)", async (_, answer) => {
    block.fetch = routes({ [OPTIONS]: answer });
    await block.render();
    await waitFor(() => expect(block.fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(document.body.textContent).toBe("");
  });

  it("GIVEN a checking answer (pending) THEN nothing is shown meanwhile, and the answer asked again after retryAfterSeconds is", async () => {
    const pending = { ...options(notAllowed), pending: true, retryAfterSeconds: 1 };
    block.fetch = routes({ [OPTIONS]: [() => json(200, pending), () => json(200, options())] });
    await block.render();
    await waitFor(() => expect(block.fetch).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(document.body.textContent).toBe("");
    await waitFor(() => expect($("s-banner")?.getAttribute("heading")).toBe("Wrong address?"), { timeout: 3000 });
    expect(block.fetch).toHaveBeenCalledTimes(2);
  });

  it("GIVEN a French shopper THEN it is in French", async () => {
    block.shopify.i18n.translate = translator(fr) as never;
    block.shopify.localization.language.value = { isoCode: "fr" };
    block.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await block.render();
    await waitFor(() => expect($("s-banner")?.getAttribute("heading")).toBe("Adresse erronée\u202f?"));
    expect($("s-link").textContent).toBe("Voir votre commande");
    expect(sent(block.fetch as never).headers["Accept-Language"]).toBe("fr");
  });

  it("GIVEN a French shopper and withdrawal offered THEN « Renoncer au contrat ici »", async () => {
    block.shopify.i18n.translate = translator(fr) as never;
    block.fetch = routes({
      [OPTIONS]: () => json(200, options({ addressChange: notAllowed.addressChange, withdrawal: withdrawal() })),
    });
    await block.render();
    await waitFor(() => expect($("s-link")?.textContent).toBe("Renoncer au contrat ici"));
    expect($("s-banner").getAttribute("heading")).toBe("Vous avez changé d’avis\u202f?");
  });
});
