import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(__dirname, "app") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["app/**/*.test.ts", "demo/**/*.test.ts", "tests/unit/**/*.test.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts", "tests/integration/**/*.test.tsx"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/fresh-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The offline demo end to end: `npm run demo` driven with Chromium (tests/support/browser.ts picks which).
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 150_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The fault suite (`npm run test:faults`, tests/faults/README.md): kills, Admin API faults, an SMTP
          // outage, then nothing lost or done twice. Minutes long, so not part of `npm test`; CI runs both.
          name: "faults",
          environment: "node",
          include: ["tests/faults/**/*.test.ts"],
          testTimeout: 540_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Hostile input and races against the real production process (tests/hostile/README.md): one web
          // process for the whole run (support/global-setup.ts), the files one after another.
          name: "hostile",
          environment: "node",
          include: ["tests/hostile/**/*.test.ts"],
          globalSetup: ["tests/hostile/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          name: "extensions",
          environment: "jsdom",
          include: ["extensions/**/tests/**/*.test.ts", "extensions/**/tests/**/*.test.tsx"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          // the tester dynamic-imports the extension module: inline it so that import goes through Vite (TSX)
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
    ],
  },
});
