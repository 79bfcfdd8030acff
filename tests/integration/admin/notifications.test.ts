import "../../support/app-env";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as indexAction, loader as indexLoader } from "~/routes/app.notifications._index";
import { action as logAction, loader as logLoader } from "~/routes/app.notifications.log";
import { action as tplAction, loader as tplLoader } from "~/routes/app.notifications.editor";
import { SHOP_A, SHOP_B, adminFetch, adminGet, body, run } from "../../support/admin";
import { installShop } from "../../support/shopify-session";

beforeAll(async () => {
  await installShop(SHOP_A);
  await installShop(SHOP_B);
});
beforeEach(async () => {
  await prisma.outboxMessage.deleteMany();
  await prisma.notificationTemplate.deleteMany();
  await prisma.notificationSetting.deleteMany();
  await prisma.shopBranding.deleteMany();
});

const key = { event: "CANCELLATION_REJECTED", channel: "EMAIL", recipient: "CUSTOMER" };

describe("notification templates", () => {
  it("the editor opens the default template with a preview on the sample order, in English and in French", async () => {
    const en = await body(
      await run(
        tplLoader as never,
        await adminGet(
          "amend-demo",
          "/app/notifications/editor?event=CANCELLATION_REJECTED&channel=EMAIL&recipient=CUSTOMER&tplLocale=en",
        ),
      ),
    );
    const fr = await body(
      await run(
        tplLoader as never,
        await adminGet(
          "amend-demo",
          "/app/notifications/editor?event=CANCELLATION_REJECTED&channel=EMAIL&recipient=CUSTOMER&tplLocale=fr",
        ),
      ),
    );
    expect(en.customised).toBe(false);
    expect(en.preview.ok).toBe(true);
    expect(en.preview.html).toContain("#1042");
    expect(fr.preview.html).toContain('lang="fr"');
    expect(fr.preview.subject).not.toBe(en.preview.subject);
  });

  it("WHEN a broken template is saved THEN it is refused with its line and column, and nothing is stored", async () => {
    const res = await run(
      tplAction as never,
      await adminFetch("amend-demo", "/app/notifications/editor", {
        form: {
          intent: "save",
          ...key,
          locale: "en",
          subject: "Order {{ order.name }}",
          body: "<p>Hello</p>\n<p>{% if customer.first_name %}Hi</p>",
        },
      }),
    );
    expect((res as unknown as Response).status).toBe(422);
    const { problem } = await body(res);
    expect(problem).toMatchObject({ part: "body", line: 2 });
    expect(problem.column).toBeGreaterThan(0);
    expect(await prisma.notificationTemplate.count()).toBe(0);
  });

  it("WHEN a valid template is saved THEN the shop's own template is used, and a test goes to the typed address", async () => {
    const source = {
      subject: "Sorry {{ customer.first_name }}",
      body: "<p>No for {{ order.name }}: {{ request.decision_note }}</p>",
    };
    expect(
      await body(
        await run(
          tplAction as never,
          await adminFetch("amend-demo", "/app/notifications/editor", {
            form: { intent: "save", ...key, locale: "en", ...source },
          }),
        ),
      ),
    ).toEqual({ ok: true, intent: "save" });
    const reopened = await body(
      await run(
        tplLoader as never,
        await adminGet(
          "amend-demo",
          "/app/notifications/editor?event=CANCELLATION_REJECTED&channel=EMAIL&recipient=CUSTOMER&tplLocale=en",
        ),
      ),
    );
    expect(reopened).toMatchObject({ customised: true, source: { subject: source.subject } });
    expect(reopened.preview.subject).toBe("Sorry Camille");
    const test = await body(
      await run(
        tplAction as never,
        await adminFetch("amend-demo", "/app/notifications/editor", {
          form: { intent: "test", ...key, locale: "en", ...source, to: "Merchant@Example.com" },
        }),
      ),
    );
    expect(test).toMatchObject({ ok: true, to: "merchant@example.com" });
    const queued = await prisma.outboxMessage.findFirstOrThrow({ where: { shop: SHOP_A } });
    expect([queued.subject, queued.status]).toEqual(["[TEST] Sorry Camille", "PENDING"]);
  });
});

describe("switches, branding, staff and the delivery log", () => {
  it("switches and branding are saved per shop; an invalid colour or staff address is refused", async () => {
    await run(
      indexAction as never,
      await adminFetch("amend-demo", "/app/notifications", {
        form: { intent: "switches", on: ["CANCELLATION_REJECTED|SMS|CUSTOMER"] },
      }),
    );
    const data = await body(await run(indexLoader as never, await adminGet("amend-demo", "/app/notifications")));
    const route = (k: string) =>
      data.routes.find(
        (r: { event: string; channel: string; recipient: string }) => `${r.event}|${r.channel}|${r.recipient}` === k,
      );
    expect(route("CANCELLATION_REJECTED|SMS|CUSTOMER").enabled).toBe(true);
    expect(route("CANCELLATION_REJECTED|EMAIL|CUSTOMER").enabled).toBe(false);
    const bad = await run(
      indexAction as never,
      await adminFetch("amend-demo", "/app/notifications", {
        form: { intent: "branding", logoUrl: "http://x.example/logo.png", logoWidth: "10", accentColor: "red" },
      }),
    );
    expect((await body(bad)).fieldErrors).toEqual({
      logoUrl: "logoUrl",
      logoWidth: "logoWidth",
      accentColor: "accentColor",
    });
    const good = await body(
      await run(
        indexAction as never,
        await adminFetch("amend-demo", "/app/notifications", {
          form: {
            intent: "branding",
            logoUrl: "https://cdn.example.com/l.png",
            logoWidth: "180",
            accentColor: "#8a5a2b",
          },
        }),
      ),
    );
    expect(good.ok).toBe(true);
    const staff = await run(
      indexAction as never,
      await adminFetch("amend-demo", "/app/notifications", {
        form: { intent: "staff", "emails:CANCELLATION_REQUESTED": "ops@example.com\nnot-an-email" },
      }),
    );
    expect((await body(staff)).invalid).toEqual(["not-an-email"]);
    const other = await body(await run(indexLoader as never, await adminGet("other-shop", "/app/notifications")));
    expect(other.branding.accentColor).toBe("#1a73e8");
  });

  it("the log shows each message with the server's answer; resend goes to another address; shop B cannot resend A's", async () => {
    const m = await prisma.outboxMessage.create({
      data: {
        shop: SHOP_A,
        event: "CANCELLATION_REJECTED",
        channel: "EMAIL",
        recipientRole: "CUSTOMER",
        recipient: "camille@example.fr",
        locale: "fr",
        text: "x",
        status: "FAILED",
        messageId: "<m1@amend.app>",
        idempotencyKey: "k1",
      },
    });
    await prisma.deliveryAttempt.create({
      data: { outboxId: m.id, ok: false, response: "550 5.1.1 mailbox unavailable" },
    });
    const log = await body(
      await run(logLoader as never, await adminGet("amend-demo", "/app/notifications/log?status=FAILED&channel=EMAIL")),
    );
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0].attempts[0].response).toBe("550 5.1.1 mailbox unavailable");
    expect(
      (await body(await run(logLoader as never, await adminGet("amend-demo", "/app/notifications/log?status=SENT"))))
        .rows,
    ).toEqual([]);
    const refused = await run(
      logAction as never,
      await adminFetch("other-shop", "/app/notifications/log", { form: { id: m.id, to: "x@example.com", key: "a" } }),
    );
    expect((refused as unknown as Response).status).toBe(404);
    const ok = await body(
      await run(
        logAction as never,
        await adminFetch("amend-demo", "/app/notifications/log", {
          form: { id: m.id, to: "camille.martin@example.com", key: "b" },
        }),
      ),
    );
    expect(ok).toEqual({ ok: true, to: "camille.martin@example.com" });
    const copy = await prisma.outboxMessage.findFirstOrThrow({ where: { resendOfId: m.id } });
    expect([copy.recipient, copy.status]).toEqual(["camille.martin@example.com", "PENDING"]);
  });
});
