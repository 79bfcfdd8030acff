import type { ChangeRequest } from "@prisma/client";
import { z } from "zod";
import { REASON_CODES, type MailingAddress } from "~/domain/types";

/**
 * What a request stores besides its columns: `payload` (what the customer asked, per kind) and `evaluation`
 * (the rules evaluated for the decision), both JSON text. They are read here and only here.
 *
 * Reading is lenient: a field that is missing or not of its type reads as null (and an unreadable evaluation
 * as no rules), so a row written by an older version still shows what it has.
 */

/** A field that reads as null when missing or not of its type. */
const orNull = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .catch(null)
    .transform((value) => value ?? null);

const Address = z.object({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  company: z.string().nullish(),
  address1: z.string(),
  address2: z.string().nullish(),
  city: z.string(),
  provinceCode: z.string().nullish(),
  zip: z.string().nullish(),
  countryCode: z.string(),
  phone: z.string().nullish(),
}) satisfies z.ZodType<MailingAddress>;

/** How to reach the customer, as the order had it when the request was made (for notifications). */
const Contact = z.object({
  firstName: orNull(z.string()),
  lastName: orNull(z.string()),
  email: orNull(z.string()),
  phone: orNull(z.string()),
  statusPageUrl: orNull(z.string()),
});

const AddressChangePayload = z.object({
  kind: z.literal("ADDRESS_CHANGE"),
  /** The new shipping address. */
  address: orNull(Address),
  /** The order's shipping address before the change. */
  previousAddress: orNull(Address),
  contact: orNull(Contact),
});

const CancellationPayload = z.object({
  kind: z.literal("CANCELLATION"),
  /** The customer's reason (a CustomerReason code). */
  reason: orNull(z.string()),
  note: orNull(z.string()),
  contact: orNull(Contact),
  /** The order's shipping address when the request was made. */
  shippingAddress: orNull(Address),
});

/** One withdrawn line of the order, as the statement names it. */
const WithdrawnItem = z.object({
  lineItemId: z.string(),
  title: z.string(),
  quantity: z.number().int().positive(),
});

/** What Amend does in Shopify for a withdrawal (app/domain/withdrawal.ts planWithdrawal), kept to resume it. */
const WithdrawalPlan = z.object({
  outcome: z.enum(["CANCELLATION", "RETURN"]),
  cancelOrder: z.boolean(),
  cancelLines: z.array(z.object({ lineItemId: z.string(), keep: z.number().int().min(0) })),
  returnLines: z.array(z.object({ fulfillmentLineItemId: z.string(), quantity: z.number().int().positive() })),
  unplaced: z.array(WithdrawnItem),
});

/** The consumer's withdrawal statement, as submitted (what the acknowledgement repeats). */
const WithdrawalStatement = z.object({
  /** The consumer's name as they typed it. */
  name: z.string(),
  /** null: the whole order; else the items and quantities withdrawn. */
  items: orNull(z.array(WithdrawnItem)),
  wholeOrder: z.boolean(),
  /** ISO date-time of the submission: the acknowledgement states it. */
  submittedAt: z.string(),
  source: z.enum(["CUSTOMER_ACCOUNT", "STOREFRONT"]),
  acknowledgeBy: z.object({ email: z.boolean(), sms: z.boolean() }),
});

const WithdrawalPayload = z.object({
  kind: z.literal("WITHDRAWAL"),
  statement: orNull(WithdrawalStatement),
  /** CANCELLATION: nothing had shipped, the order (or the items) is cancelled; RETURN: a Shopify return is requested. */
  outcome: orNull(z.enum(["CANCELLATION", "RETURN"])),
  /** ISO date-time: 14 days after the withdrawal, when the merchant must have reimbursed the consumer. */
  reimbursementDueBy: orNull(z.string()),
  /** The Shopify return (gid) once requested. */
  returnId: orNull(z.string()),
  /** Every withdrawn line and quantity (the whole order's too, where the statement says `items: null`). */
  lines: orNull(z.array(WithdrawnItem)),
  /** A digest of the submitted body: a replay with the same Idempotency-Key must send the same. */
  fingerprint: orNull(z.string()),
  /** The plan in Shopify, once an apply computed it (resumed after a partial success). */
  plan: orNull(WithdrawalPlan),
  contact: orNull(Contact),
});

const RequestPayload = z.discriminatedUnion("kind", [AddressChangePayload, CancellationPayload, WithdrawalPayload]);

/** A request's payload, by kind. */
export type RequestPayload = z.infer<typeof RequestPayload>;
export type Contact = z.infer<typeof Contact>;
export type WithdrawalPayload = z.infer<typeof WithdrawalPayload>;
export type WithdrawalStatement = z.infer<typeof WithdrawalStatement>;
export type WithdrawnItem = z.infer<typeof WithdrawnItem>;

/** What a new request of each kind stores (its kind is the request's column). */
export type NewRequestPayload =
  | Omit<z.input<typeof AddressChangePayload>, "kind">
  | Omit<z.input<typeof CancellationPayload>, "kind">
  | Omit<z.input<typeof WithdrawalPayload>, "kind">;

function jsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? { ...value } : {};
  } catch {
    return {};
  }
}

/** The request's payload for its kind. */
export function decodePayload(request: Pick<ChangeRequest, "kind" | "payload">): RequestPayload {
  return RequestPayload.parse({ ...jsonObject(request.payload), kind: request.kind });
}

const EvaluatedRule = z.object({
  code: z.enum(REASON_CODES),
  passed: z.boolean(),
  params: z.record(z.string(), z.string()).optional(),
});
/** One rule as evaluated for a request. */
export type EvaluatedRule = z.infer<typeof EvaluatedRule>;

const Evaluation = z.array(EvaluatedRule).catch([]);

/** The rules evaluated for the request's decision, in the order they ran. */
export function decodeEvaluation(request: Pick<ChangeRequest, "evaluation">): EvaluatedRule[] {
  let value: unknown;
  try {
    value = JSON.parse(request.evaluation);
  } catch {
    return [];
  }
  return Evaluation.parse(value);
}
