import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import type { GuardedBody } from "./body-limit.server";

/**
 * What the production web process (scripts/serve.mjs, through the build's entry) and the demo's servers
 * (demo/launcher) share to serve the app from Node's HTTP server: the request conversion, the response writer and
 * the static files.
 */

/** The Node request as a Fetch Request: its body the guarded stream (body limits), aborted with `signal`. */
export function toFetchRequest(req: http.IncomingMessage, url: URL, body: GuardedBody, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal };
  if (method !== "GET" && method !== "HEAD" && body.stream) {
    init.body = body.stream;
    init.duplex = "half";
  }
  return new Request(url, init);
}

/** Writes a Fetch Response to a Node response, streaming its body; `extraHeaders` (the body guard's, Connection). */
export async function sendFetchResponse(
  res: http.ServerResponse,
  response: Response,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
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

/** Serves a file of `root` when the path names one (no escape from it); false otherwise. */
export function serveFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  root: string,
  pathname: string,
  headers: { cacheControl: string; extra?: Record<string, string> },
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
    "Cache-Control": headers.cacheControl,
    ...headers.extra,
  });
  if (req.method === "HEAD") res.end();
  else fs.createReadStream(file).pipe(res);
  return true;
}
