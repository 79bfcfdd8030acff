/**
 * HTTP/1.1 over a bare socket, for what fetch cannot do: declare a 50 MB body and send only its first bytes,
 * stream a chunked body until the server stops it, send a second request on the same keep-alive connection
 * after an unread body. Answers are parsed as they come; each one is recorded.
 */
import net from "node:net";
import { hostile } from "./context";
import { record } from "./recorder";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** ms from the connection's last request written (or opened) to this answer's end. */
  ms: number;
}

export class RawConnection {
  private buffer = Buffer.alloc(0);
  private wake: (() => void) | null = null;
  closed = false;
  /** The socket error, if any (ECONNRESET, EPIPE). */
  error: string | null = null;
  private since = Date.now();

  private constructor(private readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      this.error ??= error.code ?? error.message;
    });
    socket.on("close", () => {
      this.closed = true;
      this.wake?.();
    });
  }

  static async open(): Promise<RawConnection> {
    const { hostname, port } = new URL(hostile().appUrl);
    const socket = net.connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    return new RawConnection(socket);
  }

  /** Writes the request line and headers (Host and User-Agent added). */
  head(method: string, pathname: string, headers: Record<string, string | number>): void {
    const lines = [
      `${method} ${pathname} HTTP/1.1`,
      `Host: ${new URL(hostile().appUrl).host}`,
      "User-Agent: Mozilla/5.0 (hostile suite)",
    ];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    this.since = Date.now();
    this.write(`${lines.join("\r\n")}\r\n\r\n`);
  }

  /** Writes bytes; false once the connection is gone (the server stopped reading and closed). */
  write(data: string | Buffer): boolean {
    if (this.closed || this.socket.destroyed || this.socket.writableEnded) return false;
    this.socket.write(data, () => undefined);
    return true;
  }

  /** Waits until the socket can take more (or is gone): sends a big body without buffering it all. */
  async drained(): Promise<void> {
    if (this.closed || !this.socket.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      this.socket.once("drain", done);
      this.socket.once("close", done);
    });
  }

  /** The next whole answer, or null if the connection closed (or `timeoutMs` passed) before one came. */
  async answer(timeoutMs = 10_000): Promise<RawAnswer | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = this.parse();
      if (parsed) return { ...parsed, ms: Date.now() - this.since };
      if (this.closed || Date.now() > deadline) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private parse(): Omit<RawAnswer, "ms"> | null {
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end < 0) return null;
    const [statusLine, ...lines] = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const i = line.indexOf(":");
      headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const status = Number(statusLine.split(" ")[1]);
    let rest = this.buffer.subarray(end + 4);
    let body: Buffer;
    if (headers["transfer-encoding"]?.includes("chunked")) {
      const parts: Buffer[] = [];
      let offset = 0;
      for (;;) {
        const lineEnd = rest.indexOf("\r\n", offset);
        if (lineEnd < 0) return null;
        const size = parseInt(rest.subarray(offset, lineEnd).toString(), 16);
        if (size === 0) {
          if (rest.length < lineEnd + 4) return null;
          offset = lineEnd + 4;
          break;
        }
        if (rest.length < lineEnd + 2 + size + 2) return null;
        parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
        offset = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts);
      rest = rest.subarray(offset);
    } else if (headers["content-length"] !== undefined) {
      const length = Number(headers["content-length"]);
      if (rest.length < length) return null;
      body = rest.subarray(0, length);
      rest = rest.subarray(length);
    } else {
      if (!this.closed && status !== 204 && status !== 304) return null; // read until close
      body = rest;
      rest = Buffer.alloc(0);
    }
    this.buffer = rest;
    return { status, headers, body: body.toString("utf8") };
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Records a raw exchange's outcome (null: no answer) like `send` does. */
export function recordRaw(
  method: string,
  pathname: string,
  answer: RawAnswer | null,
  connection: RawConnection,
  closeAllowed = false,
): void {
  record({
    method,
    path: pathname,
    status: answer?.status ?? null,
    ms: answer?.ms ?? 0,
    ...(answer ? {} : { error: connection.error ?? "closed without an answer" }),
    closeAllowed,
  });
}
