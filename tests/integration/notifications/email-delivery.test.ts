import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { enqueueNotifications, resend } from "~/notifications/outbox.server";
import { createOutboxWorker } from "~/notifications/worker.server";
import { startSmtpSink, type SmtpSink } from "../../../demo/smtp-sink/server";
import { cancellationInput, createRequest, seedBranding, SHOP, smtpTo } from "./helpers";

let sink: SmtpSink;
const transport = () => smtpTo(sink);

beforeAll(async () => {
  sink = await startSmtpSink();
  await seedBranding(prisma);
});
afterAll(() => sink.close());

describe("email notifications through a real SMTP server", () => {
  it("GIVEN a French customer's cancellation with <script> in the note WHEN the worker delivers THEN French, branded, escaped emails arrive with their Message-ID", async () => {
    const note = `<script>alert("pwned")</script> Merci`;
    const { request, result } = await prisma.$transaction(async (tx) => {
      const { request, event } = await createRequest(tx, { locale: "fr", note });
      return { request, result: await enqueueNotifications(tx, cancellationInput(request, event.id, note)) };
    });
    // The customer's receipt and the staff alert (no staff list: the owner gets it).
    expect(result.queued.map((q) => [q.recipientRole, q.recipient]).sort()).toEqual([
      ["CUSTOMER", "lea@example.com"],
      ["STAFF", "owner@lumiere.example"],
    ]);

    const email = transport();
    const summary = await createOutboxWorker({ db: prisma, transports: { email } }).runOnce();
    await email.close?.();
    expect(summary).toMatchObject({ claimed: 2, sent: 2 });

    const receipt = sink.messages.find((m) => m.to.includes("lea@example.com"))!;
    const row = await prisma.outboxMessage.findFirstOrThrow({
      where: { requestId: request.id, recipientRole: "CUSTOMER" },
      include: { attemptsLog: true },
    });
    expect(receipt.messageId).toBe(row.messageId);
    expect(receipt.subject).toBe("Nous avons bien reçu votre demande d’annulation de la commande #1042");
    expect(receipt.from).toBe('"Maison Lumière" <notifications@amend.app>');
    expect(receipt.replyTo).toBe("owner@lumiere.example");
    expect(receipt.html).toContain('lang="fr"');
    expect(receipt.html).toContain('src="https://cdn.lumiere.example/logo.png" alt="Maison Lumière" width="180"');
    expect(receipt.html).toContain("#b00060");
    expect(receipt.html).not.toContain("<script>");
    expect(receipt.html).toContain("&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; Merci");
    expect(receipt.text).toContain("Bonjour Léa,");
    expect(receipt.text).toContain(`> <script>alert("pwned")</script> Merci`);
    expect(receipt.headers["auto-submitted"]).toBe("auto-generated");

    expect(row).toMatchObject({ status: "SENT", attempts: 1, leaseOwner: null });
    expect(row.attemptsLog).toHaveLength(1);
    expect(row.attemptsLog[0]).toMatchObject({ ok: true, providerMessageId: row.messageId });
    expect(row.attemptsLog[0].response).toMatch(/^250 .*queued as sink-/);

    const alert = sink.messages.find((m) => m.to.includes("owner@lumiere.example"))!;
    expect(alert.subject).toBe("Cancellation request for order #1042");
    expect(alert.text).toContain("Léa Dubois asks to cancel order #1042.");
  });

  it("GIVEN the same transition enqueued twice THEN no second message is queued", async () => {
    const { request, event } = await prisma.$transaction((tx) => createRequest(tx));
    const first = await prisma.$transaction((tx) => enqueueNotifications(tx, cancellationInput(request, event.id)));
    const again = await prisma.$transaction((tx) => enqueueNotifications(tx, cancellationInput(request, event.id)));
    expect(first.queued).toHaveLength(2);
    expect(again.queued).toEqual([]);
    expect(again.alreadyQueued.map((q) => q.id).sort()).toEqual(first.queued.map((q) => q.id).sort());
    expect(await prisma.outboxMessage.count({ where: { requestId: request.id } })).toBe(2);
  });

  it("GIVEN the request's transaction rolls back THEN its notifications do not exist either", async () => {
    let requestId = "";
    await expect(
      prisma.$transaction(async (tx) => {
        const { request, event } = await createRequest(tx);
        requestId = request.id;
        await enqueueNotifications(tx, cancellationInput(request, event.id));
        throw new Error("Shopify refused");
      }),
    ).rejects.toThrow("Shopify refused");
    expect(await prisma.outboxMessage.count({ where: { requestId } })).toBe(0);
  });

  it("GIVEN shop switches, staff lists and a custom template THEN they decide who gets what, in which words", async () => {
    await prisma.shopBranding.update({
      where: { shop: SHOP },
      data: {
        staffRecipients: JSON.stringify({
          CANCELLATION_REQUESTED: {
            emails: ["desk@lumiere.example", "OWNER@lumiere.example"],
            phones: ["+33 6 11 22 33 44"],
          },
        }),
      },
    });
    await prisma.notificationSetting.createMany({
      data: [
        { shop: SHOP, event: "CANCELLATION_REQUESTED", channel: "EMAIL", recipient: "CUSTOMER", enabled: false },
        { shop: SHOP, event: "CANCELLATION_REQUESTED", channel: "SMS", recipient: "STAFF", enabled: true },
        { shop: SHOP, event: "CANCELLATION_REQUESTED", channel: "SMS", recipient: "CUSTOMER", enabled: true },
        { shop: SHOP, event: "CANCELLATION_REQUESTED", channel: "EMAIL", recipient: "OWNER", enabled: true },
      ],
    });
    await prisma.notificationTemplate.create({
      data: {
        shop: SHOP,
        event: "CANCELLATION_REQUESTED",
        channel: "EMAIL",
        recipient: "STAFF",
        locale: "en",
        subject: "[Amend] {{ order.name }} to cancel",
        body: "<p>{{ customer.name }}: {{ request.reason_label }}</p>",
      },
    });
    const { request, event } = await prisma.$transaction((tx) => createRequest(tx));
    const result = await prisma.$transaction((tx) =>
      enqueueNotifications(tx, {
        ...cancellationInput(request, event.id),
        customer: { email: "lea@example.com", phone: "06 12" },
      }),
    );
    expect(result.queued.map((q) => `${q.channel} ${q.recipientRole} ${q.recipient}`).sort()).toEqual([
      "EMAIL STAFF desk@lumiere.example",
      "EMAIL STAFF owner@lumiere.example",
      "SMS STAFF +33611223344",
    ]);
    expect(result.skipped).toEqual([
      { channel: "SMS", recipientRole: "CUSTOMER", reason: expect.stringMatching(/no valid phone number/) },
    ]);
    const staffMail = await prisma.outboxMessage.findFirstOrThrow({
      where: { requestId: request.id, recipient: "desk@lumiere.example" },
    });
    expect(staffMail.subject).toBe("[Amend] #1042 to cancel");
    expect(staffMail.text).toContain("Léa Dubois: I changed my mind");

    await prisma.notificationSetting.deleteMany({});
    await prisma.notificationTemplate.deleteMany({});
    await prisma.shopBranding.update({ where: { shop: SHOP }, data: { staffRecipients: "{}" } });
  });

  it("GIVEN a stored hostile template (endless loop) THEN enqueue does not hang: the default is sent and the failure reported", async () => {
    await prisma.notificationTemplate.create({
      data: {
        shop: SHOP,
        event: "CANCELLATION_REQUESTED",
        channel: "EMAIL",
        recipient: "CUSTOMER",
        locale: "fr",
        subject: "x",
        body: "{% for i in (1..100000000) %}{{ i }}{% endfor %}",
      },
    });
    const started = Date.now();
    const { request, event } = await prisma.$transaction((tx) => createRequest(tx));
    const result = await prisma.$transaction((tx) =>
      enqueueNotifications(tx, { ...cancellationInput(request, event.id), recipients: ["CUSTOMER"] }),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.warnings).toEqual([
      expect.stringMatching(/CUSTOMER \(fr\) failed: .*too much memory.*default template was used/),
    ]);
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { id: result.queued[0].id } });
    expect(row.subject).toBe("Nous avons bien reçu votre demande d’annulation de la commande #1042");
    await prisma.notificationTemplate.deleteMany({});
  });

  it("GIVEN a sent email WHEN staff resends it to another address THEN a new message, linked, with its own Message-ID, arrives there", async () => {
    const { request, event } = await prisma.$transaction((tx) => createRequest(tx, { email: "typo@exmaple.com" }));
    const { queued } = await prisma.$transaction((tx) =>
      enqueueNotifications(tx, { ...cancellationInput(request, event.id), recipients: ["CUSTOMER"] }),
    );
    await expect(resend(queued[0].id, "not an email")).rejects.toThrow(/not a valid email address/);
    const copy = await resend(queued[0].id, "Lea@Example.com", { requestKey: "form-1" });
    expect(await resend(queued[0].id, "lea@example.com", { requestKey: "form-1" })).toEqual(copy);
    const email = transport();
    await createOutboxWorker({ db: prisma, transports: { email } }).runOnce();
    await email.close?.();
    const row = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: copy.id } });
    expect(row).toMatchObject({ resendOfId: queued[0].id, recipient: "lea@example.com", status: "SENT" });
    expect(copy.messageId).not.toBe(queued[0].messageId);
    const arrived = sink.messages.filter((m) => m.messageId === copy.messageId);
    expect(arrived).toHaveLength(1);
    expect(arrived[0].to).toEqual(["lea@example.com"]);
  });
});
