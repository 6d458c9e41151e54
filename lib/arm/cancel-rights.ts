import "server-only";
import { z } from "zod";
import type { ArmCategory } from "@/lib/categories/category-definition";
import { AppError } from "@/lib/errors/app-error";
import type { PendingRequest } from "@/lib/requests/pending-request";
import { ArmHttpError, ArmUnreachableError } from "./arm-error";
import { armListPath } from "./arm-paths";
import { fetchArmPage } from "./collection";
import { joinNames } from "./map-arm-error";
import { permitsAction, readScopePermissions } from "./scope-permissions";
import type { VisibleScope } from "./visible-scopes";

// The admin view ("All requests") offers Cancel where ARM would accept it, not from the status alone. ARM refuses a
// cancel (403 AuthorizationFailed) unless the caller holds `…/cancel/action` at the request's scope (Owner, User
// Access Administrator) or is the request's principal or requestor (contract "Cancel rules"): a Reader of a
// subscription lists its requests but cannot cancel them. So beside each scope's list the page reads the caller's
// permissions there (scope-permissions.ts) and decides per row:
//
// - Blocked (cancellable: false, with the reason) only when the row's own scope is one of the listed scopes and ARM
//   said the caller's roles there do not carry the cancel action. Permissions at a scope include every role inherited
//   from above, so that answer is complete for the row; and a scope above that allowed it would have allowed it
//   there too, so "allowed under any scope that lists the row" needs no separate check.
// - Left as the status says when the row sits deeper than every scope read (a resource group, a resource): a role
//   assigned down there could carry the action and no permission read covers it, so ARM decides on the click. Also
//   when the permission read failed (403, 404, an outage): not knowing is not "no".
// - Left too when the row is the caller's own (principal or requestor). The app never decodes the user's token, so
//   the caller's object id comes from ARM: the principal of a user row on the first page of the category's own
//   self-service list (`asTarget()`, the list My requests shows, which ARM allows anyone), read once, and only when a
//   row would otherwise be blocked. When that page has no user row (or fails), an own request at a scope where the
//   caller cannot cancel is blocked here too, and its reason points to My requests, which offers it.
// My requests itself is never touched: ARM lets anyone cancel their own requests.

/** Whether ARM lets the caller cancel this category's requests at a scope; undefined when it did not say. */
export interface ScopeCancelRight {
  scope: VisibleScope;
  allowed: boolean | undefined;
}

export async function readCancelRight(category: ArmCategory<unknown>, scope: VisibleScope, token: string): Promise<ScopeCancelRight> {
  const permissions = await readScopePermissions(scope.id, token);
  return { scope, allowed: permissions ? permitsAction(permissions, category.cancelAction) : undefined };
}

/** The rows of an admin page, with Cancel withdrawn (and explained) where ARM would refuse it. */
export async function withArmCancelRights(
  items: PendingRequest[],
  rights: readonly ScopeCancelRight[],
  category: ArmCategory<unknown>,
  token: string,
): Promise<PendingRequest[]> {
  const refusedAt = new Map(rights.filter((r) => r.allowed === false).map((r) => [r.scope.id.toLowerCase(), r.scope]));
  const refusalOf = (item: PendingRequest) => (item.cancellable && item.scope ? refusedAt.get(item.scope.id.toLowerCase()) : undefined);
  if (!items.some(refusalOf)) return items;

  const callerId = (await callerObjectId(category, token))?.toLowerCase();
  const isOwn = (item: PendingRequest) => callerId !== undefined && [item.principal.id, item.requestedBy?.id].some((id) => id?.toLowerCase() === callerId);
  return items.map((item) => {
    const scope = refusalOf(item);
    return scope && !isOwn(item) ? { ...item, cancellable: false, cancelBlockedReason: blockedReason(category, scope, callerId !== undefined) } : item;
  });
}

function blockedReason(category: ArmCategory<unknown>, scope: VisibleScope, callerKnown: boolean): string {
  const own = callerKnown ? "" : " If this is your own request, cancel it from My requests.";
  return (
    `Azure does not let you cancel requests at ${scope.displayName}: that needs ${category.cancelAction}, which ` +
    `${joinNames(category.cancelActionRoles)} carry. None of your roles there includes it.${own}`
  );
}

const selfRowSchema = z.object({ properties: z.object({ principalId: z.string(), principalType: z.string().nullish() }) });

/**
 * The signed-in user's object id, from the first page of their own requests (`asTarget()` at the tenant root): the
 * principal of a row whose principal is a user. One call; undefined when that page has no such row or ARM would not
 * answer (a claims challenge is thrown, as the list's is).
 */
async function callerObjectId(category: ArmCategory<unknown>, token: string): Promise<string | undefined> {
  const plan = category.list.mine;
  if (plan.scopes !== "tenant-root") return undefined;
  const path = armListPath(category, "", plan.filter);
  try {
    const { entities } = await fetchArmPage(path, path, token);
    for (const raw of entities) {
      const row = selfRowSchema.safeParse(raw).data;
      if (row?.properties.principalType?.toLowerCase() === "user") return row.properties.principalId;
    }
    return undefined;
  } catch (error) {
    if (error instanceof ArmHttpError && error.claimsChallenge !== undefined) throw error;
    if (error instanceof ArmHttpError || error instanceof ArmUnreachableError || error instanceof AppError) return undefined;
    throw error;
  }
}
