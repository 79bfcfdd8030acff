import { afterEach, describe, expect, it } from "vitest";
import { sampleVariables, TemplateError, validateTemplate } from "./render";
import { RenderBusyError, RenderPool } from "./render-pool.server";

// Runs until LiquidJS's own per-part limit (250 ms): the slowest template the limits let through.
const SLOW = "{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}";

const variables = sampleVariables("en");

const pools: RenderPool[] = [];
const pool = (options: ConstructorParameters<typeof RenderPool>[0] = {}) => {
  const p = new RenderPool(options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** The longest gap between 5 ms ticks of this thread's event loop while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

describe("RenderPool", () => {
  it("GIVEN hostile templates checked in parallel THEN this thread's event loop keeps ticking (the synchronous check stalls it)", async () => {
    const renders = pool({ size: 2 });
    await renders.validate("<p>warm</p>"); // the threads' start-up is not what is measured
    const inline = await longestStall(async () => validateTemplate(SLOW));
    const checks: Awaited<ReturnType<RenderPool["validate"]>>[] = [];
    const pooled = await longestStall(async () => {
      checks.push(...(await Promise.all(Array.from({ length: 6 }, () => renders.validate(SLOW)))));
    });
    expect(inline).toBeGreaterThan(200);
    // a busy machine stretches both; the pooled stall stays a fraction of one synchronous check
    expect(pooled).toBeLessThan(Math.max(150, inline / 2));
    for (const check of checks) expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/250 ms/) });
  });

  it("GIVEN a render over the job's budget THEN the TemplateError the merchant sees, and the next render works on a new thread", async () => {
    const renders = pool({ size: 1, jobTimeLimitMs: 100 });
    const started = performance.now();
    const failed = await renders
      .render({
        event: "CANCELLATION_REJECTED",
        channel: "EMAIL",
        recipient: "CUSTOMER",
        locale: "en",
        variables,
        template: { subject: "Hi", body: SLOW },
      })
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(TemplateError);
    expect((failed as TemplateError).reason).toBe(
      "the template took longer than 100 ms to render (an endless or very long loop?)",
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(renders.stats).toMatchObject({ threads: 0, busy: 0 });

    const next = await renders.render({
      event: "CANCELLATION_REJECTED",
      channel: "EMAIL",
      recipient: "CUSTOMER",
      locale: "en",
      variables,
    });
    expect(next.subject).toContain("#1042");
    expect(renders.stats.threads).toBe(1);
    expect(await renders.validate(SLOW, "text")).toMatchObject({ ok: false, line: 1, column: 1 });
  });

  it("GIVEN a broken template THEN its line and column come back from the thread as from the synchronous check", async () => {
    const renders = pool({ size: 1 });
    const source = "<p>Hello</p>\n<p>{% if customer.first_name %}Hi</p>";
    expect(await renders.validate(source)).toEqual(validateTemplate(source));
    const sms = await renders
      .render({
        event: "INFO_REQUESTED",
        channel: "SMS",
        recipient: "CUSTOMER",
        locale: "fr",
        variables,
        template: { body: "{{ order.name | shout }}" },
      })
      .catch((err: unknown) => err);
    expect(sms).toBeInstanceOf(TemplateError);
    expect(sms).toMatchObject({ part: "sms", line: 1, column: 1, reason: "unknown filter “shout”" });
  });

  it("GIVEN templates that need too much memory or output THEN refused within the thread's heap, and the thread carries on", async () => {
    const renders = pool({ size: 1 });
    expect(await renders.validate("{% for i in (1..100000000) %}{{ i }}{% endfor %}")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too much memory/),
    });
    const s = "x".repeat(50);
    expect(
      await renders.validate(`{% assign s = '${s}' %}{% for a in (1..20000) %}{{ s }}{% endfor %}`, "text"),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/longer than|too much memory/) });
    expect(await renders.validate("<p>{{ order.name }}</p>")).toEqual({ ok: true });
    expect(renders.stats.threads).toBe(1);
  });

  it("GIVEN more checks waiting than the queue holds THEN the surplus is refused at once, notifications still go first", async () => {
    const renders = pool({ size: 1, maxQueued: { check: 2 } });
    await renders.validate("<p>warm</p>");
    const order: string[] = [];
    const checks = Array.from({ length: 4 }, (_, i) =>
      renders.validate(SLOW).then(
        () => order.push(`check ${i}`),
        (err: unknown) => order.push(err instanceof RenderBusyError ? `busy ${i}` : `error ${i}`),
      ),
    );
    const send = renders
      .render({ event: "CANCELLATION_REJECTED", channel: "SMS", recipient: "CUSTOMER", locale: "en", variables })
      .then(() => order.push("send"));
    await Promise.all([...checks, send]);
    // check 0 takes the thread, 1 and 2 wait, 3 is refused; the notification overtakes the waiting checks.
    expect(order).toEqual(["busy 3", "check 0", "send", "check 1", "check 2"]);
  });
});
