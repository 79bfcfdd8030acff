import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/shopify.d.ts",
      "node_modules/",
      "build/",
      ".cache/",
      ".shopify/",
      "extensions/*/dist/",
      "app/types/",
      "public/build/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Scripts, benchmarks and the demo launcher talk to a person on the terminal.
    files: ["scripts/**", "bench/**", "demo/**", "tests/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
  {
    // Shopify CLI bundles UI extensions for ES6: object spread/rest and async functions each pull a helper into
    // every bundle (~1 KB of the 30 KB budget). Object.assign and promise chains instead.
    files: [
      "extensions/{order-actions,order-page,order-status-block,thank-you-block,withdrawal,withdrawal-action}/src/**/*.{ts,tsx}",
      "extensions/_shared/*.{ts,tsx}",
      "app/domain/mailing-address.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ObjectExpression > SpreadElement",
          message: "Object spread adds a helper to the ES6 extension bundle: use Object.assign.",
        },
        { selector: "ObjectPattern > RestElement", message: "Object rest adds a helper to the ES6 extension bundle." },
        { selector: "JSXSpreadAttribute", message: "Spread props add a helper to the ES6 extension bundle." },
        {
          selector: ":function[async=true]",
          message: "async functions add a generator helper to the ES6 extension bundle: use a promise chain.",
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
