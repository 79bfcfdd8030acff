/// <reference types="@shopify/ui-extensions/customer-account.order.page.render" />
import { createNavigationHistoryEntry, getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  json,
  networkDown,
  notAllowed,
  options,
  request,
  routes,
  rulesFailed,
  sent,
  texts,
  translator,
} from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const page = getExtension("customer-account.order.page.render");
type Field = HTMLElement & { value: string };
const $ = (selector: string) => document.body.querySelector(selector) as Field;
const field = (name: string) => $(`[name="${name}"]`);
const submit = () => $('s-button[variant="primary"]');
const type = (name: string, value: string) => {
  field(name).value = value;
  fireEvent[field(name).tagName === "S-SELECT" ? "change" : "input"](field(name));
};
const OPTIONS = "GET /api/customer/orders/5001/options";
const CHANGE = "POST /api/customer/orders/5001/address-change";

beforeEach(() => {
  page.setUp();
  page.shopify.order.value = { id: "gid://shopify/Order/5001", name: "#1001" };
  page.shopify.sessionToken.get = async () => "customer-jwt";
  page.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => page.tearDown());

async function ready() {
  await page.render();
  await waitFor(() => expect(submit()).not.toBeNull());
}

describe("change shipping address page", () => {
  it("GIVEN an eligible order THEN the form is pre-filled with the current address and the store's countries", async () => {
    page.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await page.render();
    expect($("s-skeleton-paragraph")).not.toBeNull();
    await waitFor(() => expect($("s-page").getAttribute("subheading")).toBe("Order #1001"));
    expect(field("lastName").getAttribute("value")).toBe("Martin");
    expect(field("address1").getAttribute("value")).toBe("18 rue du Sentier");
    expect(field("zip").getAttribute("label")).toBe("Postal code");
    expect(field("countryCode").getAttribute("value")).toBe("FR");
    expect(texts("s-option")).toEqual(["France", "Canada"]);
    expect(field("provinceCode")).toBeNull(); // France: no provinces
    expect($('s-button[slot="breadcrumb-actions"]').getAttribute("href")).toBe("shopify:customer-account/orders/5001");
  });

  it("GIVEN a checking answer (pending: the store's Admin API budget) THEN it stays loading, no error, and asks again when told", async () => {
    const pending = {
      ...options(),
      pending: true,
      retryAfterSeconds: 1,
      addressChange: { ...options().addressChange, allowed: false },
    };
    page.fetch = routes({ [OPTIONS]: [() => json(200, pending), () => json(200, options())] });
    await page.render();
    await waitFor(() => expect(page.fetch).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 50));
    expect($("s-skeleton-paragraph")).not.toBeNull();
    expect($("s-banner")).toBeNull();
    await waitFor(() => expect($("s-page").getAttribute("subheading")).toBe("Order #1001"), { timeout: 3000 });
    expect(page.fetch).toHaveBeenCalledTimes(2);
    expect(field("address1").getAttribute("value")).toBe("18 rue du Sentier");
  });

  it("GIVEN the shopper types THEN each field is validated as they go (required, zip per country, phone, length)", async () => {
    page.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await ready();
    type("city", "");
    await waitFor(() => expect(field("city").getAttribute("error")).toBe("Enter this information."));
    type("city", "Lyon");
    await waitFor(() => expect(field("city").hasAttribute("error")).toBe(false));
    type("phone", "06 12");
    await waitFor(() => expect(field("phone").getAttribute("error")).toContain("+33 6 12 34 56 78"));
    type("phone", "+33 6 12 34 56 78");
    await waitFor(() => expect(field("phone").hasAttribute("error")).toBe(false));
    type("address2", "x".repeat(256));
    await waitFor(() => expect(field("address2").getAttribute("error")).toBe("Use at most 255 characters."));
  });

  it("GIVEN a country with provinces THEN a province is required before sending", async () => {
    page.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await ready();
    type("countryCode", "CA");
    await waitFor(() => expect(texts("[name=provinceCode] s-option")).toEqual(["Ontario", "Quebec"]));
    fireEvent.click(submit());
    await waitFor(() => expect(field("provinceCode").getAttribute("error")).toBe("Enter this information."));
    expect(page.fetch).toHaveBeenCalledTimes(1); // only GET options: nothing sent
  });

  it("GIVEN a valid new address WHEN sent THEN 200 APPLIED is shown; one request, with an Idempotency-Key", async () => {
    let resolve!: (r: Response) => void;
    page.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CHANGE]: () => new Promise<Response>((r) => (resolve = r)),
    });
    await ready();
    type("address1", "4 place Bellecour");
    type("city", "Lyon");
    type("zip", "69002");
    fireEvent.click(submit());
    await waitFor(() => expect(submit().hasAttribute("loading")).toBe(true));
    expect(submit().hasAttribute("disabled")).toBe(true);
    fireEvent.click(submit());
    const address = {
      ...options().addressChange.currentAddress,
      address1: "4 place Bellecour",
      city: "Lyon",
      zip: "69002",
    };
    resolve(
      json(200, {
        request: request({
          kind: "ADDRESS_CHANGE",
          kindLabel: "Address change",
          status: "APPLIED",
          statusLabel: "Applied",
          address,
        }),
      }),
    );
    await waitFor(() => expect($('s-banner[tone="success"]')?.getAttribute("heading")).toBe(en.page.doneApplied));
    expect(document.body.textContent).toContain("4 place Bellecour, 69002 Lyon, France");
    expect(vi.mocked(page.fetch).mock.calls.filter(([, i]) => i?.method === "POST")).toHaveLength(1);
    const call = sent(page.fetch as never);
    expect(call.body).toEqual({ address: { ...address, company: null, address2: null, provinceCode: null } });
    expect(call.headers["Idempotency-Key"]).toBeTruthy();
  });

  it("GIVEN the page was opened by the cancellation form's wrong-address offer THEN the change says so (origin)", async () => {
    page.navigation.currentEntry = createNavigationHistoryEntry({
      url: "extension:order-page/customer-account.order.page.render/5001?from=wrong-address",
    });
    page.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CHANGE]: () => json(200, { request: request({ kind: "ADDRESS_CHANGE", status: "APPLIED" }) }),
    });
    await ready();
    type("city", "Lyon");
    fireEvent.click(submit());
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    expect(sent(page.fetch as never).body).toMatchObject({ address: { city: "Lyon" }, origin: "WRONG_ADDRESS_OFFER" });
  });

  it("GIVEN the store approves changes THEN 200 PENDING says the store will review it", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ addressChange: { requiresApproval: true } })),
      [CHANGE]: () =>
        json(200, {
          request: request({
            kind: "ADDRESS_CHANGE",
            status: "PENDING",
            address: options().addressChange.currentAddress,
          }),
        }),
    });
    await ready();
    expect(submit().textContent).toBe("Send address change");
    fireEvent.click(submit());
    await waitFor(() => expect($('s-banner[tone="success"]')?.getAttribute("heading")).toBe(en.page.donePending));
  });

  it("GIVEN the server refuses a field with 400 THEN the error is on that field, and goes when the shopper fixes it", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CHANGE]: () =>
        json(400, {
          error: {
            code: "ADDRESS_INVALID",
            message: "Enter a valid postal code, like 75001.",
            reasons: [{ code: "ADDRESS_INVALID", field: "zip", message: "Enter a valid postal code, like 75001." }],
            field: "zip",
            fields: [{ field: "zip", code: "INVALID" }],
          },
        }),
    });
    await ready();
    type("zip", "7500");
    fireEvent.click(submit());
    await waitFor(() => expect(field("zip").getAttribute("error")).toBe("Enter a valid postal code, like 75001."));
    expect($('s-banner[tone="critical"]').getAttribute("heading")).toBe(en.form.fixFields);
    type("zip", "75001");
    await waitFor(() => expect(field("zip").hasAttribute("error")).toBe(false));
  });

  it("GIVEN a zod 400 naming address.city THEN the error is on the city field", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CHANGE]: () =>
        json(400, {
          error: {
            code: "INVALID_INPUT",
            message: "Some of what was sent is missing or not valid: address.city.",
            field: "address.city",
            fields: [{ field: "address.city", code: "too_big" }],
          },
        }),
    });
    await ready();
    fireEvent.click(submit());
    await waitFor(() => expect(field("city").getAttribute("error")).toBe("This is too long."));
  });

  it("GIVEN the new address costs more to ship THEN the 422 says so with the API's reason", async () => {
    const costs = "Shipping to the new address costs €12.00, more than the €5.00 you paid.";
    page.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CHANGE]: () => rulesFailed([{ code: "SHIPPING_COST_INCREASE", message: costs }]),
    });
    await ready();
    fireEvent.click(submit());
    await waitFor(() => expect($('s-banner[tone="warning"]')?.getAttribute("heading")).toBe(en.page.costIncrease));
    expect(texts("s-banner s-list-item")).toEqual([costs]);
  });

  it("GIVEN the network fails WHEN Retry THEN the same address is resent with the same Idempotency-Key", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CHANGE]: [
        networkDown,
        () =>
          json(200, {
            request: request({
              kind: "ADDRESS_CHANGE",
              status: "APPLIED",
              address: options().addressChange.currentAddress,
            }),
          }),
      ],
    });
    await ready();
    fireEvent.click(submit());
    await waitFor(() => expect($('s-banner[tone="critical"]')?.getAttribute("heading")).toBe(en.common.networkError));
    const first = sent(page.fetch as never);
    fireEvent.click($("s-banner s-button"));
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    expect(sent(page.fetch as never).headers["Idempotency-Key"]).toBe(first.headers["Idempotency-Key"]);
  });

  it("GIVEN the address can no longer change THEN the page says why, with the way back", async () => {
    page.fetch = routes({ [OPTIONS]: () => json(200, options(notAllowed)) });
    await page.render();
    await waitFor(() => expect($("s-banner")?.getAttribute("heading")).toBe(en.page.notAllowed));
    expect(texts("s-list-item")).toHaveLength(2);
    expect(submit()).toBeNull();
  });

  it("GIVEN a French shopper THEN labels and errors are French", async () => {
    page.shopify.i18n.translate = translator(fr) as never;
    page.shopify.localization.language.value = { isoCode: "fr" };
    page.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await ready();
    expect($("s-page").getAttribute("heading")).toBe("Modifier l’adresse de livraison");
    expect(field("zip").getAttribute("label")).toBe("Code postal");
    type("lastName", " ");
    await waitFor(() => expect(field("lastName").getAttribute("error")).toBe("Renseignez ce champ."));
    expect(sent(page.fetch as never).headers["Accept-Language"]).toBe("fr");
  });
});
