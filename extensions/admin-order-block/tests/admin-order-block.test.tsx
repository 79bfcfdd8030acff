/// <reference types="@shopify/ui-extensions/admin.order-details.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { translator } from "../../_shared/tests/support";
import en from "../locales/en.default.json";
import fr from "../locales/fr.json";

const block = getExtension("admin.order-details.block.render");
const $ = (selector: string) => document.body.querySelector(selector) as HTMLElement;
const $$ = (selector: string) => [...document.body.querySelectorAll(selector)] as HTMLElement[];
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const pending = {
  id: "req_1",
  kind: "CANCELLATION",
  status: "PENDING",
  createdAt: "2026-11-20T10:00:00.000Z",
  reason: "CHANGED_MIND",
  note: "Wrong size",
  newAddress: null,
  canDecide: true,
};

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  block.setUp();
  block.shopify.data = { selected: [{ id: "gid://shopify/Order/5001" }] } as never;
  block.shopify.i18n.translate = translator(en) as never;
});
afterEach(() => {
  block.tearDown();
  vi.unstubAllGlobals();
});

function serve(table: Record<string, (init?: RequestInit) => Response | Promise<Response>>) {
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? "GET"} ${url}`;
    const handler = table[key];
    if (!handler) throw new Error(`unexpected fetch ${key}`);
    return handler(init);
  });
  vi.stubGlobal("fetch", fetchMock);
}

describe("admin order block", () => {
  it("GIVEN the order has a pending cancellation THEN it lists it with Approve and Reject buttons named for screen readers", async () => {
    serve({ "GET /api/admin/orders/5001/requests": () => json(200, { requests: [pending] }) });
    await block.render();
    await waitFor(() => expect($("s-badge")?.textContent).toBe("Pending"));
    expect($("s-admin-block").getAttribute("heading")).toBe("Amend requests");
    expect(document.body.textContent).toContain("Changed their mind");
    const buttons = $$("s-button");
    expect(buttons.map((b) => b.getAttribute("accessibilityLabel") ?? b.getAttribute("accessibilitylabel"))).toEqual([
      "Approve Cancellation request",
      "Reject Cancellation request",
    ]);
  });

  it("GIVEN no requests THEN it says so", async () => {
    serve({ "GET /api/admin/orders/5001/requests": () => json(200, { requests: [] }) });
    await block.render();
    await waitFor(() => expect(document.body.textContent).toContain(en.block.empty));
  });

  it("WHEN Approve is clicked THEN one POST is sent (buttons disabled meanwhile) and the list reloads", async () => {
    let resolve!: (r: Response) => void;
    const lists = [
      json(200, { requests: [pending] }),
      json(200, { requests: [{ ...pending, status: "APPLIED", canDecide: false }] }),
    ];
    serve({
      "GET /api/admin/orders/5001/requests": () => lists.shift()!,
      "POST /api/admin/requests/req_1/decision": () => new Promise<Response>((r) => (resolve = r)),
    });
    await block.render();
    await waitFor(() => expect($$("s-button").length).toBe(2));
    fireEvent.click($$("s-button")[0]);
    await waitFor(() => expect($$("s-button")[1].hasAttribute("disabled")).toBe(true));
    fireEvent.click($$("s-button")[0]);
    resolve(json(200, { request: { id: "req_1", status: "APPLIED" } }));
    await waitFor(() => expect($("s-badge")?.textContent).toBe("Applied"));
    const posts = fetchMock.mock.calls.filter((c) => c[1]?.method === "POST");
    expect(posts).toHaveLength(1);
    expect(JSON.parse(String(posts[0][1].body))).toEqual({ action: "approve" });
    expect($('s-banner[tone="success"]').textContent).toBe(en.block.approved);
  });

  it("GIVEN the request was decided elsewhere WHEN Reject is clicked THEN the merchant reads why, in French", async () => {
    block.shopify.i18n.translate = translator(fr) as never;
    serve({
      "GET /api/admin/orders/5001/requests": () => json(200, { requests: [pending] }),
      "POST /api/admin/requests/req_1/decision": () => json(409, { error: { code: "INVALID_TRANSITION" } }),
    });
    await block.render();
    await waitFor(() => expect($$("s-button").length).toBe(2));
    fireEvent.click($$("s-button")[1]);
    await waitFor(() => expect($('s-banner[tone="critical"]')?.textContent).toBe(fr.errors.INVALID_TRANSITION));
  });

  it("GIVEN the backend is down THEN an error with a retry button", async () => {
    serve({ "GET /api/admin/orders/5001/requests": () => json(503, {}) });
    await block.render();
    await waitFor(() => expect(document.body.textContent).toContain(en.errors.LOAD));
    expect($$("s-button").map((b) => b.textContent)).toEqual([en.block.retry]);
  });
});
