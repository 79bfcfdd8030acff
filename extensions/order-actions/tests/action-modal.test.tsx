/// <reference types="@shopify/ui-extensions/customer-account.order.action.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
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

const modal = getExtension("customer-account.order.action.render");
const $ = (selector: string) => document.body.querySelector(selector) as HTMLElement & { value: string };
const submitButton = () => $('s-button[slot="primary-action"]');
const OPTIONS = "GET /api/customer/orders/5001/options";
const CANCEL = "POST /api/customer/orders/5001/cancellation";

beforeEach(() => {
  modal.setUp();
  modal.shopify.orderId = "gid://shopify/Order/5001";
  modal.shopify.sessionToken.get = async () => "customer-jwt";
  modal.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => modal.tearDown());

async function chooseReasonAndSubmit(note = "") {
  await waitFor(() => expect($("s-select")).not.toBeNull());
  $("s-select").value = "CHANGED_MIND";
  fireEvent.change($("s-select"));
  if (note) {
    $("s-text-area").value = note;
    fireEvent.input($("s-text-area"));
  }
  fireEvent.click(submitButton());
}

describe("order action modal", () => {
  it("GIVEN an eligible order THEN it offers the address page and the cancellation form with the store's reasons", async () => {
    modal.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await modal.render();
    expect($("s-skeleton-paragraph")).not.toBeNull();
    await waitFor(() => expect($("s-customer-account-action").getAttribute("heading")).toBe("Change order #1001"));
    expect($('s-button[href^="extension:order-page/"]').textContent).toBe("Change shipping address");
    expect(texts("s-option")).toEqual(["I changed my mind", "The shipping address is wrong", "Another reason"]);
    expect($("s-select").getAttribute("label")).toBe("Reason for cancelling");
    expect($("s-text-area").getAttribute("label")).toBe("Note for the store (optional)");
    expect(submitButton().textContent).toBe("Request cancellation");
  });

  it("GIVEN an order that can no longer change THEN every reason is shown and there is nothing to submit", async () => {
    modal.fetch = routes({ [OPTIONS]: () => json(200, options(notAllowed)) });
    await modal.render();
    await waitFor(() => expect(texts("s-list-item").length).toBe(3));
    expect(texts("s-list-item")).toContain("Your payment has been confirmed, so the address can no longer be changed.");
    expect(document.body.textContent).toContain("This order can no longer be cancelled:");
    expect(submitButton()).toBeNull();
    expect($("s-select")).toBeNull();
  });

  it("GIVEN a reason and a note WHEN submitted THEN 201 PENDING is shown, with one request and an Idempotency-Key", async () => {
    let resolve!: (r: Response) => void;
    modal.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CANCEL]: () => new Promise<Response>((r) => (resolve = r)),
    });
    await modal.render();
    await chooseReasonAndSubmit("No longer needed");
    await waitFor(() => expect(submitButton().hasAttribute("loading")).toBe(true));
    expect(submitButton().hasAttribute("disabled")).toBe(true);
    fireEvent.click(submitButton()); // a second click while the first is in flight sends nothing
    resolve(json(201, { request: request({ note: "No longer needed" }) }));
    await waitFor(() => expect($('s-banner[tone="success"]')?.getAttribute("heading")).toBe(en.cancel.donePending));
    expect(document.body.textContent).toContain("Status: Pending");
    const posts = vi.mocked(modal.fetch).mock.calls.filter(([, init]) => init?.method === "POST");
    expect(posts).toHaveLength(1);
    const call = sent(modal.fetch as never);
    expect(call.body).toEqual({ reason: "CHANGED_MIND", note: "No longer needed" });
    expect(call.headers["Idempotency-Key"]).toMatch(/.{16,}/);
    expect(call.headers["Content-Type"]).toBe("application/json");
    expect(submitButton()).toBeNull();
  });

  it("GIVEN no reason chosen WHEN submitted THEN the select says so and nothing is sent", async () => {
    modal.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await modal.render();
    await waitFor(() => expect(submitButton()).not.toBeNull());
    fireEvent.click(submitButton());
    await waitFor(() => expect($("s-select").getAttribute("error")).toBe("Choose a reason."));
    expect(modal.fetch).toHaveBeenCalledTimes(1);
  });

  it("GIVEN the rules fail at submit THEN the 422 reasons are shown", async () => {
    modal.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CANCEL]: () =>
        rulesFailed([
          { code: "FULFILLMENT_STARTED", message: "The store has already arranged shipping for this order." },
        ]),
    });
    await modal.render();
    await chooseReasonAndSubmit();
    await waitFor(() =>
      expect($('s-banner[tone="warning"]')?.getAttribute("heading")).toBe("This change isn't possible right now."),
    );
    expect(texts("s-banner s-list-item")).toEqual(["The store has already arranged shipping for this order."]);
  });

  it("GIVEN a lost race THEN the 409 explains the pending request", async () => {
    modal.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CANCEL]: () =>
        json(409, {
          error: {
            code: "REQUEST_ALREADY_PENDING",
            message: "A request for this order is already waiting for the store's answer.",
            reasons: [
              {
                code: "REQUEST_ALREADY_PENDING",
                message: "A request for this order is already waiting for the store's answer.",
              },
            ],
          },
        }),
    });
    await modal.render();
    await chooseReasonAndSubmit();
    await waitFor(() =>
      expect(texts("s-banner s-list-item")).toEqual([
        "A request for this order is already waiting for the store's answer.",
      ]),
    );
  });

  it("GIVEN the network fails at submit WHEN Retry THEN the same submit is resent with the same Idempotency-Key", async () => {
    modal.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CANCEL]: [networkDown, () => json(201, { request: request({ status: "APPLIED", statusLabel: "Applied" }) })],
    });
    await modal.render();
    await chooseReasonAndSubmit();
    await waitFor(() => expect($('s-banner[tone="critical"]')?.getAttribute("heading")).toBe(en.common.networkError));
    const first = sent(modal.fetch as never);
    fireEvent.click($("s-banner s-button"));
    await waitFor(() => expect($('s-banner[tone="success"]')?.getAttribute("heading")).toBe(en.cancel.doneApplied));
    const second = sent(modal.fetch as never);
    expect(second.headers["Idempotency-Key"]).toBe(first.headers["Idempotency-Key"]);
    expect(second.body).toEqual(first.body);
  });

  it("GIVEN the options cannot load THEN an error with Retry, which loads them again", async () => {
    modal.fetch = routes({ [OPTIONS]: [networkDown, () => json(200, options())] });
    await modal.render();
    await waitFor(() => expect($("s-banner")?.getAttribute("heading")).toBe(en.common.networkError));
    fireEvent.click($("s-banner s-button"));
    await waitFor(() => expect(submitButton()).not.toBeNull());
  });

  it("GIVEN an unknown reason refused with 400 THEN the error is on the reason field", async () => {
    modal.fetch = routes({
      [OPTIONS]: () => json(200, options()),
      [CANCEL]: () =>
        json(400, {
          error: { code: "INVALID_INPUT", message: "This reason is not offered by the store.", field: "reason" },
        }),
    });
    await modal.render();
    await chooseReasonAndSubmit();
    await waitFor(() => expect($("s-select").getAttribute("error")).toBe("This reason is not offered by the store."));
  });

  it("GIVEN a French shopper THEN the modal is in French with French typography", async () => {
    modal.shopify.i18n.translate = translator(fr) as never;
    modal.shopify.localization.language.value = { isoCode: "fr" };
    modal.fetch = routes({ [OPTIONS]: () => json(200, options(notAllowed)) });
    await modal.render();
    await waitFor(() =>
      expect($("s-customer-account-action").getAttribute("heading")).toBe("Modifier la commande #1001"),
    );
    expect(document.body.textContent).toContain("Cette commande ne peut plus être annulée\u00a0:");
    expect($('s-button[slot="secondary-actions"]').textContent).toBe("Fermer");
    expect(sent(modal.fetch as never).headers["Accept-Language"]).toBe("fr");
  });

  it("GIVEN the reason WRONG_ADDRESS on an order whose address can change THEN the address change is offered first, one click away", async () => {
    modal.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await modal.render();
    await waitFor(() => expect($("s-select")).not.toBeNull());
    expect($('s-banner[tone="info"]')).toBeNull();
    $("s-select").value = "WRONG_ADDRESS";
    fireEvent.change($("s-select"));
    await waitFor(() => expect($('s-banner[tone="info"]')?.getAttribute("heading")).toBe(en.cancel.offerHeading));
    const offer = $('s-banner[tone="info"] s-button');
    expect(offer.textContent).toBe(en.cancel.offerOpen);
    expect(offer.getAttribute("href")).toBe(
      "extension:order-page/customer-account.order.page.render/5001?from=wrong-address",
    );
    // the cancellation stays possible: the offer comes first, it does not replace the request
    expect(submitButton().textContent).toBe("Request cancellation");
  });

  it("GIVEN the reason WRONG_ADDRESS on an order whose address can no longer change THEN nothing is offered", async () => {
    modal.fetch = routes({
      [OPTIONS]: () => json(200, options({ addressChange: notAllowed.addressChange })),
      [CANCEL]: () => json(201, { request: request({ reason: "WRONG_ADDRESS" }) }),
    });
    await modal.render();
    await waitFor(() => expect($("s-select")).not.toBeNull());
    $("s-select").value = "WRONG_ADDRESS";
    fireEvent.change($("s-select"));
    // the reason is kept (a submit now sends it) and no offer appears
    expect($('s-banner[tone="info"]')).toBeNull();
    fireEvent.click(submitButton());
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    expect(sent(modal.fetch as never).body).toEqual({ reason: "WRONG_ADDRESS" });
  });

  it("closes on Close", async () => {
    modal.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    const close = vi.fn();
    modal.shopify.close = close;
    await modal.render();
    fireEvent.click($('s-button[slot="secondary-actions"]'));
    expect(close).toHaveBeenCalled();
  });
});
