import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import {
  esc,
  lookupMissingMessage,
  renderAcknowledgement,
  renderLookup,
  renderProblem,
  renderStatement,
  type StatementView,
} from "./withdrawal-page";

const HOSTILE = `</p><script>alert(1)</script>{{ shop.name }}{% layout 'x' %}"'&`;

const view = (more: Partial<StatementView> = {}): StatementView => ({
  orderName: "#1001",
  customerName: "Camille Martin",
  offered: true,
  allowed: true,
  reasons: [],
  periodDays: 14,
  periodEndsAt: null,
  items: [
    {
      lineItemId: "11",
      title: "Lampe Opaline",
      variantTitle: "Blanc",
      quantity: 2,
      withdrawableQuantity: 2,
      exempt: false,
      exemptReason: null,
    },
    {
      lineItemId: "12",
      title: "Abat-jour gravé à votre nom",
      variantTitle: null,
      quantity: 1,
      withdrawableQuantity: 0,
      exempt: true,
      exemptReason: "PERSONALISED",
    },
  ],
  contact: { email: "c•••@example.fr", phone: "+33 6•• •• •• 12" },
  ...more,
});

const statement = (more: Partial<Parameters<typeof renderStatement>[0]> = {}) =>
  renderStatement({
    locale: "fr",
    action: "/apps/amend/withdrawal",
    restartAction: "/apps/amend/withdrawal",
    token: "tok",
    view: view(),
    name: "Camille Martin",
    ...more,
  });

/** Renders a page as Shopify does an `application/liquid` answer, with a shop that has a name. */
const asShopifyRenders = (html: string) => new Liquid().parseAndRenderSync(html, { shop: { name: "LEAKED" } });

describe("esc", () => {
  it("escapes HTML and turns Liquid's braces into entities", () => {
    expect(esc(`<a href="x">'&{{ y }}{% z %}`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#123;&#123; y &#125;&#125;&#123;% z %&#125;",
    );
  });
});

describe("the withdrawal page", () => {
  it("GIVEN step 1 in French THEN it has the law's label, the three fields and a token, and no order data", () => {
    const html = renderLookup({ locale: "fr", action: "/apps/amend/withdrawal", token: "tok-1" });
    expect(html).toContain("Renoncer au contrat ici");
    expect(html).toContain('name="name"');
    expect(html).toContain('name="orderNumber"');
    expect(html).toContain('name="email"');
    expect(html).toContain('name="token" value="tok-1"');
    expect(html).toContain('method="post" action="/apps/amend/withdrawal"');
    expect(renderLookup({ locale: "en", action: "/a", token: "t" })).toContain("Withdraw from contract here");
  });

  it("GIVEN hostile values typed in step 1 THEN they come back escaped and no Liquid runs when Shopify renders it", () => {
    const html = renderLookup({
      locale: "en",
      action: "/apps/amend/withdrawal",
      token: "t",
      values: { name: HOSTILE, orderNumber: HOSTILE, email: HOSTILE },
      error: lookupMissingMessage("en", ["email"]),
    });
    expect(html).not.toContain("<script>");
    const rendered = asShopifyRenders(html);
    expect(rendered).not.toContain("LEAKED");
    expect(rendered).toContain("&#123;&#123; shop.name &#125;&#125;");
  });

  it("GIVEN a matched order THEN step 2 shows the statement, the quantities, exempt items with why, SMS and the confirm label", () => {
    const html = statement();
    expect(html).toContain("Je soussigné(e), Camille Martin, vous notifie");
    expect(html).toContain("#1001");
    expect(html).toContain('name="qty.11" min="0" max="2"');
    expect(html).not.toContain('name="qty.12"');
    expect(html).toContain("Rétractation impossible : article confectionné selon vos spécifications ou personnalisé");
    expect(html).toContain('name="sms"');
    expect(html).toContain("Par e-mail à c•••@example.fr");
    expect(html).toContain("Confirmer la rétractation");
    expect(html).toContain('name="step" value="confirm"');
    expect(renderStatement({ ...statementInput(), locale: "en" })).toContain("Confirm withdrawal");
  });

  it("GIVEN an order without a phone THEN no SMS choice is offered", () => {
    expect(statement({ view: view({ contact: { email: "c•••@example.fr", phone: null } }) })).not.toContain(
      'name="sms"',
    );
  });

  it("GIVEN a withdrawal the rules refuse THEN the reasons are shown and there is nothing to confirm", () => {
    const html = statement({
      view: view({ allowed: false, reasons: [{ code: "WITHDRAWAL_PERIOD_ENDED", message: "Le délai <est> passé." }] }),
    });
    expect(html).toContain("Le délai &lt;est&gt; passé.");
    expect(html).not.toContain("Confirmer la rétractation");
  });

  it("GIVEN a store that does not offer it for the order THEN it says so, with no form", () => {
    const html = statement({ view: view({ offered: false }) });
    expect(html).toContain("ne propose pas la rétractation en ligne");
    expect(html).not.toContain("<form");
  });

  it("GIVEN hostile order data THEN it is escaped and inert as Liquid", () => {
    const hostile = view({ orderName: HOSTILE, customerName: HOSTILE });
    hostile.items[0].title = HOSTILE;
    const rendered = asShopifyRenders(statement({ view: hostile, name: HOSTILE }));
    expect(rendered).not.toContain("<script>");
    expect(rendered).not.toContain("LEAKED");
  });

  it("GIVEN a registered withdrawal THEN step 3 states the statement, the date and the time, and where it was sent", () => {
    const html = renderAcknowledgement({
      locale: "fr",
      view: {
        submittedAt: "2026-12-05T00:12:03.120Z",
        statement: {
          name: "Camille Martin",
          orderName: "#1001",
          items: [{ lineItemId: "11", title: "Lampe Opaline", quantity: 1 }],
          wholeOrder: false,
        },
        acknowledgement: { email: "c•••@example.fr", sms: null },
        outcome: "CANCELLATION",
        reimbursementDueBy: "2026-12-19T00:12:03.120Z",
      },
    });
    expect(html).toContain("Votre rétractation a bien été enregistrée");
    expect(html).toContain("Envoyée le 5 décembre 2026 à 00:12:03 (UTC).");
    expect(html).toContain("Lampe Opaline × 1");
    expect(html).toContain("envoyé à c•••@example.fr");
    expect(html).toContain("au plus tard le 19 décembre 2026");
  });

  it("GIVEN a problem THEN it is shown with its parameters, in the visitor's language", () => {
    expect(renderProblem({ locale: "en", code: "RATE_LIMITED", params: { minutes: 3 } })).toContain(
      "Please wait 3 minutes",
    );
  });
});

function statementInput(): Parameters<typeof renderStatement>[0] {
  return {
    locale: "fr",
    action: "/apps/amend/withdrawal",
    restartAction: "/apps/amend/withdrawal",
    token: "tok",
    view: view(),
    name: "Camille Martin",
  };
}
