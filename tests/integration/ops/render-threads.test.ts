import "../../support/app-env";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { adminToken } from "../../support/admin";
import { installShop } from "../../support/shopify-session";

// Templates rendered by the production build (`npm run build` first; skipped without one): the web process
// (scripts/serve.mjs) checks, previews and saves them in build/server/render-thread.js, off its event loop.
const BUILT = fs.existsSync(path.resolve("build/server/render-thread.js"));
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const SHOP = "amend-demo.myshopify.com";
// Runs until the render limits stop it (250 ms per part): without threads, each save stalls the server that long.
const HOSTILE = "{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}";

let web: ChildProcess;
let origin = "";

beforeAll(async () => {
  if (!BUILT) return;
  await installShop(SHOP);
  web = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.DATABASE_URL as string,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  origin = await new Promise<string>((resolve, reject) => {
    let out = "";
    web.stdout!.on("data", (d: Buffer) => {
      out += d;
      const port = /"port":(\d+)[^\n]*"msg":"web process listening"/.exec(out)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    web.stderr!.on("data", (d: Buffer) => (out += d));
    web.on("exit", (code) => reject(new Error(`scripts/serve.mjs exited ${code}:\n${out}`)));
  });
});
afterAll(() => {
  web?.kill("SIGKILL");
});

async function editor(form: Record<string, string>) {
  const token = await adminToken("amend-demo", { jti: crypto.randomUUID() });
  const res = await fetch(`${origin}/app/notifications/editor.data`, {
    method: "POST",
    body: new URLSearchParams({ event: "CANCELLATION_REJECTED", channel: "EMAIL", recipient: "CUSTOMER", ...form }),
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": BROWSER,
    },
  });
  return { status: res.status, text: await res.text() };
}

describe.skipIf(!BUILT)("template rendering in the production build", () => {
  it("GIVEN 8 hostile templates saved at once THEN each is refused with the time limit while /healthz keeps answering fast; a good template then saves and its test email is rendered", async () => {
    // Warm: the first admin request loads the app's modules and starts a render thread.
    expect((await editor({ intent: "preview", locale: "en", subject: "Hi", body: "<p>Hi</p>" })).status).toBe(200);
    const saves = Promise.all(
      Array.from({ length: 8 }, () =>
        editor({ intent: "save", locale: "en", subject: "Hi", body: HOSTILE, textBody: HOSTILE }),
      ),
    );
    let settled = false;
    void saves.finally(() => (settled = true));
    const probes: number[] = [];
    while (!settled) {
      const started = performance.now();
      const res = await fetch(`${origin}/healthz`);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      probes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 5));
    }
    for (const save of await saves) {
      expect(save.status).toBe(422);
      expect(save.text).toContain("the template took longer than 250 ms to render");
    }
    // Eight saves hold at least 2 s of rendering: on the event loop, a probe would wait 250 ms or more each time.
    probes.sort((a, b) => a - b);
    expect(probes.length).toBeGreaterThan(20);
    expect(probes[Math.floor(probes.length * 0.9)]).toBeLessThan(100);
    expect(await prisma.notificationTemplate.count()).toBe(0);

    const good = { locale: "fr", subject: "Désolés {{ customer.first_name }}", body: "<p>{{ request.question }}</p>" };
    expect((await editor({ intent: "save", ...good })).status).toBe(200);
    expect(await prisma.notificationTemplate.findFirst()).toMatchObject({ shop: SHOP, body: good.body });
    expect((await editor({ intent: "test", ...good, to: "merchant@example.com" })).status).toBe(200);
    const queued = await prisma.outboxMessage.findFirstOrThrow({ where: { shop: SHOP } });
    expect(queued.subject).toBe("[TEST] Désolés Camille");
    expect(queued.html).toContain(">Souhaitez-vous annuler toute la commande, ou seulement le pull ?</p>");
  });
});
