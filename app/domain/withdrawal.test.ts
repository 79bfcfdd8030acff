import { describe, expect, it } from "vitest";
import { orderFacts, policy } from "./test-fixtures";
import type { OrderFacts } from "./types";
import {
  evaluateWithdrawal,
  planWithdrawal,
  reimbursementDueBy,
  validateWithdrawalInput,
  withdrawalPeriodEnd,
  withdrawalStage,
  type EarlierWithdrawal,
  type ShipmentFact,
  type WithdrawalFacts,
} from "./withdrawal";

const LAMP = "gid://shopify/LineItem/11";
const CANDLE = "gid://shopify/LineItem/12";
const DELIVERED = "2026-12-01T15:30:00.000Z";

const order = (overrides: Partial<OrderFacts> = {}): OrderFacts => ({
  ...orderFacts(),
  lineItems: [
    { id: LAMP, variantId: null, title: "Lampe Opaline", quantity: 1, requiresShipping: true },
    { id: CANDLE, variantId: null, title: "Bougie Figuier", quantity: 3, requiresShipping: true },
  ],
  ...overrides,
});

const on = (overrides: Parameters<typeof policy>[0] = {}) =>
  policy({ ...overrides, withdrawal: { enabled: true, ...overrides.withdrawal } });

const shipment = (overrides: Partial<ShipmentFact> = {}): ShipmentFact => ({
  id: "gid://shopify/Fulfillment/1",
  status: "SUCCESS",
  createdAt: "2026-11-29T10:00:00.000Z",
  deliveredAt: DELIVERED,
  lines: [
    { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21", lineItemId: LAMP, quantity: 1 },
    { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/22", lineItemId: CANDLE, quantity: 3 },
  ],
  ...overrides,
});

const facts = (overrides: Partial<WithdrawalFacts> = {}, unfulfilled = [1, 3]): WithdrawalFacts => ({
  shipments: [],
  returns: [],
  lines: [
    { id: LAMP, variantTitle: "Blanc", unfulfilledQuantity: unfulfilled[0], productTags: ["luminaire"] },
    { id: CANDLE, variantTitle: null, unfulfilledQuantity: unfulfilled[1], productTags: ["bougie"] },
  ],
  ...overrides,
});
const delivered = (overrides: Partial<ShipmentFact> = {}) => facts({ shipments: [shipment(overrides)] }, [0, 0]);

const at = (iso: string) => new Date(iso);
const evaluate = (input: Partial<Parameters<typeof evaluateWithdrawal>[0]> = {}, earlier: EarlierWithdrawal[] = []) =>
  evaluateWithdrawal({
    order: order(),
    facts: facts(),
    policy: on(),
    now: at("2026-12-02T10:00:00.000Z"),
    earlier,
    ...input,
  });
const codes = (e: { reasons: { code: string }[] }) => e.reasons.map((r) => r.code);

describe("who is offered the function", () => {
  it.each([
    ["on, shipping to France", on(), "FR", true],
    ["on, shipping to Norway (EEA)", on(), "NO", true],
    ["on, shipping to Switzerland (not in the store's countries)", on(), "CH", false],
    ["off (the default)", policy(), "FR", false],
    ["on, the store's own countries only", on({ withdrawal: { countries: ["BE"] } }), "FR", false],
  ])("%s → offered %s", (_, p, country, offered) => {
    const o = order({ shippingAddress: { ...orderFacts().shippingAddress!, countryCode: country } });
    const e = evaluate({ order: o, policy: p });
    expect(e.offered).toBe(offered);
    expect(e.allowed).toBe(offered);
  });

  it("an order with no shipping address (pickup, digital) is not offered: its country is not known", () => {
    expect(evaluate({ order: order({ shippingAddress: null }) }).offered).toBe(false);
  });
});

describe("the period", () => {
  // delivered on 1 December at 15:30 UTC: the day of delivery does not count, 14 days run 2–15 December
  it.each([
    ["before delivery (nothing shipped)", facts(), "2027-03-01T00:00:00.000Z", true, "NOT_SHIPPED", null],
    [
      "shipped, delivery unknown: the period has not started",
      facts({ shipments: [shipment({ deliveredAt: null })] }, [0, 0]),
      "2027-03-01T00:00:00.000Z",
      true,
      "SHIPPED",
      null,
    ],
    ["day 14, last minute", delivered(), "2026-12-15T23:59:59.000Z", true, "DELIVERED", "2026-12-15T23:59:59.999Z"],
    ["day 15", delivered(), "2026-12-16T00:00:00.000Z", false, "DELIVERED", "2026-12-15T23:59:59.999Z"],
  ])("%s → allowed %s", (_, f, now, allowed, stage, periodEndsAt) => {
    const e = evaluate({ facts: f, now: at(now) });
    expect([e.allowed, e.stage, e.periodEndsAt]).toEqual([allowed, stage, periodEndsAt]);
    if (!allowed) expect(e.reasons).toEqual([{ code: "WITHDRAWAL_PERIOD_ENDED", params: { days: "14" } }]);
  });

  it("a store offering 30 days: day 15 and day 30 are within, day 31 is not", () => {
    const thirty = on({ withdrawal: { periodDays: 30 } });
    for (const [now, allowed] of [
      ["2026-12-16T09:00:00.000Z", true],
      ["2026-12-31T23:59:59.000Z", true],
      ["2027-01-01T00:00:01.000Z", false],
    ] as const) {
      const e = evaluate({ facts: delivered(), policy: thirty, now: at(now) });
      expect([now, e.allowed, e.periodDays]).toEqual([now, allowed, 30]);
    }
  });

  it("goods delivered in several shipments: the period starts at the last delivery, and not before every line shipped", () => {
    const first = shipment({
      deliveredAt: "2026-11-20T10:00:00.000Z",
      lines: [shipment().lines[0]],
    });
    const second = shipment({
      id: "gid://shopify/Fulfillment/2",
      deliveredAt: DELIVERED,
      lines: [shipment().lines[1]],
    });
    // candles not shipped yet: SHIPPED, period open long after the lamp's delivery
    const partly = evaluate({ facts: facts({ shipments: [first] }, [0, 3]), now: at("2027-01-10T00:00:00.000Z") });
    expect([partly.stage, partly.allowed, partly.periodEndsAt]).toEqual(["SHIPPED", true, null]);
    const both = evaluateWithdrawal({
      order: order(),
      facts: facts({ shipments: [first, second] }, [0, 0]),
      policy: on(),
      now: at("2026-12-10T00:00:00.000Z"),
      earlier: [],
    });
    expect([both.stage, both.deliveredAt, both.periodEndsAt]).toEqual([
      "DELIVERED",
      DELIVERED,
      "2026-12-15T23:59:59.999Z",
    ]);
  });

  it("a cancelled or failed shipment shipped nothing", () => {
    const f = facts({ shipments: [shipment({ status: "CANCELLED" })] });
    expect(withdrawalStage(order(), f)).toEqual({ stage: "NOT_SHIPPED", deliveredAt: null });
  });

  it("the period ends at the end of the 14th day (UTC), and reimbursement is due 14 days after the withdrawal", () => {
    expect(withdrawalPeriodEnd("2026-12-31T23:10:00.000Z", 14)).toBe("2027-01-14T23:59:59.999Z");
    expect(reimbursementDueBy(at("2026-12-05T00:12:03.120Z"))).toBe("2026-12-19T00:12:03.120Z");
  });
});

describe("exemptions, earlier withdrawals and refusals", () => {
  it("a line whose product has an exempt tag (any case) cannot be withdrawn; the others can", () => {
    const p = on({ withdrawal: { exemptions: [{ tag: "Luminaire", reason: "PERSONALISED" }] } });
    const e = evaluate({ policy: p });
    expect(e.items).toEqual([
      {
        lineItemId: "11",
        title: "Lampe Opaline",
        variantTitle: "Blanc",
        quantity: 1,
        withdrawableQuantity: 0,
        exempt: true,
        exemptReason: "PERSONALISED",
      },
      {
        lineItemId: "12",
        title: "Bougie Figuier",
        variantTitle: null,
        quantity: 3,
        withdrawableQuantity: 3,
        exempt: false,
        exemptReason: null,
      },
    ]);
    expect(e.allowed).toBe(true);
  });

  it("every line exempt → ALL_ITEMS_EXEMPT", () => {
    const p = on({
      withdrawal: {
        exemptions: [
          { tag: "luminaire", reason: "PERSONALISED" },
          { tag: "bougie", reason: "SEALED_HYGIENE" },
        ],
      },
    });
    expect(codes(evaluate({ policy: p }))).toEqual(["ALL_ITEMS_EXEMPT"]);
  });

  it("a withdrawal in progress → ALREADY_WITHDRAWN; a cancelled order → ORDER_CANCELLED; nothing left → NOTHING_TO_WITHDRAW", () => {
    expect(codes(evaluate({}, [{ status: "FAILED", open: true }]))).toEqual(["ALREADY_WITHDRAWN"]);
    expect(codes(evaluate({ order: order({ cancelledAt: "2026-12-01T00:00:00Z" }) }))).toEqual(["ORDER_CANCELLED"]);
    const empty = order({
      lineItems: order().lineItems.map((l) => ({ ...l, quantity: 0 })),
    });
    expect(codes(evaluate({ order: empty }))).toEqual(["NOTHING_TO_WITHDRAW"]);
  });

  it("units held by an open return are not withdrawable again; a declined return gives them back", () => {
    const held = (status: "REQUESTED" | "DECLINED") =>
      evaluate(
        {
          facts: {
            ...delivered(),
            returns: [
              {
                id: "gid://shopify/Return/1",
                status,
                lines: [
                  { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21", quantity: 1 },
                  { fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/22", quantity: 3 },
                ],
              },
            ],
          },
          now: at("2026-12-03T00:00:00.000Z"),
        },
        [{ status: "APPLIED", open: false }],
      );
    expect(codes(held("REQUESTED"))).toEqual(["ALREADY_WITHDRAWN"]);
    expect(held("DECLINED").items.map((i) => i.withdrawableQuantity)).toEqual([1, 3]);
  });
});

describe("the statement's input", () => {
  const evaluation = () => evaluate();
  const contact = { email: "c@example.fr", phone: "+33612345678" };
  const valid = { name: "  Camille   Martin ", items: null, acknowledgeBy: { email: true, sms: false } };

  it("the whole order: every withdrawable unit, the name trimmed", () => {
    expect(validateWithdrawalInput(valid, evaluation(), contact)).toEqual({
      ok: true,
      name: "Camille Martin",
      lines: [
        { lineItemId: "11", title: "Lampe Opaline", quantity: 1 },
        { lineItemId: "12", title: "Bougie Figuier", quantity: 3 },
      ],
      wholeOrder: true,
      acknowledgeBy: { email: true, sms: false },
    });
  });

  it("a partial withdrawal: some units of some lines (line ids as numbers or gids)", () => {
    const result = validateWithdrawalInput(
      { ...valid, items: [{ lineItemId: CANDLE, quantity: 2 }] },
      evaluation(),
      contact,
    );
    expect(result).toMatchObject({
      ok: true,
      lines: [{ lineItemId: "12", title: "Bougie Figuier", quantity: 2 }],
      wholeOrder: false,
    });
    // every unit of every line, listed: the whole order
    expect(
      validateWithdrawalInput(
        {
          ...valid,
          items: [
            { lineItemId: "11", quantity: 1 },
            { lineItemId: "12", quantity: 3 },
          ],
        },
        evaluation(),
        contact,
      ),
    ).toMatchObject({ ok: true, wholeOrder: true });
  });

  it.each([
    ["no name", { ...valid, name: "   " }, "name", "REQUIRED"],
    ["a name of 201 characters", { ...valid, name: "a".repeat(201) }, "name", "TOO_LONG"],
    ["no items listed", { ...valid, items: [] }, "items", "INVALID"],
    ["an unknown line", { ...valid, items: [{ lineItemId: "99", quantity: 1 }] }, "items.0.lineItemId", "INVALID"],
    [
      "a line twice",
      {
        ...valid,
        items: [
          { lineItemId: "12", quantity: 1 },
          { lineItemId: "12", quantity: 1 },
        ],
      },
      "items.1.lineItemId",
      "INVALID",
    ],
    ["more than ordered", { ...valid, items: [{ lineItemId: "12", quantity: 4 }] }, "items.0.quantity", "INVALID"],
    ["a fraction", { ...valid, items: [{ lineItemId: "12", quantity: 1.5 }] }, "items.0.quantity", "INVALID"],
    ["no means of acknowledgement", { ...valid, acknowledgeBy: null }, "acknowledgeBy", "INVALID"],
  ])("refuses %s, naming the field", (_, input, field, code) => {
    const result = validateWithdrawalInput(input, evaluation(), contact);
    expect(result).toMatchObject({ ok: false, errors: [{ field, code }] });
  });

  it("SMS only with a phone; email always when the order has one", () => {
    expect(
      validateWithdrawalInput({ ...valid, acknowledgeBy: { email: false, sms: true } }, evaluation(), {
        email: "c@example.fr",
        phone: null,
      }),
    ).toMatchObject({ ok: false, errors: [{ field: "acknowledgeBy.sms" }] });
    expect(
      validateWithdrawalInput({ ...valid, acknowledgeBy: { email: false, sms: false } }, evaluation(), contact),
    ).toMatchObject({ ok: true, acknowledgeBy: { email: true, sms: false } });
  });

  it("an exempt line cannot be withdrawn", () => {
    const p = on({ withdrawal: { exemptions: [{ tag: "luminaire", reason: "PERSONALISED" }] } });
    const result = validateWithdrawalInput(
      { ...valid, items: [{ lineItemId: "11", quantity: 1 }] },
      evaluate({ policy: p }),
      contact,
    );
    expect(result).toMatchObject({ ok: false, errors: [{ field: "items.0.quantity", code: "INVALID" }] });
  });
});

describe("what is done in Shopify", () => {
  const all = [
    { lineItemId: "11", title: "Lampe Opaline", quantity: 1 },
    { lineItemId: "12", title: "Bougie Figuier", quantity: 3 },
  ];

  it("nothing shipped, every unit withdrawn: the order is cancelled", () => {
    expect(planWithdrawal(order(), facts(), all)).toEqual({
      outcome: "CANCELLATION",
      cancelOrder: true,
      cancelLines: [],
      returnLines: [],
      unplaced: [],
    });
  });

  it("nothing shipped, some units: an order edit keeps the rest", () => {
    expect(planWithdrawal(order(), facts(), [{ lineItemId: "12", title: "Bougie Figuier", quantity: 2 }])).toEqual({
      outcome: "CANCELLATION",
      cancelOrder: false,
      cancelLines: [{ lineItemId: CANDLE, keep: 1 }],
      returnLines: [],
      unplaced: [],
    });
  });

  it("shipped: a return for the shipped units", () => {
    expect(planWithdrawal(order(), delivered(), [{ lineItemId: "12", title: "Bougie Figuier", quantity: 2 }])).toEqual({
      outcome: "RETURN",
      cancelOrder: false,
      cancelLines: [],
      returnLines: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/22", quantity: 2 }],
      unplaced: [],
    });
  });

  it("units Shopify shows nowhere (shipped, but not in a shipment Amend read) are reported, not dropped", () => {
    const noShipmentLines = facts({ shipments: [shipment({ lines: [] })] }, [0, 0]);
    expect(
      planWithdrawal(order(), noShipmentLines, [{ lineItemId: "12", title: "Bougie Figuier", quantity: 2 }]),
    ).toEqual({
      outcome: "CANCELLATION",
      cancelOrder: false,
      cancelLines: [],
      returnLines: [],
      unplaced: [{ lineItemId: "12", title: "Bougie Figuier", quantity: 2 }],
    });
  });

  it("partly shipped: the unshipped units are cancelled and the shipped ones returned", () => {
    const lampShipped = facts({ shipments: [shipment({ lines: [shipment().lines[0]] })] }, [0, 3]);
    expect(planWithdrawal(order(), lampShipped, all)).toEqual({
      outcome: "RETURN",
      cancelOrder: false,
      cancelLines: [{ lineItemId: CANDLE, keep: 0 }],
      returnLines: [{ fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/21", quantity: 1 }],
      unplaced: [],
    });
  });
});
