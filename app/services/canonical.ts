/**
 * A value as JSON with its object keys sorted (absent and undefined fields alike): two equal bodies give the same
 * text, whatever order their keys came in. Idempotency keys and "same submission?" checks hash or compare it.
 */
export function canonical(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(JSON.parse(JSON.stringify(value ?? null))));
}
