import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The UI extensions the preview shows: one line each. Each one's targets, locales and bundle are read from its folder
 * (`shopify.extension.toml`, `locales/`, and `dist/<handle>.js` as `shopify app build` writes it); where a target
 * appears is its place in PLACES below.
 */
export const PREVIEW_EXTENSIONS = [
  "order-actions",
  "order-page",
  "order-status-block",
  "order-contact",
  "thank-you-block",
  "admin-order-block",
  "withdrawal-action",
  "withdrawal",
];

/** Where each extension target is rendered in the preview (docs/preview.md). */
export const PLACES = {
  /** A button in the order page's action menu; without href or onClick it opens the extension's modal target. */
  "customer-account.order.action.menu-item.render": "order-action-menu",
  /** The modal the menu item opens, in a <dialog> over the order page. */
  "customer-account.order.action.render": "order-action-modal",
  /** A block on the customer account's order page. */
  "customer-account.order-status.block.render": "order-status-block",
  /** A full page of its own, under an order (`extension:<handle>/…` links). */
  "customer-account.order.page.render": "order-full-page",
  /** A block on the checkout's thank-you page. */
  "purchase.thank-you.block.render": "thank-you-block",
  /** A block on the Shopify admin's order details page. */
  "admin.order-details.block.render": "admin-order-block",
} as const;

export type Target = keyof typeof PLACES;
export type Place = (typeof PLACES)[Target];

export interface PreviewExtension {
  handle: string;
  /** The `[[extensions.targeting]]` of its toml that the preview can place. */
  targets: Target[];
  apiVersion: string;
  /** Its locale files: language → messages (`en` is `en.default.json`). */
  locales: Record<string, unknown>;
  defaultLocale: string;
  bundle: string;
}

/** Reads one extension's toml and locale files (a missing toml or an unknown target is an error: fix the list). */
export function readExtension(handle: string): PreviewExtension {
  const dir = path.join(ROOT, "extensions", handle);
  const toml = fs.readFileSync(path.join(dir, "shopify.extension.toml"), "utf8");
  const targets = [...toml.matchAll(/^\s*target\s*=\s*"([^"]+)"/gm)].map((m) => m[1]!);
  for (const target of targets)
    if (!(target in PLACES))
      throw new Error(
        `extensions/${handle}: the preview has no place for target ${target} (demo/preview/extensions.ts)`,
      );
  const locales: Record<string, unknown> = {};
  let defaultLocale = "en";
  for (const file of fs.readdirSync(path.join(dir, "locales"))) {
    const m = file.match(/^([a-zA-Z-]+?)(\.default)?\.json$/);
    if (!m) continue;
    locales[m[1]!] = JSON.parse(fs.readFileSync(path.join(dir, "locales", file), "utf8"));
    if (m[2]) defaultLocale = m[1]!;
  }
  return {
    handle,
    targets: targets as Target[],
    apiVersion: toml.match(/^api_version\s*=\s*"([^"]+)"/m)?.[1] ?? "",
    locales,
    defaultLocale,
    bundle: path.join(dir, "dist", `${handle}.js`),
  };
}

function newestMtime(dir: string, skip: (name: string) => boolean): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const file = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(file, skip) : fs.statSync(file).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Why the bundles must be built again (a bundle missing or older than the sources it is built from), or null. */
export function bundlesStaleReason(handles = PREVIEW_EXTENSIONS): string | null {
  const skip = (name: string) => ["dist", "tests", "node_modules", "manifest.json"].includes(name);
  // what every extension bundles besides its own folder: the shared code and the server's address rules
  const shared = ["extensions/_shared", "app/domain"].map((dir) => ({
    dir,
    at: newestMtime(path.join(ROOT, dir), skip),
  }));
  for (const handle of handles) {
    const bundle = path.join(ROOT, "extensions", handle, "dist", `${handle}.js`);
    if (!fs.existsSync(bundle)) return `extensions/${handle}/dist is missing`;
    const built = fs.statSync(bundle).mtimeMs;
    const sources = [{ dir: `extensions/${handle}`, at: newestMtime(path.join(ROOT, "extensions", handle), skip) }];
    const newer = sources.concat(shared).find((source) => source.at > built);
    if (newer) return `${newer.dir} changed since extensions/${handle}/dist was built`;
  }
  return null;
}

/** `shopify app build` (offline, as `npm run build:extensions`): the same bundles a deploy ships. */
export function buildExtensions(log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/shopify"),
      ["app", "build", "--skip-dependencies-installation"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1" } },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        log(`extensions built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new Error(`shopify app build exited ${code}:\n${out}`));
    });
  });
}
