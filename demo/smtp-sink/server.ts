import type { Socket } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One email as the sink received and parsed it. */
export interface CapturedEmail {
  messageId: string;
  from: string;
  to: string[];
  replyTo: string | null;
  subject: string;
  html: string | null;
  text: string;
  headers: Record<string, string>;
  receivedAt: Date;
}

export interface SmtpSink {
  port: number;
  /** Every email accepted, in order; the same Message-ID twice means the sender sent it twice. */
  messages: CapturedEmail[];
  /** Answers the next `n` messages with an SMTP error at the end of DATA (451: try later; 554: refused). */
  refuse(n: number, code?: number): void;
  /** Cuts the connection after the next `n` messages' DATA, before answering: the sender cannot know. */
  drop(n: number): void;
  close(): Promise<void>;
}

/**
 * An SMTP server that keeps what it receives in memory, for the demo mailbox and the tests.
 * No TLS and any (or no) login: it listens on 127.0.0.1 only.
 */
export async function startSmtpSink(
  options: { port?: number; host?: string; parse?: boolean } = {},
): Promise<SmtpSink> {
  const messages: CapturedEmail[] = [];
  let refuseLeft = 0;
  let refuseCode = 451;
  let dropLeft = 0;
  const sockets = new Map<number, Socket>();

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    banner: "Amend SMTP sink",
    size: 25 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "sink" });
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true })
        .then((mail) => {
          if (dropLeft > 0) {
            dropLeft--;
            sockets.get(session.remotePort)?.destroy();
            return;
          }
          if (refuseLeft > 0) {
            refuseLeft--;
            const err = Object.assign(
              new Error(refuseCode >= 500 ? "Message refused by policy" : "Mailbox busy, try again later"),
              {
                responseCode: refuseCode,
              },
            );
            callback(err);
            return;
          }
          const headers: Record<string, string> = {};
          for (const [k, v] of mail.headers) headers[k] = typeof v === "string" ? v : JSON.stringify(v);
          messages.push({
            messageId: mail.messageId ?? "",
            from: mail.from?.text ?? "",
            to: addresses(mail.to),
            replyTo: mail.replyTo?.text ?? null,
            subject: mail.subject ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            text: mail.text ?? "",
            headers,
            receivedAt: new Date(),
          });
          callback(null, `Message queued as sink-${messages.length}`);
        })
        .catch((err: Error) => callback(err));
    },
  });
  // smtp-server does not expose a session's socket: keep them by remote port so drop() can cut one.
  server.server.on("connection", (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.on("close", () => sockets.delete(port));
  });
  server.on("error", () => {
    // A client vanishing mid-session (as drop() causes) is not the sink's failure.
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);

  return {
    port,
    messages,
    refuse(n, code = 451) {
      refuseLeft = n;
      refuseCode = code;
    },
    drop(n) {
      dropLeft = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets.values()) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}
