import type { Db } from "~/db.server";
import {
  cachedOrderFacts,
  invalidateOrderFacts,
  storeOrderFacts,
  storeWithdrawalFacts,
  type CachedFacts,
} from "~/models/order-facts-cache.server";
import type { ShopBudget } from "~/shopify/budget.server";
import { ShopifyUnavailableError } from "~/shopify/errors";
import { withdrawalFactsRequestedCost, type WithdrawalReadOptions } from "~/shopify/withdrawal.server";
import type { FactsRead, ShopifyPort, WithdrawalRead } from "./ports";

/** The options' read, `AmendOrderFacts`: its requested cost, what the budget must afford. */
export const ORDER_FACTS_REQUESTED_COST = 71;

/** The cache's settings, read per call (a bench or an operator can switch it off without a restart). */
export function factsCacheSettings(source: Record<string, string | undefined> = process.env) {
  const maxAgeSeconds = Number(source.ORDER_FACTS_MAX_AGE_SECONDS ?? "");
  return {
    enabled: source.ORDER_FACTS_CACHE !== "off",
    /** The safety net: an entry no webhook invalidated is fresh this long. */
    maxAgeMs: (Number.isFinite(maxAgeSeconds) && maxAgeSeconds > 0 ? maxAgeSeconds : 600) * 1000,
  };
}

/** How long a question's read from Shopify waits for the bucket when the budget is low and nothing is cached. */
const DEFER_MAX_MS = 3_000;

const numericId = (orderId: string) => orderId.split("/").pop() ?? orderId;

/**
 * The port with the order facts cache: questions (`readOrderFacts`) are answered from a fresh entry, or stale
 * (and marked) when the shop's budget is low or Shopify does not answer; every fresh read (`getOrderFacts`, what
 * decisions use) refreshes the entry; Amend's own changes to an order invalidate it.
 */
export function withFactsCache(
  port: ShopifyPort & Partial<QuestionReads>,
  deps: { db: Db; shop: string; budget: ShopBudget; now?: () => Date },
): ShopifyPort {
  const { db, shop, budget } = deps;
  const now = deps.now ?? (() => new Date());
  const settings = () => factsCacheSettings();

  async function readAndStore(orderId: string, read: () => Promise<ShopifyReadResult>) {
    const startedAt = now();
    const facts = await read();
    if (facts && settings().enabled)
      await storeOrderFacts(db, shop, numericId(orderId), facts, startedAt).catch(() => false);
    return { facts, startedAt };
  }

  const invalidate = (orderId: string) =>
    settings().enabled ? invalidateOrderFacts(db, shop, numericId(orderId), now()).catch(() => undefined) : undefined;

  /** One of Amend's own changes in Shopify: the order's entry is invalidated afterwards, whether it succeeded or not. */
  const changing =
    <I, R>(change: (input: I) => Promise<R>, orderOf: (input: I) => string) =>
    async (input: I): Promise<R> => {
      try {
        return await change(input);
      } finally {
        await invalidate(orderOf(input));
      }
    };

  /** Whether the entry's withdrawal facts answer a read of that kind (lines only, or everything). */
  const withdrawalOf = (entry: CachedFacts | null, linesOnly: boolean) =>
    entry?.withdrawal && (!entry.withdrawal.linesOnly || linesOnly) ? entry.withdrawal : null;

  const staleRead = (entry: CachedFacts): FactsRead => ({
    facts: entry.facts,
    asOf: entry.fetchedAt,
    stale: true,
    source: "cache",
  });

  return {
    ...port,
    getOrderFacts: async (orderId) => (await readAndStore(orderId, () => port.getOrderFacts(orderId))).facts,
    async readOrderFacts(orderId, admit) {
      const { enabled, maxAgeMs } = settings();
      const entry = enabled ? await cachedOrderFacts(db, shop, numericId(orderId)) : null;
      if (entry && !entry.invalidated && now().getTime() - entry.fetchedAt.getTime() < maxAgeMs) {
        return { facts: entry.facts, asOf: entry.fetchedAt, stale: false, source: "cache" };
      }
      // past freshness: while the budget is low the mutations keep it, and the customer sees the last facts
      if (entry && budget.isLowFor(ORDER_FACTS_REQUESTED_COST)) return staleRead(entry);
      admit?.();
      try {
        const questionRead = port.readFreshForQuestion ?? port.getOrderFacts;
        const { facts, startedAt } = await readAndStore(orderId, () => questionRead(orderId));
        return { facts, asOf: startedAt, stale: false, source: "shopify" };
      } catch (error) {
        // throttled past the bound or unreachable: an answer from the last facts, marked, not an error
        if (entry && error instanceof ShopifyUnavailableError) return staleRead(entry);
        // nothing to show and the budget is the reason: "ask again shortly", not an error
        if (error instanceof ShopifyUnavailableError && error.budget)
          return {
            facts: null,
            asOf: now(),
            stale: false,
            source: "shopify",
            pendingRetryAfterSeconds: error.retryAfterSeconds,
          };
        throw error;
      }
    },
    async readWithdrawalFacts(orderId, options): Promise<WithdrawalRead> {
      const { enabled, maxAgeMs } = settings();
      const id = numericId(orderId);
      const entry = enabled ? await cachedOrderFacts(db, shop, id) : null;
      const cached = withdrawalOf(entry, options.linesOnly);
      if (cached && !cached.invalidated && now().getTime() - cached.fetchedAt.getTime() < maxAgeMs)
        return { facts: cached.facts, asOf: cached.fetchedAt, stale: false, source: "cache" };
      const stale = (): WithdrawalRead => ({
        facts: cached!.facts,
        asOf: cached!.fetchedAt,
        stale: true,
        source: "cache",
      });
      const cost = withdrawalFactsRequestedCost(options.size, options.linesOnly);
      if (cached && budget.isLowFor(cost)) return stale();
      const startedAt = now();
      try {
        const read = port.readWithdrawalFreshForQuestion ?? port.getWithdrawalFacts;
        const facts = await read(orderId, options);
        // kept with the order facts they were read for (the entry this question was answered from)
        if (facts && entry && !entry.invalidated)
          await storeWithdrawalFacts(
            db,
            shop,
            id,
            entry.fetchedAt,
            { facts, linesOnly: options.linesOnly },
            startedAt,
          ).catch(() => false);
        return { facts, asOf: startedAt, stale: false, source: "shopify" };
      } catch (error) {
        if (cached && error instanceof ShopifyUnavailableError) return stale();
        if (error instanceof ShopifyUnavailableError && error.budget)
          return {
            facts: null,
            asOf: now(),
            stale: false,
            source: "shopify",
            pendingRetryAfterSeconds: error.retryAfterSeconds,
          };
        throw error;
      }
    },
    applyShippingAddress: changing(port.applyShippingAddress.bind(port), (input) => input.facts.legacyId),
    holdForCancellation: changing(port.holdForCancellation.bind(port), (input) => input.facts.legacyId),
    releaseHold: changing(port.releaseHold.bind(port), (input) => input.orderGid),
    cancelOrder: changing(port.cancelOrder.bind(port), (input) => input.orderGid),
    cancelOrderForWithdrawal: changing(port.cancelOrderForWithdrawal.bind(port), (input) => input.orderGid),
    cancelLineItems: changing(port.cancelLineItems.bind(port), (input) => input.orderGid),
    requestReturn: changing(port.requestReturn.bind(port), (input) => input.orderGid),
  };
}

type ShopifyReadResult = Awaited<ReturnType<ShopifyPort["getOrderFacts"]>>;

/** A read from Shopify for a question: it may wait for the shop's bucket first (mutations keep their budget). */
export interface QuestionReads {
  readFreshForQuestion(orderId: string): Promise<ShopifyReadResult>;
  readWithdrawalFreshForQuestion?(
    orderId: string,
    options: WithdrawalReadOptions,
  ): ReturnType<ShopifyPort["getWithdrawalFacts"]>;
}

/** How long questions wait for the bucket before reading, when the budget is low and nothing is cached. */
export const QUESTION_DEFER = { cost: ORDER_FACTS_REQUESTED_COST, maxWaitMs: DEFER_MAX_MS };

/** The same for the withdrawal facts of a question (`AmendWithdrawalFacts`, or the lines only). */
export const withdrawalQuestionDefer = (options: WithdrawalReadOptions) => ({
  cost: withdrawalFactsRequestedCost(options.size, options.linesOnly),
  maxWaitMs: DEFER_MAX_MS,
});
