/**
 * Standalone simulator: `npx tsx demo/simulator/main.ts [--store path] [--port 4010] [--token secret]
 * [--chaos 0.3] [--seed 7] [--bucket 200:20] [--latency 150]` (or SIMULATOR_CHAOS, SIMULATOR_CHAOS_SEED, SIMULATOR_CHAOS_KINDS,
 * SIMULATOR_BUCKET). Prints the endpoint and waits; Ctrl-C stops it.
 */
import { parseArgs } from "node:util";
import { chaosFromEnv } from "./faults";
import { startSimulator } from "./server";

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    port: { type: "string", default: process.env.SIMULATOR_PORT ?? "4010" },
    token: { type: "string" },
    chaos: { type: "string" },
    seed: { type: "string" },
    bucket: { type: "string" },
    latency: { type: "string", default: process.env.SIMULATOR_LATENCY_MS },
  },
});

try {
  const chaos = chaosFromEnv({
    ...process.env,
    ...(values.chaos !== undefined ? { SIMULATOR_CHAOS: values.chaos } : {}),
    ...(values.seed !== undefined ? { SIMULATOR_CHAOS_SEED: values.seed } : {}),
    ...(values.bucket !== undefined ? { SIMULATOR_BUCKET: values.bucket } : {}),
  });
  const sim = await startSimulator({
    storeFile: values.store,
    port: Number(values.port),
    accessToken: values.token,
    chaos: chaos ?? undefined,
    latencyMs: values.latency !== undefined ? Number(values.latency) : undefined,
  });
  console.log(
    `Admin API simulator (${sim.store.shop.myshopifyDomain}, ${sim.store.orders.length} orders, store ${sim.store.source})`,
  );
  console.log(`  GraphQL  POST ${sim.graphqlUrl}  (header X-Shopify-Access-Token)`);
  console.log(`  state    GET  ${sim.url}/demo/state`);
  console.log(
    `  control  ${sim.url}/_sim/{calls,faults,fail-rate,chaos,reset,bucket,config,cancellation-requests,mutations,health}`,
  );
  const b0 = sim.bucket.options;
  console.log(
    `  plan     ${sim.store.plan}: bucket ${b0.maximumAvailable} points, ${b0.restoreRate}/s; latency ${sim.options.latencyMs} ms`,
  );
  if (chaos) {
    const b = sim.bucket.options;
    console.log(
      `  chaos    ${Math.round(chaos.p * 100)} % of calls fail (seed ${chaos.seed ?? 42}); bucket ${b.maximumAvailable} points, ${b.restoreRate}/s`,
    );
  }
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
