import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  TemplateError,
  type RenderedEmail,
  type RenderedNotification,
  type RenderedSms,
  type RenderInput,
  type TemplateCheck,
  type TemplatePart,
} from "./render";

/** Wall-clock budget for one job in a render thread (ms), every part included: past it the thread is replaced. */
export const RENDER_JOB_TIME_LIMIT_MS = 1_000;
/** Heap of one render thread (MB): a template that needs more fails, the server's own heap is untouched. */
export const RENDER_THREAD_HEAP_MB = 64;

/** What a render thread is asked to do. */
export type RenderJob =
  { op: "render"; input: RenderInput } | { op: "validate"; source: string; kind: "html" | "text" };

/** What a job gives back: a rendered notification, or a template check. */
export type RenderResult = RenderedNotification | TemplateCheck;

/** A render thread's answer to job `id`. */
export type RenderReply =
  | { id: number; ok: true; value: RenderResult }
  | {
      id: number;
      ok: false;
      template?: { reason: string; line: number; column: number; part?: TemplatePart };
      message?: string;
    };

/** Who is waiting: a notification being queued goes before a template check in the editor. */
export type RenderPriority = "send" | "check";

/** The pool's queue for this priority is full: try again shortly. */
export class RenderBusyError extends Error {
  override name = "RenderBusyError";
}

export interface RenderPoolOptions {
  /** Render threads at most; by default one per core beyond the first, between 1 and 3. */
  size?: number;
  /** Per-job budget (ms); RENDER_JOB_TIME_LIMIT_MS by default. */
  jobTimeLimitMs?: number;
  /** Jobs waiting per priority at most; past it run() refuses with RenderBusyError. */
  maxQueued?: Partial<Record<RenderPriority, number>>;
  heapMb?: number;
}

interface Pending {
  job: RenderJob;
  part?: TemplatePart;
  resolve: (value: RenderResult) => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  pending: (Pending & { id: number }) | null;
  timer: NodeJS.Timeout | null;
}

/** Render threads on this machine: the event loop keeps a core, the threads share the rest (1 to 3). */
export function defaultRenderThreads(): number {
  return Math.max(1, Math.min(3, os.availableParallelism() - 1));
}

const MEMORY_MESSAGE = "the template needs too much memory (a loop over too many items, or text repeated too often)";

/**
 * The thread entry next to this module: the TypeScript source under Vitest and tsx, which a thread loads
 * through tsx's loader, or the build's render-thread.js beside build/server/index.js.
 */
function threadEntry(): { file: string; typescript: boolean } {
  const here = fileURLToPath(import.meta.url);
  const typescript = here.endsWith(".ts");
  return {
    file: path.join(path.dirname(here), typescript ? "render-thread.server.ts" : "render-thread.js"),
    typescript,
  };
}

/** tsx's loader API, as an ES module (its CommonJS twin cannot register hooks from a worker thread). */
function tsxApi(): string {
  return pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
}

/**
 * A small pool of worker threads that render notifications and check templates, so a slow or hostile
 * template never blocks the server's event loop. Each job has a total time budget: a thread that overruns
 * it is terminated and replaced, and the caller gets the TemplateError the merchant sees for a slow template.
 */
export class RenderPool {
  private readonly size: number;
  private readonly limitMs: number;
  private readonly maxQueued: Record<RenderPriority, number>;
  private readonly heapMb: number;
  private readonly queues: Record<RenderPriority, Pending[]> = { send: [], check: [] };
  private readonly threads = new Set<Thread>();
  private nextId = 1;
  private closed = false;

  constructor(options: RenderPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultRenderThreads());
    this.limitMs = options.jobTimeLimitMs ?? RENDER_JOB_TIME_LIMIT_MS;
    this.maxQueued = { send: 1_000, check: 64, ...options.maxQueued };
    this.heapMb = options.heapMb ?? RENDER_THREAD_HEAP_MB;
  }

  /** Renders one notification in a render thread; rejects with TemplateError when a template fails. */
  render(input: RenderInput & { channel: "EMAIL" }, priority?: RenderPriority): Promise<RenderedEmail>;
  render(input: RenderInput & { channel: "SMS" }, priority?: RenderPriority): Promise<RenderedSms>;
  render(input: RenderInput, priority?: RenderPriority): Promise<RenderedNotification>;
  async render(input: RenderInput, priority: RenderPriority = "send"): Promise<RenderedNotification> {
    return (await this.run({ op: "render", input }, priority)) as RenderedNotification;
  }

  /** Checks a template as validateTemplate does, in a render thread (priority "check"). */
  async validate(source: string, kind: "html" | "text" = "html"): Promise<TemplateCheck> {
    try {
      return (await this.run({ op: "validate", source, kind }, "check", kind)) as TemplateCheck;
    } catch (err) {
      if (err instanceof TemplateError) return { ok: false, line: err.line, column: err.column, message: err.reason };
      throw err;
    }
  }

  /** Threads running and jobs waiting, for tests and logs. */
  get stats() {
    return {
      threads: this.threads.size,
      busy: [...this.threads].filter((t) => t.pending).length,
      queued: this.queues.send.length + this.queues.check.length,
    };
  }

  /** Stops every thread; jobs still waiting or running are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error("the render pool was closed");
    for (const p of [...this.queues.send.splice(0), ...this.queues.check.splice(0)]) p.reject(stopped);
    await Promise.all(
      [...this.threads].map((thread) => {
        this.threads.delete(thread);
        if (thread.timer) clearTimeout(thread.timer);
        thread.pending?.reject(stopped);
        thread.pending = null;
        return thread.worker.terminate();
      }),
    );
  }

  private run(job: RenderJob, priority: RenderPriority, part?: TemplatePart): Promise<RenderResult> {
    if (this.closed) return Promise.reject(new Error("the render pool was closed"));
    const queue = this.queues[priority];
    if (queue.length >= this.maxQueued[priority])
      return Promise.reject(new RenderBusyError(`${queue.length} ${priority} renders are already waiting`));
    return new Promise((resolve, reject) => {
      queue.push({ job, part, resolve, reject });
      this.pump();
    });
  }

  private queued(): number {
    return this.queues.send.length + this.queues.check.length;
  }

  /** Hands waiting jobs to idle threads, starting threads (up to the size) while jobs wait. */
  private pump(): void {
    while (this.queued() > 0) {
      const idle = [...this.threads].find((t) => t.ready && !t.pending);
      if (idle) {
        this.start(idle, (this.queues.send.shift() ?? this.queues.check.shift())!);
        continue;
      }
      const booting = [...this.threads].filter((t) => !t.ready).length;
      if (this.threads.size < this.size && booting < this.queued()) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private start(thread: Thread, pending: Pending): void {
    const id = this.nextId++;
    thread.pending = { ...pending, id };
    thread.worker.ref();
    thread.timer = setTimeout(() => this.overrun(thread), this.limitMs);
    thread.worker.postMessage({ id, job: pending.job });
  }

  private spawn(): void {
    const entry = threadEntry();
    const resourceLimits = { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 8 };
    const worker = entry.typescript
      ? new Worker(
          // The TypeScript entry through tsx's loader, registered in the thread before the entry loads.
          `import(${JSON.stringify(tsxApi())}).then(({ register }) => {` +
            ` register({ tsconfig: ${JSON.stringify(path.resolve(path.dirname(entry.file), "../../tsconfig.json"))} });` +
            ` return import(${JSON.stringify(pathToFileURL(entry.file).href)}); })`,
          { eval: true, resourceLimits },
        )
      : new Worker(entry.file, { resourceLimits });
    const thread: Thread = { worker, ready: false, pending: null, timer: null };
    this.threads.add(thread);
    worker.on("message", (message: RenderReply | { ready: true }) => {
      if ("ready" in message) {
        thread.ready = true;
        this.pump();
      } else this.finish(thread, message);
      if (!thread.pending) worker.unref();
    });
    worker.on("error", (err: Error & { code?: string }) => this.lost(thread, err));
    worker.on("exit", (code) => this.lost(thread, new Error(`a render thread exited (code ${code})`)));
  }

  private finish(thread: Thread, reply: RenderReply): void {
    const pending = thread.pending;
    // An answer from a thread already replaced (it overran) is for a caller already answered.
    if (!this.threads.has(thread) || pending?.id !== reply.id) return;
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    thread.pending = null;
    if (reply.ok) pending.resolve(reply.value);
    else if (reply.template) {
      const t = reply.template;
      pending.reject(new TemplateError(t.reason, t.line, t.column, t.part));
    } else pending.reject(new Error(reply.message ?? "the render thread failed"));
    this.pump();
  }

  /** The job ran past its budget: the thread is stopped mid-render and replaced for the next job. */
  private overrun(thread: Thread): void {
    const pending = thread.pending;
    this.drop(thread);
    void thread.worker.terminate();
    pending?.reject(
      new TemplateError(
        `the template took longer than ${this.limitMs} ms to render (an endless or very long loop?)`,
        1,
        1,
        pending.part,
      ),
    );
    this.pump();
  }

  /** The thread died (out of memory, a crash, or it never started). */
  private lost(thread: Thread, err: Error & { code?: string }): void {
    if (!this.threads.has(thread)) return;
    const { pending, ready } = thread;
    this.drop(thread);
    if (pending) {
      pending.reject(
        err.code === "ERR_WORKER_OUT_OF_MEMORY" ? new TemplateError(MEMORY_MESSAGE, 1, 1, pending.part) : err,
      );
    }
    // A thread that cannot even start would fail every job the same way: refuse them rather than loop.
    if (!ready) {
      const failed = new Error(`the render thread could not start: ${err.message}`);
      for (const p of [...this.queues.send.splice(0), ...this.queues.check.splice(0)]) p.reject(failed);
    }
    this.pump();
  }

  private drop(thread: Thread): void {
    this.threads.delete(thread);
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    thread.pending = null;
  }
}

let shared: RenderPool | null = null;

/** The process's render pool, started on first use. */
export function renderPool(): RenderPool {
  return (shared ??= new RenderPool());
}
