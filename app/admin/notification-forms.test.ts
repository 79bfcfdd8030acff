import { describe, expect, it } from "vitest";
import { NOTIFICATION_EVENTS } from "~/notifications/events";
import { staffRecipientsFrom, switchesFrom } from "./notification-forms";

describe("switchesFrom", () => {
  it("the routes turned on, each once", () => {
    const form = new FormData();
    for (const on of ["INFO_REQUESTED|EMAIL|CUSTOMER", "REQUEST_FAILED|SMS|STAFF", "INFO_REQUESTED|EMAIL|CUSTOMER"])
      form.append("on", on);
    expect(switchesFrom(form)).toEqual(new Set(["INFO_REQUESTED|EMAIL|CUSTOMER", "REQUEST_FAILED|SMS|STAFF"]));
  });
});

describe("staffRecipientsFrom", () => {
  it("splits each event's emails and phones on new lines, commas and semicolons; an event left out has none", () => {
    const form = new FormData();
    form.set("emails:REQUEST_FAILED", "ops@shop.fr\nboss@shop.fr, night@shop.fr;");
    form.set("phones:REQUEST_FAILED", "+33612345678");
    const input = staffRecipientsFrom(form);
    expect(Object.keys(input)).toEqual([...NOTIFICATION_EVENTS]);
    expect(input.REQUEST_FAILED).toEqual({
      emails: ["ops@shop.fr", "boss@shop.fr", " night@shop.fr", ""],
      phones: ["+33612345678"],
    });
    expect(input.CANCELLATION_REQUESTED).toEqual({ emails: [""], phones: [""] });
  });
});
