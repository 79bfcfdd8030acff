import "@shopify/shopify-app-remix/adapters/node";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";

describe("Shopify session storage on the app's database", () => {
  afterAll(() => prisma.$disconnect());

  it("GIVEN an offline session WHEN stored THEN it loads back equal and deletes", async () => {
    const storage = new PrismaSessionStorage(prisma);
    const session = new Session({
      id: "offline_amend-test.myshopify.com",
      shop: "amend-test.myshopify.com",
      state: "state",
      isOnline: false,
      accessToken: "shpat_test",
      scope: "read_orders,write_orders",
    });
    expect(await storage.storeSession(session)).toBe(true);
    expect((await storage.loadSession(session.id))?.equals(session)).toBe(true);
    expect(await storage.findSessionsByShop("amend-test.myshopify.com")).toHaveLength(1);
    expect(await storage.deleteSession(session.id)).toBe(true);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });
});

describe("CachedPrismaSessionStorage", () => {
  it("GIVEN an offline session loaded once THEN it is served from memory until stored again or deleted", async () => {
    const { CachedPrismaSessionStorage } = await import("~/session-storage.server");
    const storage = new CachedPrismaSessionStorage(prisma, 60_000);
    const session = new Session({
      id: "offline_cache.myshopify.com",
      shop: "cache.myshopify.com",
      state: "s",
      isOnline: false,
      accessToken: "one",
    });
    await storage.storeSession(session);
    expect((await storage.loadSession(session.id))?.accessToken).toBe("one");
    // a write behind the storage's back is not seen within the TTL…
    await prisma.session.update({ where: { id: session.id }, data: { accessToken: "two" } });
    expect((await storage.loadSession(session.id))?.accessToken).toBe("one");
    // …but a write through the storage is, at once
    session.accessToken = "three";
    await storage.storeSession(session);
    expect((await storage.loadSession(session.id))?.accessToken).toBe("three");
    await storage.deleteSession(session.id);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });
});
