// The production web process (`npm start`): the Remix build behind Node's HTTP server, build/client's files,
// a request id and one log line per request, and a graceful stop on SIGTERM / SIGINT.
//
//   PORT (default 3000), HOST (default: every interface)
//   RUN_WORKER=1   also run the outbox worker and the periodic jobs here (one instance, no `npm run worker`)
//   SHUTDOWN_GRACE_MS (default 10000): how long in-flight requests may take to finish after SIGTERM
/* global AbortController, performance, setTimeout -- Node 20 globals */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Before the build loads: the app reads NODE_ENV when its modules load (remix-serve does the same).
process.env.NODE_ENV ??= "production";

const ROOT = path.resolve(import.meta.dirname, "..");
const BUILD = path.join(ROOT, "build/server/index.js");
const CLIENT = path.join(ROOT, "build/client");
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS || 10_000);
const HARD_EXIT_MS = GRACE_MS + 10_000;
/** Set on SIGTERM: answers say Connection: close, so keep-alive clients let go. */
let draining = false;

if (!fs.existsSync(BUILD)) {
  console.error(`[amend] ${path.relative(process.cwd(), BUILD)} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
const { createRequestHandler } = await import("@remix-run/node");
const build = await import(pathToFileURL(BUILD).href);
// The app's own logger, request context and Prisma client (app/entry.server.tsx), not second copies.
// The request conversion, the response writer and the static files are the ones the demo's servers use too.
const {
  bodyLimitFor,
  guardNodeBody,
  logger,
  prisma,
  requestIdFrom,
  runWithRequestContext,
  sendFetchResponse,
  serveFile,
  startBackgroundWork,
  toFetchRequest,
} = build.entry.module;
const handle = createRequestHandler(build, process.env.NODE_ENV);

/** The request's public URL; throws on a malformed Host or target. */
function requestUrl(req) {
  // Behind a proxy (the usual deployment) the public scheme is in X-Forwarded-Proto.
  const proto =
    String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]
      .trim() === "https"
      ? "https"
      : "http";
  // Concatenated, not resolved: a target like "//other.host/x" stays a path on this host.
  const target = req.url?.startsWith("/") ? req.url : "/";
  return new URL(`${proto}://${req.headers.host || "localhost"}${target}`);
}

const server = http.createServer((req, res) => {
  const started = performance.now();
  let url;
  try {
    url = requestUrl(req);
  } catch {
    return void res.writeHead(400, { Connection: "close" }).end();
  }
  const pathname = url.pathname;
  // build/client's files; Vite's hashed /assets cached a year; while stopping, the client is told to let go
  const fileHeaders = {
    cacheControl: pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
    extra: draining ? { Connection: "close" } : {},
  };
  if (pathname !== "/" && !pathname.startsWith("/app") && serveFile(req, res, CLIENT, pathname, fileHeaders)) {
    res.on("finish", () => logger.debug({ method: req.method, path: pathname, status: res.statusCode }, "file"));
    return;
  }
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  res.setHeader("X-Request-Id", requestId);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  // The body limit of this path, enforced before the app (or Shopify's library, for an HMAC) reads a byte of it.
  const body = guardNodeBody(req, res, bodyLimitFor(pathname), () => controller.abort());
  runWithRequestContext({ requestId }, async () => {
    if (!body.refused) {
      try {
        const response = await handle(toFetchRequest(req, url, body, controller.signal));
        // Refused mid-read: the 413 is the answer, whatever the app made of its cut body. Stopping: the client
        // learns not to reuse this connection, so it closes once the answer is sent.
        if (!body.refused)
          await sendFetchResponse(res, response, { ...body.settle(), ...(draining ? { connection: "close" } : {}) });
      } catch (err) {
        if (!body.refused) {
          logger.error({ err, path: pathname }, "request failed");
          if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain", Connection: "close" });
          res.end("Internal Server Error");
        }
      }
    }
    const line = {
      method: req.method,
      path: pathname,
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
    };
    // Probes every few seconds would drown the rest: a healthy answer to one is debug.
    if (pathname === "/healthz" && res.statusCode === 200) logger.debug(line, "request");
    else logger.info(line, "request");
  });
});
server.keepAliveTimeout = 5_000;
// A finished answer while stopping: its keep-alive connection is idle now, close it.
server.on("request", (_req, res) => res.on("finish", () => draining && server.closeIdleConnections()));

const port = Number(process.env.PORT || 3000);
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, process.env.HOST, resolve);
});
logger.info({ port: server.address().port, pid: process.pid }, "web process listening");

const background = ["1", "true"].includes(process.env.RUN_WORKER ?? "") ? await startBackgroundWork() : null;
if (background)
  logger.info({ workerId: background.workerId }, "outbox worker and periodic jobs running in the web process");

async function shutdown(signal) {
  if (draining) {
    logger.warn({ signal }, "second signal while stopping: exiting now");
    process.exit(1);
  }
  draining = true;
  logger.info({ signal, graceMs: GRACE_MS }, "stopping: no new connections, finishing in-flight requests");
  setTimeout(() => {
    logger.error({ afterMs: HARD_EXIT_MS }, "stopping took too long: exiting");
    process.exit(1);
  }, HARD_EXIT_MS).unref();

  const closed = new Promise((resolve) => server.close(() => resolve(true)));
  server.closeIdleConnections();
  const stoppingWork = background?.stop();
  const drained = await Promise.race([closed, new Promise((r) => setTimeout(() => r(false), GRACE_MS).unref())]);
  if (!drained) {
    logger.warn({ graceMs: GRACE_MS }, "requests still running after the grace period: closing their connections");
    server.closeAllConnections();
    await closed;
  }
  try {
    await stoppingWork;
    await prisma.$disconnect();
  } catch (err) {
    logger.error({ err }, "stopping the worker or the database connection failed");
  }
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
