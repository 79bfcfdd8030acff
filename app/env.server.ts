import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

/** Every variable the app reads. `.env.example` lists the same, with examples. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1, "is required: the app's client id from the Partner Dashboard / shopify.app.toml"),
  SHOPIFY_API_SECRET: z.string().min(1, "is required: the app's client secret"),
  SHOPIFY_APP_URL: z.url("must be the app's public https URL, e.g. https://amend.example.com"),
  SCOPES: z.string().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default("file:./prisma/dev.db"),
  /** Where the Admin API is reached: Shopify itself in production; the simulator in the demo and tests. */
  SHOPIFY_ADMIN_API_ORIGIN: z.url().optional(),
  DEMO_MODE: booleanish,
  /** Demo only (npm run demo): where the launcher serves the SMTP and SMS sinks' captured messages as JSON. */
  DEMO_MAILBOX_URL: z.url().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: booleanish,
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  SMS_API_URL: z.url().optional(),
  SMS_ACCOUNT_SID: z.string().optional(),
  SMS_AUTH_TOKEN: z.string().optional(),
  SMS_FROM: z.string().optional(),
  /** The order facts cache (read per call by app/services/order-facts-cache.server.ts): `off`, and its freshness. */
  ORDER_FACTS_CACHE: z.enum(["on", "off", ""]).optional(),
  ORDER_FACTS_MAX_AGE_SECONDS: z.union([z.literal(""), z.coerce.number().positive()]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

/** Validates an environment; the error names every missing or wrong variable and what it should be. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const given = source[name];
    return given === undefined || given === ""
      ? `  - ${name} is missing: it ${issue.message.replace(/^is /, "is ")}`
      : `  - ${name} is wrong (${JSON.stringify(given)}): it ${issue.message}`;
  });
  throw new Error(`Amend cannot start: the environment is incomplete.\n${lines.join("\n")}\nSee .env.example.`);
}

let cached: Env | undefined;
/** The process environment, validated once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
