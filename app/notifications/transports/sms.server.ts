import type { Env } from "~/env.server";
import type { DeliveryResult, OutgoingMessage, Transport } from "./types";

export interface SmsConfig {
  /** The provider's API root, e.g. https://api.twilio.com (or the demo sink). */
  apiUrl: string;
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or alphanumeric sender id. */
  from: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The SMS settings from the environment (SMS_*), or null when SMS is not configured. */
export function smsConfigFromEnv(
  env: Pick<Env, "SMS_API_URL" | "SMS_ACCOUNT_SID" | "SMS_AUTH_TOKEN" | "SMS_FROM">,
): SmsConfig | null {
  if (!env.SMS_API_URL) return null;
  const missing = (["SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN", "SMS_FROM"] as const).filter((k) => !env[k]);
  if (missing.length)
    throw new Error(
      `SMS_API_URL is set but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing: SMS cannot be sent without them`,
    );
  return {
    apiUrl: env.SMS_API_URL,
    accountSid: env.SMS_ACCOUNT_SID!,
    authToken: env.SMS_AUTH_TOKEN!,
    from: env.SMS_FROM!,
  };
}

/** SMS through a Twilio-compatible REST API: POST …/2010-04-01/Accounts/{sid}/Messages.json. */
export function createSmsTransport(config: SmsConfig): Transport {
  const doFetch = config.fetch ?? fetch;
  const url = `${config.apiUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;

  return {
    async send(message: OutgoingMessage): Promise<DeliveryResult> {
      let res: Response;
      try {
        res = await doFetch(url, {
          method: "POST",
          headers: {
            authorization,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
            // The provider drops a second request with the same key: a retry after a crash is one SMS.
            "idempotency-key": message.idempotencyKey,
          },
          body: new URLSearchParams({ To: message.recipient, From: config.from, Body: message.text }).toString(),
          signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
        });
      } catch (err) {
        return { ok: false, response: `network: ${(err as Error).message}`, retryable: true };
      }
      const raw = await res.text().catch(() => "");
      let body: { sid?: string; status?: string; message?: string; code?: number } = {};
      try {
        body = JSON.parse(raw);
      } catch {
        // A non-JSON answer (a proxy's error page): kept verbatim in the log below.
      }
      if (res.ok && body.sid) {
        return {
          ok: true,
          response: `${res.status} ${body.status ?? "accepted"} ${body.sid}`,
          providerMessageId: body.sid,
        };
      }
      const detail = body.message
        ? `${body.code ? `${body.code} ` : ""}${body.message}`
        : raw.slice(0, 500) || res.statusText;
      // 429 and 5xx pass; 401/403 wait for the credentials to be fixed; other 4xx (a bad number) will not pass.
      const retryable = [401, 403, 408, 429].includes(res.status) || res.status >= 500 || (res.ok && !body.sid);
      return { ok: false, response: `${res.status} ${detail}`, retryable };
    },
  };
}
