import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { enqueueNotifications } from "~/notifications/outbox.server";
import { createSmsTransport } from "~/notifications/transports/sms.server";
import { createOutboxWorker } from "~/notifications/worker.server";
import { startSmsSink, type SmsSink } from "../../../demo/sms-sink/server";
import { cancellationInput, createRequest, manualClock, seedBranding, SHOP } from "./helpers";

let sink: SmsSink;
const sms = (token = sink.authToken) =>
  createSmsTransport({ apiUrl: sink.url, accountSid: sink.accountSid, authToken: token, from: "+33700000000" });

beforeAll(async () => {
  sink = await startSmsSink();
  await seedBranding(prisma);
  await prisma.notificationSetting.create({
    data: { shop: SHOP, event: "CANCELLATION_REQUESTED", channel: "SMS", recipient: "CUSTOMER", enabled: true },
  });
});
afterAll(() => sink.close());
beforeEach(async () => {
  sink.messages.length = 0;
  await prisma.outboxMessage.deleteMany({});
});

async function queueSms(phone = "+33612345678") {
  return prisma.$transaction(async (tx) => {
    const { request, event } = await createRequest(tx, { locale: "fr" });
    const r = await enqueueNotifications(tx, {
      ...cancellationInput(request, event.id),
      customer: { email: null, phone },
      recipients: ["CUSTOMER"],
    });
    return r.queued.find((q) => q.channel === "SMS")!;
  });
}

describe("SMS through a Twilio-compatible provider over HTTP", () => {
  it("GIVEN a customer SMS WHEN delivered THEN the provider gets To/From/Body and its sid is logged", async () => {
    const queued = await queueSms();
    await createOutboxWorker({ db: prisma, transports: { sms: sms() } }).runOnce();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]).toMatchObject({ to: "+33612345678", from: "+33700000000" });
    expect(sink.messages[0].body).toBe(
      "Maison Lumière : votre demande d'annulation de la commande #1042 est enregistrée. Notre décision vous sera envoyée par e-mail.",
    );
    const row = await prisma.outboxMessage.findUniqueOrThrow({
      where: { id: queued.id },
      include: { attemptsLog: true },
    });
    expect(sink.messages[0].idempotencyKey).toBe(row.idempotencyKey);
    expect(row.status).toBe("SENT");
    expect(row.attemptsLog[0]).toMatchObject({ ok: true, providerMessageId: sink.messages[0].sid });
  });

  it("GIVEN the provider fails (503, 429) THEN the SMS is retried and sent once", async () => {
    const queued = await queueSms();
    sink.fail(1, 503);
    const clock = manualClock();
    const worker = createOutboxWorker({
      db: prisma,
      transports: { sms: sms() },
      clock: clock.now,
      backoff: { baseMs: 1_000 },
    });
    await worker.runOnce();
    sink.fail(1, 429);
    clock.advance(60_000);
    await worker.runOnce();
    clock.advance(60_000);
    await worker.runOnce();
    const row = await prisma.outboxMessage.findUniqueOrThrow({
      where: { id: queued.id },
      include: { attemptsLog: { orderBy: { at: "asc" } } },
    });
    expect(row.status).toBe("SENT");
    expect(row.attemptsLog.map((a) => a.response.slice(0, 3))).toEqual(["503", "429", "201"]);
    expect(sink.messages).toHaveLength(1);
  });

  it("GIVEN the same message sent twice (a retry after a crash) THEN the provider dedupes on Idempotency-Key", async () => {
    const transport = sms();
    const message = {
      id: "o1",
      channel: "SMS" as const,
      recipient: "+33612345678",
      fromName: null,
      replyTo: null,
      subject: null,
      html: null,
      text: "Bonjour",
      messageId: "<m@amend.app>",
      idempotencyKey: "ntf_same",
    };
    const first = await transport.send(message);
    const second = await transport.send(message);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(sink.messages).toHaveLength(1);
  });

  it("GIVEN wrong credentials or a refused number THEN the provider's message is logged; a bad number is FAILED at once", async () => {
    const bad = await sms("wrong").send({
      id: "o2",
      channel: "SMS",
      recipient: "+33612345678",
      fromName: null,
      replyTo: null,
      subject: null,
      html: null,
      text: "x",
      messageId: "<n@amend.app>",
      idempotencyKey: "k2",
    });
    expect(bad).toEqual({
      ok: false,
      response: "401 20003 Authenticate: wrong account SID or auth token",
      retryable: true,
    });

    const queued = await queueSms();
    await prisma.outboxMessage.update({ where: { id: queued.id }, data: { recipient: "+0" } });
    await createOutboxWorker({ db: prisma, transports: { sms: sms() } }).runOnce();
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "400 21211 The 'To' number +0 is not a valid phone number.",
    });
  });
});
