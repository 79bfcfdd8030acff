import { describe, expect, it } from "vitest";
import type { InboxPage, InboxQuery, InboxRow } from "~/services/admin-inbox.server";
import { presentInbox, summaryOf } from "./inbox";

const at = new Date("2026-11-01T09:30:00Z");
type Summarised = Pick<InboxRow, "kind" | "payload">;
const query: InboxQuery = { tab: "NEEDS_ACTION", status: [], sort: "created_desc", q: undefined };

describe("summaryOf", () => {
  it("an address change says where it goes, with the country's name in the merchant's language", () => {
    const row: Summarised = {
      kind: "ADDRESS_CHANGE",
      payload: JSON.stringify({ address: { address1: "4 place Bellecour", city: "Lyon", countryCode: "FR" } }),
    };
    expect(summaryOf(row, "fr")).toBe("Vers Lyon, France");
    expect(summaryOf(row, "en")).toBe("To Lyon, France");
  });

  it("a cancellation names the customer's reason, or the store's, or shows an unknown code as it is", () => {
    const row = (reason: string): Summarised => ({ kind: "CANCELLATION", payload: JSON.stringify({ reason }) });
    expect(summaryOf(row("CHANGED_MIND"), "fr")).toBe("J'ai changé d'avis");
    expect(summaryOf(row("OUT_OF_STOCK"), "en")).toBe("Out of stock");
    expect(summaryOf(row("SOMETHING_NEW"), "en")).toBe("SOMETHING_NEW");
  });

  it("a withdrawal says what is withdrawn: the whole order, or each item with its quantity", () => {
    const statement = (items: unknown) => ({
      name: "Camille Martin",
      items,
      wholeOrder: items === null,
      submittedAt: "2026-11-01T09:30:00.000Z",
      source: "CUSTOMER_ACCOUNT",
      acknowledgeBy: { email: true, sms: false },
    });
    const row = (items: unknown): Summarised => ({
      kind: "WITHDRAWAL",
      payload: JSON.stringify({ statement: statement(items), outcome: "CANCELLATION" }),
    });
    expect(summaryOf(row(null), "fr")).toBe("Toute la commande");
    expect(
      summaryOf(
        row([
          { lineItemId: "11", title: "Lampe Opaline", quantity: 2 },
          { lineItemId: "12", title: "Vase", quantity: 1 },
        ]),
        "en",
      ),
    ).toBe("2 × Lampe Opaline, 1 × Vase");
    expect(summaryOf({ kind: "WITHDRAWAL", payload: "{}" }, "en")).toBe("");
  });

  it("an unreadable or empty payload has no summary", () => {
    expect(summaryOf({ kind: "CANCELLATION", payload: "{not json" }, "en")).toBe("");
    expect(summaryOf({ kind: "ADDRESS_CHANGE", payload: "{}" }, "en")).toBe("");
  });
});

describe("presentInbox", () => {
  it("one row per request with its summary and dates in the merchant's language, and the page's cursors", () => {
    const page: InboxPage = {
      rows: [
        {
          id: "r1",
          kind: "CANCELLATION",
          status: "PENDING",
          orderId: "5001",
          orderName: "#1001",
          customerName: "Camille Martin",
          customerEmail: null,
          payload: JSON.stringify({ reason: "CHANGED_MIND" }),
          createdAt: at,
          updatedAt: new Date("2026-11-02T10:00:00Z"),
        },
      ],
      next: "cursor-2",
      previous: null,
      needsAction: 3,
    };
    expect(presentInbox(page, query, "fr")).toEqual({
      locale: "fr",
      query,
      needsAction: 3,
      truncated: false,
      next: "cursor-2",
      previous: null,
      rows: [
        {
          id: "r1",
          orderName: "#1001",
          customerName: "Camille Martin",
          customerEmail: null,
          kind: "CANCELLATION",
          status: "PENDING",
          summary: "J'ai changé d'avis",
          created: "1 nov. 2026, 09:30",
          updated: "2 nov. 2026, 10:00",
        },
      ],
    });
    expect(presentInbox({ ...page, truncated: true }, query, "en").truncated).toBe(true);
  });
});
