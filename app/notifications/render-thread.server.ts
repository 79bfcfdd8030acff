// A render thread of the render pool (render-pool.server.ts): renders notifications and checks templates
// off the server's event loop. The build emits it as build/server/render-thread.js (vite.config.ts).
import { parentPort } from "node:worker_threads";
import { renderNotification, TemplateError, validateTemplate } from "./render";
import type { RenderJob, RenderReply, RenderResult } from "./render-pool.server";

if (!parentPort) throw new Error("render-thread.server.ts runs as a worker thread of the render pool");
const port = parentPort;

function run(job: RenderJob): RenderResult {
  return job.op === "render" ? renderNotification(job.input) : validateTemplate(job.source, job.kind);
}

port.on("message", ({ id, job }: { id: number; job: RenderJob }) => {
  let reply: RenderReply;
  try {
    reply = { id, ok: true, value: run(job) };
  } catch (err) {
    reply =
      err instanceof TemplateError
        ? { id, ok: false, template: { reason: err.reason, line: err.line, column: err.column, part: err.part } }
        : { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
