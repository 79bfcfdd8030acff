import { z } from "zod";
import { STAFF_ACTIONS, STAFF_NOTE_MAX_LENGTH } from "~/admin/constants";
import { STORE_CANCEL_REASONS } from "~/domain/types";

/** The request page's two forms: a staff decision and the store's own cancellation. */

const DecisionSchema = z.object({
  intent: z.enum(STAFF_ACTIONS),
  note: z.string().max(STAFF_NOTE_MAX_LENGTH).optional(),
});

const StoreCancelSchema = z.object({
  intent: z.literal("storeCancel"),
  scope: z.enum(["WHOLE_ORDER", "ITEMS"]),
  reason: z.enum(STORE_CANCEL_REASONS),
  note: z.string().max(STAFF_NOTE_MAX_LENGTH).optional(),
  actionKey: z.string().uuid(),
  lines: z.array(z.object({ lineItemId: z.string().min(1), quantity: z.coerce.number().int().min(0) })),
});

export type FormResult<T> = { ok: true; data: T } | { ok: false; code: "INVALID_INPUT" | "NOTE_REQUIRED" };

/** A decision: one of the staff actions, and a note; asking the customer for information needs one. */
export function parseDecisionForm(intent: string, form: FormData): FormResult<z.infer<typeof DecisionSchema>> {
  const parsed = DecisionSchema.safeParse({ intent, note: form.get("note") ?? undefined });
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT" };
  if (parsed.data.intent === "requestInfo" && !parsed.data.note?.trim()) return { ok: false, code: "NOTE_REQUIRED" };
  return { ok: true, data: parsed.data };
}

/** The store's cancellation: scope, reason, note, the page's action key, and a `qty:<line item id>` per line. */
export function parseStoreCancelForm(form: FormData): FormResult<z.infer<typeof StoreCancelSchema>> {
  const parsed = StoreCancelSchema.safeParse({
    intent: form.get("intent"),
    scope: form.get("scope"),
    reason: form.get("reason"),
    note: form.get("note") ?? undefined,
    actionKey: form.get("actionKey"),
    lines: [...form.entries()]
      .filter(([k]) => k.startsWith("qty:"))
      .map(([k, v]) => ({ lineItemId: k.slice(4), quantity: String(v) || "0" })),
  });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, code: "INVALID_INPUT" };
}

/** What the request page's action answers, as its forms read it. */
export type RequestActionResult = {
  ok: boolean;
  intent: string;
  status?: string;
  scope?: string;
  error?: { code: string; message?: string };
};

const BulkSchema = z.object({
  intent: z.enum(["approve", "reject"]),
  ids: z.array(z.string().min(1).max(64)).min(1).max(250),
  note: z.string().max(STAFF_NOTE_MAX_LENGTH).optional(),
});

/** The inbox's bulk decision: approve or reject up to 250 requests with one note. */
export function parseBulkDecisionForm(form: FormData): FormResult<z.infer<typeof BulkSchema>> {
  const parsed = BulkSchema.safeParse({
    intent: form.get("intent"),
    ids: form.getAll("ids"),
    note: form.get("note") ?? undefined,
  });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, code: "INVALID_INPUT" };
}

/** What the inbox's bulk decision answers: how many were decided, and each one that failed with its code. */
export type BulkDecisionResult = {
  ok: boolean;
  intent?: "approve" | "reject";
  done?: number;
  failed?: { id: string; orderName: string | null; code: string }[];
  error?: { code: string };
};
