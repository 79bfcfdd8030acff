import "../../support/app-env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../../demo/simulator/server";
import { startSmsSink, type SmsSink } from "../../../demo/sms-sink/server";
import { startSmtpSink, type SmtpSink } from "../../../demo/smtp-sink/server";
import { prisma } from "~/db.server";
import { CONTACT_CODE } from "~/domain/contact";
import { createOutboxWorker } from "~/notifications/worker.server";
import { createSmsTransport } from "~/notifications/transports/sms.server";
import { routeAdminApiTo } from "~/shopify/admin-origin.server";
import { loader as contactGet, action as contactPost } from "~/routes/api.customer.orders.$orderId.contact";
import { action as sendCode } from "~/routes/api.customer.orders.$orderId.contact_.code";
import { action as confirm } from "~/routes/api.customer.orders.$orderId.contact_.confirm";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { loader as requestPage } from "~/routes/app.requests.$id";
import { outboxNotifier } from "~/services/notify.server";
import { adminGet, body, run } from "../../support/admin";
import { callCustomerApi, type Route } from "../../support/customer-api";
import { customerToken, installShop } from "../../support/shopify-session";
import { smtpTo } from "../notifications/helpers";

const SHOP = "amend-demo.myshopify.com";
const OLIVER = "7002";
const CAMILLE_EMAIL = "camille.martin@example.fr";
const NEW_EMAIL = "c.martin@proton.example";
let sim: Awaited<ReturnType<typeof startSimulator>>;
let smtp: SmtpSink;
let sms: SmsSink;

const path = (order: string, tail = "") => `/api/customer/orders/${order}/contact${tail}`;

beforeAll(async () => {
  sim = await startSimulator({ storeFile: "demo/store.json", port: 0 });
  routeAdminApiTo(sim.url);
  await installShop(SHOP);
  smtp = await startSmtpSink();
  sms = await startSmsSink();
  smtp.rejectRecipients([CAMILLE_EMAIL]);
  sms.undeliverable(["+33199999999"]);
});
afterAll(async () => {
  await Promise.all([sim.close(), smtp.close(), sms.close()]);
});
let n = 0;
let CAMILLE = "";
beforeEach(async () => {
  await sim.reset();
  // each test's Camille is a new customer owning #1007: the customer API's per-customer write allowance starts afresh
  CAMILLE = String(7100 + ++n);
  const store = sim.store as unknown as {
    customers: { id: string }[];
    orders: { id: string; customer: { id: string } | null }[];
  };
  store.customers.push({ ...store.customers[0], id: `gid://shopify/Customer/${CAMILLE}` });
  store.orders.find((o) => o.id === "gid://shopify/Order/5007")!.customer = { id: `gid://shopify/Customer/${CAMILLE}` };
  await prisma.changeRequest.deleteMany();
  await prisma.orderFactsCache.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.contactVerification.deleteMany();
  await prisma.customerContact.deleteMany();
  await prisma.notificationSetting.deleteMany();
  smtp.messages.length = 0;
  sms.messages.length = 0;
});

/** Delivers everything due through the real SMTP and SMS sinks. */
async function deliver() {
  const email = smtpTo(smtp);
  const worker = createOutboxWorker({
    db: prisma,
    transports: {
      email,
      sms: createSmsTransport({
        apiUrl: sms.url,
        accountSid: sms.accountSid,
        authToken: sms.authToken,
        from: "+33700000000",
      }),
    },
    concurrency: 1,
  });
  await worker.runOnce();
  await email.close?.();
}

const codeIn = (text: string) => text.match(/\b(\d{6})\b/)![1];

/** Camille asks to cancel #1007: the receipt to her order's email is refused by the mail server. */
async function refusedReceipt(token: string) {
  const res = await callCustomerApi(cancellation as Route, "/api/customer/orders/5007/cancellation", {
    token,
    body: { reason: "CHANGED_MIND" },
  });
  expect(res.status).toBe(201);
  await deliver();
  const receipt = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: CAMILLE_EMAIL } });
  expect(receipt.status).toBe("FAILED");
  expect(receipt.lastError).toContain("550");
  return receipt;
}

async function askCode(token: string, address = NEW_EMAIL, headers: Record<string, string> = {}, channel = "EMAIL") {
  return callCustomerApi(sendCode as Route, path("5007", "/code"), { token, body: { channel, address }, headers });
}

describe("the customer's own email, confirmed with a code", () => {
  it("GIVEN a receipt the mail server refused THEN the order page is told, in French and English, with the address", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    await refusedReceipt(token);
    const fr = await callCustomerApi(contactGet as Route, path("5007"), { token });
    expect(fr.status).toBe(200);
    expect(fr.body.contact.email).toEqual({ address: CAMILLE_EMAIL, confirmed: false, on: true });
    expect(fr.body.contact.undelivered).toEqual([
      expect.objectContaining({
        channel: "EMAIL",
        address: CAMILLE_EMAIL,
        state: "FAILED",
        message: `Notre dernier e-mail à ${CAMILLE_EMAIL} n’a pas pu être remis : le serveur de messagerie l’a refusé.`,
      }),
    ]);
    const en = await callCustomerApi(contactGet as Route, path("5007"), { token, lang: "en" });
    expect(en.body.contact.undelivered[0].message).toBe(
      `Our last email to ${CAMILLE_EMAIL} could not be delivered: the mail server refused it.`,
    );
  });

  it("GIVEN a receipt the mail server refused THEN the merchant's request page shows it with the server's answer", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const receipt = await refusedReceipt(token);
    const page = await body(
      await run(requestPage as never, await adminGet("amend-demo", `/app/requests/${receipt.requestId}`), {
        id: receipt.requestId!,
      }),
    );
    expect(page.undelivered).toEqual([
      expect.objectContaining({
        event: "CANCELLATION_REQUESTED",
        channel: "EMAIL",
        address: CAMILLE_EMAIL,
        retrying: false,
        answer: expect.stringContaining("550"),
      }),
    ]);
  });

  it("GIVEN another address WHEN the right code is given THEN the refused receipt and later notifications reach it through SMTP", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const receipt = await refusedReceipt(token);

    const asked = await askCode(token);
    expect(asked.status).toBe(202);
    expect(asked.body.contact.pending).toEqual([
      { channel: "EMAIL", address: NEW_EMAIL, expiresAt: expect.any(String), undeliverable: false },
    ]);
    await deliver();
    const mail = smtp.messages.find((m) => m.to.includes(NEW_EMAIL))!;
    expect(mail.subject).toContain("code");
    const code = codeIn(mail.text);
    // stored only as a keyed hash
    const stored = await prisma.contactVerification.findFirstOrThrow();
    expect(stored.codeHash).not.toContain(code);
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);

    const wrong = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
      token,
      body: { channel: "EMAIL", code: code === "000000" ? "111111" : "000000" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: "CODE_INVALID", field: "code" });

    const right = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
      token,
      body: { channel: "EMAIL", code },
    });
    expect(right.status).toBe(200);
    expect(right.body.contact.email).toEqual({ address: NEW_EMAIL, confirmed: true, on: true });
    expect(right.body.contact.undelivered).toEqual([]);
    // the same right code again: the same answer, nothing sent twice
    const again = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
      token,
      body: { channel: "EMAIL", code },
    });
    expect(again.status).toBe(200);

    await deliver();
    const resent = smtp.messages.filter((m) => m.to.includes(NEW_EMAIL) && m.subject === receipt.subject);
    expect(resent).toHaveLength(1);

    // a later notification of the order goes to the confirmed address only
    const request = await prisma.changeRequest.findFirstOrThrow({ where: { orderId: "5007" } });
    await prisma.$transaction((tx) =>
      outboxNotifier()(tx, { request, event: "CANCELLATION_REJECTED", eventId: "ev-later" }),
    );
    const later = await prisma.outboxMessage.findMany({
      where: { event: "CANCELLATION_REJECTED", recipientRole: "CUSTOMER" },
    });
    expect(later.map((m) => m.recipient)).toEqual([NEW_EMAIL]);
    smtp.messages.length = 0;
    await deliver();
    expect(smtp.messages.map((m) => m.to)).toEqual([[NEW_EMAIL]]);
  });

  it("GIVEN a mistyped address the mail server refuses THEN the pending code says it could not be delivered", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    smtp.rejectRecipients(["c.martin@protn.example"]);
    await askCode(token, "c.martin@protn.example");
    await deliver();
    const res = await callCustomerApi(contactGet as Route, path("5007"), { token });
    expect(res.body.contact.pending).toEqual([
      expect.objectContaining({ address: "c.martin@protn.example", undeliverable: true }),
    ]);
  });

  it("GIVEN an expired code THEN 422 CODE_EXPIRED and nothing changes", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    await askCode(token);
    await deliver();
    const code = codeIn(smtp.messages.at(-1)!.text);
    await prisma.contactVerification.updateMany({ data: { expiresAt: new Date(Date.now() - 1) } });
    const res = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
      token,
      body: { channel: "EMAIL", code },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("CODE_EXPIRED");
    expect(await prisma.customerContact.count()).toBe(0);
  });

  it("GIVEN five wrong codes THEN the last is CODE_ATTEMPTS_EXCEEDED and even the right code is then refused", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    await askCode(token);
    await deliver();
    const code = codeIn(smtp.messages.at(-1)!.text);
    const wrong = code === "000000" ? "111111" : "000000";
    const answers: string[] = [];
    for (let i = 0; i < CONTACT_CODE.maxAttempts; i++) {
      const res = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
        token,
        body: { channel: "EMAIL", code: wrong },
      });
      answers.push(res.body.error.code);
    }
    expect(answers).toEqual([...Array(CONTACT_CODE.maxAttempts - 1).fill("CODE_INVALID"), "CODE_ATTEMPTS_EXCEEDED"]);
    const right = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
      token,
      body: { channel: "EMAIL", code },
    });
    expect(right.body.error.code).toBe("CODE_ATTEMPTS_EXCEEDED");
    expect(await prisma.customerContact.count()).toBe(0);
  });

  it("GIVEN parallel wrong guesses THEN no more tries are counted than the limit allows", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    await askCode(token);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        callCustomerApi(confirm as Route, path("5007", "/confirm"), {
          token,
          body: { channel: "EMAIL", code: String(100000 + i) },
        }),
      ),
    );
    expect(results.every((r) => r.status === 422 || r.status === 409 || r.status === 429)).toBe(true);
    const v = await prisma.contactVerification.findFirstOrThrow();
    expect(v.attempts).toBeLessThanOrEqual(CONTACT_CODE.maxAttempts);
    expect(v.confirmedAt).toBeNull();
  });

  it("GIVEN a code just sent THEN another within 30 s is 429 RATE_LIMITED with Retry-After; the same Idempotency-Key sends one code", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const first = await askCode(token, NEW_EMAIL, { "Idempotency-Key": "k1" });
    const replay = await askCode(token, NEW_EMAIL, { "Idempotency-Key": "k1" });
    expect([first.status, replay.status]).toEqual([202, 202]);
    expect(await prisma.contactVerification.count()).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { event: "CONTACT_CODE" } })).toBe(1);
    const reused = await askCode(token, "other@example.com", { "Idempotency-Key": "k1" });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const second = await askCode(token, NEW_EMAIL, { "Idempotency-Key": "k2" });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe("RATE_LIMITED");
    expect(Number(second.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.contactVerification.count()).toBe(1);
  });

  it("GIVEN the same Idempotency-Key sent three times at once THEN one code is sent and every answer is the same 202", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const answers = await Promise.all([1, 2, 3].map(() => askCode(token, NEW_EMAIL, { "Idempotency-Key": "same" })));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(await prisma.contactVerification.count()).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { event: "CONTACT_CODE" } })).toBe(1);
  });

  it("GIVEN bad input or another customer's order THEN a clear error and nothing is sent", async () => {
    const camille = await customerToken("amend-demo", CAMILLE);
    const oliver = await customerToken("amend-demo", OLIVER);
    expect((await askCode(camille, "not-an-email")).body.error).toMatchObject({
      code: "INVALID_INPUT",
      field: "address",
    });
    const shape = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
      token: camille,
      body: { channel: "EMAIL", code: "12ab" },
    });
    expect(shape.body.error).toMatchObject({ code: "INVALID_INPUT", field: "code" });
    expect((await askCode(oliver)).status).toBe(403);
    expect((await callCustomerApi(contactGet as Route, path("5007"), { token: oliver })).status).toBe(403);
    expect(await prisma.outboxMessage.count()).toBe(0);
  });
});

describe("SMS about the order", () => {
  it("GIVEN the store sends no customer SMS THEN asking for an SMS code is 422 SMS_NOT_OFFERED", async () => {
    const token = await customerToken("amend-demo", CAMILLE);
    const res = await askCode(token, "+33 6 98 76 54 32", {}, "SMS");
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("SMS_NOT_OFFERED");
    expect((await callCustomerApi(contactGet as Route, path("5007"), { token })).body.contact.sms.offered).toBe(false);
  });

  it("GIVEN customer SMS switched on WHEN a number is confirmed and SMS only chosen THEN the order's notifications go by SMS", async () => {
    await prisma.notificationSetting.create({
      data: { shop: SHOP, event: "CANCELLATION_REQUESTED", channel: "SMS", recipient: "CUSTOMER", enabled: true },
    });
    const token = await customerToken("amend-demo", CAMILLE);
    expect(
      (await callCustomerApi(contactPost as Route, path("5007"), { token, body: { emailOn: false, smsOn: true } })).body
        .error.code,
    ).toBe("CONTACT_NOT_CONFIRMED");
    expect((await askCode(token, "+33 6 98 76 54 32", {}, "SMS")).status).toBe(202);
    await deliver();
    const code = codeIn(sms.messages.at(-1)!.body);
    expect(sms.messages.at(-1)!.to).toBe("+33698765432");
    const ok = await callCustomerApi(confirm as Route, path("5007", "/confirm"), {
      token,
      body: { channel: "SMS", code },
    });
    expect(ok.body.contact.sms).toEqual({ offered: true, phone: "+33698765432", on: true });
    const chosen = await callCustomerApi(contactPost as Route, path("5007"), {
      token,
      body: { emailOn: false, smsOn: true },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.contact.email.on).toBe(false);

    await callCustomerApi(cancellation as Route, "/api/customer/orders/5007/cancellation", {
      token,
      body: { reason: "CHANGED_MIND" },
    });
    const receipts = await prisma.outboxMessage.findMany({
      where: { event: "CANCELLATION_REQUESTED", recipientRole: "CUSTOMER" },
    });
    expect(receipts.map((r) => [r.channel, r.recipient])).toEqual([["SMS", "+33698765432"]]);
    // an event the store sends no SMS for still reaches the customer, by email: never to nobody
    const request = await prisma.changeRequest.findFirstOrThrow({ where: { orderId: "5007" } });
    await prisma.$transaction((tx) =>
      outboxNotifier()(tx, { request, event: "CANCELLATION_REJECTED", eventId: "ev-no-sms" }),
    );
    const rejected = await prisma.outboxMessage.findMany({
      where: { event: "CANCELLATION_REJECTED", recipientRole: "CUSTOMER" },
    });
    expect(rejected.map((r) => [r.channel, r.recipient])).toEqual([["EMAIL", CAMILLE_EMAIL]]);
  });

  it("GIVEN an undeliverable number THEN the failed SMS is shown on the order page", async () => {
    await prisma.notificationSetting.create({
      data: { shop: SHOP, event: "CANCELLATION_REQUESTED", channel: "SMS", recipient: "CUSTOMER", enabled: true },
    });
    await prisma.customerContact.create({
      data: { shop: SHOP, orderId: "5007", customerId: CAMILLE, phone: "+33199999999", smsOn: true },
    });
    const token = await customerToken("amend-demo", CAMILLE);
    await callCustomerApi(cancellation as Route, "/api/customer/orders/5007/cancellation", {
      token,
      body: { reason: "CHANGED_MIND" },
    });
    await deliver();
    const res = await callCustomerApi(contactGet as Route, path("5007"), { token, lang: "en" });
    expect(res.body.contact.undelivered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          channel: "SMS",
          state: "FAILED",
          message: "Our last text message to +33199999999 could not be delivered.",
        }),
      ]),
    );
  });
});
