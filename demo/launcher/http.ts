import type http from "node:http";
import type { AddressInfo } from "node:net";
import { bodyLimitFor, guardNodeBody, type GuardedBody } from "../../app/http/body-limit.server";
import {
  sendFetchResponse,
  serveFile as serveNodeFile,
  toFetchRequest as toRequest,
} from "../../app/http/node-server.server";

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
  return { request: toRequest(req, url, body, controller.signal), body };
}

export { sendFetchResponse };

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
  return serveNodeFile(req, res, root, pathname, {
    cacheControl: options.immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
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
