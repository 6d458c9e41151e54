import "server-only";
import { z } from "zod";
import type { RequestCategory } from "@/lib/categories/category-definition";
import type { PendingRequest, RequestPage } from "@/lib/requests/pending-request";

/**
 * A page of requests as this caller may act on them. Contract §7: Graph lets a delegated caller cancel a
 * directory-role request only with Privileged Role Administrator, their own requests included, so a Granted
 * request of a caller without the role is not offered for cancelling, and says why. Applies to both views: a
 * Global Reader may list everyone's requests but cancel none.
 */
export function withCancelRights(page: RequestPage, category: RequestCategory<unknown>, token: string): RequestPage {
  const required = category.cancelRoles;
  if (!required) return page;
  const roles = directoryRolesInToken(token);
  // Unknown roles (no readable `wids`): offer Cancel as the status allows; Graph's 403 explains a refusal.
  if (!roles || required.templateIds.some((id) => roles.has(id.toLowerCase()))) return page;
  return { ...page, items: page.items.map((item) => blockCancel(item, required.reason)) };
}

function blockCancel(item: PendingRequest, reason: string): PendingRequest {
  return item.cancellable ? { ...item, cancellable: false, cancelBlockedReason: reason } : item;
}

const widsSchema = z.object({ wids: z.array(z.string()) });

/**
 * The directory roles (template ids, lower case) in a Graph access token's `wids` claim, or null when the token
 * is not a JWT carrying that claim. Decoded, not verified: Graph verifies the token and enforces the role on every
 * call, so this only decides whether to offer a button. Clients are told to treat access tokens as opaque (which
 * is why `caller.ts` asks `/me` for the user's id); a token that cannot be read this way hides nothing. The claim
 * holds the roles active when the token was issued, the ones Graph checks, without a Graph call per page.
 */
export function directoryRolesInToken(token: string): ReadonlySet<string> | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims = widsSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return claims.success ? new Set(claims.data.wids.map((id) => id.toLowerCase())) : null;
  } catch {
    return null;
  }
}
