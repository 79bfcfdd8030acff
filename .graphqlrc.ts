import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";
import { ADMIN_API_VERSION } from "./app/shopify/api-version";

// Offline: the preset reads app/types/admin-<version>.schema.json when it exists
// (written by `npm run schema:fetch` from the pinned @shopify/dev-mcp package).
export default {
  schema: `https://shopify.dev/admin-graphql-direct-proxy/${ADMIN_API_VERSION}`,
  documents: ["./app/**/*.{js,ts,jsx,tsx}"],
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: ADMIN_API_VERSION,
      documents: ["./app/**/*.{js,ts,jsx,tsx}", "!./app/**/*.test.*"],
      outputDir: "./app/types",
    }),
  },
};
