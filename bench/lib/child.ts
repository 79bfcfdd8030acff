import { spawn, type ChildProcess } from "node:child_process";

/**
 * Starts `npx tsx <script> ...args` in its own process group and resolves with the URL it prints as
 * "READY <url>". stop() ends the whole group: npx and tsx each start a process under it, and killing npx alone
 * left the script running (and holding the bench's output open) after the bench ended.
 */
export function startChild(
  script: string,
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; stop: () => void }> {
  const child = spawn("npx", ["tsx", script, ...args], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/READY (\S+)/);
      if (match) resolve({ url: match[1], child, stop });
    });
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}
