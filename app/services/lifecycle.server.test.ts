import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ActorNotAllowedError, assertActor, REQUEST_ACTIONS, type RequestAction } from "~/domain/state-machine";
import { ACTORS, REQUEST_KINDS, type Actor, type RequestKind } from "~/domain/types";
import { MutationInFlightError, ShopifyUnavailableError } from "~/shopify/errors";
import { ServiceError } from "./errors";
import { transitionEffects, type TransitionEffects } from "./lifecycle.server";
import { viaShopify } from "./shopify-calls";

/**
 * Every transition's effects, written out independently of the table: who may take it, what it notifies, the Flow
 * trigger that notification fires, and what becomes of Amend's hold. Changing an effect means changing this list.
 */
const EFFECTS: [RequestAction, RequestKind, Actor[], string | null, string | null, TransitionEffects["hold"]][] = [
  ["approve", "ADDRESS_CHANGE", ["STAFF", "SYSTEM"], null, null, "keep"],
  ["approve", "CANCELLATION", ["STAFF", "SYSTEM"], null, null, "keep"],
  ["reject", "ADDRESS_CHANGE", ["STAFF"], "ADDRESS_CHANGE_REFUSED", "address-change-refused", "release"],
  ["reject", "CANCELLATION", ["STAFF"], "CANCELLATION_REJECTED", "cancellation-rejected", "release"],
  ["requestInfo", "ADDRESS_CHANGE", ["STAFF"], "INFO_REQUESTED", "more-information-requested", "keep"],
  ["requestInfo", "CANCELLATION", ["STAFF"], "INFO_REQUESTED", "more-information-requested", "keep"],
  ["customerReply", "ADDRESS_CHANGE", ["CUSTOMER"], "CUSTOMER_REPLIED", null, "keep"],
  ["customerReply", "CANCELLATION", ["CUSTOMER"], "CUSTOMER_REPLIED", null, "keep"],
  ["withdraw", "ADDRESS_CHANGE", ["CUSTOMER"], null, null, "release"],
  ["withdraw", "CANCELLATION", ["CUSTOMER"], null, null, "release"],
  ["expire", "ADDRESS_CHANGE", ["SYSTEM"], "ADDRESS_CHANGE_REFUSED", "address-change-refused", "release"],
  ["expire", "CANCELLATION", ["SYSTEM"], "CANCELLATION_REJECTED", "cancellation-rejected", "release"],
  ["applied", "ADDRESS_CHANGE", ["SYSTEM"], "ADDRESS_CHANGE_APPLIED", "address-change-applied", "forget"],
  ["applied", "CANCELLATION", ["SYSTEM"], "CANCELLATION_APPROVED", "cancellation-approved", "forget"],
  ["failed", "ADDRESS_CHANGE", ["SYSTEM"], "REQUEST_FAILED", "request-failed-to-apply", "keep"],
  ["failed", "CANCELLATION", ["SYSTEM"], "REQUEST_FAILED", "request-failed-to-apply", "keep"],
  ["retry", "ADDRESS_CHANGE", ["STAFF", "SYSTEM"], null, null, "keep"],
  ["retry", "CANCELLATION", ["STAFF", "SYSTEM"], null, null, "keep"],
  ["supersede", "ADDRESS_CHANGE", ["SYSTEM"], null, null, "forget"],
  ["supersede", "CANCELLATION", ["SYSTEM"], null, null, "forget"],
  ["serviceRefused", "ADDRESS_CHANGE", ["SYSTEM"], "REQUEST_FAILED", "request-failed-to-apply", "keep"],
  ["serviceRefused", "CANCELLATION", ["SYSTEM"], "REQUEST_FAILED", "request-failed-to-apply", "keep"],
  // a withdrawal is only applied, fails or is retried (the other actions refuse it: app/domain/state-machine.test.ts)
  ["approve", "WITHDRAWAL", ["STAFF", "SYSTEM"], null, null, "keep"],
  ["reject", "WITHDRAWAL", ["STAFF"], null, null, "release"],
  ["requestInfo", "WITHDRAWAL", ["STAFF"], null, null, "keep"],
  ["customerReply", "WITHDRAWAL", ["CUSTOMER"], null, null, "keep"],
  ["withdraw", "WITHDRAWAL", ["CUSTOMER"], null, null, "release"],
  ["expire", "WITHDRAWAL", ["SYSTEM"], null, null, "release"],
  ["applied", "WITHDRAWAL", ["SYSTEM"], null, null, "forget"],
  ["failed", "WITHDRAWAL", ["SYSTEM"], "REQUEST_FAILED", "request-failed-to-apply", "keep"],
  ["retry", "WITHDRAWAL", ["STAFF", "SYSTEM"], null, null, "keep"],
  ["supersede", "WITHDRAWAL", ["SYSTEM"], null, null, "forget"],
  ["serviceRefused", "WITHDRAWAL", ["SYSTEM"], null, null, "keep"],
];

describe("the lifecycle table's effects", () => {
  it("covers every action for every kind", () => {
    const listed = EFFECTS.map(([action, kind]) => `${action}/${kind}`).sort();
    expect(listed).toEqual(REQUEST_ACTIONS.flatMap((a) => REQUEST_KINDS.map((k) => `${a}/${k}`)).sort());
  });

  it.each(EFFECTS)(
    "%s of a %s: actors %j, notifies %s, Flow trigger %s, hold %s",
    (action, kind, actors, n, f, hold) => {
      const effects = transitionEffects(action, kind);
      expect([effects.actors, effects.notification, effects.flowTrigger, effects.hold]).toEqual([actors, n, f, hold]);
    },
  );

  it("a fulfillment service's refusal also tells the customer of a cancellation that it was not made", () => {
    expect(transitionEffects("serviceRefused", "CANCELLATION").alsoNotification).toBe("CANCELLATION_REJECTED");
    expect(transitionEffects("serviceRefused", "ADDRESS_CHANGE").alsoNotification).toBeNull();
    expect(transitionEffects("failed", "CANCELLATION").alsoNotification).toBeNull();
  });

  it("actors are enforced: anyone else is refused with a clear error", () => {
    for (const [action, , actors] of EFFECTS) {
      for (const actor of ACTORS) {
        if (actors.includes(actor)) expect(() => assertActor(action, actor)).not.toThrow();
        else expect(() => assertActor(action, actor)).toThrow(ActorNotAllowedError);
      }
    }
    expect(() => assertActor("reject", "SYSTEM")).toThrow("SYSTEM may not reject a request (only STAFF may)");
  });

  it("a decision by the merchant's Flow workflow is STAFF's: it may approve and reject", () => {
    expect(() => assertActor("approve", "STAFF")).not.toThrow();
    expect(() => assertActor("reject", "STAFF")).not.toThrow();
  });
});

describe("one place moves a request", () => {
  it("no module but the lifecycle calls transitionRequest", () => {
    const callers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/(?<!\.test)\.tsx?$/.test(entry.name) && fs.readFileSync(file, "utf8").includes("transitionRequest("))
          callers.push(path.relative("app", file));
      }
    };
    walk("app");
    expect(callers.sort()).toEqual(["models/change-request.server.ts", "services/lifecycle.server.ts"]);
  });
});

describe("viaShopify", () => {
  it("maps a mutation in flight elsewhere to 503 IN_PROGRESS with a Retry-After, never a 500", async () => {
    const error = await viaShopify(() => Promise.reject(new MutationInFlightError("r1:orderCancel"))).catch((e) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect([error.status, error.code, error.details.retryAfterSeconds]).toEqual([503, "IN_PROGRESS", 5]);
  });

  it("maps Shopify unreachable to 503 with Shopify's retry delay", async () => {
    const unavailable = new ShopifyUnavailableError({ operation: "x", message: "HTTP 503", retryAfterSeconds: 4 });
    const error = await viaShopify(() => Promise.reject(unavailable)).catch((e) => e);
    expect([error.status, error.code, error.details.retryAfterSeconds]).toEqual([503, "SHOPIFY_UNAVAILABLE", 4]);
  });
});
