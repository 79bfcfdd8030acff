import { describe, expect, it } from "vitest";
import { orderAnswer } from "./__fixtures__/orders";
import { mapOrderFacts } from "./order-facts.server";
import { withWithheldCustomerData } from "./protected-data";

const facts = (overrides: Parameters<typeof orderAnswer>[0] = {}) => mapOrderFacts(orderAnswer(overrides))!;

describe("withWithheldCustomerData", () => {
  it("marks nothing when Shopify withheld nothing", () => {
    expect(withWithheldCustomerData(facts(), []).customerDataWithheld).toBeUndefined();
  });

  it("names what the denied fields reveal, in a fixed order", () => {
    const denied = ["order.shippingAddress.zip", "order.email", "order.customer.firstName", "order.phone"];
    const marked = withWithheldCustomerData(
      facts(),
      denied.map((path) => ({ path, message: "" })),
    );
    expect(marked.customerDataWithheld).toEqual(["name", "email", "phone", "address"]);
  });

  it("clears redacted values so they are never used as an address or a link", () => {
    const base = facts({ statusPageUrl: "•••" });
    base.customer = { firstName: null, lastName: null, email: "•••", phone: "•••" };
    const marked = withWithheldCustomerData(base, []);
    expect(marked.customer).toMatchObject({ email: null, phone: null });
    expect(marked.statusPageUrl).toBeNull();
    expect(marked.customerDataWithheld).toEqual(["name", "email", "phone"]);
  });
});
