import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readStoreFile } from "./store";
import { DEFAULT_STORE_FILE, startSimulator, type Simulator } from "./server";
import { REDACTED } from "./resolvers";
import { protectedFields } from "./schema";

// Protected customer data as Shopify answers an app that is not approved for it, over real HTTP.
let sim: Simulator;
const TOKEN = "shpat_test";

beforeAll(async () => {
  sim = await startSimulator({ accessToken: TOKEN });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.store.replace(readStoreFile(DEFAULT_STORE_FILE), DEFAULT_STORE_FILE);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(sim.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Json;
}

function storeWith(protectedCustomerData: unknown) {
  return { ...(readStoreFile(DEFAULT_STORE_FILE) as object), protectedCustomerData };
}

const READ = /* GraphQL */ `
  query Read($id: ID!) {
    order(id: $id) {
      id
      name
      email
      phone
      statusPageUrl
      customer {
        id
        firstName
        lastName
        defaultEmailAddress {
          emailAddress
        }
      }
      shippingAddress {
        firstName
        address1
        zip
        city
        countryCodeV2
        phone
      }
    }
  }
`;
const ORDER = "gid://shopify/Order/5001";

const deniedPaths = (body: Json) =>
  (body.errors ?? []).map((e: Json) => `${e.extensions.code} ${e.path.join(".")}`).sort();

describe("protected customer data", () => {
  it("reads the marks from the 2026-10 introspection: names, emails, phones and street addresses, not the city", () => {
    const fields = protectedFields();
    expect(fields.get("Customer.email")).toBe("email");
    expect(fields.get("Order.statusPageUrl")).toBe("name");
    expect(fields.get("MailingAddress.address1")).toBe("address");
    expect(fields.get("MailingAddress.phone")).toBe("phone");
    expect(fields.has("MailingAddress.city")).toBe(false);
    expect(fields.has("MailingAddress.countryCodeV2")).toBe(false);
    expect(fields.has("Customer.id")).toBe(false);
  });

  it("answers everything when the store file says nothing (fully approved)", async () => {
    const body = await gql(READ, { id: ORDER });
    expect(body.errors).toBeUndefined();
    expect(body.data.order.email).toContain("@");
    expect(body.data.order.shippingAddress.address1).toBeTruthy();
    expect(body.data.order.customer.firstName).toBeTruthy();
  });

  it("level 1: every protected nullable field is null with an ACCESS_DENIED error at its path; the rest stands", async () => {
    sim.store.replace(storeWith({ level: 1 }));
    const body = await gql(READ, { id: ORDER });
    const order = body.data.order;
    expect(order).toMatchObject({ id: ORDER, name: expect.stringMatching(/^#/), email: null, phone: null });
    expect(order.customer).toMatchObject({ id: expect.stringMatching(/Customer/), firstName: null, lastName: null });
    expect(order.shippingAddress).toMatchObject({ firstName: null, address1: null, zip: null, phone: null });
    expect(order.shippingAddress.city).toBeTruthy();
    expect(order.shippingAddress.countryCodeV2).toBeTruthy();
    // non-null protected fields are redacted, not errors (an error there would null the whole order)
    expect(order.statusPageUrl).toBe(REDACTED);
    expect(order.customer.defaultEmailAddress.emailAddress).toBe(REDACTED);
    expect(deniedPaths(body)).toEqual([
      "ACCESS_DENIED order.customer.firstName",
      "ACCESS_DENIED order.customer.lastName",
      "ACCESS_DENIED order.email",
      "ACCESS_DENIED order.phone",
      "ACCESS_DENIED order.shippingAddress.address1",
      "ACCESS_DENIED order.shippingAddress.firstName",
      "ACCESS_DENIED order.shippingAddress.phone",
      "ACCESS_DENIED order.shippingAddress.zip",
    ]);
    const email = body.errors.find((e: Json) => e.path.join(".") === "order.email");
    expect(email.message).toBe("This app is not approved to use the email field.");
    expect(email.extensions.documentation).toMatch(/protected-customer-data/);
  });

  it("level 2 with some fields: only the others are denied", async () => {
    sim.store.replace(storeWith({ level: 2, fields: ["name", "address"] }));
    const body = await gql(READ, { id: ORDER });
    expect(body.data.order.customer.firstName).toBeTruthy();
    expect(body.data.order.shippingAddress.address1).toBeTruthy();
    expect(body.data.order.statusPageUrl).toMatch(/^https:/);
    expect(deniedPaths(body)).toEqual([
      "ACCESS_DENIED order.email",
      "ACCESS_DENIED order.phone",
      "ACCESS_DENIED order.shippingAddress.phone",
    ]);
  });

  it("level 0: the order itself is refused", async () => {
    sim.store.replace(storeWith({ level: 0 }));
    const body = await gql(READ, { id: ORDER });
    expect(body.data.order).toBeNull();
    expect(body.errors[0]).toMatchObject({
      message: "This app is not approved to access the Order object.",
      path: ["order"],
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("an assignment to store.protectedAccess lasts until the next reset", async () => {
    sim.store.protectedAccess = { level: 2, fields: new Set(["name", "phone", "address"]) };
    expect(deniedPaths(await gql(READ, { id: ORDER }))).toEqual(["ACCESS_DENIED order.email"]);
    sim.reset();
    expect((await gql(READ, { id: ORDER })).errors).toBeUndefined();
  });

  it("refuses a store file with an unknown level or field", () => {
    expect(() => sim.store.replace(storeWith({ level: 3 }))).toThrow();
    expect(() => sim.store.replace(storeWith({ level: 2, fields: ["birthday"] }))).toThrow();
  });
});
