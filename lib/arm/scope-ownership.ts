import "server-only";
import type { VisibleScope } from "./visible-scopes";

// The admin view lists its visible scopes a few per page, and ARM lists a request at its own scope and at every scope
// above it (contract "Finding the scopes an admin can see"; the stand-in's unfiltered list is "at the scope and
// below"). A page cannot remember what earlier pages showed, so each row has one owner among the visible scopes,
// decided from ids alone, and only its owner's listing shows it:
//
// - a row at or under a visible subscription belongs to that subscription: its id starts `/subscriptions/<id>`, so
//   the prefix says so, whatever management groups sit above it (their ids do not say what they hold);
// - a row whose scope is a visible management group belongs to that group's own listing, not to the groups above it;
// - any other row has no owner and is not shown. A management group listing returns such a row only for a scope the
//   caller cannot see although they read above it, which ARM's inherited access leaves to subscriptions the view
//   leaves out on purpose (Disabled, Deleted: visible-scopes.ts) and lists caught mid-change.
//
// So the owner never depends on the order of the scopes or on which page lists them: any two listings that return
// a row agree on which of them shows it. A scope that refuses its list (403, 404) is named under the list, and its
// rows are not picked up by a group above it.

/** The visible scopes in the order the admin view pages through them. */
export function inPagingOrder(scopes: readonly VisibleScope[]): VisibleScope[] {
  // Subscriptions first (the scopes most requests sit under), then management groups, each by id: ARM's own order
  // (the subscriptions list sorts by display name) would move a scope between pages when it is renamed.
  const rank = (scope: VisibleScope) => (scope.kind === "Subscription" ? 0 : 1);
  const key = (scope: VisibleScope) => scope.id.toLowerCase();
  return [...scopes].sort((a, b) => rank(a) - rank(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** For a row's scope id, the visible scope whose listing shows it, if any (ids compared case-insensitively). */
export function scopeOwner(scopes: readonly VisibleScope[]): (rowScope: string) => VisibleScope | undefined {
  const byId = new Map(scopes.map((scope) => [scope.id.toLowerCase(), scope]));
  return (rowScope) => {
    const id = rowScope.toLowerCase();
    const subscription = /^\/subscriptions\/[^/]+/.exec(id)?.[0];
    const owner = byId.get(subscription ?? id);
    return owner && (subscription ? owner.kind === "Subscription" : owner.kind === "Management group") ? owner : undefined;
  };
}
