import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export { launchChromium } from "../support/browser";

export const SCREENSHOTS = path.join(ROOT, "test-results/screenshots");

/**
 * A browser context with Chromium's ordinary user agent: the headless one says "HeadlessChrome", which the
 * Shopify library's bot check answers with 410 (a person's browser never sends it).
 */
export function userAgent(browser: Browser): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningDemo {
  appUrl: string;
  /** The extension preview (demo/preview). */
  previewUrl: string;
  /** ms from spawning `npm run demo` to its ready line. */
  readyMs: number;
  output: () => string;
  /** Ctrl-C (SIGINT to the process group); resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * `npm run demo` as a person runs it, on free ports with a throw-away database. Resolves when it prints that it
 * is ready; rejects with its output if it exits or takes longer than `timeoutMs`.
 */
export async function startDemoProcess(
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningDemo> {
  const port = await freePort();
  const previewPort = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amend-demo-"));
  const started = performance.now();
  const child: ChildProcess = spawn("npm", ["run", "--silent", "demo"], {
    cwd: ROOT,
    detached: true, // its own process group: stop() sends SIGINT to all of it, as Ctrl-C does
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DEMO_PREVIEW_PORT: String(previewPort),
      DEMO_DATABASE_URL: `file:${path.join(dir, "demo.db")}`,
      DEMO_STORE: path.join(ROOT, "demo/store.json"),
      ...options.env,
    },
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d));
  child.stderr!.on("data", (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`npm run demo was not ready after ${options.timeoutMs ?? 120_000} ms:\n${out}`));
    }, options.timeoutMs ?? 120_000);
    const check = () => {
      if (/Amend demo is ready/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm run demo exited (${code}) before it was ready:\n${out}`));
    });
  });
  const readyMs = Math.round(performance.now() - started);

  return {
    appUrl: `http://localhost:${port}`,
    previewUrl: `http://localhost:${previewPort}`,
    readyMs,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      process.kill(-child.pid!, "SIGINT");
      const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
      if (code === null && child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Polls `fn` until it returns a truthy value (returned), or fails with the last value after `timeoutMs`. */
export async function eventually<T>(fn: () => Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await fn();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A demo customer's language: the preview's pages and the extensions' locale files. */
export type Lang = "fr" | "en";

/** An extension's string in `lang`, from its locale files (as `shopify.i18n.translate` gives it). */
export function t(handle: string, lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  const file = lang === "en" ? "en.default.json" : `${lang}.json`;
  const messages = JSON.parse(
    fs.readFileSync(path.join(ROOT, "extensions", handle, "locales", file), "utf8"),
  ) as Record<string, unknown>;
  const message = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof message !== "string") throw new Error(`no ${key} in extensions/${handle}/locales/${file}`);
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]));
}

/** The demo store's customers: Camille reads French, Oliver English. */
export const CAMILLE = { id: "7001", lang: "fr" as Lang, email: "camille.martin@example.fr" };
export const OLIVER = { id: "7002", lang: "en" as Lang, email: "oliver.bennett@example.com" };

/** One browser context per language (fr-FR, en-US), each at 1200 × 900, as the demo's customers browse. */
export async function contextsByLanguage(browser: Browser): Promise<Record<Lang, BrowserContext>> {
  const open = (lang: Lang) =>
    browser.newContext({
      locale: lang === "fr" ? "fr-FR" : "en-US",
      userAgent: userAgent(browser),
      viewport: { width: 1200, height: 900 },
    });
  return { fr: await open("fr"), en: await open("en") };
}
