import crypto from "node:crypto";
import http from "node:http";

/** One SMS as the sink accepted it. */
export interface CapturedSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  idempotencyKey: string | null;
  receivedAt: Date;
}

export interface SmsSink {
  /** The API root to give the app as SMS_API_URL. */
  url: string;
  accountSid: string;
  authToken: string;
  messages: CapturedSms[];
  /**
   * Numbers the provider cannot deliver to (a landline, a number out of service): a send to one is answered 400 with
   * Twilio's error 21614 ("not a valid mobile number"), which no retry changes.
   */
  undeliverable(numbers: string[]): void;
  /** Answers the next `n` sends with this HTTP status (500 by default) and a Twilio-style error. */
  fail(n: number, status?: number): void;
  close(): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A Twilio-compatible SMS provider stand-in over real HTTP: POST
 * /2010-04-01/Accounts/{sid}/Messages.json with Basic auth and a form body (To, From, Body).
 * A repeated Idempotency-Key gets the first answer back and sends nothing, as a provider should.
 */
export async function startSmsSink(
  options: { port?: number; host?: string; accountSid?: string; authToken?: string } = {},
): Promise<SmsSink> {
  const accountSid = options.accountSid ?? "ACamenddemo";
  const authToken = options.authToken ?? "amend-demo-token";
  const messages: CapturedSms[] = [];
  const byKey = new Map<string, { status: number; body: unknown }>();
  let failLeft = 0;
  let failStatus = 500;
  const unreachable = new Set<string>();
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;

  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string) =>
      answer(status, { code, message, status, more_info: `https://www.twilio.com/docs/errors/${code}` });
    const url = new URL(req.url ?? "/", "http://sink");
    if (req.headers.authorization !== expectedAuth)
      return error(401, 20003, "Authenticate: wrong account SID or auth token");
    if (url.pathname !== path) return error(404, 20404, `The requested resource ${url.pathname} was not found`);
    if (req.method === "GET") return answer(200, { messages: messages.map(toResource) });
    if (req.method !== "POST") return error(405, 20004, "Method not allowed");

    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
      const seen = key ? byKey.get(key) : undefined;
      if (seen) return answer(seen.status, seen.body);
      if (failLeft > 0) {
        failLeft--;
        return error(
          failStatus,
          failStatus === 429 ? 20429 : 20500,
          failStatus === 429 ? "Too many requests" : "Service unavailable, try again",
        );
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const to = form.get("To") ?? "";
      const from = form.get("From") ?? "";
      const body = form.get("Body") ?? "";
      if (!E164.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (unreachable.has(to)) return error(400, 21614, `'To' number ${to} is not a valid mobile number.`);
      if (!from) return error(400, 21603, "A 'From' phone number is required.");
      if (!body) return error(400, 21602, "Message body is required.");
      if (body.length > 1600)
        return error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
      const sms: CapturedSms = {
        sid: `SM${crypto.randomBytes(16).toString("hex")}`,
        to,
        from,
        body,
        idempotencyKey: key,
        receivedAt: new Date(),
      };
      messages.push(sms);
      const resource = toResource(sms);
      if (key) byKey.set(key, { status: 201, body: resource });
      answer(201, resource);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    accountSid,
    authToken,
    messages,
    undeliverable(numbers) {
      for (const n of numbers) unreachable.add(n);
    },
    fail(n, status = 500) {
      failLeft = n;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function toResource(sms: CapturedSms) {
    return {
      sid: sms.sid,
      account_sid: accountSid,
      to: sms.to,
      from: sms.from,
      body: sms.body,
      status: "queued",
      date_created: sms.receivedAt.toUTCString(),
    };
  }
}
