import pino from "pino";

/**
 * Structured JSON logs. Never log a customer's address, a token or a message body: log ids and codes.
 * Silent under tests unless LOG_LEVEL says otherwise.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  redact: ["*.address", "*.token", "*.accessToken", "*.body", "req.headers.authorization"],
  base: { app: "amend" },
});
