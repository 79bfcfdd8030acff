import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { NOW, orderFacts } from "~/domain/test-fixtures";
import { createOutboxWorker } from "~/notifications/worker.server";
import { requestCancellation } from "~/services/customer-requests.server";
import { outboxNotifier } from "~/services/notify.server";
import type { ServiceDeps } from "~/services/ports";
import { requestInfo } from "~/services/staff-decisions.server";
import { startSmtpSink, type SmtpSink } from "../../../demo/smtp-sink/server";
import { MemoryShopify } from "../../support/memory-shopify";
import { smtpTo } from "./helpers";

const SHOP = "amend-info.myshopify.com";
const ORDER = "5012345678901";
const CUSTOMER_ID = "7012345678901";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
  await prisma.changeRequest.deleteMany({ where: { shop: SHOP } });
  await prisma.outboxMessage.deleteMany({ where: { shop: SHOP } });
});

function depsFor(locale: string): ServiceDeps {
  const shopify = new MemoryShopify([
    orderFacts({
      customerLocale: locale,
      customer: { firstName: "Léa", lastName: "Dubois", email: "lea@example.com", phone: null },
    }),
  ]);
  return { db: prisma, shop: SHOP, shopify, notify: outboxNotifier(), clock: () => NOW };
}

describe("the “we need more information” email", () => {
  it.each([
    ["en", "Could you tell us which size you would like instead? <b>M or L</b>", "Our question:"],
    ["fr", "Préférez-vous un avoir ou un remboursement ? <b>Dites-nous</b>", "Notre question :"],
  ])(
    "GIVEN staff ask a question (%s) WHEN the worker delivers THEN the customer's email quotes the question, escaped",
    async (locale, question, label) => {
      const deps = depsFor(locale);
      const request = await requestCancellation(deps, {
        customerId: CUSTOMER_ID,
        locale,
        orderId: ORDER,
        reason: "OTHER",
      });
      await requestInfo(deps, { requestId: request.id, note: question });

      const row = await prisma.outboxMessage.findFirstOrThrow({
        where: { requestId: request.id, event: "INFO_REQUESTED", recipientRole: "CUSTOMER" },
      });
      const email = smtpTo(sink);
      await createOutboxWorker({ db: prisma, transports: { email } }).runOnce();
      await email.close?.();

      const sent = sink.messages.find((m) => m.messageId === row.messageId);
      expect(sent).toBeDefined();
      expect(sent!.to).toContain("lea@example.com");
      expect(sent!.text).toContain(label);
      expect(sent!.text).toContain(`> ${question}`);
      expect(sent!.html).toContain(question.replace("<b>", "&lt;b&gt;").replace("</b>", "&lt;/b&gt;"));
    },
  );
});
