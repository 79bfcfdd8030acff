import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseProvider, prisma } from "~/db.server";

// Another process writing between a transaction's read and its write (the worker and a web process on one
// SQLite file) must not make the transaction fail: transactions take the write lock when they begin.
describe.skipIf(databaseProvider() !== "sqlite")("SQLite transactions", () => {
  let other: Database.Database; // another connection, as another process would have
  beforeAll(() => {
    other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { timeout: 100 });
  });
  afterAll(() => other?.close());

  it("GIVEN a transaction that has read WHEN another connection tries to write THEN it waits for the transaction, which commits", async () => {
    await prisma.session.create({ data: { id: "s1", shop: "a.myshopify.com", state: "x", accessToken: "t" } });
    let otherWrite: unknown = "not tried";
    await prisma.$transaction(async (tx) => {
      await tx.session.findUnique({ where: { id: "s1" } });
      try {
        other.prepare(`UPDATE "Session" SET "state" = 'other' WHERE "id" = 's1'`).run();
        otherWrite = "written";
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
      await tx.session.update({ where: { id: "s1" }, data: { state: "mine" } });
    });
    // the other connection found the write lock taken (it would wait, then write); ours committed
    expect(otherWrite).toBe("SQLITE_BUSY");
    expect((await prisma.session.findUniqueOrThrow({ where: { id: "s1" } })).state).toBe("mine");
  });
});
