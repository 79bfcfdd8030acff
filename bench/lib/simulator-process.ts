// The Admin API simulator in its own process (as Shopify is to the app), for benchmarks.
// Usage: npx tsx bench/lib/simulator-process.ts <maximumAvailable> <restoreRate> [storeFile]; prints "READY <url>".
import { startSimulator } from "../../demo/simulator/server";

const [maximumAvailable = "2000", restoreRate = "100", storeFile = "demo/store.json"] = process.argv.slice(2);
const sim = await startSimulator({
  storeFile,
  port: 0,
  bucket: { maximumAvailable: Number(maximumAvailable), restoreRate: Number(restoreRate) },
});
console.log(`READY ${sim.url}`);
process.on("SIGTERM", () => void sim.close().then(() => process.exit(0)));
