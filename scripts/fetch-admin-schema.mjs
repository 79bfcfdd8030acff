// Takes the Admin API introspection out of Shopify's @shopify/dev-mcp package (pinned), offline-safe:
// `npm pack` goes through the npm registry only; the result is cached outside git (.cache/).
// Writes .cache/admin-<version>.json.gz (the simulator and schema test read it) and
// app/types/admin-<version>.schema.json (where @shopify/api-codegen-preset looks for it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const DEV_MCP_VERSION = "1.16.0";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const apiVersion = fs
  .readFileSync(path.join(root, "app/shopify/api-version.ts"), "utf8")
  .match(/ADMIN_API_VERSION = "([0-9-]+)"/)[1];
const cacheDir = path.join(root, ".cache");
const gz = path.join(cacheDir, `admin_${apiVersion}.json.gz`);
const codegenSchema = path.join(root, "app/types", `admin-${apiVersion}.schema.json`);

fs.mkdirSync(cacheDir, { recursive: true });
if (!fs.existsSync(gz)) {
  const work = fs.mkdtempSync(path.join(cacheDir, "pack-"));
  try {
    console.log(`[schema] npm pack @shopify/dev-mcp@${DEV_MCP_VERSION}`);
    const tgz = execFileSync("npm", ["pack", `@shopify/dev-mcp@${DEV_MCP_VERSION}`, "--silent"], {
      cwd: work,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop();
    const member = `package/dist/data/admin_${apiVersion}.json.gz`;
    execFileSync("tar", ["-xzf", tgz, member], { cwd: work });
    fs.renameSync(path.join(work, member), gz);
  } catch (error) {
    console.error(
      `[schema] could not get the Admin API ${apiVersion} schema from @shopify/dev-mcp@${DEV_MCP_VERSION}: ${error.message}\n` +
        "It needs the npm registry once; afterwards it is cached in .cache/.",
    );
    process.exit(1);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
if (!fs.existsSync(codegenSchema)) {
  fs.mkdirSync(path.dirname(codegenSchema), { recursive: true });
  const introspection = JSON.parse(zlib.gunzipSync(fs.readFileSync(gz)).toString());
  fs.writeFileSync(codegenSchema, JSON.stringify(introspection.data ?? introspection));
}
console.log(`[schema] Admin API ${apiVersion}: ${path.relative(root, gz)}`);
