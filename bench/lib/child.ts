import { spawn, type ChildProcess } from "node:child_process";

/** Starts `npx tsx <script> ...args` and resolves with the URL it prints as "READY <url>". */
export function startChild(script: string, args: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn("npx", ["tsx", script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/READY (\S+)/);
      if (match) resolve({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}
