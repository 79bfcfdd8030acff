/**
 * Child processes for the fault suite: start a node script with an environment, SIGKILL it at random (seeded)
 * moments, restart it, and keep everything it prints in a log file.
 *
 * Output goes straight to a file descriptor, never to a pipe this process reads: a pipe left unread fills up and
 * blocks the child, and a grandchild that inherits it keeps it open after the child is killed. Each child is the
 * leader of its own process group (detached), so a kill reaches its grandchildren too; every group still running
 * is killed when this process exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Rng } from "./rng";

export interface ProcessSpec {
  /** Names the process in logs and reports ("web", "worker"). */
  name: string;
  /** The script and its arguments, run with this Node (`process.execPath`) unless `command` is given. */
  args: string[];
  command?: string;
  /** The child's whole environment (not merged with this process's; pass `{...process.env, ...}` to inherit). */
  env: Record<string, string | undefined>;
  cwd?: string;
  /** Appended to across restarts; each start writes a header line. */
  logFile: string;
  /** Resolves true once the process can do its job (e.g. the port answers); polled until `readyTimeoutMs`. */
  ready?: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const running = new Set<number>();
let exitHookInstalled = false;
function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const pid of running) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SupervisedProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<ExitInfo> | null = null;
  /** How many times it was started, SIGKILLed, and how every run ended. */
  starts = 0;
  kills = 0;
  exits: (ExitInfo & { pid: number; at: string })[] = [];

  constructor(readonly spec: ProcessSpec) {
    fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
    killAllOnExit();
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the process (it must not be running) and waits until `ready` says so. */
  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.spec.name} is already running (pid ${this.child.pid})`);
    this.starts += 1;
    fs.appendFileSync(
      this.spec.logFile,
      `\n--- ${this.spec.name} start #${this.starts} at ${new Date().toISOString()}\n`,
    );
    const fd = fs.openSync(this.spec.logFile, "a");
    let child: ChildProcess;
    try {
      child = spawn(this.spec.command ?? process.execPath, this.spec.args, {
        cwd: this.spec.cwd,
        env: this.spec.env as NodeJS.ProcessEnv,
        stdio: ["ignore", fd, fd],
        detached: true,
      });
    } finally {
      fs.closeSync(fd); // the child has its own copy
    }
    const pid = child.pid;
    if (pid === undefined) {
      await new Promise((resolve) => child.once("error", resolve));
      throw new Error(`${this.spec.name} could not be started (see ${this.spec.logFile})`);
    }
    running.add(pid);
    this.child = child;
    this.exited = new Promise<ExitInfo>((resolve) => {
      child.once("exit", (code, signal) => {
        running.delete(pid);
        this.exits.push({ pid, code, signal, at: new Date().toISOString() });
        fs.appendFileSync(this.spec.logFile, `\n--- ${this.spec.name} pid ${pid} exited: ${signal ?? code}\n`);
        if (this.child === child) this.child = null;
        resolve({ code, signal });
      });
    });
    if (this.spec.ready) await this.waitReady(child);
  }

  private async waitReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + (this.spec.readyTimeoutMs ?? 60_000);
    let exited = false;
    void this.exited!.then(() => (exited = true));
    while (Date.now() < deadline) {
      if (exited || this.child !== child) {
        throw new Error(`${this.spec.name} exited before it was ready: ${tail(this.spec.logFile)}`);
      }
      if (await this.spec.ready!().catch(() => false)) return;
      await sleep(100);
    }
    throw new Error(
      `${this.spec.name} was not ready after ${this.spec.readyTimeoutMs ?? 60_000} ms: ${tail(this.spec.logFile)}`,
    );
  }

  /** Sends `signal` to the process group and waits for the process to exit. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<ExitInfo | null> {
    const child = this.child;
    if (!child?.pid) return null;
    const exited = this.exited!;
    if (signal === "SIGKILL") this.kills += 1;
    fs.appendFileSync(this.spec.logFile, `\n--- ${this.spec.name} ${signal} at ${new Date().toISOString()}\n`);
    try {
      process.kill(-child.pid, signal);
    } catch {
      // exited meanwhile
    }
    return exited;
  }

  /** SIGTERM (the graceful stop), then SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<ExitInfo | null> {
    const child = this.child;
    if (!child) return null;
    const exited = this.exited!;
    await this.kill("SIGTERM");
    const timer = setTimeout(() => void this.kill("SIGKILL"), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  async restart(): Promise<void> {
    await this.kill("SIGKILL");
    await this.start();
  }
}

export interface KillRecord {
  name: string;
  pid: number;
  at: string;
  /** ms the process had been up since it was last ready. */
  upMs: number;
  /** ms from the kill to ready again. */
  downMs: number;
}

/**
 * Until `signal` aborts: wait a random (seeded) time in [minMs, maxMs], SIGKILL one of `targets` (seeded pick; each
 * target once before any twice),
 * restart it after `restartDelayMs`, and go on. Resolves with every kill once stopped; the processes are left
 * running (restarted) at the end.
 */
export async function killAtRandom(input: {
  targets: SupervisedProcess[];
  rng: Rng;
  minMs: number;
  maxMs: number;
  restartDelayMs?: number;
  signal: AbortSignal;
  onKill?: (record: KillRecord) => void;
}): Promise<KillRecord[]> {
  const records: KillRecord[] = [];
  let upSince = Date.now();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (input.signal.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      input.signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  while (!input.signal.aborted) {
    await wait(input.rng.int(input.minMs, input.maxMs));
    if (input.signal.aborted) break;
    // every target is killed at least once before any is killed twice; then any of them
    const notYet = input.targets.filter((t) => !records.some((r) => r.name === t.spec.name));
    const target = input.rng.pick(notYet.length > 0 ? notYet : input.targets);
    const pid = target.pid;
    if (pid === null) continue;
    const killedAt = Date.now();
    await target.kill("SIGKILL");
    if (input.restartDelayMs) await sleep(input.restartDelayMs);
    // A restart that fails (e.g. the database busy at boot) is tried again a few times before the run fails.
    for (let attempt = 1; ; attempt++) {
      try {
        await target.start();
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        await sleep(1_000);
      }
    }
    const record: KillRecord = {
      name: target.spec.name,
      pid,
      at: new Date(killedAt).toISOString(),
      upMs: killedAt - upSince,
      downMs: Date.now() - killedAt,
    };
    upSince = Date.now();
    records.push(record);
    input.onKill?.(record);
  }
  return records;
}

/** The last lines of a log file, for an error message. */
export function tail(file: string, lines = 30): string {
  try {
    return `\n${fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")}`;
  } catch {
    return "(no output)";
  }
}

/** An HTTP readiness probe: any answer from `url` (even 404) means the server listens and handles requests. */
export function httpAnswers(url: string, timeoutMs = 2_000): () => Promise<boolean> {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status < 500;
  };
}

/** A readiness probe on the log: a line matching `pattern` appeared since the last start header. */
export function logSays(file: string, pattern: RegExp): () => Promise<boolean> {
  return async () => {
    const text = fs.readFileSync(file, "utf8");
    const since = text.lastIndexOf("\n--- ");
    return pattern.test(text.slice(since));
  };
}
