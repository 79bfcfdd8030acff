import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "./server";

let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink({ port: 0 });
});
afterEach(() => sink.close());

function transport(pool = false) {
  const options = {
    host: "127.0.0.1",
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 2_000,
    greetingTimeout: 2_000,
  };
  return pool ? nodemailer.createTransport({ ...options, pool: true }) : nodemailer.createTransport(options);
}

const mail = (n: number) => ({
  from: "shop@example.com",
  to: "customer@example.com",
  subject: `message ${n}`,
  text: `body ${n}`,
  messageId: `<m${n}@amend.app>`,
});

describe("SMTP sink outage", () => {
  it('"refuse": connections are refused while down; back up on the same port', async () => {
    const t = transport();
    await t.sendMail(mail(1));
    await sink.down("refuse");
    await expect(t.sendMail(mail(2))).rejects.toMatchObject({ code: "ESOCKET" });
    expect(sink.outageStatus().down).toBe("refuse");
    await sink.up();
    await t.sendMail(mail(3));
    expect(sink.messages.map((m) => m.messageId)).toEqual(["<m1@amend.app>", "<m3@amend.app>"]);
    t.close();
  });

  it('"421": the greeting is 421 and nothing is accepted; counted', async () => {
    const t = transport();
    await sink.down("421");
    await expect(t.sendMail(mail(1))).rejects.toMatchObject({ responseCode: 421 });
    expect(sink.outageStatus()).toEqual({ down: "421", refusedConnections: 1, refusedCommands: 0 });
    await sink.up();
    await t.sendMail(mail(1));
    expect(sink.messages.map((m) => m.messageId)).toEqual(["<m1@amend.app>"]);
    t.close();
  });

  it("a pooled connection opened before the outage is cut, then works again after it", async () => {
    const t = transport(true);
    await t.sendMail(mail(1));
    await sink.down("refuse");
    await expect(t.sendMail(mail(2))).rejects.toThrow();
    await sink.up();
    await t.sendMail(mail(2));
    expect(sink.messages.map((m) => m.messageId)).toEqual(["<m1@amend.app>", "<m2@amend.app>"]);
    t.close();
  });

  it('"421" on a session already open: MAIL FROM gets 421', async () => {
    const t = transport(true);
    await t.sendMail(mail(1));
    await sink.down("421");
    await expect(t.sendMail(mail(2))).rejects.toMatchObject({ responseCode: 421 });
    await sink.up();
    await t.sendMail(mail(2));
    expect(sink.messages).toHaveLength(2);
    t.close();
  });

  it("outage(ms) resolves once the sink is back, and a resend of the same Message-ID shows as a duplicate", async () => {
    const t = transport();
    const t0 = performance.now();
    const outage = sink.outage(300);
    await expect(t.sendMail(mail(1))).rejects.toThrow();
    await outage;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    await t.sendMail(mail(1));
    await t.sendMail(mail(1));
    const ids = sink.messages.map((m) => m.messageId);
    expect(ids.filter((id) => id === "<m1@amend.app>")).toHaveLength(2);
    t.close();
  });

  it("close() works while down", async () => {
    await sink.down("refuse");
    await sink.close();
    sink = await startSmtpSink({ port: 0 }); // for afterEach
  });
});
