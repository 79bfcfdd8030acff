import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { chromium, type Browser } from "playwright-core";

/**
 * The Chromium every browser test and bench drives, the first that exists of:
 * 1. `CHROMIUM_PATH` (any Chromium or Chrome binary);
 * 2. a system one: /usr/bin/chromium, else chromium, chromium-browser, google-chrome(-stable) on PATH
 *    (skipped with `AMEND_BROWSER=npm`, which is how CI proves the next one alone is enough);
 * 3. the Chromium inside the `@sparticuz/chromium` package: its binary, NSS libraries and a font come
 *    brotli-compressed in the npm tarball, so `npm install` is all it needs (nothing is downloaded).
 */
export type ChromiumSource = "CHROMIUM_PATH" | "system" | "npm";

export interface ResolvedChromium {
  source: ChromiumSource;
  executablePath: string;
  /** Extra environment for the browser process (the npm one's libraries and fonts). */
  env: Record<string, string>;
}

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** The flags every source gets: headless, no sandbox (root in CI), no GPU, and no traffic of its own. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function systemChromium(searchPath: string): string | undefined {
  if (isExecutable("/usr/bin/chromium")) return "/usr/bin/chromium";
  const dirs = searchPath.split(path.delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

/** Decompresses one `.br` file of the package to `target`. */
async function inflateFile(source: string, target: string): Promise<void> {
  await pipeline(
    fs.createReadStream(source),
    zlib.createBrotliDecompress(),
    fs.createWriteStream(target, { mode: 0o755 }),
  );
}

/** Unpacks one `.tar.br` archive of the package into `dir`, via a file: tar may stop reading a pipe early. */
async function inflateTar(source: string, dir: string): Promise<void> {
  const archive = path.join(dir, `${path.basename(source, ".br")}`);
  await inflateFile(source, archive);
  execFileSync("tar", ["-x", "--no-same-owner", "-C", dir, "-f", archive]);
  fs.rmSync(archive);
}

/**
 * The npm package's Chromium, unpacked once per package version into the temp directory (~200 MB, ~4 s).
 * Unpacked beside the target and renamed into place, so a run that was killed half-way or a second run
 * unpacking at the same time never leaves a partial browser behind.
 */
async function npmChromium(): Promise<ResolvedChromium> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve("@sparticuz/chromium");
  } catch {
    throw new Error(
      "No Chromium: CHROMIUM_PATH is unset, no system Chromium was found (or AMEND_BROWSER=npm), and the " +
        "@sparticuz/chromium package is not installed: run `npm install`.",
    );
  }
  const packageDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  const bin = path.join(packageDir, "bin");
  const dir = path.join(os.tmpdir(), `amend-chromium-${version}`);

  if (!fs.existsSync(path.join(dir, "chromium"))) {
    const staging = fs.mkdtempSync(`${dir}.partial-`);
    try {
      fs.chmodSync(staging, 0o755); // readable by every user of the machine, like the temp directory
      await Promise.all([
        inflateFile(path.join(bin, "chromium.br"), path.join(staging, "chromium")),
        inflateTar(path.join(bin, "al2023.tar.br"), staging), // lib/: libnss3 and friends, built for it
        inflateTar(path.join(bin, "fonts.tar.br"), staging), // fonts/: Open Sans, for a machine without fonts
      ]);
      // the machine's own fonts first (what a person's browser would use), the package's font as the fallback
      fs.writeFileSync(
        path.join(staging, "fonts.conf"),
        [
          '<?xml version="1.0"?>',
          '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
          "<fontconfig>",
          '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
          `  <dir>${path.join(dir, "fonts")}</dir>`,
          `  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>`,
          "</fontconfig>",
          "",
        ].join("\n"),
      );
      fs.renameSync(staging, dir);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      // another process renamed its copy into place first: use that one
      if (!fs.existsSync(path.join(dir, "chromium"))) throw error;
    }
  }
  return {
    source: "npm",
    executablePath: path.join(dir, "chromium"),
    env: {
      LD_LIBRARY_PATH: [path.join(dir, "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":"),
      FONTCONFIG_FILE: path.join(dir, "fonts.conf"),
    },
  };
}

/** Which Chromium to drive (see the order above); unpacks the npm one when that is the one. */
export async function resolveChromium(
  env: Record<string, string | undefined> = process.env,
): Promise<ResolvedChromium> {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH))
      throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file`);
    return { source: "CHROMIUM_PATH", executablePath: env.CHROMIUM_PATH, env: {} };
  }
  if (env.AMEND_BROWSER !== "npm") {
    const system = systemChromium(env.PATH ?? "");
    if (system) return { source: "system", executablePath: system, env: {} };
  }
  return npmChromium();
}

let announced = false;

/** Launches the resolved Chromium headless through playwright-core; says once per process which one it is. */
export async function launchChromium(): Promise<Browser> {
  const resolved = await resolveChromium();
  const browser = await chromium.launch({
    executablePath: resolved.executablePath,
    headless: true,
    args: FLAGS,
    env: { ...process.env, ...resolved.env },
  });
  if (!announced) {
    announced = true;
    console.log(`[browser] Chromium ${browser.version()} (${resolved.source}: ${resolved.executablePath})`);
  }
  return browser;
}
