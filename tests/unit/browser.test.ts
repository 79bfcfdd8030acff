import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveChromium } from "../support/browser";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amend-browser-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** An executable file named `name` in its own directory (a stand-in found on PATH, never launched). */
function fakeBinary(name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(dir, "bin-")), name);
  fs.writeFileSync(file, "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  return file;
}

describe("resolveChromium", () => {
  it("takes CHROMIUM_PATH first, and refuses one that is not an executable file", async () => {
    const custom = fakeBinary("my-chrome");
    await expect(resolveChromium({ CHROMIUM_PATH: custom, AMEND_BROWSER: "npm" })).resolves.toEqual({
      source: "CHROMIUM_PATH",
      executablePath: custom,
      env: {},
    });
    await expect(resolveChromium({ CHROMIUM_PATH: path.join(dir, "missing") })).rejects.toThrow(/not an executable/);
    await expect(resolveChromium({ CHROMIUM_PATH: dir })).rejects.toThrow(/not an executable/);
  });

  it("then a system Chromium: /usr/bin/chromium, else google-chrome and the like on PATH", async () => {
    const chrome = fakeBinary("google-chrome");
    const resolved = await resolveChromium({ CHROMIUM_PATH: "", PATH: `/nonexistent:${path.dirname(chrome)}` });
    expect(resolved.source).toBe("system");
    expect(resolved.executablePath).toBe(fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : chrome);
  });

  it("with AMEND_BROWSER=npm, the Chromium inside the npm package, which runs with its own libraries", async () => {
    const resolved = await resolveChromium({ CHROMIUM_PATH: "", AMEND_BROWSER: "npm", PATH: process.env.PATH });
    expect(resolved.source).toBe("npm");
    expect(resolved.executablePath).toMatch(/amend-chromium-[\d.]+\/chromium$/);
    expect(resolved.env.LD_LIBRARY_PATH).toContain(path.join(path.dirname(resolved.executablePath), "lib"));
    expect(fs.existsSync(path.join(path.dirname(resolved.executablePath), "lib/libnss3.so"))).toBe(true);
    const version = execFileSync(resolved.executablePath, ["--version"], {
      env: { ...process.env, ...resolved.env },
      encoding: "utf8",
    });
    expect(version).toMatch(/^Chromium \d+\./);
    // a second resolve reuses the unpacked browser
    await expect(resolveChromium({ AMEND_BROWSER: "npm" })).resolves.toEqual(resolved);
  }, 60_000);
});
