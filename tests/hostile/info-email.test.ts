/** "We need more information": the customer's email quotes the staff member's question (read from the SMTP sink). */
import crypto from "node:crypto";
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { eventually, requestCancellation } from "./support/customer";
import { group, send } from "./support/recorder";
import { adminSessionToken, bearer } from "./support/signing";
import { emails, refillBucket } from "./support/shopify";

group("info request email", () => {
  it("asking the customer for information → 200, and their email quotes the question", async () => {
    await refillBucket();
    const order = hostile().slots["info-email"];
    const created = await requestCancellation(order, crypto.randomUUID());
    expect(created.status, created.text).toBe(201);
    const to = "hostile-info-email@example.com";
    // the "cancellation received" email comes first; the question's email is the next one
    const received = await eventually(
      async () => (await emails()).filter((e) => e.to.includes(to)).length || false,
      20_000,
    );
    const question = `Which parcel do you mean, the one from ${crypto.randomUUID().slice(0, 8)}?`;
    const asked = await send(`/app/requests/${created.json.request.id}.data`, {
      headers: {
        ...bearer(await adminSessionToken(hostile().app)),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "requestInfo", note: question }).toString(),
    });
    expect(asked.status, asked.text).toBe(200);
    const email = await eventually(async () => (await emails()).filter((e) => e.to.includes(to))[received], 20_000);
    expect(email.text).toContain(question);
    expect(email.html).toContain(question.replace(/'/g, "&#39;"));
  });
});
