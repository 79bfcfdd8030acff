import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { Env } from "~/env.server";
import type { DeliveryResult, OutgoingMessage, Transport } from "./types";

export interface SmtpConfig {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the server upgrades to TLS (STARTTLS); for servers on 587. */
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  /** The sender address, e.g. notifications@amend.app; the shop's name becomes its display name. */
  from: string;
  /** Reuse connections (nodemailer pool); on by default: one handshake per connection, not per email. */
  pool?: boolean;
  maxConnections?: number;
  /** Accept self-signed certificates (a local relay); never in production. */
  allowInvalidCertificates?: boolean;
  connectionTimeoutMs?: number;
  /**
   * How long a silent server may keep a send waiting (default 20 s): shorter than the worker's shutdown
   * timeout (scripts/worker.mjs, 25 s), so a stuck send fails and is handed back before the worker exits.
   */
  socketTimeoutMs?: number;
}

/** The SMTP settings from the environment (SMTP_*), or null when SMTP is not configured. */
export function smtpConfigFromEnv(
  env: Pick<Env, "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD" | "SMTP_FROM">,
): SmtpConfig | null {
  if (!env.SMTP_HOST) return null;
  if (!env.SMTP_FROM)
    throw new Error(
      "SMTP_HOST is set but SMTP_FROM is missing: set the sender address, e.g. notifications@your-domain.com",
    );
  const secure = env.SMTP_SECURE ?? false;
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT ?? (secure ? 465 : 587),
    secure,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
    from: env.SMTP_FROM,
  };
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

export const SMTP_SOCKET_TIMEOUT_MS = 20_000;

/** The nodemailer options for a config (also what the benchmark's direct baseline uses). */
export function smtpTransportOptions(config: SmtpConfig): SMTPPool.Options {
  return {
    pool: true,
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTLS,
    auth: config.auth,
    maxConnections: config.maxConnections ?? 5,
    maxMessages: 100,
    connectionTimeout: config.connectionTimeoutMs ?? 10_000,
    greetingTimeout: config.connectionTimeoutMs ?? 10_000,
    socketTimeout: config.socketTimeoutMs ?? SMTP_SOCKET_TIMEOUT_MS,
    tls: config.allowInvalidCertificates ? { rejectUnauthorized: false } : undefined,
  };
}

/** Email over SMTP with nodemailer; the answer is the server's response line. */
export function createSmtpTransport(config: SmtpConfig): Transport & { verify(): Promise<true> } {
  const options = smtpTransportOptions(config);
  const transporter =
    config.pool === false
      ? nodemailer.createTransport({ ...options, pool: false } as never)
      : nodemailer.createTransport(options);

  return {
    async send(message: OutgoingMessage): Promise<DeliveryResult> {
      try {
        const info = await transporter.sendMail({
          from: message.fromName ? { name: message.fromName, address: config.from } : config.from,
          to: message.recipient,
          replyTo: message.replyTo ?? undefined,
          subject: message.subject ?? "",
          html: message.html ?? undefined,
          text: message.text,
          // The stored Message-ID: a retry after a crash is recognisably the same email.
          messageId: message.messageId,
          headers: { "Auto-Submitted": "auto-generated", "X-Amend-Outbox-Id": message.id },
        });
        return { ok: true, response: info.response, providerMessageId: info.messageId };
      } catch (err) {
        const e = err as SmtpError;
        const response = e.response ? `${e.command ?? "SMTP"}: ${e.response}` : `${e.code ?? "ERROR"}: ${e.message}`;
        // A 5xx on RCPT TO is the recipient itself refused: retrying cannot help, resending elsewhere can.
        const permanent = (e.responseCode ?? 0) >= 500 && e.command === "RCPT TO";
        return { ok: false, response, retryable: !permanent };
      }
    },
    verify: () => transporter.verify(),
    close: () => transporter.close(),
  };
}
