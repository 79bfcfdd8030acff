/**
 * The real Admin API schema, built once per process from Shopify's own introspection
 * (.cache/admin_<version>.json.gz, fetched by `npm run schema:fetch`). Building it takes ~0.6 s, so it is
 * cached in module scope: the demo, every test file and every simulator instance share one copy.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const built = new Map<string, GraphQLSchema>();
const protectedByVersion = new Map<string, Map<string, ProtectedContent>>();

/** What a protected field reveals about a customer (the introspection's `protectedContent`). */
export type ProtectedContent = "name" | "email" | "phone" | "address";

/** Where the introspection for `apiVersion` lives; `ADMIN_SCHEMA_DIR` overrides the folder. */
export function schemaPath(apiVersion: string): string {
  const dir = process.env.ADMIN_SCHEMA_DIR ?? path.join(repoRoot, ".cache");
  return path.join(dir, `admin_${apiVersion}.json.gz`);
}

export function loadAdminSchema(apiVersion = "2026-10"): GraphQLSchema {
  const cached = built.get(apiVersion);
  if (cached) return cached;
  const file = schemaPath(apiVersion);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Admin API ${apiVersion} introspection not found at ${file}. Run \`npm run schema:fetch\` once (needs the npm registry).`,
    );
  }
  const raw = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString("utf8")) as
    { data: IntrospectionQuery } | IntrospectionQuery;
  const introspection = "data" in raw ? raw.data : raw;
  protectedByVersion.set(apiVersion, protectedFieldsOf(introspection));
  // assumeValid: the introspection comes from Shopify; re-validating 10k types would double the start time.
  const schema = buildClientSchema(introspection, { assumeValid: true });
  built.set(apiVersion, schema);
  return schema;
}

/** `Type.field` → what it reveals, for every field Shopify marks `isProtected` (level 2 data). */
export function protectedFields(apiVersion = "2026-10"): Map<string, ProtectedContent> {
  loadAdminSchema(apiVersion);
  return protectedByVersion.get(apiVersion) ?? new Map();
}

type ProtectedMarks = { isProtected?: boolean; protectedContent?: string | null };

function protectedFieldsOf(introspection: IntrospectionQuery): Map<string, ProtectedContent> {
  const map = new Map<string, ProtectedContent>();
  for (const type of introspection.__schema.types) {
    if (!("fields" in type) || !type.fields) continue;
    for (const field of type.fields as readonly (ProtectedMarks & { name: string })[]) {
      if (field.isProtected && field.protectedContent) {
        map.set(`${type.name}.${field.name}`, field.protectedContent as ProtectedContent);
      }
    }
  }
  return map;
}
