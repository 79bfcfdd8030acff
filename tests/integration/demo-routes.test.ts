import "../support/app-env";
import { describe, expect, it } from "vitest";
import { loader as mailbox } from "~/routes/demo.mailbox";
import { loader as state } from "~/routes/demo.state";

// The demo's routes exist only with DEMO_MODE=true (npm run demo sets it); the e2e tests cover them in demo mode.
describe("demo routes outside demo mode", () => {
  it.each([
    ["/demo/state", state],
    ["/demo/mailbox", mailbox],
  ])("GIVEN DEMO_MODE is not set WHEN %s is requested THEN 404", async (path, loader) => {
    const request = new Request(`https://amend.example.com${path}`, { headers: { Accept: "text/html" } });
    const answer = await (loader as (args: never) => Promise<Response>)({ request, params: {}, context: {} } as never)
      .then(() => null)
      .catch((e: unknown) => e);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(404);
  });
});
