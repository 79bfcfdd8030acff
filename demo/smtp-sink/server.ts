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
  /**
   * Refuses these recipients at RCPT TO with `550 5.1.1 mailbox unavailable`, as a receiving server does for an address
   * that does not exist or a full mailbox: permanent, the message is not taken. Adds to the set; `[]` changes nothing.
   */
  rejectRecipients(addresses: string[]): void;
  /** Cuts the connection after the next `n` messages' DATA, before answering: the sender cannot know. */
  drop(n: number): void;
  /**
   * The server goes down until `up()`: "refuse" (default) stops listening and cuts every open connection (the sender
   * gets ECONNREFUSED / ECONNRESET); "421" keeps listening but greets with `421 Service not available` and answers
   * 421 to sessions already open (RFC 5321 §3.8: the server is shutting down). Nothing is accepted meanwhile.
   */
  down(mode?: OutageMode): Promise<void>;
  /** Back up, on the same port. */
  up(): Promise<void>;
  /** down(mode), then up() after `ms`: resolves once the sink is back. */
  outage(ms: number, mode?: OutageMode): Promise<void>;
  /** Whether the sink is down now, and what it turned away while down. */
  outageStatus(): { down: OutageMode | null; refusedConnections: number; refusedCommands: number };
  close(): Promise<void>;
}

export type OutageMode = "refuse" | "421";

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
  const rejected = new Set<string>();
  const sockets = new Map<number, Socket>();
  let outage: OutageMode | null = null;
  let refusedConnections = 0;
  let refusedCommands = 0;
  const unavailable = () =>
    Object.assign(new Error("Service not available, closing transmission channel"), { responseCode: 421 });

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    banner: "Amend SMTP sink",
    size: 25 * 1024 * 1024,
    onConnect(_session, callback) {
      if (outage) {
        refusedConnections++;
        return callback(unavailable());
      }
      callback();
    },
    onAuth(_auth, _session, callback) {
      callback(null, { user: "sink" });
    },
    onMailFrom(_address, _session, callback) {
      if (outage) {
        refusedCommands++;
        return callback(unavailable());
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address.toLowerCase())) {
        return callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true })
        .then((mail) => {
          if (outage) {
            // went down during the transfer: not accepted, and the sender is told so
            refusedCommands++;
            callback(unavailable());
            return;
          }
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
  const host = options.host ?? "127.0.0.1";
  // While down in "refuse" mode, a connection that slips in before the listener is gone is cut at once.
  server.server.on("connection", (socket: Socket) => {
    if (outage === "refuse") {
      refusedConnections++;
      socket.destroy();
    }
  });

  const down = async (mode: OutageMode = "refuse") => {
    if (outage) return;
    outage = mode;
    if (mode === "refuse") {
      for (const s of sockets.values()) s.destroy();
      await new Promise<void>((resolve) => server.server.close(() => resolve()));
    }
  };
  const up = async () => {
    if (!outage) return;
    const was = outage;
    outage = null;
    if (was === "refuse") {
      await new Promise<void>((resolve, reject) => {
        server.server.once("error", reject);
        server.server.listen(port, host, () => {
          server.server.off("error", reject);
          resolve();
        });
      });
    }
  };

  return {
    port,
    messages,
    rejectRecipients(addresses) {
      for (const a of addresses) rejected.add(a.toLowerCase());
    },
    refuse(n, code = 451) {
      refuseLeft = n;
      refuseCode = code;
    },
    drop(n) {
      dropLeft = n;
    },
    down,
    up,
    async outage(ms, mode = "refuse") {
      await down(mode);
      await new Promise((resolve) => setTimeout(resolve, ms));
      await up();
    },
    outageStatus: () => ({ down: outage, refusedConnections, refusedCommands }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets.values()) s.destroy();
        if (outage === "refuse") return resolve(); // not listening: nothing to close
        server.close(() => resolve());
      }),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}
