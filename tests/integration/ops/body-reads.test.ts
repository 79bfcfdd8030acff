import "../../support/app-env";
import { beforeAll, describe, expect, it } from "vitest";
import { action as cancellation } from "~/routes/api.customer.orders.$orderId.cancellation";
import { action as approve } from "~/routes/flow.actions.approve-cancellation";
import { call, flowRequest } from "../flow/support";
import { customerToken, installShop } from "../../support/shopify-session";

// The app's own body reads keep to the path's limit too (a server in front that does not, e.g. `remix vite:dev`):
// the customer API and Flow actions answer 413 PAYLOAD_TOO_LARGE, declared or streamed, and stop reading.
const SHOP = "amend-demo.myshopify.com";
const KiB = 1024;

beforeAll(async () => {
  await installShop(SHOP);
});

/** A body streamed in 1 KiB pieces without a Content-Length; `pulled` counts what the reader took. */
function streamedBody(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += KiB;
      controller.enqueue(new TextEncoder().encode("x".repeat(KiB)));
    },
  });
  return { stream, counter };
}

async function customerPost(body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request("https://amend.example.com/api/customer/orders/5001/cancellation", {
    method: "POST",
    headers: {
      Authorization: `Bearer ${await customerToken("amend-demo", "7001")}`,
      Origin: "https://extensions.shopifycdn.com",
      "Content-Type": "application/json",
      ...headers,
    },
    body,
    duplex: "half",
  } as RequestInit);
  const response = await cancellation({ request, params: { orderId: "5001" }, context: {} } as never);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("the app's own body reads", () => {
  it("GIVEN a signed-in customer's 40 KiB JSON body THEN 413 PAYLOAD_TOO_LARGE naming 32 KiB, with the CORS headers", async () => {
    const res = await customerPost(JSON.stringify({ reason: "CHANGED_MIND", note: "n".repeat(40 * KiB) }));
    expect(res.status).toBe(413);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", limitBytes: 32 * KiB });
    expect(res.body.error.message).toContain("32 KiB");
  });

  it("GIVEN a customer body streamed without a length that never ends THEN 413 once 32 KiB is passed, no more read", async () => {
    const { stream, counter } = streamedBody(50 * 1024 * KiB);
    const res = await customerPost(stream as unknown as BodyInit);
    expect([res.status, res.body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(counter.pulled).toBeLessThan(64 * KiB);
  });

  it("GIVEN a signed Flow action call of 80 KiB THEN 413 PAYLOAD_TOO_LARGE (limit 64 KiB), before the signature or shape is looked at", async () => {
    const body = { shopify_domain: SHOP, properties: { order_id: "5001", padding: "p".repeat(80 * KiB) } };
    const response = await call(
      approve as never,
      flowRequest("https://amend.example.com/flow/actions/approve-cancellation", body),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", limitBytes: 64 * KiB });
  });
});
