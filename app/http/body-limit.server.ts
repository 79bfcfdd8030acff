import type { IncomingMessage, ServerResponse } from "node:http";

const KiB = 1024;
const MiB = 1024 * KiB;

/** The largest request body each part of the app accepts, by leading path segments; anything else gets the default. */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
  { prefix: "/api/customer", bytes: 32 * KiB },
  { prefix: "/api/checkout", bytes: 32 * KiB },
  { prefix: "/api/admin", bytes: 64 * KiB },
  { prefix: "/flow", bytes: 64 * KiB },
  { prefix: "/webhooks", bytes: 2 * MiB },
  // the storefront's forms (app proxy): a name, an order number, an email, a few quantities
  { prefix: "/proxy", bytes: 16 * KiB },
];
/** Admin pages (`/app/*`) and every other path. */
export const DEFAULT_BODY_LIMIT = 1 * MiB;

/** How many bytes a request body to `pathname` may have (case-insensitive, as the router matches paths). */
export function bodyLimitFor(pathname: string): number {
  const path = pathname.toLowerCase().replace(/\/{2,}/g, "/");
  const match = BODY_LIMITS.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
  return match?.bytes ?? DEFAULT_BODY_LIMIT;
}

/** "32 KiB", "2 MiB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

export const PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

/** The 413 answer's JSON, as every API error: `{ error: { code, message, limitBytes } }`. */
export function payloadTooLargeBody(limit: number) {
  return {
    error: {
      code: PAYLOAD_TOO_LARGE,
      message: `The request body is larger than the ${formatBytes(limit)} this address accepts.`,
      limitBytes: limit,
    },
  };
}

export function payloadTooLargeResponse(limit: number, headers: HeadersInit = {}): Response {
  return Response.json(payloadTooLargeBody(limit), {
    status: 413,
    headers: { "Cache-Control": "no-store", ...headers },
  });
}

/** A body over its limit; thrown by the readers below, answered 413 by whoever catches it. */
export class PayloadTooLargeError extends Error {
  override name = "PayloadTooLargeError";
  constructor(readonly limit: number) {
    super(`request body over ${formatBytes(limit)}`);
  }
}

/** The declared Content-Length, or null when there is none (chunked) or it is not a number. */
function declaredLength(value: string | null | undefined): number | null {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/**
 * A Fetch Request's body as bytes, read with the limit enforced: a declared length over it is refused before
 * reading, and a streamed body is cancelled as soon as it passes the limit. Throws PayloadTooLargeError.
 */
export async function readBodyBytes(
  request: Request,
  limit = bodyLimitFor(new URL(request.url).pathname),
): Promise<Uint8Array> {
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > limit) throw new PayloadTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, with the limit enforced as in readBodyBytes. */
export async function readBodyText(request: Request, limit?: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}

/**
 * After a 413 mid-upload: how long the client gets to read it before the socket goes, and how much more of its body
 * is read (and dropped) meanwhile; past that, reading stops, so a client still sending waits instead of being reset.
 */
const LINGER_MS = 5_000;
const LINGER_BYTES = 1 * MiB;

/** What a Node server does with one request's body (see guardNodeBody). */
export interface GuardedBody {
  /** The body for the Fetch Request: counted as the app reads it, errored at the limit. Undefined when refused. */
  stream: ReadableStream<Uint8Array> | undefined;
  /** True once this request was answered 413 here: the app's own answer for it must not be written. */
  readonly refused: boolean;
  /**
   * Called just before the app's answer is written. An unread rest of the body is discarded as it arrives (still
   * counted against the limit) so the connection can serve its next request; when its length is unknown (chunked)
   * the answer closes the connection instead: the headers to add are returned.
   */
  settle(): Record<string, string>;
}

/**
 * Enforces `limit` on a Node request's body before the app sees it. A declared Content-Length over the limit is
 * answered 413 with `Connection: close` at once, without reading; a body without one is counted as it streams and
 * answered 413 the moment it passes the limit. `onRefuse` runs first (abort the app's work on it). After a 413 the
 * socket closes once the client has had a moment to read the answer; nothing more of the body is kept.
 */
export function guardNodeBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  onRefuse: () => void = () => undefined,
): GuardedBody {
  const declared = declaredLength(req.headers["content-length"]);
  const hasBody = declared !== null ? declared > 0 : req.headers["transfer-encoding"] !== undefined;
  let state: "reading" | "discarding" | "refused" = "reading";
  let received = 0;
  let refusedAt = 0;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;

  const refuse = () => {
    if (state === "refused") return;
    state = "refused";
    refusedAt = received;
    onRefuse();
    try {
      controller?.error(new PayloadTooLargeError(limit));
    } catch {
      // the stream was already closed
    }
    lingerThenClose(req, res);
    if (res.headersSent) return; // answered already (a chunked rest being discarded): the connection just goes
    const text = JSON.stringify(payloadTooLargeBody(limit));
    res.writeHead(413, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(text),
      "Cache-Control": "no-store",
      Connection: "close",
    });
    res.end(text);
  };

  req.pause();
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (state === "refused") {
      // Not destroy: a reset now would make the client's kernel drop the 413 it has not read yet.
      if (received - refusedAt > LINGER_BYTES) stopReading(req);
      return;
    }
    if (received > limit) return refuse();
    if (state !== "reading" || !controller) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  });
  req.on("end", () => {
    if (state === "reading") controller?.close();
  });
  const gone = () => {
    if (state === "reading") controller?.error(new Error("the client went away"));
  };
  req.on("aborted", gone);
  req.on("error", gone);

  if (declared !== null && declared > limit) {
    refuse();
    return { stream: undefined, refused: true, settle: () => ({}) };
  }

  const stream = hasBody
    ? new ReadableStream<Uint8Array>(
        {
          start: (c) => void (controller = c),
          pull: () => void req.resume(),
          cancel: () => {
            if (state === "reading") state = "discarding";
            req.resume();
          },
        },
        { highWaterMark: 64 * KiB, size: (chunk) => chunk.byteLength },
      )
    : undefined;

  return {
    stream,
    get refused() {
      return state === "refused";
    },
    settle(): Record<string, string> {
      if (state !== "reading" || req.complete) return {};
      state = "discarding";
      try {
        controller?.error(new Error("answered before the body was read"));
      } catch {
        // already closed
      }
      req.resume();
      if (declared !== null) return {};
      lingerThenClose(req, res);
      return { Connection: "close" };
    },
  };
}

/** Reads no more of the socket: TCP flow control holds the sender until the linger timer destroys it. */
function stopReading(req: IncomingMessage) {
  req.pause();
  req.socket.pause();
}

/**
 * Node destroys a `Connection: close` socket as soon as the answer is flushed; with the client still sending, that
 * is a reset that can reach it before the answer. Instead: close our side, keep discarding what arrives for a
 * moment (at most LINGER_BYTES, then nothing more is read), and destroy after LINGER_MS.
 */
function lingerThenClose(req: IncomingMessage, res: ServerResponse) {
  const socket = req.socket;
  req.resume();
  if (req.complete) return; // nothing more is coming: Node's own close is clean
  const destroy = () => socket.destroy();
  socket.destroySoon = () => {
    socket.end();
    setTimeout(destroy, LINGER_MS).unref();
  };
  res.on("close", () => setTimeout(destroy, LINGER_MS).unref());
}
