import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { ADMIN_API_VERSION } from "~/shopify/api-version";

let schema: GraphQLSchema | undefined;

/** The real Admin API schema of the app's version (from `npm run schema:fetch`). */
export function adminSchema(): GraphQLSchema {
  if (schema) return schema;
  const file = path.resolve(`.cache/admin_${ADMIN_API_VERSION}.json.gz`);
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: run \`npm run schema:fetch\` (needs the npm registry once).`);
  const introspection = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString());
  schema = buildClientSchema((introspection.data ?? introspection) as IntrospectionQuery);
  return schema;
}

/** Every `#graphql`-tagged document in the app's source, with where it was found. */
export function findGraphqlDocuments(root = "app"): { file: string; line: number; source: string }[] {
  const found: { file: string; line: number; source: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "types") walk(full);
      } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        for (const match of text.matchAll(/`#graphql\n([\s\S]*?)`/g)) {
          found.push({
            file: full,
            line: text.slice(0, match.index).split("\n").length,
            source: match[1],
          });
        }
      }
    }
  };
  walk(root);
  return found;
}
