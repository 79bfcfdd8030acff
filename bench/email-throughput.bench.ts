/**
 * Email throughput of the outbox against nodemailer alone, and what a SIGKILL mid-batch costs.
 *
 *   npx tsx bench/email-throughput.bench.ts [N]
 *
 * (a) nodemailer (pooled, same options as the app's transport) sends N rendered emails straight to
 *     a local SMTP sink; (b) one outbox worker delivers the same N from a migrated SQLite file.
 *     Prints emails/second for each and the ratio (target ≥ 0.5).
 * Kill test: a worker in a child process is SIGKILLed mid-batch; another one starts after the lease;
 *     prints delivered / duplicates / lost, counted by Message-ID at the sink.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printTable } from "./lib/stats";

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), "..");
const LEASE_MS = 3_000;

if (process.argv.includes("--worker")) {
  await runChildWorker();
} else {
  await main();
}

/** The child: one outbox worker on DATABASE_URL delivering to the sink on SMTP_PORT, until killed. */
async function runChildWorker() {
  const { createPrismaClient } = await import("../app/db.server");
  const { createSmtpTransport } = await import("../app/notifications/transports/smtp.server");
  const { createOutboxWorker } = await import("../app/notifications/worker.server");
  const db = createPrismaClient(process.env.DATABASE_URL);
  const email = createSmtpTransport({
    host: "127.0.0.1",
    port: Number(process.env.SMTP_PORT),
    secure: false,
    from: "notifications@amend.app",
  });
  const worker = createOutboxWorker({
    db,
    transports: { email },
    batchSize: 50,
    leaseMs: LEASE_MS,
    pollIntervalMs: 100,
    workerId: `child-${process.pid}`,
  });
  worker.start();
  process.stdout.write("ready\n");
  process.on("SIGTERM", async () => {
    await worker.stop();
    await email.close?.();
    await db.$disconnect();
    process.exit(0);
  });
}

async function main() {
  const N = Number(process.argv[2] ?? 500);
  const dir = path.join(root, ".cache/bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `outbox-${Date.now()}.db`);
  const url = `file:${file}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  process.env.DATABASE_URL = url;

  const { createPrismaClient } = await import("../app/db.server");
  const { enqueueNotifications } = await import("../app/notifications/outbox.server");
  const { smtpTransportOptions, createSmtpTransport } = await import("../app/notifications/transports/smtp.server");
  const { createOutboxWorker } = await import("../app/notifications/worker.server");
  const { startSmtpSink } = await import("../demo/smtp-sink/server");
  const nodemailer = (await import("nodemailer")).default;

  const db = createPrismaClient(url);
  const sink = await startSmtpSink();
  const config = { host: "127.0.0.1", port: sink.port, secure: false, from: "notifications@amend.app" };
  const shop = "bench.myshopify.com";
  await db.shopBranding.create({
    data: {
      shop,
      shopName: "Maison Lumière",
      shopEmail: "owner@bench.example",
      logoUrl: "https://cdn.bench.example/logo.png",
      accentColor: "#b00060",
    },
  });

  /** Renders and queues `count` customer emails through the app's own path, 100 per transaction. */
  async function queue(count: number, tag: string): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 100) {
      await db.$transaction(
        async (tx) => {
          for (let i = start; i < Math.min(count, start + 100); i++) {
            const r = await enqueueNotifications(tx, {
              shop,
              requestId: null,
              eventId: `${tag}-${i}`,
              event: "CANCELLATION_APPROVED",
              locale: i % 2 ? "fr" : "en",
              facts: {
                order: { name: `#${1000 + i}`, statusUrl: `https://bench.example/orders/${i}` },
                customer: { firstName: `Client ${i}` },
                request: { id: `r${i}`, kind: "CANCELLATION", status: "APPLIED" },
              },
              customer: { email: `customer${i}@bench.example` },
              recipients: ["CUSTOMER"],
            });
            ids.push(...r.queued.map((q) => q.id));
          }
        },
        { timeout: 120_000 },
      );
    }
    return ids;
  }

  const waitFor = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 300_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  process.stdout.write(`rendering and queueing ${N} emails… `);
  const ids = await queue(N, "tp");
  const rows = await db.outboxMessage.findMany({ where: { id: { in: ids } } });
  console.log("done");

  // (a) nodemailer alone: the same rendered messages, but fresh Message-IDs so the counts stay apart.
  const direct = nodemailer.createTransport(smtpTransportOptions(config));
  let t0 = performance.now();
  await Promise.all(
    rows.map((m, i) =>
      direct.sendMail({
        from: { name: m.fromName ?? "", address: config.from },
        to: m.recipient,
        replyTo: m.replyTo ?? undefined,
        subject: m.subject ?? "",
        html: m.html ?? undefined,
        text: m.text,
        messageId: `<direct-${i}@amend.app>`,
        headers: { "Auto-Submitted": "auto-generated", "X-Amend-Outbox-Id": m.id },
      }),
    ),
  );
  const directSeconds = (performance.now() - t0) / 1000;
  direct.close();
  const directRate = N / directSeconds;

  // (b) one outbox worker, from the database, recording every attempt.
  const email = createSmtpTransport(config);
  const worker = createOutboxWorker({ db, transports: { email }, batchSize: 100, pollIntervalMs: 20 });
  const before = sink.messages.length;
  t0 = performance.now();
  worker.start();
  await waitFor(() => sink.messages.length - before >= N, "the worker");
  await waitFor(
    async () => (await db.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === N,
    "the outbox to record SENT",
  );
  const workerSeconds = (performance.now() - t0) / 1000;
  await worker.stop();
  await email.close?.();
  const workerRate = N / workerSeconds;

  console.log(`\nthroughput, N=${N} emails to a local SMTP sink (same process, same nodemailer options)`);
  console.log(`  (a) nodemailer direct, pooled:  ${directRate.toFixed(1)} emails/s  (${directSeconds.toFixed(2)} s)`);
  console.log(`  (b) outbox worker from SQLite:  ${workerRate.toFixed(1)} emails/s  (${workerSeconds.toFixed(2)} s)`);
  console.log(
    `  ratio (b)/(a): ${(workerRate / directRate).toFixed(2)}  (target ≥ 0.5) ${workerRate / directRate >= 0.5 ? "OK" : "BELOW TARGET"}`,
  );

  // Kill test.
  const K = Math.min(N, 300);
  const killIds = await queue(K, "kill");
  const killRows = await db.outboxMessage.findMany({ where: { id: { in: killIds } }, select: { messageId: true } });
  const wanted = new Set(killRows.map((r) => r.messageId));
  const received = () => sink.messages.filter((m) => wanted.has(m.messageId));
  await db.$disconnect(); // the parent stays off the database while children write to it

  const startChild = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ["--import", "tsx", here, "--worker"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, SMTP_PORT: String(sink.port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.once("exit", (code) => reject(new Error(`bench: worker child exited early (${code})`)));
    });
    return child;
  };

  const first = await startChild();
  await waitFor(() => received().length >= K / 3, "the first worker to deliver a third");
  first.kill("SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const atKill = received().length;
  console.log(
    `\nkill test, ${K} emails: worker pid ${first.pid} SIGKILLed after ${atKill} deliveries; restarting after the ${LEASE_MS} ms lease`,
  );

  const second = await startChild();
  await waitFor(() => new Set(received().map((m) => m.messageId)).size >= K, "the second worker", 120_000).catch(
    () => undefined,
  );
  await new Promise((r) => setTimeout(r, LEASE_MS + 500)); // anything late would show up now
  second.kill("SIGTERM");
  await new Promise((r) => second.once("exit", r));

  const counts = new Map<string, number>();
  for (const m of received()) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  const delivered = counts.size;
  const duplicates = [...counts.values()].reduce((n, c) => n + (c - 1), 0);
  const lost = K - delivered;
  const check = createPrismaClient(url);
  const statuses = await check.outboxMessage.groupBy({ by: ["status"], where: { id: { in: killIds } }, _count: true });
  await check.$disconnect();
  console.log(
    `  delivered: ${delivered}/${K}   duplicates (same Message-ID received again): ${duplicates}   lost: ${lost}`,
  );
  console.log(`  outbox: ${statuses.map((s) => `${s.status} ${s._count}`).join(", ")}`);
  if (duplicates > 0) {
    console.log(
      "  (a duplicate is a send the server accepted just before the kill, not yet recorded: it carries the same Message-ID, so the mailbox recognises it)",
    );
  }
  printTable(`email: outbox worker vs nodemailer direct (N=${N}), and a worker SIGKILLed mid-batch (${K})`, [
    {
      figure: "outbox worker throughput",
      value: `${workerRate.toFixed(1)} emails/s`,
      baseline: `${directRate.toFixed(1)} emails/s (nodemailer direct)`,
      ratio: `${(workerRate / directRate).toFixed(2)}×`,
      target: "≥ 0.5×",
      met: workerRate / directRate >= 0.5 ? "yes" : "no",
    },
    {
      figure: "kill test: delivered",
      value: `${delivered}/${K}`,
      baseline: "—",
      ratio: "—",
      target: `${K}/${K}`,
      met: delivered === K ? "yes" : "no",
    },
    {
      figure: "kill test: duplicates (same Message-ID)",
      value: `${duplicates}`,
      baseline: "—",
      ratio: "—",
      target: "(for reference)",
      met: "yes",
    },
    {
      figure: "kill test: lost",
      value: `${lost}`,
      baseline: "—",
      ratio: "—",
      target: "0",
      met: lost === 0 ? "yes" : "no",
    },
  ]);
  await sink.close();
  fs.rmSync(file, { force: true });
}
