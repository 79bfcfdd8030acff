/**
 * Standalone simulator: `npx tsx demo/simulator/main.ts [--store path] [--port 4010] [--token secret]`.
 * Prints the endpoint and waits; Ctrl-C stops it.
 */
import { parseArgs } from "node:util";
import { startSimulator } from "./server";

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    port: { type: "string", default: process.env.SIMULATOR_PORT ?? "4010" },
    token: { type: "string" },
  },
});

try {
  const sim = await startSimulator({ storeFile: values.store, port: Number(values.port), accessToken: values.token });
  console.log(
    `Admin API simulator (${sim.store.shop.myshopifyDomain}, ${sim.store.orders.length} orders, store ${sim.store.source})`,
  );
  console.log(`  GraphQL  POST ${sim.graphqlUrl}  (header X-Shopify-Access-Token)`);
  console.log(`  state    GET  ${sim.url}/demo/state`);
  console.log(`  control  ${sim.url}/_sim/{calls,faults,fail-rate,reset,bucket,config,mutations,health}`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  console.error(
    e.code === "EADDRINUSE" ? `Port ${values.port} is already in use: pass --port <free port>.` : e.message,
  );
  process.exit(1);
}
