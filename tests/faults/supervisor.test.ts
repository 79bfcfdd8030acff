import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRng } from "./lib/rng";
import { SupervisedProcess, httpAnswers, killAtRandom, logSays } from "./lib/supervisor";

const CHILD = path.resolve(import.meta.dirname, "fixtures/child.mjs");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amend-supervisor-"));
const started: SupervisedProcess[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function supervised(name: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const logFile = path.join(dir, `${name}.log`);
  const p = new SupervisedProcess({
    name,
    args: [CHILD],
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    logFile,
    ready: httpAnswers(`http://127.0.0.1:${port}/`),
    readyTimeoutMs: 10_000,
  });
  started.push(p);
  return { p, port, logFile };
}

afterEach(async () => {
  for (const p of started.splice(0)) await p.stop(2_000);
});

describe("SupervisedProcess", () => {
  it("starts with its environment, writes its output to the file, and stops gracefully on SIGTERM", async () => {
    const { p, port, logFile } = await supervised("graceful", { GREETING: "bonjour" });
    await p.start();
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe(`pid ${p.pid}`);
    const exit = await p.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    const log = fs.readFileSync(logFile, "utf8");
    expect(log).toContain("(bonjour)");
    expect(log).toContain("SIGTERM: stopping");
    expect(p.running).toBe(false);
  });

  it("SIGKILL reaches the grandchild that holds its output, and restart() brings it back on the same port", async () => {
    const { p, port, logFile } = await supervised("killed", { GRANDCHILD: "1" });
    await p.start();
    await expect.poll(() => logSays(logFile, /grandchild alive/)(), { timeout: 5_000 }).toBe(true);
    const grandchild = Number(/grandchild (\d+)/.exec(fs.readFileSync(logFile, "utf8"))![1]);
    const first = p.pid!;
    expect(await p.kill("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    await expect.poll(() => alive(grandchild), { timeout: 3_000 }).toBe(false);
    await p.start();
    expect(p.pid).not.toBe(first);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe(`pid ${p.pid}`);
    expect(p.kills).toBe(1);
    expect(p.starts).toBe(2);
    expect(fs.readFileSync(logFile, "utf8")).toMatch(/killed start #2/);
  });

  it("says why when the process dies before it is ready", async () => {
    const p = new SupervisedProcess({
      name: "broken",
      args: ["-e", "console.log('no config'); process.exit(3)"],
      env: { PATH: process.env.PATH },
      logFile: path.join(dir, "broken.log"),
      ready: async () => false,
      readyTimeoutMs: 5_000,
    });
    await expect(p.start()).rejects.toThrow(/broken exited before it was ready[\s\S]*no config/);
  });
});

describe("killAtRandom", () => {
  it("kills and restarts at seeded moments until stopped", async () => {
    const a = await supervised("a");
    const b = await supervised("b");
    await a.p.start();
    await b.p.start();
    const controller = new AbortController();
    const kills = killAtRandom({
      targets: [a.p, b.p],
      rng: createRng(1),
      minMs: 100,
      maxMs: 300,
      signal: controller.signal,
    });
    // a few kills, however slowly node starts on a busy machine
    await expect.poll(() => a.p.kills + b.p.kills, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(3);
    controller.abort();
    const records = await kills;
    expect(records.length).toBeGreaterThanOrEqual(3);
    expect(a.p.kills + b.p.kills).toBe(records.length);
    // the same seed picks the same targets in the same order
    const picks = createRng(1);
    const expected: string[] = [];
    for (let i = 0; i < records.length; i++) {
      picks.int(100, 300);
      const notYet = ["a", "b"].filter((n) => !expected.includes(n));
      expected.push(picks.pick(notYet.length > 0 ? notYet : ["a", "b"]));
    }
    expect(new Set(expected.slice(0, 2))).toEqual(new Set(["a", "b"])); // both killed before either twice
    expect(records.map((r) => r.name)).toEqual(expected);
    expect(a.p.running && b.p.running).toBe(true);
  });
});
