import { Prisma } from "@prisma/client";

/** True when `error` is a unique-constraint violation; `target` narrows it to one column. */
export function isUniqueViolation(error: unknown, target?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!target) return true;
  const meta = error.meta as
    { target?: string | string[]; modelName?: string; driverAdapterError?: unknown } | undefined;
  const fields = meta?.target ?? JSON.stringify(meta?.driverAdapterError ?? "");
  return (Array.isArray(fields) ? fields.join(",") : String(fields)).includes(target);
}
