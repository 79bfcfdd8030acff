import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { isAdminSessionToken, unverifiedClaims } from "~/http/session-token.server";
import { setLogShop } from "~/logger.server";
import { authenticate, unauthenticated } from "~/shopify.server";

/** The demo shop (npm run demo): its offline session is created by the demo launcher. */
export const DEMO_SHOP = process.env.DEMO_SHOP ?? "amend-demo.myshopify.com";

export interface AdminContext {
  shop: string;
  /** The Admin API for this shop (the library's client). */
  graphql: (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;
  /** Who is acting (for the request history): the staff member's name or email when Shopify says. */
  staff: string;
  /** True in the offline demo: the page is in a plain browser tab, outside Shopify admin. */
  demo: boolean;
}

/**
 * Authenticates an admin page or action. In Shopify admin: the library's embedded auth (token exchange).
 * In the offline demo (DEMO_MODE=true, never in production): the demo shop's offline session, so the pages
 * work in a plain browser tab.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  if (env().DEMO_MODE && process.env.NODE_ENV !== "production") {
    const { admin, session } = await unauthenticated.admin(DEMO_SHOP);
    setLogShop(session.shop);
    return { shop: session.shop, graphql: admin.graphql, staff: "Demo staff", demo: true };
  }
  const claims = unverifiedClaims(request);
  // only an admin's token, naming its shop (a customer's token is signed with the same secret); the library verifies it next
  if (claims && !isAdminSessionToken(claims)) throw new Response(null, { status: 401 });
  const { admin, session } = await authenticate.admin(request);
  setLogShop(session.shop);
  const user = session.onlineAccessInfo?.associated_user;
  const staff = user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : "Staff";
  return { shop: session.shop, graphql: admin.graphql, staff, demo: false };
}

export { prisma };
