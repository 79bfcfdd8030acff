import type { RequestStatus } from "~/domain/types";

/** Shared by the admin's services and pages (client-safe: no server code). */

/** The inbox's tabs and the statuses each shows; "Needs action" first. null = every status. */
export const INBOX_TABS = {
  NEEDS_ACTION: ["PENDING", "NEEDS_INFO", "FAILED"],
  ALL: null,
  APPLIED: ["APPLIED"],
  REJECTED: ["REJECTED"],
  CLOSED: ["WITHDRAWN", "EXPIRED", "SUPERSEDED"],
} as const satisfies Record<string, readonly RequestStatus[] | null>;
export type InboxTab = keyof typeof INBOX_TABS;
export const INBOX_TAB_NAMES = Object.keys(INBOX_TABS) as InboxTab[];

export const INBOX_SORTS = ["created_desc", "created_asc", "updated_desc", "updated_asc"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** The longest note staff may write on a decision or a store cancellation. */
export const STAFF_NOTE_MAX_LENGTH = 2000;

/** What staff can do to a request from the admin. */
export const STAFF_ACTIONS = ["approve", "reject", "requestInfo", "retry"] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
