import { toHttpError } from "~/http/errors.server";

/** A failed admin action as the page shows it: a code the admin texts explain, and details. */
export interface AdminActionError {
  code: string;
  status: number;
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** What a use case threw, as the admin pages show it (the shared mapping; unknown errors are logged). */
export function toAdminError(error: unknown, context: Record<string, unknown> = {}): AdminActionError {
  const { code, status, message } = toHttpError(error, context);
  return { code, status, message };
}
