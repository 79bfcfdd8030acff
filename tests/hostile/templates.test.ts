/**
 * Hostile Liquid saved through the admin's template editor: endless loops, huge output, deep nesting, include /
 * render of files → a clear 422 naming the problem; /healthz stays responsive while 20 such saves run.
 */
import { expect, it } from "vitest";
import { hostile } from "./support/context";
import { group, send } from "./support/recorder";
import { adminSessionToken, bearer } from "./support/signing";

const HOSTILE: [string, string][] = [
  ["an endless loop", "{% for i in (1..1000000000) %}{% for j in (1..1000000000) %}x{% endfor %}{% endfor %}"],
  ["a tablerow bomb", "{% tablerow i in (1..100000000) cols:3 %}{{ i }}{% endtablerow %}"],
  ["huge output", "{% for i in (1..2000000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}"],
  [
    "a string doubled to gigabytes",
    '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
  ],
  ["deep nesting", `${"{% if true %}".repeat(3_000)}x${"{% endif %}".repeat(3_000)}`],
  ["an include", "{% include 'header' %}"],
  ["a render of a system file", "{% render '../../../../etc/passwd' %}"],
  ["a layout", "{% layout 'x' %}body"],
  ["an unclosed tag", "{% if customer %}hello"],
];

/** Saves a customer INFO_REQUESTED email template through the editor's action (as its fetcher does). */
async function save(body: string) {
  const form = new URLSearchParams({
    intent: "save",
    event: "INFO_REQUESTED",
    channel: "EMAIL",
    recipient: "CUSTOMER",
    locale: "en",
    subject: "A question about {{ order.name }}",
    body,
  });
  return send("/app/notifications/editor.data", {
    headers: { ...bearer(await adminSessionToken(hostile().app)), "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    timeoutMs: 30_000,
  });
}

group("templates", () => {
  for (const [name, body] of HOSTILE) {
    it(`saving ${name} → 422 with the problem named`, async () => {
      const answer = await save(body);
      expect(answer.status, answer.text.slice(0, 300)).toBe(422);
      expect(answer.text).toContain("problem");
    });
  }

  it("20 hostile saves at once: each refused (422), /healthz answers within 250 ms throughout", async () => {
    // the slowest to refuse: a loop that runs until the render limit
    const saves = Array.from({ length: 20 }, () => save(HOSTILE[2][1]));
    const probes: number[] = [];
    let done = false;
    const all = Promise.all(saves).finally(() => (done = true));
    while (!done) {
      const probe = await send("/healthz");
      expect(probe.status).toBe(200);
      probes.push(probe.ms);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const answers = await all;
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(422));
    expect(Math.max(...probes), JSON.stringify(probes)).toBeLessThan(250);
  });

  it("a harmless template still saves (200)", async () => {
    const answer = await save("<p>Hello {{ customer.first_name }}, {{ request.question | escape }}</p>");
    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    // back to the default, for the email test
    const form = new URLSearchParams({
      intent: "reset",
      event: "INFO_REQUESTED",
      channel: "EMAIL",
      recipient: "CUSTOMER",
      locale: "en",
    });
    const reset = await send("/app/notifications/editor.data", {
      headers: {
        ...bearer(await adminSessionToken(hostile().app)),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: form.toString(),
    });
    expect(reset.status).toBe(200);
  });
});
