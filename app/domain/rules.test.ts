import { describe, expect, it } from "vitest";
import { CurrencyMismatchError } from "./money";
import type { StorePolicy } from "./policy";
import {
  checkOwnership,
  evaluateAddressChange,
  evaluateAddressChangeOptions,
  evaluateCancellation,
  pickRate,
  QuoteRequiredError,
  quoteDestination,
  validateCancellationInput,
  type AddressChangeInput,
  type Decision,
  type EvaluationContext,
  type RequestSummary,
} from "./rules";
import {
  address,
  discount,
  eur,
  fulfillmentOrder,
  NOW,
  ORDER_CREATED_AT,
  orderFacts,
  policy,
  quote,
  rate,
  shippingLine,
  type DeepPartial,
} from "./test-fixtures";
import { ADDRESS_RULES, type OrderFacts, type ReasonCode, type RequestStatus } from "./types";
import { initialStatus } from "./state-machine";

interface ContextOverrides extends Partial<Omit<EvaluationContext, "facts" | "policy">> {
  facts?: DeepPartial<OrderFacts>;
  policy?: DeepPartial<StorePolicy>;
}

/** GIVEN the default French order (passes every rule) with these changes. */
function context(overrides: ContextOverrides = {}): EvaluationContext {
  return {
    now: NOW,
    openRequests: [],
    addressAlreadyChanged: false,
    ...overrides,
    facts: orderFacts(overrides.facts),
    policy: policy(overrides.policy),
  };
}

function submission(
  overrides: ContextOverrides & {
    newAddress?: AddressChangeInput["newAddress"];
    quote?: AddressChangeInput["quote"];
  } = {},
): AddressChangeInput {
  const { newAddress, quote: q, ...rest } = overrides;
  return {
    ...context(rest),
    newAddress: newAddress ?? address({ address1: "7 rue de Bretagne", zip: "75003" }),
    quote: q === undefined ? quote(rate("Colissimo", "4.90", "colissimo-domicile")) : q,
  };
}

const codes = (decision: Decision) => decision.reasons.map((reason) => reason.code);
const evaluated = (decision: Decision) => decision.outcomes.map((outcome) => outcome.code);
const failsOnly = (decision: Decision, code: ReasonCode) => {
  expect(codes(decision)).toEqual([code]);
  expect(decision.allowed).toBe(false);
};
const passes = (decision: Decision) => {
  expect(codes(decision)).toEqual([]);
  expect(decision.allowed).toBe(true);
};
/** The decision passes every rule, or fails `code` alone. */
const passesOrFailsOnly = (decision: Decision, passed: boolean, code: ReasonCode) =>
  passed ? passes(decision) : failsOnly(decision, code);

const EVALUATORS = [
  ["address change", evaluateAddressChangeOptions],
  ["cancellation", evaluateCancellation],
] as const;

// the checks every customer action goes through first, in order
const ORDER_RULES = [
  "FEATURE_DISABLED",
  "ORDER_CANCELLED",
  "ORDER_CLOSED",
  "WINDOW_EXPIRED",
  "REQUEST_ALREADY_PENDING",
] as const;

describe("every rule on the default order", () => {
  it("passes every address-change rule, each evaluated once in the fixed order", () => {
    const decision = evaluateAddressChangeOptions(context());
    passes(decision);
    expect(evaluated(decision)).toEqual([
      ...ORDER_RULES,
      "NOTHING_TO_SHIP",
      "PICKUP_ORDER",
      "B2B_ORDER",
      "FULFILLMENT_STARTED",
      "ORDER_ON_HOLD",
      "PAYMENT_CONFIRMED",
      "ADDRESS_ALREADY_CHANGED",
      "FREE_SHIPPING_DISCOUNT_USED",
      "CUSTOMER_DATA_UNAVAILABLE",
    ]);
    expect(decision.outcomes.every((outcome) => outcome.passed)).toBe(true);
    expect(decision.deadline).toBeNull();
  });

  it("passes every cancellation rule", () => {
    const decision = evaluateCancellation(context());
    passes(decision);
    expect(evaluated(decision)).toEqual([...ORDER_RULES, "FULFILLMENT_STARTED"]);
  });

  it("passes a full submission to a new Paris address, returning it normalized", () => {
    const decision = evaluateAddressChange(
      submission({ newAddress: { ...address(), zip: " 75 003 ", countryCode: "fr" } }),
    );
    passes(decision);
    expect(decision.address).toMatchObject({ zip: "75003", countryCode: "FR" });
    expect(evaluated(decision).slice(-4)).toEqual([
      "ADDRESS_INVALID",
      "COUNTRY_CHANGE_NOT_ALLOWED",
      "NO_SHIPPING_RATE",
      "SHIPPING_COST_INCREASE",
    ]);
  });
});

describe.each(EVALUATORS)("rule FULFILLMENT_STARTED (%s)", (_kind, evaluate) => {
  const ours = { id: "gid://shopify/FulfillmentOrderHold/1", reason: "OTHER", heldByApp: true };
  const cases: { name: string; facts: DeepPartial<OrderFacts>; passed: boolean }[] = [
    { name: "UNFULFILLED, one OPEN fulfillment order", facts: {}, passed: true },
    {
      name: "a SCHEDULED fulfillment order",
      facts: { fulfillmentOrders: [fulfillmentOrder({ status: "SCHEDULED" })] },
      passed: true,
    },
    {
      name: "displayed SCHEDULED with SCHEDULED fulfillment orders",
      facts: { displayFulfillmentStatus: "SCHEDULED", fulfillmentOrders: [fulfillmentOrder({ status: "SCHEDULED" })] },
      passed: true,
    },
    {
      name: "a fulfillment order IN_PROGRESS",
      facts: { fulfillmentOrders: [fulfillmentOrder({ status: "IN_PROGRESS" })] },
      passed: false,
    },
    {
      name: "a fulfillment order CLOSED",
      facts: { fulfillmentOrders: [fulfillmentOrder({ status: "CLOSED" })] },
      passed: false,
    },
    {
      name: "a fulfillment order INCOMPLETE",
      facts: { fulfillmentOrders: [fulfillmentOrder({ status: "INCOMPLETE" })] },
      passed: false,
    },
    {
      name: "one OPEN and one IN_PROGRESS fulfillment order (split shipment)",
      facts: { fulfillmentOrders: [fulfillmentOrder(), fulfillmentOrder({ id: "fo-2", status: "IN_PROGRESS" })] },
      passed: false,
    },
    {
      name: "a CANCELLED fulfillment order next to an OPEN one is ignored",
      facts: { fulfillmentOrders: [fulfillmentOrder({ id: "fo-old", status: "CANCELLED" }), fulfillmentOrder()] },
      passed: true,
    },
    { name: "no fulfillment orders (nothing to ship yet)", facts: { fulfillmentOrders: [] }, passed: true },
    {
      name: "FULFILLED with one fulfillment",
      facts: {
        displayFulfillmentStatus: "FULFILLED",
        fulfillmentsCount: 1,
        fulfillmentOrders: [fulfillmentOrder({ status: "CLOSED" })],
      },
      passed: false,
    },
    {
      name: "PARTIALLY_FULFILLED",
      facts: {
        displayFulfillmentStatus: "PARTIALLY_FULFILLED",
        fulfillmentsCount: 1,
        fulfillmentOrders: [fulfillmentOrder({ status: "CLOSED" }), fulfillmentOrder({ id: "fo-2" })],
      },
      passed: false,
    },
    { name: "displayed IN_PROGRESS", facts: { displayFulfillmentStatus: "IN_PROGRESS" }, passed: false },
    {
      name: "displayed PENDING_FULFILLMENT (sent to a fulfillment service)",
      facts: { displayFulfillmentStatus: "PENDING_FULFILLMENT" },
      passed: false,
    },
    {
      name: "a fulfillment already counted although displayed UNFULFILLED",
      facts: { fulfillmentsCount: 1 },
      passed: false,
    },
    {
      name: "ON_HOLD by our own hold",
      facts: {
        displayFulfillmentStatus: "ON_HOLD",
        fulfillmentOrders: [fulfillmentOrder({ status: "ON_HOLD", holds: [ours] })],
      },
      passed: true,
    },
  ];
  it.each(cases)("$name → passed=$passed", ({ facts, passed }) => {
    passesOrFailsOnly(evaluate(context({ facts })), passed, "FULFILLMENT_STARTED");
  });
});

describe("rule PAYMENT_CONFIRMED", () => {
  const cases: { status: string | null; passed: boolean }[] = [
    { status: "PENDING", passed: true },
    { status: "AUTHORIZED", passed: true },
    { status: "PAID", passed: false },
    { status: "PARTIALLY_PAID", passed: false },
    { status: "PARTIALLY_REFUNDED", passed: false },
    { status: "REFUNDED", passed: false },
    { status: "VOIDED", passed: false },
    { status: "EXPIRED", passed: false },
    { status: null, passed: false },
  ];
  it.each(cases)("rule PAYMENT_CONFIRMED: financial status $status → passed=$passed", ({ status, passed }) => {
    passesOrFailsOnly(
      evaluateAddressChangeOptions(context({ facts: { displayFinancialStatus: status } })),
      passed,
      "PAYMENT_CONFIRMED",
    );
  });

  it("rule PAYMENT_CONFIRMED: a PAID order can still ask to cancel (the payment is refunded)", () => {
    passes(evaluateCancellation(context({ facts: { displayFinancialStatus: "PAID" } })));
  });
});

describe("rule ADDRESS_ALREADY_CHANGED", () => {
  it.each([
    { addressAlreadyChanged: false, passed: true },
    { addressAlreadyChanged: true, passed: false },
  ])(
    "rule ADDRESS_ALREADY_CHANGED: applied change exists=$addressAlreadyChanged → passed=$passed",
    ({ addressAlreadyChanged, passed }) => {
      passesOrFailsOnly(
        evaluateAddressChangeOptions(context({ addressAlreadyChanged })),
        passed,
        "ADDRESS_ALREADY_CHANGED",
      );
    },
  );

  it("rule ADDRESS_ALREADY_CHANGED: does not concern cancellation", () => {
    passes(evaluateCancellation(context({ addressAlreadyChanged: true })));
  });
});

describe("rule FREE_SHIPPING_DISCOUNT_USED", () => {
  const freeLine = shippingLine({ discountedPrice: eur("0.00") });
  const cases: { name: string; facts: DeepPartial<OrderFacts>; passed: boolean }[] = [
    { name: "no discount", facts: {}, passed: true },
    { name: "a 15% welcome code on the items", facts: { discountApplications: [discount()] }, passed: true },
    {
      name: "an automatic fixed discount on the items",
      facts: {
        discountApplications: [
          discount({ kind: "AUTOMATIC", valueType: "FIXED_AMOUNT", value: "10.00", code: null, title: "Soldes" }),
        ],
      },
      passed: true,
    },
    {
      name: "a 100% shipping code",
      facts: {
        discountApplications: [discount({ targetType: "SHIPPING_LINE", value: "100.0", code: "LIVRAISONOFFERTE" })],
        shippingLines: [freeLine],
      },
      passed: false,
    },
    {
      name: "a fixed 2.00 shipping code (not down to zero)",
      facts: {
        discountApplications: [
          discount({ targetType: "SHIPPING_LINE", valueType: "FIXED_AMOUNT", value: "2.00", code: "PORT2" }),
        ],
        shippingLines: [shippingLine({ discountedPrice: eur("2.90") })],
      },
      passed: false,
    },
    {
      name: "an automatic free-shipping discount",
      facts: {
        discountApplications: [
          discount({
            kind: "AUTOMATIC",
            targetType: "SHIPPING_LINE",
            value: "100.0",
            code: null,
            title: "Livraison offerte dès 50 €",
          }),
        ],
      },
      passed: false,
    },
    {
      name: "a manual shipping discount by staff",
      facts: {
        discountApplications: [
          discount({
            kind: "MANUAL",
            targetType: "SHIPPING_LINE",
            valueType: "FIXED_AMOUNT",
            value: "4.90",
            code: null,
            title: "Geste commercial",
          }),
        ],
      },
      passed: false,
    },
    {
      name: "a script shipping discount",
      facts: {
        discountApplications: [
          discount({ kind: "SCRIPT", targetType: "SHIPPING_LINE", code: null, title: "Free shipping script" }),
        ],
      },
      passed: false,
    },
    {
      name: "a paid line discounted to 0.00 without an application",
      facts: { shippingLines: [freeLine] },
      passed: false,
    },
    {
      name: 'a paid line discounted to "0"',
      facts: { shippingLines: [shippingLine({ discountedPrice: eur("0") })] },
      passed: false,
    },
    {
      name: "a line that was free to begin with (the store's own free rate)",
      facts: {
        shippingLines: [
          shippingLine({ title: "Retrait en boutique", originalPrice: eur("0.00"), discountedPrice: eur("0.00") }),
        ],
      },
      passed: true,
    },
    {
      name: "a line discounted by one cent only",
      facts: { shippingLines: [shippingLine({ discountedPrice: eur("4.89") })] },
      passed: true,
    },
    {
      name: "two lines, the second discounted to zero",
      facts: {
        shippingLines: [
          shippingLine(),
          shippingLine({ title: "Supplément volumineux", code: null, discountedPrice: eur("0.00") }),
        ],
      },
      passed: false,
    },
    {
      name: "an item discount alongside a free-shipping discount",
      facts: {
        discountApplications: [discount(), discount({ targetType: "SHIPPING_LINE", code: "LIVRAISONOFFERTE" })],
      },
      passed: false,
    },
  ];
  it.each(cases)("rule FREE_SHIPPING_DISCOUNT_USED: $name → passed=$passed", ({ facts, passed }) => {
    passesOrFailsOnly(evaluateAddressChangeOptions(context({ facts })), passed, "FREE_SHIPPING_DISCOUNT_USED");
  });

  it("rule FREE_SHIPPING_DISCOUNT_USED: does not concern cancellation", () => {
    passes(evaluateCancellation(context({ facts: { shippingLines: [freeLine] } })));
  });
});

describe("rules SHIPPING_COST_INCREASE and NO_SHIPPING_RATE", () => {
  const colissimo = (amount: string) => rate("Colissimo", amount, "colissimo-domicile");
  const cases: {
    name: string;
    rates: ReturnType<typeof rate>[];
    facts?: DeepPartial<OrderFacts>;
    failing: ReasonCode[];
    chosen?: string;
  }[] = [
    {
      name: "the same method at the same price (equal passes)",
      rates: [colissimo("4.90")],
      failing: [],
      chosen: "4.90",
    },
    {
      name: "the same method one cent above",
      rates: [colissimo("4.91")],
      failing: ["SHIPPING_COST_INCREASE"],
      chosen: "4.91",
    },
    { name: "the same method one cent below", rates: [colissimo("4.89")], failing: [], chosen: "4.89" },
    { name: '"4.9" equals "4.90" (decimal, not text)', rates: [colissimo("4.9")], failing: [], chosen: "4.90" },
    {
      name: "a tenth of a cent above (0.001 scale)",
      rates: [colissimo("4.901")],
      failing: ["SHIPPING_COST_INCREASE"],
      chosen: "4.901",
    },
    {
      name: "same method by code although renamed, over a cheaper other rate",
      rates: [
        rate("Point relais", "3.90", "relais"),
        rate("Colissimo Domicile — sans signature", "5.50", "colissimo-domicile"),
      ],
      failing: ["SHIPPING_COST_INCREASE"],
      chosen: "5.50",
    },
    {
      name: "same method by title (case-insensitive) when the rate has no code",
      rates: [rate("Point relais", "3.90"), rate(" colissimo ", "4.91")],
      failing: ["SHIPPING_COST_INCREASE"],
      chosen: "4.91",
    },
    {
      name: "same method by title at the same price",
      rates: [rate("Chronopost", "12.00"), rate("Colissimo", "4.90")],
      failing: [],
      chosen: "4.90",
    },
    {
      name: "no same method: the cheapest rate, below the original",
      rates: [rate("Chronopost", "12.00", "chrono"), rate("Point relais", "3.90", "relais")],
      failing: [],
      chosen: "3.90",
    },
    {
      name: "no same method: the cheapest rate, above the original",
      rates: [rate("Chronopost", "12.00", "chrono"), rate("DHL Express", "6.00", "dhl")],
      failing: ["SHIPPING_COST_INCREASE"],
      chosen: "6.00",
    },
    { name: "no rate at all", rates: [], failing: ["NO_SHIPPING_RATE"] },
    {
      name: "the original price counts before discounts",
      facts: { shippingLines: [shippingLine({ discountedPrice: eur("2.90") })] },
      rates: [colissimo("4.90")],
      failing: [],
      chosen: "4.90",
    },
    {
      name: "several shipping lines: their original prices add up",
      facts: {
        shippingLines: [
          shippingLine(),
          shippingLine({
            title: "Supplément volumineux",
            code: "oversize",
            originalPrice: eur("2.00"),
            discountedPrice: eur("2.00"),
          }),
        ],
      },
      rates: [rate("Transporteur", "6.90")],
      failing: [],
      chosen: "6.90",
    },
    {
      name: "an order that had no shipping line: any paid rate is an increase",
      facts: { shippingLines: [] },
      rates: [rate("Colissimo", "0.01")],
      failing: ["SHIPPING_COST_INCREASE"],
      chosen: "0.01",
    },
  ];
  it.each(cases)("rule SHIPPING_COST_INCREASE: $name → failing $failing", ({ rates, facts, failing, chosen }) => {
    const decision = evaluateAddressChange(submission({ facts, quote: quote(...rates) }));
    expect(codes(decision)).toEqual(failing);
    const shipping = decision.outcomes.find((outcome) => outcome.code === "SHIPPING_COST_INCREASE");
    if (chosen === undefined) expect(shipping).toBeUndefined();
    else expect(shipping?.params?.newPrice).toBe(chosen);
  });

  it("rule SHIPPING_COST_INCREASE: the refusal names the new and the old price", () => {
    const decision = evaluateAddressChange(submission({ quote: quote(colissimo("7.9")) }));
    expect(decision.reasons).toEqual([
      {
        code: "SHIPPING_COST_INCREASE",
        params: { newPrice: "7.90", oldPrice: "4.90", currencyCode: "EUR", rateTitle: "Colissimo" },
      },
    ]);
  });

  it("rule SHIPPING_COST_INCREASE: switched off, a dearer rate passes and is not evaluated", () => {
    const decision = evaluateAddressChange(
      submission({
        policy: { addressChange: { rules: { SHIPPING_COST_INCREASE: false } } },
        quote: quote(colissimo("99.00")),
      }),
    );
    passes(decision);
    expect(evaluated(decision)).not.toContain("SHIPPING_COST_INCREASE");
  });

  it("rule NO_SHIPPING_RATE: is checked even when the cost rule is off", () => {
    const decision = evaluateAddressChange(
      submission({ policy: { addressChange: { rules: { SHIPPING_COST_INCREASE: false } } }, quote: quote() }),
    );
    expect(decision.reasons).toEqual([{ code: "NO_SHIPPING_RATE", params: { countryCode: "FR" } }]);
  });

  it("rule SHIPPING_COST_INCREASE: a rate in another currency is a gateway bug, not a decision", () => {
    const usd = { title: "Colissimo", code: "colissimo-domicile", price: { amount: "4.90", currencyCode: "USD" } };
    expect(() => evaluateAddressChange(submission({ quote: quote(usd) }))).toThrow(CurrencyMismatchError);
  });

  it("pickRate prefers the code over the title over the cheapest", () => {
    const facts = orderFacts();
    const byTitle = rate("Colissimo", "4.00");
    const byCode = rate("Colissimo Domicile", "4.50", "colissimo-domicile");
    const cheapest = rate("Relais", "1.00");
    expect(pickRate(facts, [cheapest, byTitle, byCode])).toBe(byCode);
    expect(pickRate(facts, [cheapest, byTitle])).toBe(byTitle);
    expect(pickRate(facts, [rate("Chrono", "9.00"), cheapest])).toBe(cheapest);
    expect(pickRate(facts, [])).toBeNull();
  });
});

describe("rules NO_SHIPPING_RATE and SHIPPING_COST_INCREASE: the shipping quote", () => {
  it("is required to allow a change that passes everything else", () => {
    expect(() => evaluateAddressChange(submission({ quote: null }))).toThrow(QuoteRequiredError);
  });

  it("may be skipped when another rule already refuses: the shipping rules are then not evaluated", () => {
    const decision = evaluateAddressChange(submission({ quote: null, facts: { displayFinancialStatus: "PAID" } }));
    expect(codes(decision)).toEqual(["PAYMENT_CONFIRMED"]);
    expect(evaluated(decision)).not.toContain("NO_SHIPPING_RATE");
  });

  it("is not needed for an invalid address", () => {
    const decision = evaluateAddressChange(submission({ quote: null, newAddress: address({ zip: null }) }));
    expect(decision.reasons).toEqual([{ code: "ADDRESS_INVALID", field: "zip", params: { error: "REQUIRED" } }]);
  });

  it("is fetched for the normalized address, and not for an unusable one", () => {
    expect(quoteDestination(submission({ newAddress: address({ zip: "75 003", countryCode: "fr" }) }))).toMatchObject({
      zip: "75003",
      countryCode: "FR",
    });
    expect(quoteDestination(submission({ newAddress: address({ city: "" }) }))).toBeNull();
    expect(quoteDestination(submission({ newAddress: address({ countryCode: "BE", zip: "1000" }) }))).toBeNull();
    expect(
      quoteDestination(
        submission({
          newAddress: address({ countryCode: "BE", zip: "1000" }),
          policy: { addressChange: { allowCountryChange: true } },
        }),
      ),
    ).toMatchObject({ countryCode: "BE" });
  });
});

describe("rule COUNTRY_CHANGE_NOT_ALLOWED", () => {
  const cases: {
    name: string;
    newAddress: ReturnType<typeof address>;
    allowCountryChange: boolean;
    facts?: DeepPartial<OrderFacts>;
    failing: ReasonCode[];
  }[] = [
    {
      name: "same country",
      newAddress: address({ zip: "69002", city: "Lyon" }),
      allowCountryChange: false,
      failing: [],
    },
    {
      name: "same country typed in lower case",
      newAddress: address({ countryCode: "fr" }),
      allowCountryChange: false,
      failing: [],
    },
    {
      name: "to Belgium, not allowed",
      newAddress: address({ countryCode: "BE", zip: "1000", city: "Bruxelles" }),
      allowCountryChange: false,
      failing: ["COUNTRY_CHANGE_NOT_ALLOWED"],
    },
    {
      name: "to Belgium, allowed",
      newAddress: address({ countryCode: "BE", zip: "1000", city: "Bruxelles" }),
      allowCountryChange: true,
      failing: [],
    },
    {
      name: "an order without a shipping address has nothing to ship, and no country to keep",
      newAddress: address({ countryCode: "BE", zip: "1000" }),
      allowCountryChange: false,
      facts: { shippingAddress: null },
      failing: ["NOTHING_TO_SHIP"],
    },
  ];
  it.each(cases)(
    "rule COUNTRY_CHANGE_NOT_ALLOWED: $name → failing $failing",
    ({ newAddress, allowCountryChange, facts, failing }) => {
      const decision = evaluateAddressChange(
        submission({ newAddress, facts, policy: { addressChange: { allowCountryChange } } }),
      );
      expect(codes(decision)).toEqual(failing);
    },
  );

  it("rule COUNTRY_CHANGE_NOT_ALLOWED: names both countries", () => {
    const decision = evaluateAddressChange(submission({ newAddress: address({ countryCode: "BE", zip: "1000" }) }));
    expect(decision.reasons).toEqual([{ code: "COUNTRY_CHANGE_NOT_ALLOWED", params: { from: "FR", to: "BE" } }]);
  });
});

describe("rule ADDRESS_INVALID", () => {
  it("rule ADDRESS_INVALID: one reason per field, in form order, and no normalized address", () => {
    const decision = evaluateAddressChange(
      submission({ newAddress: address({ lastName: " ", zip: "7500", phone: "06 12" }) }),
    );
    expect(decision.reasons).toEqual([
      { code: "ADDRESS_INVALID", field: "lastName", params: { error: "REQUIRED" } },
      { code: "ADDRESS_INVALID", field: "zip", params: { error: "INVALID", example: "75002" } },
      { code: "ADDRESS_INVALID", field: "phone", params: { error: "INVALID", example: "+33 6 12 34 56 78" } },
    ]);
    expect(decision.outcomes.filter((o) => o.code === "ADDRESS_INVALID")).toEqual([
      { code: "ADDRESS_INVALID", passed: false, params: { fields: "lastName,zip,phone" } },
    ]);
    expect(decision.address).toBeNull();
  });

  it("rule ADDRESS_INVALID: a field too long says the limit", () => {
    const decision = evaluateAddressChange(submission({ newAddress: address({ address1: "x".repeat(256) }) }));
    expect(decision.reasons).toEqual([
      { code: "ADDRESS_INVALID", field: "address1", params: { error: "TOO_LONG", max: "255" } },
    ]);
  });
});

describe("always-checked rules", () => {
  const window = (minutes: number | null) => ({
    addressChange: { windowMinutes: minutes },
    cancellation: { windowMinutes: minutes },
  });
  const created = Date.parse(ORDER_CREATED_AT);
  const cases: { name: string; overrides: ContextOverrides; rule: ReasonCode; passed: boolean }[] = [
    {
      name: "a cancelled order",
      overrides: { facts: { cancelledAt: "2025-03-14T09:05:00Z" } },
      rule: "ORDER_CANCELLED",
      passed: false,
    },
    { name: "a closed order", overrides: { facts: { closed: true } }, rule: "ORDER_CLOSED", passed: false },
    {
      name: "self-service blocked on the order",
      overrides: { blocked: true },
      rule: "FEATURE_DISABLED",
      passed: false,
    },
    {
      name: "2-hour window, at its last millisecond",
      overrides: { policy: window(120), now: new Date(created + 120 * 60_000 - 1) },
      rule: "WINDOW_EXPIRED",
      passed: true,
    },
    {
      name: "2-hour window, at exactly 2 hours",
      overrides: { policy: window(120), now: new Date(created + 120 * 60_000) },
      rule: "WINDOW_EXPIRED",
      passed: false,
    },
    {
      name: "2-hour window, 1 ms after",
      overrides: { policy: window(120), now: new Date(created + 120 * 60_000 + 1) },
      rule: "WINDOW_EXPIRED",
      passed: false,
    },
    {
      name: "no time limit, a year later",
      overrides: { policy: window(null), now: new Date(created + 365 * 86_400_000) },
      rule: "WINDOW_EXPIRED",
      passed: true,
    },
    {
      name: "a zero-minute window, at the order's instant",
      overrides: { policy: window(0), now: new Date(created) },
      rule: "WINDOW_EXPIRED",
      passed: false,
    },
  ];
  describe.each(EVALUATORS)("(%s)", (_kind, evaluate) => {
    it.each(cases)("rule $rule: $name → passed=$passed", ({ overrides, rule, passed }) => {
      passesOrFailsOnly(evaluate(context(overrides)), passed, rule);
    });
  });

  it("rule WINDOW_EXPIRED: the deadline is the window's end, and the refusal carries the window", () => {
    const decision = evaluateAddressChangeOptions(
      context({ policy: window(120), now: new Date(created + 121 * 60_000) }),
    );
    expect(decision.deadline).toBe("2025-03-14T11:00:00.000Z");
    expect(decision.reasons).toEqual([{ code: "WINDOW_EXPIRED", params: { windowMinutes: "120" } }]);
  });

  it("rule WINDOW_EXPIRED: address change and cancellation have their own windows", () => {
    const ctx = context({
      policy: { addressChange: { windowMinutes: 30 }, cancellation: { windowMinutes: 1440 } },
      now: new Date(created + 60 * 60_000),
    });
    failsOnly(evaluateAddressChangeOptions(ctx), "WINDOW_EXPIRED");
    passes(evaluateCancellation(ctx));
    expect(evaluateCancellation(ctx).deadline).toBe("2025-03-15T09:00:00.000Z");
  });

  it("rule FEATURE_DISABLED: each feature has its own switch", () => {
    const noAddress = context({ policy: { addressChange: { enabled: false } } });
    failsOnly(evaluateAddressChangeOptions(noAddress), "FEATURE_DISABLED");
    passes(evaluateCancellation(noAddress));
    const noCancel = context({ policy: { cancellation: { enabled: false } } });
    passes(evaluateAddressChangeOptions(noCancel));
    failsOnly(evaluateCancellation(noCancel), "FEATURE_DISABLED");
  });
});

describe("rule REQUEST_ALREADY_PENDING", () => {
  const cases: {
    kind: RequestSummary["kind"];
    status: RequestStatus;
    blocksAddress: boolean;
    blocksCancellation: boolean;
  }[] = [
    { kind: "ADDRESS_CHANGE", status: "PENDING", blocksAddress: true, blocksCancellation: false },
    { kind: "ADDRESS_CHANGE", status: "NEEDS_INFO", blocksAddress: true, blocksCancellation: false },
    { kind: "ADDRESS_CHANGE", status: "APPLYING", blocksAddress: true, blocksCancellation: false },
    { kind: "ADDRESS_CHANGE", status: "FAILED", blocksAddress: true, blocksCancellation: false },
    { kind: "ADDRESS_CHANGE", status: "REJECTED", blocksAddress: false, blocksCancellation: false },
    { kind: "ADDRESS_CHANGE", status: "WITHDRAWN", blocksAddress: false, blocksCancellation: false },
    { kind: "ADDRESS_CHANGE", status: "EXPIRED", blocksAddress: false, blocksCancellation: false },
    { kind: "ADDRESS_CHANGE", status: "SUPERSEDED", blocksAddress: false, blocksCancellation: false },
    { kind: "CANCELLATION", status: "PENDING", blocksAddress: true, blocksCancellation: true },
    { kind: "CANCELLATION", status: "NEEDS_INFO", blocksAddress: true, blocksCancellation: true },
    { kind: "CANCELLATION", status: "APPLYING", blocksAddress: true, blocksCancellation: true },
    { kind: "CANCELLATION", status: "FAILED", blocksAddress: true, blocksCancellation: true },
    { kind: "CANCELLATION", status: "REJECTED", blocksAddress: false, blocksCancellation: false },
    { kind: "CANCELLATION", status: "WITHDRAWN", blocksAddress: false, blocksCancellation: false },
  ];
  it.each(cases)(
    "rule REQUEST_ALREADY_PENDING: a $kind request $status → blocks address change=$blocksAddress, cancellation=$blocksCancellation",
    ({ kind, status, blocksAddress, blocksCancellation }) => {
      const ctx = context({ openRequests: [{ kind, status }] });
      const address = evaluateAddressChangeOptions(ctx);
      const cancel = evaluateCancellation(ctx);
      if (blocksAddress) {
        expect(address.reasons).toEqual([{ code: "REQUEST_ALREADY_PENDING", params: { kind, status } }]);
      } else passes(address);
      if (blocksCancellation) failsOnly(cancel, "REQUEST_ALREADY_PENDING");
      else passes(cancel);
    },
  );
});

describe("switched-off rules", () => {
  const violations: Record<(typeof ADDRESS_RULES)[number], ContextOverrides & { quote?: AddressChangeInput["quote"] }> =
    {
      FULFILLMENT_STARTED: { facts: { displayFulfillmentStatus: "FULFILLED", fulfillmentsCount: 1 } },
      PAYMENT_CONFIRMED: { facts: { displayFinancialStatus: "PAID" } },
      ADDRESS_ALREADY_CHANGED: { addressAlreadyChanged: true },
      SHIPPING_COST_INCREASE: { quote: quote(rate("Colissimo", "12.00")) },
      FREE_SHIPPING_DISCOUNT_USED: { facts: { discountApplications: [discount({ targetType: "SHIPPING_LINE" })] } },
    };
  it.each(ADDRESS_RULES.map((rule) => ({ rule })))(
    "rule $rule: on, it refuses; off, it is skipped entirely",
    ({ rule }) => {
      const on = evaluateAddressChange(submission(violations[rule]));
      failsOnly(on, rule);
      const off = evaluateAddressChange(
        submission({ ...violations[rule], policy: { addressChange: { rules: { [rule]: false } } } }),
      );
      passes(off);
      expect(evaluated(off)).not.toContain(rule);
    },
  );

  it("rule FULFILLMENT_STARTED: cannot be switched off for cancellation", () => {
    const ctx = context({
      facts: { displayFulfillmentStatus: "FULFILLED", fulfillmentsCount: 1 },
      policy: { addressChange: { rules: { FULFILLMENT_STARTED: false } } },
    });
    passes(evaluateAddressChangeOptions(ctx));
    failsOnly(evaluateCancellation(ctx), "FULFILLMENT_STARTED");
  });
});

describe("combined rules: every failing rule is listed, in a stable order", () => {
  it("rule combination: an order breaking every rule lists all of them", () => {
    const input = submission({
      facts: {
        cancelledAt: "2025-03-14T12:00:00Z",
        closed: true,
        displayFulfillmentStatus: "FULFILLED",
        fulfillmentsCount: 1,
        displayFinancialStatus: "PAID",
        discountApplications: [discount({ kind: "AUTOMATIC", targetType: "SHIPPING_LINE" })],
      },
      policy: { addressChange: { enabled: false, windowMinutes: 60 }, cancellation: { windowMinutes: 60 } },
      now: new Date("2025-03-15T09:00:00Z"),
      openRequests: [{ kind: "CANCELLATION", status: "PENDING" }],
      addressAlreadyChanged: true,
      newAddress: { ...address({ countryCode: "BE", zip: "1000" }), city: "" },
    });
    expect(codes(evaluateAddressChange(input))).toEqual([
      ...ORDER_RULES,
      "FULFILLMENT_STARTED",
      "PAYMENT_CONFIRMED",
      "ADDRESS_ALREADY_CHANGED",
      "FREE_SHIPPING_DISCOUNT_USED",
      "ADDRESS_INVALID",
    ]);
    expect(codes(evaluateCancellation(input))).toEqual([
      "ORDER_CANCELLED",
      "ORDER_CLOSED",
      "WINDOW_EXPIRED",
      "REQUEST_ALREADY_PENDING",
      "FULFILLMENT_STARTED",
    ]);
  });

  const combos: { name: string; overrides: Parameters<typeof submission>[0]; failing: ReasonCode[] }[] = [
    {
      name: "captured and shipped",
      overrides: {
        facts: { displayFinancialStatus: "PAID", displayFulfillmentStatus: "FULFILLED", fulfillmentsCount: 1 },
      },
      failing: ["FULFILLMENT_STARTED", "PAYMENT_CONFIRMED"],
    },
    {
      name: "free shipping used and a dearer destination",
      overrides: {
        facts: { shippingLines: [shippingLine({ discountedPrice: eur("0.00") })] },
        quote: quote(rate("Colissimo", "6.50")),
      },
      failing: ["FREE_SHIPPING_DISCOUNT_USED", "SHIPPING_COST_INCREASE"],
    },
    {
      name: "another country with no rate, country change allowed",
      overrides: {
        newAddress: address({ countryCode: "CH", zip: "1201", city: "Genève" }),
        policy: { addressChange: { allowCountryChange: true } },
        quote: quote(),
      },
      failing: ["NO_SHIPPING_RATE"],
    },
    {
      name: "already changed once and a pending change",
      overrides: { addressAlreadyChanged: true, openRequests: [{ kind: "ADDRESS_CHANGE", status: "FAILED" }] },
      failing: ["REQUEST_ALREADY_PENDING", "ADDRESS_ALREADY_CHANGED"],
    },
    {
      name: "authorized, on our own hold, with an item discount: everything passes",
      overrides: {
        facts: {
          displayFulfillmentStatus: "ON_HOLD",
          fulfillmentOrders: [
            fulfillmentOrder({
              status: "ON_HOLD",
              holds: [{ id: null, reason: "OTHER", heldByApp: true }],
            }),
          ],
          discountApplications: [discount()],
        },
      },
      failing: [],
    },
  ];
  it.each(combos)("rule combination: $name → $failing", ({ overrides, failing }) => {
    expect(codes(evaluateAddressChange(submission(overrides)))).toEqual(failing);
  });

  it("the options evaluation agrees with the submission on every order-level rule", () => {
    const ctx = context({ facts: { displayFinancialStatus: "PAID", closed: true } });
    expect(codes(evaluateAddressChangeOptions(ctx))).toEqual(["ORDER_CLOSED", "PAYMENT_CONFIRMED"]);
  });
});

describe("rules ORDER_NOT_FOUND and NOT_ORDER_OWNER (checkOwnership)", () => {
  const facts = orderFacts({ customerId: "gid://shopify/Customer/7012345678901" });
  const cases: { name: string; facts: OrderFacts | null; customerId: string; expected: ReasonCode | null }[] = [
    {
      name: "no such order",
      facts: null,
      customerId: "gid://shopify/Customer/7012345678901",
      expected: "ORDER_NOT_FOUND",
    },
    { name: "the owner, as a gid", facts, customerId: "gid://shopify/Customer/7012345678901", expected: null },
    { name: "the owner, as a number", facts, customerId: "7012345678901", expected: null },
    {
      name: "the owner, gid on the order and number on both sides",
      facts: orderFacts({ customerId: "7012345678901" }),
      customerId: "gid://shopify/Customer/7012345678901",
      expected: null,
    },
    {
      name: "another customer",
      facts,
      customerId: "gid://shopify/Customer/7012345678902",
      expected: "NOT_ORDER_OWNER",
    },
    { name: "a prefix of the owner's id", facts, customerId: "701234567890", expected: "NOT_ORDER_OWNER" },
    {
      name: "a gid of another type with the same number",
      facts,
      customerId: "gid://shopify/Order/7012345678901",
      expected: "NOT_ORDER_OWNER",
    },
    {
      name: "a guest order (no customer)",
      facts: orderFacts({ customerId: null }),
      customerId: "gid://shopify/Customer/7012345678901",
      expected: "NOT_ORDER_OWNER",
    },
    { name: "an empty caller id", facts, customerId: "", expected: "NOT_ORDER_OWNER" },
  ];
  it.each(cases)("$name → $expected", ({ facts, customerId, expected }) => {
    expect(checkOwnership(facts, customerId)).toEqual(expected === null ? null : { code: expected });
  });
});

describe("validateCancellationInput", () => {
  const onlyTwo = policy({ cancellation: { customerReasons: ["CHANGED_MIND", "WRONG_ADDRESS"] } });
  const cases: {
    name: string;
    reason: unknown;
    note: unknown;
    expected: ReturnType<typeof validateCancellationInput>;
  }[] = [
    {
      name: "an offered reason, no note",
      reason: "CHANGED_MIND",
      note: undefined,
      expected: { ok: true, reason: "CHANGED_MIND", note: null },
    },
    {
      name: "a note is trimmed",
      reason: "WRONG_ADDRESS",
      note: "  Mauvais code postal  ",
      expected: { ok: true, reason: "WRONG_ADDRESS", note: "Mauvais code postal" },
    },
    {
      name: "a blank note is no note",
      reason: "WRONG_ADDRESS",
      note: "   ",
      expected: { ok: true, reason: "WRONG_ADDRESS", note: null },
    },
    {
      name: "a note of exactly 1000 characters",
      reason: "CHANGED_MIND",
      note: "a".repeat(1000),
      expected: { ok: true, reason: "CHANGED_MIND", note: "a".repeat(1000) },
    },
    {
      name: "a note of 1001 characters",
      reason: "CHANGED_MIND",
      note: "a".repeat(1001),
      expected: { ok: false, errors: [{ field: "note", code: "TOO_LONG", params: { max: "1000" } }] },
    },
    {
      name: "a known reason the store does not offer",
      reason: "FOUND_BETTER_PRICE",
      note: null,
      expected: { ok: false, errors: [{ field: "reason", code: "INVALID" }] },
    },
    {
      name: "an unknown reason",
      reason: "BORED",
      note: null,
      expected: { ok: false, errors: [{ field: "reason", code: "INVALID" }] },
    },
    {
      name: "no reason",
      reason: undefined,
      note: null,
      expected: { ok: false, errors: [{ field: "reason", code: "REQUIRED" }] },
    },
    {
      name: "a note that is not text",
      reason: "CHANGED_MIND",
      note: 42,
      expected: { ok: false, errors: [{ field: "note", code: "INVALID" }] },
    },
    {
      name: "both wrong",
      reason: "OTHER",
      note: "b".repeat(1200),
      expected: {
        ok: false,
        errors: [
          { field: "reason", code: "INVALID" },
          { field: "note", code: "TOO_LONG", params: { max: "1000" } },
        ],
      },
    },
  ];
  it.each(cases)("$name", ({ reason, note, expected }) => {
    expect(validateCancellationInput(reason, note, onlyTwo)).toEqual(expected);
  });
});

describe("order shapes: fulfillment services and several locations (rule FULFILLMENT_STARTED)", () => {
  const atService = (overrides: Partial<ReturnType<typeof fulfillmentOrder>>) =>
    fulfillmentOrder({ id: "fo-warehouse", ...overrides });
  // address: does FULFILLMENT_STARTED refuse the address change; cancel: is a cancellation request possible,
  // and then must the merchant decide (approvalRequired)
  const cases: {
    name: string;
    facts: DeepPartial<OrderFacts>;
    address: "passes" | "FULFILLMENT_STARTED";
    cancel: "passes" | "to the merchant" | "FULFILLMENT_STARTED";
  }[] = [
    {
      name: "at a service, not yet sent (UNSUBMITTED)",
      facts: { fulfillmentOrders: [atService({})] },
      address: "passes",
      cancel: "passes",
    },
    {
      name: "SUBMITTED to the service (still OPEN)",
      facts: { fulfillmentOrders: [atService({ requestStatus: "SUBMITTED" })] },
      address: "FULFILLMENT_STARTED",
      cancel: "to the merchant",
    },
    {
      name: "SUBMITTED, displayed PENDING_FULFILLMENT",
      facts: {
        displayFulfillmentStatus: "PENDING_FULFILLMENT",
        fulfillmentOrders: [atService({ requestStatus: "SUBMITTED" })],
      },
      address: "FULFILLMENT_STARTED",
      cancel: "to the merchant",
    },
    {
      name: "ACCEPTED by the service (IN_PROGRESS)",
      facts: {
        displayFulfillmentStatus: "IN_PROGRESS",
        fulfillmentOrders: [atService({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" })],
      },
      address: "FULFILLMENT_STARTED",
      cancel: "to the merchant",
    },
    {
      name: "a cancellation already requested from the service",
      facts: {
        displayFulfillmentStatus: "IN_PROGRESS",
        fulfillmentOrders: [atService({ status: "IN_PROGRESS", requestStatus: "CANCELLATION_REQUESTED" })],
      },
      address: "FULFILLMENT_STARTED",
      cancel: "to the merchant",
    },
    {
      name: "the service refused to cancel (CANCELLATION_REJECTED)",
      facts: {
        displayFulfillmentStatus: "IN_PROGRESS",
        fulfillmentOrders: [atService({ status: "IN_PROGRESS", requestStatus: "CANCELLATION_REJECTED" })],
      },
      address: "FULFILLMENT_STARTED",
      cancel: "FULFILLMENT_STARTED",
    },
    {
      name: "the service closed the work (request CLOSED, INCOMPLETE)",
      facts: { fulfillmentOrders: [atService({ status: "INCOMPLETE", requestStatus: "CLOSED" })] },
      address: "FULFILLMENT_STARTED",
      cancel: "FULFILLMENT_STARTED",
    },
    {
      name: "the service REJECTED the request: the work is back with the merchant",
      facts: { fulfillmentOrders: [atService({ requestStatus: "REJECTED" })] },
      address: "passes",
      cancel: "passes",
    },
    {
      name: "withdrawn from the service (CANCELLATION_ACCEPTED, closed) with its OPEN replacement",
      facts: {
        fulfillmentOrders: [
          atService({ status: "CLOSED", requestStatus: "CANCELLATION_ACCEPTED" }),
          atService({ id: "fo-replacement" }),
        ],
      },
      address: "passes",
      cancel: "passes",
    },
    {
      name: "SUBMITTED and something already fulfilled",
      facts: { fulfillmentsCount: 1, fulfillmentOrders: [atService({ requestStatus: "SUBMITTED" })] },
      address: "FULFILLMENT_STARTED",
      cancel: "FULFILLMENT_STARTED",
    },
    {
      name: "two locations: the shop's OPEN, the warehouse's SUBMITTED",
      facts: { fulfillmentOrders: [fulfillmentOrder(), atService({ requestStatus: "SUBMITTED" })] },
      address: "FULFILLMENT_STARTED",
      cancel: "to the merchant",
    },
    {
      name: "two locations: the shop's IN_PROGRESS, the warehouse's SUBMITTED",
      facts: {
        displayFulfillmentStatus: "IN_PROGRESS",
        fulfillmentOrders: [fulfillmentOrder({ status: "IN_PROGRESS" }), atService({ requestStatus: "SUBMITTED" })],
      },
      address: "FULFILLMENT_STARTED",
      cancel: "FULFILLMENT_STARTED",
    },
    {
      name: "two locations, both OPEN",
      facts: { fulfillmentOrders: [fulfillmentOrder(), fulfillmentOrder({ id: "fo-paris" })] },
      address: "passes",
      cancel: "passes",
    },
    {
      name: "a pre-order: SCHEDULED with fulfillAt, displayed SCHEDULED",
      facts: {
        displayFulfillmentStatus: "SCHEDULED",
        fulfillmentOrders: [fulfillmentOrder({ status: "SCHEDULED", fulfillAt: "2025-12-15T08:00:00.000Z" })],
      },
      address: "passes",
      cancel: "passes",
    },
    {
      name: "a pre-order next to an item in progress",
      facts: {
        displayFulfillmentStatus: "IN_PROGRESS",
        fulfillmentOrders: [
          fulfillmentOrder({ status: "SCHEDULED", fulfillAt: "2025-12-15T08:00:00.000Z" }),
          fulfillmentOrder({ id: "fo-2", status: "IN_PROGRESS" }),
        ],
      },
      address: "FULFILLMENT_STARTED",
      cancel: "FULFILLMENT_STARTED",
    },
  ];
  it.each(cases)("$name → address change: $address; cancellation: $cancel", ({ facts, address: a, cancel }) => {
    const change = evaluateAddressChangeOptions(context({ facts }));
    if (a === "passes") passes(change);
    else failsOnly(change, a);

    const cancellation = evaluateCancellation(context({ facts }));
    if (cancel === "FULFILLMENT_STARTED") failsOnly(cancellation, cancel);
    else {
      passes(cancellation);
      expect(cancellation.approvalRequired === true).toBe(cancel === "to the merchant");
    }
  });

  it("a cancellation at a service waits for the merchant even when the store auto-approves", () => {
    const storeAutoApproves = policy({ cancellation: { requireApproval: false } });
    const submitted = evaluateCancellation(
      context({
        facts: { fulfillmentOrders: [atService({ requestStatus: "SUBMITTED" })] },
        policy: { cancellation: { requireApproval: false } },
      }),
    );
    expect(initialStatus("CANCELLATION", storeAutoApproves, submitted)).toBe("PENDING");
    expect(initialStatus("CANCELLATION", storeAutoApproves, evaluateCancellation(context()))).toBe("APPLYING");
  });
});

describe("rule ORDER_ON_HOLD: another party's hold is respected", () => {
  const ours = { id: "gid://shopify/FulfillmentHold/1", reason: "OTHER", heldByApp: true };
  const merchants = {
    id: "gid://shopify/FulfillmentHold/2",
    reason: "AWAITING_PAYMENT",
    heldByApp: false,
  };
  const anotherApps = {
    id: "gid://shopify/FulfillmentHold/3",
    reason: "HIGH_RISK_OF_FRAUD",
    heldByApp: false,
  };
  // the facts tell Amend's holds from everyone else's (a merchant's and another app's read the same)
  const onHold = (holds: (typeof ours)[]) => fulfillmentOrder({ status: "ON_HOLD", holds });
  const cases: { name: string; facts: DeepPartial<OrderFacts>; held: boolean }[] = [
    {
      name: "held by Amend only (a pending cancellation's hold)",
      facts: { displayFulfillmentStatus: "ON_HOLD", fulfillmentOrders: [onHold([ours])] },
      held: false,
    },
    {
      name: "held by the merchant from the admin",
      facts: { displayFulfillmentStatus: "ON_HOLD", fulfillmentOrders: [onHold([merchants])] },
      held: true,
    },
    {
      name: "held by another app",
      facts: { displayFulfillmentStatus: "ON_HOLD", fulfillmentOrders: [onHold([anotherApps])] },
      held: true,
    },
    {
      name: "held by Amend and by the merchant",
      facts: { displayFulfillmentStatus: "ON_HOLD", fulfillmentOrders: [onHold([ours, merchants])] },
      held: true,
    },
    {
      name: "ON_HOLD with no hold we can see",
      facts: { displayFulfillmentStatus: "ON_HOLD", fulfillmentOrders: [onHold([])] },
      held: true,
    },
    {
      name: "displayed ON_HOLD without any fulfillment order on hold",
      facts: { displayFulfillmentStatus: "ON_HOLD" },
      held: true,
    },
    {
      name: "two locations, the second held by the merchant",
      facts: {
        displayFulfillmentStatus: "ON_HOLD",
        fulfillmentOrders: [fulfillmentOrder(), { ...onHold([merchants]), id: "fo-2" }],
      },
      held: true,
    },
    {
      name: "a merchant's hold on a CANCELLED fulfillment order is ignored",
      facts: { fulfillmentOrders: [{ ...onHold([merchants]), status: "CANCELLED" }, fulfillmentOrder({ id: "fo-2" })] },
      held: false,
    },
  ];
  it.each(cases)("$name → held by another party: $held", ({ facts, held }) => {
    const change = evaluateAddressChangeOptions(context({ facts }));
    if (held) failsOnly(change, "ORDER_ON_HOLD");
    else passes(change);
    const cancellation = evaluateCancellation(context({ facts }));
    passes(cancellation);
    expect(cancellation.approvalRequired === true).toBe(held);
  });

  it("rule ORDER_ON_HOLD: is not switched off with FULFILLMENT_STARTED", () => {
    const decision = evaluateAddressChangeOptions(
      context({
        facts: { displayFulfillmentStatus: "ON_HOLD", fulfillmentOrders: [onHold([merchants])] },
        policy: { addressChange: { rules: { FULFILLMENT_STARTED: false } } },
      }),
    );
    failsOnly(decision, "ORDER_ON_HOLD");
  });
});

describe("rules NOTHING_TO_SHIP and PICKUP_ORDER: what the address is for", () => {
  const digital = { requiresShipping: false, quantity: 1 };
  const line = (overrides: Partial<OrderFacts["lineItems"][number]>) => ({
    ...orderFacts().lineItems[0],
    ...overrides,
  });
  const cases: { name: string; facts: DeepPartial<OrderFacts>; failing: ReasonCode | null }[] = [
    {
      name: "digital goods: no address, fulfillment order NONE",
      facts: { shippingAddress: null, fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "NONE" })] },
      failing: "NOTHING_TO_SHIP",
    },
    {
      name: "no address and no fulfillment order",
      facts: { shippingAddress: null, fulfillmentOrders: [] },
      failing: "NOTHING_TO_SHIP",
    },
    {
      name: "an address, but no line requires shipping",
      facts: { lineItems: [line(digital)] },
      failing: "NOTHING_TO_SHIP",
    },
    {
      name: "the only shipped line was removed (quantity 0), a digital line remains",
      facts: { lineItems: [line({ quantity: 0 }), line({ id: "li-2", ...digital })] },
      failing: "NOTHING_TO_SHIP",
    },
    {
      name: "sold at the counter (RETAIL)",
      facts: { fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "RETAIL" })] },
      failing: "NOTHING_TO_SHIP",
    },
    {
      name: "picked up at a shop: no address, PICK_UP",
      facts: { shippingAddress: null, fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "PICK_UP" })] },
      failing: "PICKUP_ORDER",
    },
    {
      name: "PICK_UP although an address is on the order",
      facts: { fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "PICK_UP" })] },
      failing: "PICKUP_ORDER",
    },
    {
      name: "collected at a carrier's pickup point (its address is the point's)",
      facts: { fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "PICKUP_POINT" })] },
      failing: "PICKUP_ORDER",
    },
    {
      name: "one location picks up, the other ships: the address still matters",
      facts: {
        fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "PICK_UP" }), fulfillmentOrder({ id: "fo-2" })],
      },
      failing: null,
    },
    {
      name: "local delivery",
      facts: { fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "LOCAL" })] },
      failing: null,
    },
    {
      name: "a delivery method Shopify does not give",
      facts: { fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: null })] },
      failing: null,
    },
    {
      name: "a CANCELLED pickup fulfillment order next to a shipped one",
      facts: {
        fulfillmentOrders: [
          fulfillmentOrder({ id: "fo-old", status: "CANCELLED", deliveryMethod: "PICK_UP" }),
          fulfillmentOrder(),
        ],
      },
      failing: null,
    },
    {
      name: "a digital line next to a shipped one",
      facts: { lineItems: [line({}), line({ id: "li-2", ...digital })] },
      failing: null,
    },
  ];
  it.each(cases)("$name → $failing", ({ facts, failing }) => {
    const change = evaluateAddressChangeOptions(context({ facts }));
    if (failing) failsOnly(change, failing);
    else passes(change);
    // a cancellation can still be requested
    passes(evaluateCancellation(context({ facts })));
  });

  it("a submission for a pickup order is refused without a quote", () => {
    const decision = evaluateAddressChange(
      submission({
        facts: { shippingAddress: null, fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "PICK_UP" })] },
        quote: null,
      }),
    );
    expect(codes(decision)).toEqual(["PICKUP_ORDER"]);
  });
});

describe("rule B2B_ORDER", () => {
  const b2b: DeepPartial<OrderFacts> = { companyLocationId: "gid://shopify/CompanyLocation/9001" };
  it("rule B2B_ORDER: the ship-to address of a company order is not changed", () => {
    failsOnly(evaluateAddressChangeOptions(context({ facts: b2b })), "B2B_ORDER");
    expect(codes(evaluateAddressChange(submission({ facts: b2b, quote: null })))).toEqual(["B2B_ORDER"]);
  });
  it("rule B2B_ORDER: a B2B order can still be asked to cancel (the merchant decides by default)", () => {
    const decision = evaluateCancellation(context({ facts: b2b }));
    passes(decision);
    expect(decision.approvalRequired).toBeUndefined();
  });
});

describe("rule LOCAL_DELIVERY_UNAVAILABLE", () => {
  const local: DeepPartial<OrderFacts> = {
    fulfillmentOrders: [fulfillmentOrder({ deliveryMethod: "LOCAL" })],
    shippingLines: [
      shippingLine({
        title: "Coursier Lyon",
        code: "coursier-lyon",
        originalPrice: eur("6.90"),
        discountedPrice: eur("6.90"),
      }),
    ],
  };
  const lyon = address({ city: "Lyon", zip: "69003", address1: "20 cours Gambetta" });
  const cases: { name: string; rates: ReturnType<typeof rate>[]; failing: ReasonCode[] }[] = [
    {
      name: "the courier serves the new address",
      rates: [rate("Coursier Lyon", "6.90"), rate("Colissimo", "4.90")],
      failing: [],
    },
    {
      name: "only carriers serve it",
      rates: [rate("Colissimo", "4.90"), rate("Chronopost", "9.90")],
      failing: ["LOCAL_DELIVERY_UNAVAILABLE"],
    },
    { name: "nothing serves it", rates: [], failing: ["NO_SHIPPING_RATE"] },
    {
      name: "the courier costs more there",
      rates: [rate("Coursier Lyon", "8.90")],
      failing: ["SHIPPING_COST_INCREASE"],
    },
  ];
  it.each(cases)("$name → $failing", ({ rates, failing }) => {
    const decision = evaluateAddressChange(submission({ facts: local, newAddress: lyon, quote: quote(...rates) }));
    expect(codes(decision)).toEqual(failing);
  });

  it("rule LOCAL_DELIVERY_UNAVAILABLE: evaluated between NO_SHIPPING_RATE and SHIPPING_COST_INCREASE, only for local delivery", () => {
    const localDecision = evaluateAddressChange(
      submission({ facts: local, newAddress: lyon, quote: quote(rate("Coursier Lyon", "6.90")) }),
    );
    expect(evaluated(localDecision).slice(-3)).toEqual([
      "NO_SHIPPING_RATE",
      "LOCAL_DELIVERY_UNAVAILABLE",
      "SHIPPING_COST_INCREASE",
    ]);
    expect(evaluated(evaluateAddressChange(submission()))).not.toContain("LOCAL_DELIVERY_UNAVAILABLE");
  });

  it("rule LOCAL_DELIVERY_UNAVAILABLE: a shipped order may take another carrier's rate", () => {
    passes(evaluateAddressChange(submission({ quote: quote(rate("Chronopost", "3.90")) })));
  });
});

describe("several shipping lines", () => {
  it("rule SHIPPING_COST_INCREASE: the quote is compared with the sum of the lines paid", () => {
    const facts: DeepPartial<OrderFacts> = {
      shippingLines: [
        shippingLine(),
        shippingLine({
          title: "Colis volumineux",
          code: "colis-volumineux",
          originalPrice: eur("14.90"),
          discountedPrice: eur("14.90"),
        }),
      ],
    };
    passes(evaluateAddressChange(submission({ facts, quote: quote(rate("Chronopost", "19.80")) })));
    const dearer = evaluateAddressChange(submission({ facts, quote: quote(rate("Chronopost", "19.90")) }));
    expect(dearer.reasons).toEqual([
      {
        code: "SHIPPING_COST_INCREASE",
        params: { newPrice: "19.90", oldPrice: "19.80", currencyCode: "EUR", rateTitle: "Chronopost" },
      },
    ]);
  });
});

describe("rule CUSTOMER_DATA_UNAVAILABLE (protected customer data Shopify withheld)", () => {
  it("refuses an address change when Shopify withheld the address, among the other reasons", () => {
    const ctx = context({ facts: { customerDataWithheld: ["address", "email"], cancelledAt: NOW.toISOString() } });
    expect(codes(evaluateAddressChangeOptions(ctx))).toEqual(["ORDER_CANCELLED", "CUSTOMER_DATA_UNAVAILABLE"]);
  });

  it("refuses the submission too, before any quote is asked for", () => {
    const decision = evaluateAddressChange(submission({ facts: { customerDataWithheld: ["address"] }, quote: null }));
    failsOnly(decision, "CUSTOMER_DATA_UNAVAILABLE");
  });

  it("passes when only names, emails or phones are withheld", () => {
    passes(evaluateAddressChangeOptions(context({ facts: { customerDataWithheld: ["name", "email", "phone"] } })));
  });

  it("never refuses a cancellation: it needs no customer data", () => {
    const decision = evaluateCancellation(
      context({ facts: { customerDataWithheld: ["name", "email", "phone", "address"] } }),
    );
    passes(decision);
    expect(evaluated(decision)).not.toContain("CUSTOMER_DATA_UNAVAILABLE");
  });
});
