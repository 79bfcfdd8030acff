import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { bodyLimitFor, guardNodeBody, type GuardedBody } from "../../app/http/body-limit.server";

/** Listens on 127.0.0.1:port; a port in use becomes an error naming the port and the variable to change. */
export async function listen(server: http.Server, port: number, variable: string, host = "127.0.0.1"): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      reject(
        error.code === "EADDRINUSE"
          ? new PortInUseError(port, variable)
          : error.code === "EACCES"
            ? new PortInUseError(port, variable, `Port ${port} needs privileges`)
            : error,
      );
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
  return (server.address() as AddressInfo).port;
}

export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(
    readonly port: number,
    readonly variable: string,
    reason = `Port ${port} is already in use`,
  ) {
    super(`${reason}: set ${variable} to a free port, e.g. ${variable}=${port + 100} npm run demo`);
  }
}

/** Closes a server and the keep-alive connections a browser left open. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * A Node request as a Fetch Request (aborted when the client goes away), its body under the path's limit as in
 * production: when `body.refused` the 413 is already the answer (the app's must not be written).
 */
export function toFetchRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  origin: string,
): { request: Request; body: GuardedBody } {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const url = new URL(req.url ?? "/", origin);
  const body = guardNodeBody(req, res, bodyLimitFor(url.pathname), () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (method !== "GET" && method !== "HEAD" && body.stream) {
    init.body = body.stream;
    init.duplex = "half";
  }
  return { request: new Request(url, init), body };
}

/** Writes a Fetch Response to a Node response, streaming its body; `extraHeaders` from the body guard's settle(). */
export async function sendFetchResponse(
  res: http.ServerResponse,
  response: Response,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) return void res.end();
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  } catch {
    // the client went away mid-stream
  }
  res.end();
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves a file from `root` when the path names one (no directory escape); false otherwise.
 * `immutable`: content-hashed files (Vite's /assets) are cached for a year.
 */
export function serveFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  root: string,
  pathname: string,
  options: { immutable?: boolean } = {},
): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return false;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": stat.size,
    "Cache-Control": options.immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (req.method === "HEAD") res.end();
  else fs.createReadStream(file).pipe(res);
  return true;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

export async function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
