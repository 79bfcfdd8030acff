import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "./logger.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// What scripts/serve.mjs and scripts/worker.mjs use from the production build (build.entry.module): the app's
// own instances (its logger and request context, its Prisma client), not second copies.
export { logger, requestIdFrom, runWithRequestContext } from "./logger.server";
export { startBackgroundWork } from "./background.server";
export { prisma } from "./db.server";
export { bodyLimitFor, guardNodeBody } from "./http/body-limit.server";
export { sendFetchResponse, serveFile, toFetchRequest } from "./http/node-server.server";

export const streamTimeout = 5000;

/** Errors Remix caught in loaders, actions and rendering: logged with the request's id and shop. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return; // the client went away: not the app's failure
  const path = new URL(request.url).pathname;
  // Remix's own answers (no route matches, method not allowed) carry their cause: a client error, not ours.
  if (isRouteErrorResponse(error) && error.status < 500)
    logger.warn({ path, status: error.status, reason: error.statusText }, "request refused");
  else {
    const cause = isRouteErrorResponse(error) ? ((error as { error?: unknown }).error ?? error) : error;
    logger.error({ err: cause, path }, "request failed");
  }
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // a route's error response (a 404) was already reported by handleError
        if (!isRouteErrorResponse(error))
          logger.error({ err: error, path: new URL(request.url).pathname }, "render failed");
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
