/// <reference types="@shopify/ui-extensions/customer-account.order.page.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  json,
  networkDown,
  options,
  routes,
  sent,
  submittedWithdrawal,
  texts,
  translator,
  withdrawal,
} from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const page = getExtension("customer-account.order.page.render");
type Field = HTMLElement & { value: string; values: string[]; checked: boolean };
const $ = (selector: string) => document.body.querySelector(selector) as Field;
const confirmButton = () => $('s-button[variant="primary"]');
const nameField = () => $("s-text-field");
const OPTIONS = "GET /api/customer/orders/5001/options";
const WITHDRAW = "POST /api/customer/orders/5001/withdrawal";
const posts = () => vi.mocked(page.fetch).mock.calls.filter(([, init]) => init?.method === "POST");

beforeEach(() => {
  page.setUp();
  page.shopify.order.value = { id: "gid://shopify/Order/5001", name: "#1001" };
  page.shopify.sessionToken.get = async () => "customer-jwt";
  page.shopify.i18n.translate = translator(en) as never;
  // the date and the time, as the acknowledgement must state both
  page.shopify.i18n.formatDate = ((date: Date, o: Intl.DateTimeFormatOptions) =>
    `${date.toISOString()} (${o.dateStyle}/${o.timeStyle})`) as never;
});
afterEach(() => page.tearDown());

async function ready() {
  await page.render();
  await waitFor(() => expect(confirmButton()).not.toBeNull());
}

function chooseSome(quantities: Record<string, number>) {
  $("s-choice-list").values = ["SOME"];
  fireEvent.change($("s-choice-list"));
  for (const [label, quantity] of Object.entries(quantities)) {
    const field = $(`s-number-field[label="${label}"]`);
    field.value = String(quantity);
    fireEvent.input(field);
  }
}

describe("withdrawal page", () => {
  it("GIVEN withdrawal is offered THEN it shows the statement: the name, the order, the items and the acknowledgement's means", async () => {
    page.fetch = routes({ [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })) });
    await page.render();
    expect($("s-skeleton-paragraph")).not.toBeNull();
    await waitFor(() => expect($("s-page").getAttribute("subheading")).toBe("Order #1001"));
    expect($("s-page").getAttribute("heading")).toBe("Withdraw from contract");
    expect(document.body.textContent).toContain(
      "I hereby give notice that I withdraw from my contract for order #1001.",
    );
    expect(document.body.textContent).toContain("until 14 days after delivery");
    expect(nameField().getAttribute("label")).toBe("Your name");
    expect(nameField().getAttribute("value")).toBe("Camille Martin");
    // the vase is exempt, so "the whole order" is what can be withdrawn from
    expect(texts("s-choice")).toEqual(["Every item that can be withdrawn from", "Only some items"]);
    expect($("s-choice-list").getAttribute("values")).toBe("ALL");
    expect($("s-number-field")).toBeNull(); // the quantities show only for "some items"
    expect(texts("s-list-item")).toEqual(["Vase gravé (made to your specifications)"]);
    const [email, sms] = [...document.body.querySelectorAll("s-checkbox")];
    expect(email.getAttribute("label")).toBe("By email to c•••@example.fr");
    expect(email.hasAttribute("checked") && email.hasAttribute("disabled")).toBe(true);
    expect(sms.getAttribute("label")).toBe("Also by text message to +33•••••5678");
    expect(sms.hasAttribute("checked")).toBe(false);
    expect(confirmButton().textContent).toBe("Confirm withdrawal");
    expect($('s-button[slot="breadcrumb-actions"]').getAttribute("href")).toBe("shopify:customer-account/orders/5001");
    expect(posts()).toHaveLength(0); // opening the statement sends nothing
  });

  it("GIVEN one unit to withdraw THEN there is no choice and the statement names it", async () => {
    const lamp = Object.assign({}, withdrawal().items[0], { quantity: 1, withdrawableQuantity: 1 });
    page.fetch = routes({ [OPTIONS]: () => json(200, options({ withdrawal: withdrawal({ items: [lamp] }) })) });
    await ready();
    expect($("s-choice-list")).toBeNull();
    expect(document.body.textContent).toContain("You withdraw from: 1 × Lampe Opaline — Blanc.");
  });

  it("GIVEN no exempt item THEN the choice is the whole order or some items", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal({ items: [withdrawal().items[0]] }) })),
    });
    await ready();
    expect(texts("s-choice")).toEqual(["The whole order", "Only some items"]);
  });

  it("GIVEN the whole order WHEN Confirm withdrawal THEN one POST with an Idempotency-Key, and the acknowledgement with the statement, date and time", async () => {
    let resolve!: (r: Response) => void;
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })),
      [WITHDRAW]: () => new Promise<Response>((r) => (resolve = r)),
    });
    await ready();
    fireEvent.click(confirmButton());
    await waitFor(() => expect(confirmButton().hasAttribute("loading")).toBe(true));
    expect(confirmButton().hasAttribute("disabled")).toBe(true);
    fireEvent.click(confirmButton()); // a second click while the first is in flight sends nothing
    resolve(json(201, submittedWithdrawal()));
    await waitFor(() => expect($('s-banner[tone="success"]')?.getAttribute("heading")).toBe(en.done.heading));
    expect(posts()).toHaveLength(1);
    const call = sent(page.fetch as never);
    expect(call.body).toEqual({ name: "Camille Martin", items: null, acknowledgeBy: { email: true, sms: false } });
    expect(call.headers["Idempotency-Key"]).toMatch(/.{16,}/);
    expect(call.headers.Authorization).toBe("Bearer customer-jwt");
    const text = document.body.textContent;
    expect(text).toContain("Received on 2026-12-05T00:12:03.120Z (long/long).");
    expect(text).toContain(
      "I, Camille Martin, hereby give notice that I withdraw from my contract for order #1001:the whole order.",
    );
    expect(text).toContain("is on its way to c•••@example.fr.");
    expect(text).toContain("Nothing had shipped: what you withdrew from is being cancelled.");
    expect(text).toContain("refunded by 2026-12-19T00:12:03.120Z (long/long) at the latest.");
    expect(confirmButton()).toBeNull();
    expect($("s-text-field")).toBeNull();
  });

  it("GIVEN some items WHEN confirmed THEN only the chosen quantities are sent, and the acknowledgement lists them", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })),
      [WITHDRAW]: () =>
        json(
          201,
          submittedWithdrawal({
            statement: {
              name: "Camille Martin",
              orderName: "#1001",
              items: [{ lineItemId: "11", title: "Lampe Opaline", quantity: 1 }],
              wholeOrder: false,
            },
            acknowledgement: { email: "c•••@example.fr", sms: "+33•••••5678" },
          }),
        ),
    });
    await ready();
    chooseSome({});
    await waitFor(() => expect($("s-number-field")).not.toBeNull());
    // the exempt vase is not offered; the lamp goes up to what can still be withdrawn
    expect(document.body.querySelectorAll("s-number-field")).toHaveLength(1);
    expect($("s-number-field").getAttribute("label")).toBe("Lampe Opaline — Blanc");
    expect($("s-number-field").getAttribute("max")).toBe("2");

    fireEvent.click(confirmButton()); // nothing chosen yet
    await waitFor(() => expect($("s-choice-list").getAttribute("error")).toBe("Choose at least one item."));
    expect(posts()).toHaveLength(0);

    chooseSome({ "Lampe Opaline — Blanc": 3 }); // more than can be withdrawn
    fireEvent.click(confirmButton());
    await waitFor(() => expect($("s-number-field").getAttribute("error")).toBe("Enter a quantity from 0 to 2."));
    expect(posts()).toHaveLength(0);

    chooseSome({ "Lampe Opaline — Blanc": 1 });
    const sms = document.body.querySelectorAll("s-checkbox")[1] as unknown as Field;
    sms.checked = true;
    fireEvent.change(sms);
    fireEvent.click(confirmButton());
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    expect(sent(page.fetch as never).body).toEqual({
      name: "Camille Martin",
      items: [{ lineItemId: "11", quantity: 1 }],
      acknowledgeBy: { email: true, sms: true },
    });
    expect(texts("s-list-item")).toEqual(["1 × Lampe Opaline"]);
    expect(document.body.textContent).toContain("is on its way to c•••@example.fr, +33•••••5678.");
  });

  it("GIVEN a shipped order THEN the acknowledgement says a return was opened and where its instructions will be", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal({ stage: "SHIPPED" }) })),
      [WITHDRAW]: () => json(201, submittedWithdrawal({ outcome: "RETURN" })),
    });
    await ready();
    expect(document.body.textContent).toContain("you’ll get instructions to send the items back");
    fireEvent.click(confirmButton());
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    const text = document.body.textContent;
    expect(text).toContain("A return has been opened: you’ll receive instructions to send the items back");
    expect(text).toContain("the store may wait until it has received the items");
  });

  it("GIVEN a delivered order THEN the end of the period is stated, and an empty name is refused before sending", async () => {
    page.fetch = routes({
      [OPTIONS]: () =>
        json(
          200,
          options({
            withdrawal: withdrawal({
              stage: "DELIVERED",
              customerName: null,
              contact: { email: "c•••@example.fr", phone: null },
              deliveredAt: "2026-12-01T10:00:00.000Z",
              periodEndsAt: "2026-12-15T10:00:00.000Z",
            }),
          }),
        ),
    });
    await ready();
    expect(document.body.textContent).toContain(
      "You can withdraw from this purchase until 2026-12-15T10:00:00.000Z (long/long), without giving any reason.",
    );
    expect(document.body.querySelectorAll("s-checkbox")).toHaveLength(1); // no phone: no SMS choice
    expect(nameField().getAttribute("value")).toBe("");
    fireEvent.click(confirmButton());
    await waitFor(() => expect(nameField().getAttribute("error")).toBe("Enter your name."));
    expect(posts()).toHaveLength(0);
  });

  it("GIVEN each exemption reason of the API THEN it has its words in both languages", () => {
    const reasons = ["PERSONALISED", "PERISHABLE", "SEALED_HYGIENE", "SEALED_MEDIA", "OTHER"];
    expect(Object.keys(en.exempt).sort()).toEqual(reasons.sort());
    expect(Object.keys(fr.exempt).sort()).toEqual(reasons.sort());
  });

  it("GIVEN withdrawal is not offered THEN no statement and nothing to confirm", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal({ offered: false, allowed: false }) })),
    });
    await page.render();
    await waitFor(() => expect($('s-banner[tone="info"]')?.getAttribute("heading")).toBe(en.page.notOffered));
    expect(confirmButton()).toBeNull();
    expect(nameField()).toBeNull();
  });

  it("GIVEN an older backend without the withdrawal section THEN it is treated as not offered", async () => {
    page.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await page.render();
    await waitFor(() => expect($('s-banner[tone="info"]')).not.toBeNull());
    expect(confirmButton()).toBeNull();
  });

  it("GIVEN the period has ended THEN every reason is shown and there is nothing to confirm", async () => {
    const reasons = [{ code: "WITHDRAWAL_PERIOD_ENDED", message: "The withdrawal period ended on 15 December." }];
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal({ allowed: false, reasons }) })),
    });
    await page.render();
    await waitFor(() => expect($('s-banner[tone="warning"]')?.getAttribute("heading")).toBe(en.page.notAllowed));
    expect(texts("s-list-item")).toEqual(["The withdrawal period ended on 15 December."]);
    expect(confirmButton()).toBeNull();
  });

  it("GIVEN the server refuses at confirmation THEN its reasons are shown and the form stays", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })),
      [WITHDRAW]: () =>
        json(422, {
          error: {
            code: "RULES_FAILED",
            message: "This withdrawal isn't possible.",
            reasons: [{ code: "WITHDRAWAL_PERIOD_ENDED", message: "The 14-day withdrawal period has ended." }],
          },
        }),
    });
    await ready();
    fireEvent.click(confirmButton());
    await waitFor(() =>
      expect($('s-banner[tone="warning"]')?.getAttribute("heading")).toBe("This withdrawal isn't possible."),
    );
    expect(texts("s-banner s-list-item")).toEqual(["The 14-day withdrawal period has ended."]);
    expect($('s-banner[tone="warning"] s-button')).toBeNull(); // a refusal is not retried
    expect(confirmButton()).not.toBeNull();
  });

  it("GIVEN a withdrawal already in progress (409, a lost race) THEN it says so", async () => {
    const reason = { code: "ALREADY_WITHDRAWN", message: "You have already withdrawn from this order." };
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })),
      [WITHDRAW]: () =>
        json(409, { error: { code: "REQUEST_ALREADY_PENDING", message: reason.message, reasons: [reason] } }),
    });
    await ready();
    fireEvent.click(confirmButton());
    await waitFor(() => expect(texts("s-banner s-list-item")).toEqual([reason.message]));
    expect(posts()).toHaveLength(1);
  });

  it("GIVEN the server refuses the name THEN the name field says why, until it is changed", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })),
      [WITHDRAW]: () =>
        json(400, { error: { code: "INVALID_INPUT", field: "name", message: "Enter your name as on the order." } }),
    });
    await ready();
    fireEvent.click(confirmButton());
    await waitFor(() => expect(nameField().getAttribute("error")).toBe("Enter your name as on the order."));
    expect($('s-banner[tone="critical"]')?.getAttribute("heading")).toBe(en.statement.fix);
    nameField().value = "Camille Martin-Dupont";
    fireEvent.input(nameField());
    await waitFor(() => expect(nameField().hasAttribute("error")).toBe(false));
  });

  it("GIVEN the network fails at confirmation WHEN Try again THEN the same statement is resent with the same key", async () => {
    page.fetch = routes({
      [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })),
      [WITHDRAW]: [networkDown, () => json(201, submittedWithdrawal())],
    });
    await ready();
    fireEvent.click(confirmButton());
    await waitFor(() => expect($('s-banner[tone="critical"]')?.getAttribute("heading")).toBe(en.common.networkError));
    const first = sent(page.fetch as never);
    fireEvent.click($('s-banner[tone="critical"] s-button'));
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    const second = sent(page.fetch as never);
    expect(second.headers["Idempotency-Key"]).toBe(first.headers["Idempotency-Key"]);
    expect(second.body).toEqual(first.body);
  });

  it("GIVEN the options fail to load THEN the error is shown with Try again, which loads them", async () => {
    page.fetch = routes({
      [OPTIONS]: [
        () => json(503, { error: { code: "SHOPIFY_UNAVAILABLE", message: "The store is busy. Try again soon." } }),
        () => json(200, options({ withdrawal: withdrawal() })),
      ],
    });
    await page.render();
    await waitFor(() =>
      expect($('s-banner[tone="critical"]')?.getAttribute("heading")).toBe("The store is busy. Try again soon."),
    );
    fireEvent.click($('s-banner[tone="critical"] s-button'));
    await waitFor(() => expect(confirmButton()).not.toBeNull());
  });

  it("GIVEN a French customer THEN the labels are the law's French ones", async () => {
    page.shopify.i18n.translate = translator(fr) as never;
    page.shopify.localization.language.value = { isoCode: "fr" };
    page.fetch = routes({ [OPTIONS]: () => json(200, options({ withdrawal: withdrawal() })) });
    await ready();
    expect(confirmButton().textContent).toBe("Confirmer la rétractation");
    expect($("s-page").getAttribute("heading")).toBe("Renoncer au contrat");
    expect(sent(page.fetch as never).headers["Accept-Language"]).toBe("fr");
  });
});
