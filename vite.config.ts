import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";

// Shopify CLI passes the tunnel/app URL as SHOPIFY_APP_URL; HMR must go through it when not on localhost.
const host = new URL(process.env.SHOPIFY_APP_URL || "http://localhost").hostname;
const hmr =
  host === "localhost"
    ? { protocol: "ws", host: "localhost", port: 64999, clientPort: 64999 }
    : { protocol: "wss", host, port: Number(process.env.FRONTEND_PORT) || 8002, clientPort: 443 };

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The render pool's thread entry as its own file of the server build, build/server/render-thread.js, next to
 * index.js where the pool looks for it (app/notifications/render-pool.server.ts); shared code goes in a chunk.
 */
function renderThreadEntry(): Plugin {
  let ssr = false;
  return {
    name: "amend-render-thread",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    buildStart() {
      if (!ssr) return;
      this.emitFile({
        type: "chunk",
        id: path.resolve(__dirname, "app/notifications/render-thread.server.ts"),
        fileName: "render-thread.js",
      });
    },
  };
}

export default defineConfig({
  server: {
    port: Number(process.env.PORT || 3000),
    hmr,
    fs: { allow: ["app", "node_modules"] },
  },
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*", "**/*.test.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: false,
      },
    }),
    renderThreadEntry(),
  ],
  build: { assetsInlineLimit: 0 },
  optimizeDeps: { include: ["@shopify/app-bridge-react", "@shopify/polaris"] },
});
