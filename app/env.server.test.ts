import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://amend.example.com",
};

describe("parseEnv", () => {
  it("accepts a complete environment and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.DEMO_MODE).toBe(false);
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("names every missing variable", () => {
    expect(() => parseEnv({})).toThrowError(
      /SHOPIFY_API_KEY is missing[\s\S]*SHOPIFY_API_SECRET is missing[\s\S]*SHOPIFY_APP_URL is missing/,
    );
  });

  it("names a wrong variable with the value given and what it should be", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrowError(
      /DATABASE_URL is wrong \("mysql:\/\/x"\): it must start with file: \(SQLite\) or postgresql:\/\//,
    );
    expect(() => parseEnv({ ...valid, SMTP_PORT: "99999" })).toThrowError(/SMTP_PORT is wrong/);
  });
});
