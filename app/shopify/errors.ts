import type { MailingAddress } from "~/domain/types";

/** One entry of a mutation payload's `userErrors` (or `orderCancelUserErrors`). */
export interface ShopifyUserErrorEntry {
  field: string[] | null;
  message: string;
  code: string | null;
}

/** Shopify refused a mutation (`userErrors`); nothing was applied. The first message is the error message. */
export class ShopifyUserError extends Error {
  override readonly name = "ShopifyUserError";
  constructor(
    readonly operation: string,
    readonly userErrors: ShopifyUserErrorEntry[],
  ) {
    super(`${operation} was refused by Shopify: ${userErrors[0]?.message ?? "no message"}`);
  }

  /** From a mutation payload's `userErrors` as the query selected them (no `code` selected → null). */
  static of(
    operation: string,
    errors: readonly { field?: string[] | null; message: string; code?: string | null }[],
  ): ShopifyUserError {
    return new ShopifyUserError(
      operation,
      errors.map((e) => ({ field: e.field ?? null, message: e.message, code: e.code ?? null })),
    );
  }

  /** Whether any of the errors carries this code. */
  hasCode(code: string): boolean {
    return this.userErrors.some((e) => e.code === code);
  }
}

/**
 * Shopify could not be reached or kept failing (5xx, 429, network, throttled past the bound).
 * The caller should retry later (a 503 with `Retry-After: retryAfterSeconds` for the customer API).
 * `mayHaveApplied` is true when a mutation was possibly executed before the answer was lost.
 */
export class ShopifyUnavailableError extends Error {
  override readonly name = "ShopifyUnavailableError";
  readonly operation: string;
  readonly retryAfterSeconds: number;
  readonly mayHaveApplied: boolean;
  readonly status: number | null;
  /** For the shop's Admin API budget (throttled past the bound, or a question's read kept back for changes). */
  readonly budget: boolean;
  constructor(args: {
    operation: string;
    message: string;
    retryAfterSeconds?: number;
    mayHaveApplied?: boolean;
    status?: number | null;
    budget?: boolean;
    cause?: unknown;
  }) {
    super(`Shopify Admin API unavailable for ${args.operation}: ${args.message}`, { cause: args.cause });
    this.operation = args.operation;
    this.retryAfterSeconds = args.retryAfterSeconds ?? 5;
    this.mayHaveApplied = args.mayHaveApplied ?? false;
    this.status = args.status ?? null;
    this.budget = args.budget ?? false;
  }
}

/** The Admin API answered with top-level `errors` that a retry cannot fix (invalid query, access denied, …). */
export class AdminApiError extends Error {
  override readonly name = "AdminApiError";
  constructor(
    readonly operation: string,
    message: string,
    readonly codes: string[] = [],
    readonly status: number | null = null,
  ) {
    super(`Admin API error in ${operation}: ${message}`);
  }
}

/** Shopify accepted the address change but the order or its open fulfillment orders kept another address. */
export class AddressNotAppliedError extends Error {
  override readonly name = "AddressNotAppliedError";
  constructor(
    readonly orderId: string,
    readonly requested: MailingAddress,
    /** Where the read-back differs: "order" or a fulfillment order id, with the address found there. */
    readonly mismatches: { where: string; found: Partial<MailingAddress> | null }[],
  ) {
    super(
      `Shopify did not apply the new shipping address to ${orderId}: ` +
        mismatches.map((m) => `${m.where} still has ${JSON.stringify(m.found)}`).join("; "),
    );
  }
}

/** The order does not exist in the shop (or the app cannot see it). */
export class OrderNotFoundError extends Error {
  override readonly name = "OrderNotFoundError";
  constructor(readonly orderId: string) {
    super(`Order ${orderId} was not found in Shopify`);
  }
}

/** Another attempt of the same mutation is in flight (same ledger key); retry once it has finished. */
export class MutationInFlightError extends Error {
  override readonly name = "MutationInFlightError";
  constructor(readonly key: string) {
    super(`The Shopify mutation ${key} is already being sent by another attempt; retry later`);
  }
}
