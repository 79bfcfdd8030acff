import { describe, expect, it } from "vitest";
import {
  accentPalette,
  contrastRatio,
  htmlToText,
  MAX_NESTING_DEPTH,
  renderNotification,
  type RenderInput,
  sampleVariables,
  validateTemplate,
} from "./render";
import type { NotificationEvent } from "./events";
import { buildVariables } from "./variables";

const variables = buildVariables({
  locale: "en",
  shop: "lumiere.myshopify.com",
  branding: {
    shopName: "Lumière & Co",
    logoUrl: "https://cdn.example.com/logo.png",
    logoWidth: 160,
    accentColor: "#c2185b",
    shopEmail: "hello@lumiere.example",
  },
  order: { name: "#1001", statusUrl: "https://lumiere.example/orders/1001" },
  customer: { firstName: "<b>Ann</b>" },
  request: {
    id: "r1",
    kind: "CANCELLATION",
    status: "PENDING",
    reason: "CHANGED_MIND",
    note: `<script>alert("x")</script>\nsecond line`,
  },
});

/** The customer's email for `event`, in English on the sample variables unless `options` says otherwise. */
const customerEmail = (
  event: NotificationEvent,
  options: Partial<Pick<RenderInput, "locale" | "variables" | "template">> = {},
) => renderNotification({ event, channel: "EMAIL", recipient: "CUSTOMER", locale: "en", variables, ...options });

describe("renderNotification (email)", () => {
  it("GIVEN customer-entered HTML THEN the HTML part escapes it and the text part keeps it readable", () => {
    const out = customerEmail("CANCELLATION_REQUESTED");
    expect(out.html).not.toContain("<script>");
    expect(out.html).toContain("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;<br />");
    expect(out.html).toContain("Hi &lt;b&gt;Ann&lt;/b&gt;,");
    expect(out.text).toContain(`<script>alert("x")</script>`);
    expect(out.subject).toBe("We received your cancellation request for order #1001");
  });

  it("GIVEN branding THEN the layout carries logo, width, alt, accent, dark mode and accessible tables", () => {
    const out = customerEmail("CANCELLATION_APPROVED");
    expect(out.html).toContain('<html lang="en"');
    expect(out.html).toContain('src="https://cdn.example.com/logo.png" alt="Lumière &amp; Co" width="160"');
    expect(out.html).toContain("background-color:#c2185b");
    expect(out.html).toContain('name="color-scheme" content="light dark"');
    expect(out.html).toContain("prefers-color-scheme: dark");
    expect(out.html.match(/<table /g)?.length).toBe(out.html.match(/<table role="presentation"/g)?.length);
    expect(out.html).toMatch(/<p class="amend-p" style="[^"]+">/);
  });

  it("GIVEN a CSS-injecting accent colour THEN the default is used", () => {
    expect(accentPalette("red;background:url(x)").color).toBe("#1a73e8");
  });

  it("GIVEN a pale accent THEN the button text is dark and links stay readable (WCAG AA)", () => {
    const pale = accentPalette("#ffeb3b");
    expect(pale.onAccent).toBe("#111111");
    expect(contrastRatio(pale.link, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(accentPalette("#1a73e8").onAccent, "#1a73e8")).toBeGreaterThanOrEqual(4.5);
  });

  it("GIVEN a French customer THEN the email is in French", () => {
    const fr = buildVariables({
      locale: "fr",
      shop: "s.myshopify.com",
      order: { name: "#7" },
      customer: { firstName: "Léa" },
      request: { id: "r", kind: "CANCELLATION", status: "REJECTED", decisionNote: "Déjà expédiée" },
    });
    const out = customerEmail("CANCELLATION_REJECTED", { locale: "fr-CA", variables: fr });
    expect(out.subject).toBe("Nous n’avons pas pu annuler la commande #7");
    expect(out.html).toContain('lang="fr"');
    expect(out.text).toContain("Bonjour Léa,");
  });

  it("GIVEN a shop template without a text part THEN the text is derived from its HTML", () => {
    const out = customerEmail("CANCELLATION_APPROVED", {
      template: {
        subject: "Cancelled: {{ order.name }}",
        body: '<p>Bye {{ customer.first_name }}</p><p><a href="{{ shop.url }}">Shop</a></p>',
      },
    });
    expect(out.subject).toBe("Cancelled: #1001");
    expect(out.text).toMatch(/^Bye <b>Ann<\/b>\n\nShop \(https:\/\/lumiere\.myshopify\.com\)/);
  });
});

describe("validateTemplate", () => {
  it("GIVEN a good template THEN ok", () => {
    expect(validateTemplate("<p>Hi {{ customer.first_name | upcase }}</p>")).toEqual({ ok: true });
  });

  it.each([
    ["<p>Hi\n{% if customer.first_name %}{{ customer.first_name }}</p>", 2, 1, /not closed/],
    ["<p>{{ order.name | shout }}</p>", 1, 4, /unknown filter “shout”/],
    ["<p>{{ order.name </p>", 1, 4, /not closed/],
    ["line\n  {% include 'secrets' %}", 2, 3, /include %\} is not available/],
    ["{% render '/etc/passwd' %}", 1, 1, /render %\} is not available/],
  ])("GIVEN %j THEN refused at line %i column %i", (source, line, column, message) => {
    const check = validateTemplate(source);
    expect(check).toMatchObject({ ok: false, line, column });
    expect(!check.ok && check.message).toMatch(message);
  });

  it("GIVEN an endless loop THEN refused quickly with a clear message", () => {
    const started = Date.now();
    const check = validateTemplate("{% for i in (1..100000000) %}{{ i }}{% endfor %}");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/too much memory/) });
  });

  it("GIVEN nested loops that run long THEN refused by the time limit", () => {
    const started = Date.now();
    const check = validateTemplate(
      "{% for a in (1..5000) %}{% for b in (1..5000) %}<p>{{ a }}</p>{% endfor %}{% endfor %}",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(check).toMatchObject({
      ok: false,
      message: expect.stringMatching(/took longer than 250 ms|too much memory/),
    });
  });

  it("GIVEN a template producing huge output THEN refused", () => {
    const check = validateTemplate(
      "{% assign s = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}{% for a in (1..20000) %}{{ s }}{% endfor %}",
      "text",
    );
    expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/longer than|too much memory/) });
  });

  it("GIVEN tags nested 20 deep THEN ok; 21 deep (or 3 000) THEN refused at the 21st tag, before parsing", () => {
    const nested = (depth: number) => `${"{% if true %}".repeat(depth)}x${"{% endif %}".repeat(depth)}`;
    expect(validateTemplate(nested(MAX_NESTING_DEPTH))).toEqual({ ok: true });
    const tooDeep = {
      ok: false,
      line: 1,
      column: 1 + 13 * MAX_NESTING_DEPTH,
      message: expect.stringMatching(/nested more than 20 levels/),
    };
    expect(validateTemplate(nested(MAX_NESTING_DEPTH + 1))).toEqual(tooDeep);
    // Deep enough to overflow the recursive parser's stack: the depth check answers first.
    expect(validateTemplate(nested(3_000))).toEqual(tooDeep);
  });

  it("GIVEN nesting inside {% liquid %} or many sibling blocks THEN counted as nesting only when nested", () => {
    const lines = `{% liquid\n${"if true\n".repeat(21)}echo "x"\n${"endif\n".repeat(21)}%}`;
    expect(validateTemplate(lines)).toMatchObject({ ok: false, line: 22, column: 1 });
    const siblings = "{% for i in (1..2) %}{% if true %}{{ i }}{% endif %}{% endfor %}\n".repeat(100);
    expect(validateTemplate(siblings)).toEqual({ ok: true });
    expect(validateTemplate(`{% raw %}${"{% if true %}".repeat(30)}{% endraw %}`)).toEqual({ ok: true });
  });

  it("GIVEN a template longer than the parse limit THEN refused", () => {
    expect(validateTemplate("x".repeat(100_001))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/longer than 100000 characters/),
    });
  });
});

describe("htmlToText", () => {
  it("GIVEN lists, breaks and entities THEN readable text", () => {
    expect(htmlToText("<h1>Title</h1><p>a &amp; b<br>c</p><ul><li>one</li><li>two</li></ul>")).toBe(
      "Title\n\na & b\nc\n\n- one\n\n- two",
    );
  });
});

describe("sampleVariables", () => {
  it("GIVEN fr THEN French labels", () => {
    expect(sampleVariables("fr").request.reason_label).toBe("J’ai changé d’avis");
  });
});
