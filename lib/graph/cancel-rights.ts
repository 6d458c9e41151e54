import "server-only";
import type { GraphCategory } from "@/lib/categories/category-definition";
import type { PendingRequest, RequestPage } from "@/lib/requests/pending-request";

/**
 * A page of requests as this caller may act on them. Contract §7: Graph lets a delegated caller cancel a
 * directory-role request only with Privileged Role Administrator, their own requests included, so a cancellable
 * request of a caller without the role is not offered for cancelling, and says why. Applies to both views: a
 * Global Reader may list everyone's requests but cancel none. `roles` are the caller's active directory roles as
 * Graph reported them (caller-roles.ts); null when Graph would not say, and then Cancel is offered as the status
 * allows and Graph's 403 explains a refusal.
 */
export function withCancelRights(page: RequestPage, category: GraphCategory<unknown>, roles: ReadonlySet<string> | null): RequestPage {
  const required = category.cancelRoles;
  if (!required || !roles || required.templateIds.some((id) => roles.has(id.toLowerCase()))) return page;
  return { ...page, items: page.items.map((item) => blockCancel(item, required.reason)) };
}

function blockCancel(item: PendingRequest, reason: string): PendingRequest {
  return item.cancellable ? { ...item, cancellable: false, cancelBlockedReason: reason } : item;
}
