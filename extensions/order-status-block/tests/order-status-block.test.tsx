/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
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
  withdrawal,
} from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const block = getExtension("customer-account.order-status.block.render");
type Field = HTMLElement & { value: string };
const $ = (selector: string) => document.body.querySelector(selector) as Field;
const button = (text: string) =>
  [...document.body.querySelectorAll("s-button")].find((b) => b.textContent === text) as HTMLElement;
const OPTIONS = "GET /api/customer/orders/5001/options";

const needsInfo = request({
  status: "NEEDS_INFO",
  statusLabel: "More information needed",
  canReply: true,
  canWithdraw: true,
  events: [
    { actor: "CUSTOMER", from: null, to: "PENDING", toLabel: "Pending", message: null, at: "2026-11-25T09:00:00.000Z" },
    {
      actor: "STAFF",
      from: "PENDING",
      to: "NEEDS_INFO",
      toLabel: "More information needed",
      message: "Which items?",
      at: "2026-11-25T10:00:00.000Z",
    },
  ],
  messages: [
    { author: "STAFF", body: "Could you tell us which items you no longer want?", at: "2026-11-25T10:00:00.000Z" },
  ],
});

beforeEach(() => {
  block.setUp();
  block.shopify.order.value = { id: "gid://shopify/Order/5001", name: "#1001" };
  block.shopify.sessionToken.get = async () => "customer-jwt";
  block.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => block.tearDown());

describe("order status block", () => {
  it("GIVEN a request waiting for the shopper THEN status, history, the store's message and a reply box are shown", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options({ requests: [needsInfo] })) });
    await block.render();
    expect($("s-skeleton-paragraph")).not.toBeNull();
    await waitFor(() => expect($("s-badge")?.textContent).toBe("More information needed"));
    expect($("s-heading").textContent).toBe("Cancellation");
    expect(document.body.textContent).toContain("Could you tell us which items you no longer want?");
    expect(texts("s-details s-list-item")).toEqual([
      "2026-11-25T09:00:00.000Z — Pending",
      "2026-11-25T10:00:00.000Z — More information needed — Which items?",
    ]);
    expect($("s-text-area").getAttribute("label")).toBe("Your answer to the store");
  });

  it("GIVEN an answer WHEN sent THEN it is posted once and the thread refreshes", async () => {
    const replied = request({ status: "PENDING", statusLabel: "Pending", canReply: false });
    block.fetch = routes({
      [OPTIONS]: [
        () => json(200, options({ requests: [needsInfo] })),
        () =>
          json(
            200,
            options({
              requests: [
                {
                  ...replied,
                  messages: [
                    ...needsInfo.messages!,
                    { author: "CUSTOMER", body: "The blue one.", at: "2026-11-25T11:00:00.000Z" },
                  ],
                },
              ],
            }),
          ),
      ],
      "POST /api/customer/requests/req_1/messages": () => json(201, { request: replied }),
    });
    await block.render();
    await waitFor(() => expect($("s-text-area")).not.toBeNull());
    $("s-text-area").value = "The blue one.";
    fireEvent.input($("s-text-area"));
    fireEvent.click(button("Send answer"));
    await waitFor(() => expect($("s-badge").textContent).toBe("Pending"));
    await waitFor(() => expect(document.body.textContent).toContain("The blue one."));
    const post = vi.mocked(block.fetch).mock.calls.find(([u]) => String(u).endsWith("/messages"))!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ body: "The blue one." });
    expect($("s-text-area")).toBeNull(); // no more reply box once answered
  });

  it("GIVEN an empty answer THEN the box says so and nothing is sent", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options({ requests: [needsInfo] })) });
    await block.render();
    await waitFor(() => expect($("s-text-area")).not.toBeNull());
    fireEvent.click(button("Send answer"));
    await waitFor(() => expect($("s-text-area").getAttribute("error")).toBe("Write your answer first."));
    expect(block.fetch).toHaveBeenCalledTimes(1);
  });

  it("GIVEN a pending request WHEN Withdraw is confirmed THEN it is withdrawn", async () => {
    const withdrawn = request({ status: "WITHDRAWN", statusLabel: "Withdrawn", canWithdraw: false });
    block.fetch = routes({
      [OPTIONS]: [
        () => json(200, options({ requests: [request()] })),
        () => json(200, options({ requests: [withdrawn] })),
      ],
      "POST /api/customer/requests/req_1/withdraw": () => json(200, { request: withdrawn }),
    });
    await block.render();
    await waitFor(() => expect(button("Withdraw request")).toBeTruthy());
    fireEvent.click(button("Withdraw request"));
    await waitFor(() => expect($('s-banner[tone="warning"]').getAttribute("heading")).toBe("Withdraw this request?"));
    expect(block.fetch).toHaveBeenCalledTimes(1); // nothing sent before confirming
    fireEvent.click(button("Yes, withdraw"));
    await waitFor(() => expect($("s-badge").textContent).toBe("Withdrawn"));
    expect(button("Withdraw request")).toBeUndefined();
    expect(sent(block.fetch as never, 1).headers["Idempotency-Key"]).toBeTruthy();
  });

  it("GIVEN Withdraw WHEN the shopper keeps the request THEN nothing is sent", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options({ requests: [request()] })) });
    await block.render();
    await waitFor(() => expect(button("Withdraw request")).toBeTruthy());
    fireEvent.click(button("Withdraw request"));
    await waitFor(() => expect(button("Keep request")).toBeTruthy());
    fireEvent.click(button("Keep request"));
    await waitFor(() => expect(button("Withdraw request")).toBeTruthy());
    expect(block.fetch).toHaveBeenCalledTimes(1);
  });

  it("GIVEN the withdraw is refused (409) THEN the API's reason is shown", async () => {
    block.fetch = routes({
      [OPTIONS]: () => json(200, options({ requests: [request()] })),
      "POST /api/customer/requests/req_1/withdraw": () =>
        json(409, {
          error: {
            code: "INVALID_TRANSITION",
            message: "This request has moved on and can't be changed this way anymore. Please reload the page.",
          },
        }),
    });
    await block.render();
    await waitFor(() => expect(button("Withdraw request")).toBeTruthy());
    fireEvent.click(button("Withdraw request"));
    await waitFor(() => expect(button("Yes, withdraw")).toBeTruthy());
    fireEvent.click(button("Yes, withdraw"));
    await waitFor(() => expect($('s-banner[heading^="This request has moved on"]')).not.toBeNull());
  });

  it("GIVEN the reply is refused by the rules (422) THEN every reason is listed", async () => {
    block.fetch = routes({
      [OPTIONS]: () => json(200, options({ requests: [needsInfo] })),
      "POST /api/customer/requests/req_1/messages": () =>
        rulesFailed([{ code: "ORDER_CANCELLED", message: "This order has already been cancelled." }]),
    });
    await block.render();
    await waitFor(() => expect($("s-text-area")).not.toBeNull());
    $("s-text-area").value = "Here you go";
    fireEvent.input($("s-text-area"));
    fireEvent.click(button("Send answer"));
    await waitFor(() => expect(texts("s-banner s-list-item")).toEqual(["This order has already been cancelled."]));
  });

  it("GIVEN the network fails when replying WHEN Retry THEN the answer is resent with the same key", async () => {
    block.fetch = routes({
      [OPTIONS]: [
        () => json(200, options({ requests: [needsInfo] })),
        () =>
          json(
            200,
            options({ requests: [{ ...needsInfo, status: "PENDING", statusLabel: "Pending", canReply: false }] }),
          ),
      ],
      "POST /api/customer/requests/req_1/messages": [
        networkDown,
        () => json(201, { request: { ...needsInfo, status: "PENDING", statusLabel: "Pending", canReply: false } }),
      ],
    });
    await block.render();
    await waitFor(() => expect($("s-text-area")).not.toBeNull());
    $("s-text-area").value = "Both";
    fireEvent.input($("s-text-area"));
    fireEvent.click(button("Send answer"));
    await waitFor(() => expect($("s-banner")?.getAttribute("heading")).toBe(en.common.networkError));
    const first = sent(block.fetch as never);
    fireEvent.click(button("Try again"));
    await waitFor(() => expect($("s-badge").textContent).toBe("Pending"));
    const retried = vi.mocked(block.fetch).mock.calls.filter(([u]) => String(u).endsWith("/messages"));
    expect(retried).toHaveLength(2);
    expect((retried[1][1]!.headers as Record<string, string>)["Idempotency-Key"]).toBe(
      first.headers["Idempotency-Key"],
    );
  });

  it("GIVEN no request and the address can still change THEN it offers the change; when nothing is possible it shows nothing", async () => {
    block.fetch = routes({ [OPTIONS]: () => json(200, options()) });
    await block.render();
    await waitFor(() =>
      expect(button("Change shipping address")?.getAttribute("href")).toBe(
        "extension:order-page/customer-account.order.page.render/5001",
      ),
    );
    block.tearDown();
    block.setUp();
    block.shopify.order.value = { id: "gid://shopify/Order/5001", name: "#1001" };
    block.shopify.i18n.translate = translator(en) as never;
    block.fetch = routes({ [OPTIONS]: () => json(200, options(notAllowed)) });
    await block.render();
    await waitFor(() => expect($("s-skeleton-paragraph")).toBeNull());
    expect(document.body.textContent).toBe("");
  });

  it("GIVEN the pre-authenticated order status page THEN it asks to log in before anything, and calls nothing", async () => {
    block.shopify.authenticationState.value = "pre_authenticated";
    const requireLogin = vi.fn(async () => {});
    block.shopify.requireLogin = requireLogin;
    block.fetch = routes({});
    await block.render();
    expect($("s-paragraph").textContent).toBe(en.block.loginText);
    fireEvent.click(button("Log in"));
    expect(requireLogin).toHaveBeenCalled();
    expect(block.fetch).not.toHaveBeenCalled();
  });

  it("GIVEN the API answers 401 LOGIN_REQUIRED THEN it asks to log in", async () => {
    block.fetch = routes({
      [OPTIONS]: () =>
        json(401, {
          error: { code: "LOGIN_REQUIRED", message: "Please sign in to your account to change this order." },
        }),
    });
    await block.render();
    await waitFor(() => expect(button("Log in")).toBeTruthy());
  });

  it("GIVEN the options cannot load THEN an error with Retry", async () => {
    block.fetch = routes({ [OPTIONS]: [networkDown, () => json(200, options({ requests: [request()] }))] });
    await block.render();
    await waitFor(() => expect(button("Try again")).toBeTruthy());
    fireEvent.click(button("Try again"));
    await waitFor(() => expect($("s-badge")?.textContent).toBe("Pending"));
  });

  it("GIVEN a French shopper THEN it is in French", async () => {
    block.shopify.i18n.translate = translator(fr) as never;
    block.shopify.localization.language.value = { isoCode: "fr" };
    block.fetch = routes({
      [OPTIONS]: () =>
        json(200, options({ requests: [request({ statusLabel: "En attente", kindLabel: "Annulation" })] })),
    });
    await block.render();
    await waitFor(() => expect($("s-section").getAttribute("heading")).toBe("Gérer cette commande"));
    await waitFor(() => expect(button("Retirer la demande")).toBeTruthy());
    fireEvent.click(button("Retirer la demande"));
    await waitFor(() =>
      expect($('s-banner[tone="warning"]').getAttribute("heading")).toBe("Retirer cette demande\u202f?"),
    );
    expect(sent(block.fetch as never).headers["Accept-Language"]).toBe("fr");
  });

  describe("the withdrawal function", () => {
    const PAGE = "extension:withdrawal/customer-account.order.page.render/5001";

    it("GIVEN withdrawal is offered and nothing else applies THEN « Withdraw from contract here » opens its page", async () => {
      block.fetch = routes({
        [OPTIONS]: () => json(200, options({ addressChange: notAllowed.addressChange, withdrawal: withdrawal() })),
      });
      await block.render();
      await waitFor(() => expect(button("Withdraw from contract here")).toBeDefined());
      expect(button("Withdraw from contract here").getAttribute("href")).toBe(PAGE);
      // no request yet: the heading does not speak of requests
      expect($("s-section").getAttribute("heading")).toBe("Manage this order");
      expect(document.body.textContent).toContain(
        "You can withdraw from this purchase without giving any reason, until 14 days after delivery.",
      );
      expect(button("Change shipping address")).toBeUndefined();
    });

    it("GIVEN a delivered order THEN the end of the period is stated, after the requests", async () => {
      const section = withdrawal({ stage: "DELIVERED", periodEndsAt: "2026-12-15T10:00:00.000Z" });
      block.fetch = routes({ [OPTIONS]: () => json(200, options({ requests: [needsInfo], withdrawal: section })) });
      await block.render();
      await waitFor(() => expect(button("Withdraw from contract here")?.getAttribute("href")).toBe(PAGE));
      expect(document.body.textContent).toContain("until 2026-12-15T10:00:00.000Z.");
      expect($("s-badge").textContent).toBe("More information needed"); // the requests are still shown
    });

    it.each([
      ["not offered", withdrawal({ offered: false, allowed: false })],
      [
        "no longer possible",
        withdrawal({ allowed: false, reasons: [{ code: "WITHDRAWAL_PERIOD_ENDED", message: "x" }] }),
      ],
    ])("GIVEN withdrawal is %s THEN no withdrawal button", async (_, section) => {
      block.fetch = routes({ [OPTIONS]: () => json(200, options({ withdrawal: section })) });
      await block.render();
      await waitFor(() => expect(button("Change shipping address")).toBeDefined());
      expect(button("Withdraw from contract here")).toBeUndefined();
      expect(document.body.textContent).not.toContain("withdraw from this purchase");
    });

    it("GIVEN a registered withdrawal THEN it is listed like the other requests, and the button is gone", async () => {
      const registered = request({
        id: "req_w1",
        kind: "WITHDRAWAL",
        kindLabel: "Withdrawal",
        status: "APPLIED",
        statusLabel: "Applied",
        reason: null,
        reasonLabel: null,
        canWithdraw: false,
      });
      const reasons = [{ code: "ALREADY_WITHDRAWN", message: "You have already withdrawn from this order." }];
      block.fetch = routes({
        [OPTIONS]: () =>
          json(200, options({ requests: [registered], withdrawal: withdrawal({ allowed: false, reasons }) })),
      });
      await block.render();
      await waitFor(() => expect($("s-heading")?.textContent).toBe("Withdrawal"));
      expect($("s-badge").textContent).toBe("Applied");
      expect(button("Withdraw from contract here")).toBeUndefined();
      expect(button("Withdraw request")).toBeUndefined();
    });

    it("GIVEN a French customer THEN « Renoncer au contrat ici »", async () => {
      block.shopify.i18n.translate = translator(fr) as never;
      block.fetch = routes({
        [OPTIONS]: () => json(200, options({ addressChange: notAllowed.addressChange, withdrawal: withdrawal() })),
      });
      await block.render();
      await waitFor(() => expect(button("Renoncer au contrat ici")?.getAttribute("href")).toBe(PAGE));
      expect($("s-section").getAttribute("heading")).toBe("Gérer cette commande");
    });
  });
});
