import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { listen, sendFetchResponse, serveFile, toFetchRequest } from "./http";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD_ENTRY = path.join(ROOT, "build/server/index.js");
const CLIENT_DIR = path.join(ROOT, "build/client");
/** What the production build is made from: newer than the build means it is stale. */
const SOURCES = ["app", "vite.config.ts", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the build must be (re)made, or null when build/ is newer than every source. */
export function buildStaleReason(): string | null {
  if (!fs.existsSync(BUILD_ENTRY) || !fs.existsSync(CLIENT_DIR)) return "no production build yet";
  const built = fs.statSync(BUILD_ENTRY).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(path.join(ROOT, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** `remix vite:build` (about 15 s on 2 cores), output kept for the error message. */
export function buildApp(log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        log("app built");
        resolve();
      } else reject(new Error(`remix vite:build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

export interface AppServer {
  url: string;
  port: number;
  server: http.Server;
  /** Resolves once the build is loaded (requests that arrive before wait for it). */
  ready: Promise<void>;
}

/**
 * The app itself, in this process: the production build's request handler behind a small Node HTTP server,
 * with build/client's assets (Vite's hashed files cached for a year). Listens at once (a port in use fails
 * fast); the build is imported once `built` resolves. The environment must be set first.
 */
export async function startAppServer(options: {
  port: number;
  variable: string;
  built: Promise<void>;
}): Promise<AppServer> {
  let origin = "";
  const ready = options.built.then(async () => {
    const { createRequestHandler } = await import("@remix-run/node");
    const build = (await import(pathToFileURL(BUILD_ENTRY).href)) as ServerBuild;
    // "production": errors reach the browser sanitised, as in a deployed app.
    return createRequestHandler(build, "production");
  });
  ready.catch(() => undefined);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname.startsWith("/assets/") && serveFile(req, res, CLIENT_DIR, pathname, { immutable: true })) return;
    if (pathname !== "/" && !pathname.startsWith("/app") && serveFile(req, res, CLIENT_DIR, pathname)) return;
    if (pathname === "/favicon.ico") return void res.writeHead(204).end(); // the app has none: not an error
    const { request, body } = toFetchRequest(req, res, origin);
    if (body.refused) return; // over the path's body limit: answered 413
    ready
      .then((handle) => handle(request))
      .then((response) => (body.refused ? undefined : sendFetchResponse(res, response, body.settle())))
      .catch((error: Error) => {
        if (body.refused) return;
        console.error("[app]", error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("Internal Server Error");
      });
  });
  server.keepAliveTimeout = 5_000;
  const port = await listen(server, options.port, options.variable);
  origin = `http://localhost:${port}`;
  return { url: origin, port, server, ready: ready.then(() => undefined) };
}
