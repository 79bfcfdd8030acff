/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Contact } from "../../_shared/api";
import { json, routes, sent, translator } from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const block = getExtension("customer-account.order-status.block.render");
type Field = HTMLElement & { value: string; checked: boolean };
const $ = (selector: string) => document.body.querySelector(selector) as Field;
const button = (text: string) =>
  [...document.body.querySelectorAll("s-button")].find((b) => b.textContent === text) as HTMLElement;
const GET = "GET /api/customer/orders/5001/contact";
const CHOOSE = "POST /api/customer/orders/5001/contact";
const CODE = "POST /api/customer/orders/5001/contact/code";
const CONFIRM = "POST /api/customer/orders/5001/contact/confirm";

/** The contact answer for order #1001, as presentContact gives it. */
function contact(overrides: Partial<Contact> = {}): { contact: Contact } {
  return {
    contact: {
      email: { address: "camille.martin@example.fr", confirmed: false, on: true },
      sms: { offered: false, phone: null, on: false },
      pending: [],
      undelivered: [],
      ...overrides,
    },
  };
}

const refused = {
  channel: "EMAIL" as const,
  address: "camille.martin@example.fr",
  state: "FAILED" as const,
  at: "2026-12-05T09:00:00.000Z",
  message: "Our last email to camille.martin@example.fr could not be delivered: the mail server refused it.",
};
const pending = {
  channel: "EMAIL" as const,
  address: "c.martin@proton.example",
  expiresAt: "2026-12-05T10:10:00.000Z",
  undeliverable: false,
};

beforeEach(() => {
  block.setUp();
  block.shopify.order.value = { id: "gid://shopify/Order/5001", name: "#1001" } as never;
  block.shopify.sessionToken.get = async () => "customer-jwt";
  block.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => block.tearDown());

describe("order contact block", () => {
  it("GIVEN a refused email THEN it is shown with the way to give another address", async () => {
    block.fetch = routes({ [GET]: () => json(200, contact({ undelivered: [refused] })) });
    await block.render();
    expect($("s-skeleton-paragraph")).not.toBeNull();
    await waitFor(() => expect($('s-banner[tone="critical"]')?.getAttribute("heading")).toBe(refused.message));
    expect(document.body.textContent).toContain(en.giveAnother);
    expect(document.body.textContent).toContain("We email camille.martin@example.fr about this order.");
    expect($("s-email-field").getAttribute("label")).toBe("Email address");
    expect($("s-select")).toBeNull(); // the store sends no SMS: email only
  });

  it("GIVEN another address WHEN a code is asked and typed THEN it is confirmed, each call with an Idempotency-Key", async () => {
    block.fetch = routes({
      [GET]: () => json(200, contact()),
      [CODE]: () => json(202, contact({ pending: [pending] })),
      [CONFIRM]: [
        () => json(422, { error: { code: "CODE_INVALID", message: "This code is not right." } }),
        () => json(200, contact({ email: { address: pending.address, confirmed: true, on: true } })),
      ],
    });
    await block.render();
    await waitFor(() => expect($("s-email-field")).not.toBeNull());
    $("s-email-field").value = " c.martin@proton.example ";
    fireEvent.input($("s-email-field"));
    fireEvent.click(button(en.send));
    await waitFor(() =>
      expect(document.body.textContent).toContain("We sent a 6-digit code to c.martin@proton.example"),
    );
    expect(sent(block.fetch as never).body).toEqual({ channel: "EMAIL", address: "c.martin@proton.example" });
    expect(sent(block.fetch as never).headers["Idempotency-Key"]).toBeTruthy();

    $("s-text-field").value = "12a345 5";
    fireEvent.input($("s-text-field"));
    fireEvent.click(button(en.confirm));
    await waitFor(() => expect($("s-text-field").getAttribute("error")).toBe("This code is not right."));
    expect(sent(block.fetch as never).body).toEqual({ channel: "EMAIL", code: "123455" });

    fireEvent.click(button(en.confirm));
    await waitFor(() => expect($('s-banner[tone="success"]')?.getAttribute("heading")).toBe(en.confirmed));
    expect(document.body.textContent).toContain(
      "We email c.martin@proton.example (the address you confirmed) about this order.",
    );
  });

  it("GIVEN a code whose message the mail server refused THEN the customer is told to check the address", async () => {
    block.fetch = routes({ [GET]: () => json(200, contact({ pending: [{ ...pending, undeliverable: true }] })) });
    await block.render();
    await waitFor(() =>
      expect($('s-banner[tone="critical"]')?.getAttribute("heading")).toBe(
        "We could not deliver the code to c.martin@proton.example. Check the address and send a new code.",
      ),
    );
    expect(button(en.sendAgain)).toBeTruthy();
  });

  it("GIVEN a confirmed SMS number THEN the customer can switch email off and keep SMS", async () => {
    const sms = { offered: true, phone: "+33698765432", on: true };
    block.fetch = routes({
      [GET]: () => json(200, contact({ sms })),
      [CHOOSE]: () =>
        json(200, contact({ sms, email: { address: "camille.martin@example.fr", confirmed: false, on: false } })),
    });
    await block.render();
    await waitFor(() => expect($("s-checkbox")).not.toBeNull());
    expect($("s-select")).not.toBeNull(); // SMS is offered: a channel to choose for a new address
    const [emailBox] = document.body.querySelectorAll("s-checkbox") as unknown as Field[];
    emailBox.checked = false;
    fireEvent.change(emailBox);
    await waitFor(() => expect(sent(block.fetch as never).body).toEqual({ emailOn: false, smsOn: true }));
  });

  it("GIVEN SMS offered and no number yet THEN no SMS switch, the way to add a number; once confirmed, the switches", async () => {
    const phone = "+33698765432";
    const smsPending = { channel: "SMS" as const, address: phone, expiresAt: pending.expiresAt, undeliverable: false };
    block.fetch = routes({
      [GET]: () => json(200, contact({ sms: { offered: true, phone: null, on: false } })),
      [CODE]: () => json(202, contact({ sms: { offered: true, phone: null, on: false }, pending: [smsPending] })),
      [CONFIRM]: () => json(200, contact({ sms: { offered: true, phone, on: true } })),
    });
    await block.render();
    await waitFor(() => expect(document.body.textContent).toContain(en.smsNeedsNumber));
    // nothing to switch on until there is a number: no switches, and no promise of SMS in them
    expect($("s-checkbox")).toBeNull();
    expect($("s-heading").textContent).toBe(en.anotherOrNumber);
    expect($("s-select").getAttribute("label")).toBe(en.channel);
    expect([...document.body.querySelectorAll("s-option")].map((o) => o.textContent)).toEqual([en.email, en.sms]);

    $("s-select").value = "SMS";
    fireEvent.change($("s-select"));
    await waitFor(() => expect($("s-phone-field")?.getAttribute("label")).toBe(en.phoneLabel));
    $("s-phone-field").value = phone;
    fireEvent.input($("s-phone-field"));
    fireEvent.click(button(en.send));
    await waitFor(() => expect($("s-text-field")).not.toBeNull());
    expect(sent(block.fetch as never).body).toEqual({ channel: "SMS", address: phone });
    $("s-text-field").value = "123456";
    fireEvent.input($("s-text-field"));
    fireEvent.click(button(en.confirm));

    // the confirmed number brings the switches, SMS on, and the hint goes
    await waitFor(() => expect(document.body.querySelectorAll("s-checkbox")).toHaveLength(2));
    const [, smsBox] = document.body.querySelectorAll("s-checkbox") as unknown as Field[];
    expect(smsBox.getAttribute("label")).toBe(`Text ${phone}`);
    expect(document.body.textContent).not.toContain(en.smsNeedsNumber);
  });

  it("GIVEN SMS offered and no number, in French THEN the choice says what is added", async () => {
    block.shopify.i18n.translate = translator(fr) as never;
    block.fetch = routes({ [GET]: () => json(200, contact({ sms: { offered: true, phone: null, on: false } })) });
    await block.render();
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        "Pour recevoir des SMS au sujet de cette commande, ajoutez votre numéro de mobile ci-dessous.",
      ),
    );
    expect($("s-heading").textContent).toBe("Utiliser une autre adresse ou un numéro de mobile");
    expect($("s-select").getAttribute("label")).toBe("À ajouter");
    expect([...document.body.querySelectorAll("s-option")].map((o) => o.textContent)).toEqual([
      "Adresse e-mail",
      "Numéro de mobile pour les SMS",
    ]);
  });

  it("GIVEN a French shopper THEN the block is in French", async () => {
    block.shopify.i18n.translate = translator(fr) as never;
    block.shopify.localization.language.value = { isoCode: "fr" } as never;
    block.fetch = routes({ [GET]: () => json(200, contact()) });
    await block.render();
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        "Nous écrivons à camille.martin@example.fr au sujet de cette commande.",
      ),
    );
    expect($("s-section").getAttribute("heading")).toBe(fr.heading);
    expect(sent(block.fetch as never).headers["Accept-Language"]).toBe("fr");
  });

  it("GIVEN a visitor from an email link (pre-authenticated) THEN nothing is shown and nothing is asked", async () => {
    block.shopify.authenticationState.value = "pre_authenticated" as never;
    block.fetch = routes({ [GET]: () => json(200, contact()) });
    await block.render();
    expect(document.body.querySelector("s-section")).toBeNull();
    expect(block.fetch).not.toHaveBeenCalled();
  });
});
