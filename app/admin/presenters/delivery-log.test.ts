import { describe, expect, it } from "vitest";
import { presentDeliveryLog, type DeliveryLog } from "./delivery-log";

const at = new Date("2026-11-01T09:30:00Z");

function message(overrides: Partial<DeliveryLog["rows"][number]> = {}): DeliveryLog["rows"][number] {
  return {
    id: "o1",
    shop: "amend-demo.myshopify.com",
    requestId: "r1",
    event: "CANCELLATION_REJECTED",
    channel: "EMAIL",
    recipientRole: "CUSTOMER",
    recipient: "camille@example.fr",
    locale: "fr",
    fromName: null,
    replyTo: null,
    subject: "Votre demande",
    html: "<p>Non</p>",
    text: "Non",
    status: "SENT",
    attempts: 2,
    nextAttemptAt: at,
    leaseOwner: null,
    leaseUntil: null,
    messageId: "m1",
    idempotencyKey: "k1",
    resendOfId: null,
    lastError: null,
    createdAt: at,
    sentAt: at,
    attemptsLog: [],
    ...overrides,
  } as DeliveryLog["rows"][number];
}

describe("presentDeliveryLog", () => {
  it("each message with its attempts' answers, dates in the merchant's language, and the next page's cursor", () => {
    const attempts = [
      { id: "a1", outboxId: "o1", at, ok: false, response: "451 try later" },
      { id: "a2", outboxId: "o1", at: new Date("2026-11-01T09:35:00Z"), ok: true, response: "250 OK" },
    ];
    const view = presentDeliveryLog(
      { rows: [message({ attemptsLog: attempts as never, resendOfId: "o0" })], next: "cursor" },
      { status: "SENT" },
      "fr",
    );
    expect(view).toEqual({
      locale: "fr",
      query: { status: "SENT" },
      next: "cursor",
      rows: [
        {
          id: "o1",
          event: "CANCELLATION_REJECTED",
          channel: "EMAIL",
          recipient: "camille@example.fr",
          subject: "Votre demande",
          status: "SENT",
          created: "1 nov. 2026, 09:30",
          lastError: null,
          resendOf: "o0",
          attempts: [
            { at: "1 nov. 2026, 09:30", ok: false, response: "451 try later" },
            { at: "1 nov. 2026, 09:35", ok: true, response: "250 OK" },
          ],
        },
      ],
    });
  });

  it("an empty page has no rows and no next page", () => {
    expect(presentDeliveryLog({ rows: [], next: null }, {}, "en")).toEqual({
      locale: "en",
      query: {},
      next: null,
      rows: [],
    });
  });
});
