import { describe, expect, it } from "vitest";
import { LOCALES } from "~/domain/types";
import { NOTIFICATION_ROUTES, findRoute } from "./events";
import { renderNotification, sampleVariables, validateTemplate } from "./render";
import { defaultTemplate } from "./templates";
import { buildVariables } from "./variables";

describe("default templates", () => {
  it("GIVEN the matrix THEN staff-only, customer-only and default-on routes are as documented", () => {
    expect(findRoute("CUSTOMER_REPLIED", "EMAIL", "CUSTOMER")).toBeUndefined();
    expect(findRoute("REQUEST_FAILED", "EMAIL", "CUSTOMER")).toBeUndefined();
    expect(findRoute("CANCELLATION_REQUESTED", "EMAIL", "CUSTOMER")?.defaultOn).toBe(true);
    expect(findRoute("CANCELLATION_REQUESTED", "EMAIL", "STAFF")?.defaultOn).toBe(true);
    // one SMS only is on by default: the withdrawal's acknowledgement, sent to a customer who chose SMS
    expect(NOTIFICATION_ROUTES.filter((r) => r.channel === "SMS" && r.defaultOn)).toEqual([
      { event: "WITHDRAWAL_RECEIVED", channel: "SMS", recipient: "CUSTOMER", defaultOn: true },
    ]);
  });

  const cells = LOCALES.flatMap((locale) => NOTIFICATION_ROUTES.map((r) => ({ ...r, locale })));

  it.each(cells)(
    "GIVEN $event $channel $recipient ($locale) THEN a default exists, validates and renders",
    ({ event, channel, recipient, locale }) => {
      const source = defaultTemplate(event, channel, recipient, locale);
      expect(source).toBeDefined();
      if (source && "html" in source) {
        expect(validateTemplate(source.html, "html")).toEqual({ ok: true });
        expect(validateTemplate(source.text, "text")).toEqual({ ok: true });
        expect(validateTemplate(source.subject, "text")).toEqual({ ok: true });
      }
      const out = renderNotification({ event, channel, recipient, locale, variables: sampleVariables(locale) });
      expect(out.text).not.toMatch(/\{\{|\{%|undefined|\[object/);
      if (out.channel === "EMAIL") {
        expect(out.subject).toContain("#1042");
        expect(out.html).toContain(`lang="${locale}"`);
        expect(out.text.length).toBeGreaterThan(80);
      }
    },
  );

  // Every default SMS fits one GSM-7 segment with typical values (a 20-character shop name, a
  // 5-character order name, a 25-character street). A longer shop name or a customer name outside
  // GSM-7 (e.g. "Zoë", "Françoise") can make one longer: the admin shows the count.
  it.each(cells.filter((c) => c.channel === "SMS"))(
    "GIVEN the $event SMS to $recipient ($locale) THEN one GSM-7 segment",
    ({ event, recipient, locale }) => {
      const variables = buildVariables({
        locale,
        shop: "maison.myshopify.com",
        branding: { shopName: "Maison Lumière Paris" },
        order: { name: "#1042" },
        customer: { firstName: "Camille", lastName: "Martin" },
        request: { id: "r1", kind: "CANCELLATION", status: "PENDING", reason: "CHANGED_MIND" },
        newAddress: {
          firstName: "Camille",
          lastName: "Martin",
          address1: "12 boulevard des Capucines",
          city: "Marseille",
          zip: "13001",
          countryCode: "FR",
        },
      });
      const sms = renderNotification({ event, channel: "SMS", recipient, locale, variables });
      expect({ text: sms.text, encoding: sms.encoding, segments: sms.segments }).toEqual({
        text: sms.text,
        encoding: "GSM-7",
        segments: 1,
      });
    },
  );
});
