import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { SMTP_SOCKET_TIMEOUT_MS, smtpTransportOptions } from "~/notifications/transports/smtp.server";

describe("SMTP timeouts and the worker's shutdown", () => {
  it("a send stuck on a silent server times out before the worker's shutdown timeout ends the process", () => {
    const worker = fs.readFileSync("scripts/worker.mjs", "utf8");
    const shutdownMs = Number(worker.match(/SHUTDOWN_TIMEOUT_MS \|\| ([\d_]+)/)?.[1].replaceAll("_", ""));
    expect(shutdownMs).toBeGreaterThan(0);
    const options = smtpTransportOptions({ host: "smtp.example.com", port: 587, secure: false, from: "a@b.c" });
    expect(options.socketTimeout).toBe(SMTP_SOCKET_TIMEOUT_MS);
    expect(SMTP_SOCKET_TIMEOUT_MS).toBeLessThan(shutdownMs);
  });

  it("a configured timeout wins", () => {
    const options = smtpTransportOptions({
      host: "smtp.example.com",
      port: 587,
      secure: false,
      from: "a@b.c",
      socketTimeoutMs: 5_000,
    });
    expect(options.socketTimeout).toBe(5_000);
  });
});
