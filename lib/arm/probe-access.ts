import "server-only";
import type { ArmCategory } from "@/lib/categories/category-definition";
import type { CategoryAccess, ViewAccess } from "@/lib/requests/category-access";
import { ArmHttpError } from "./arm-error";
import { NO_VISIBLE_SCOPES_MESSAGE } from "./no-visible-scopes";
import { mapArmError } from "./map-arm-error";
import { listVisibleScopes } from "./visible-scopes";

/**
 * What each ARM category lets the user list, from the scope discovery alone (two list calls, shared by every
 * category, side by side), not a call per category:
 * - `mine` lists at the tenant root with a filter that keeps to the caller, which ARM allows anyone whose token it
 *   accepts (contract "Endpoints"), so it is available unless ARM refuses the token;
 * - `all` lists the management groups and subscriptions the caller can see, so it is available when there is one.
 * A claims challenge throws (mapped `claims_challenge`): the whole answer waits until the user has verified again.
 * An outage or throttling says nothing about rights: both views stay available, and the list shows its own error.
 */
export async function probeArmAccess(categories: readonly ArmCategory<unknown>[], token: string): Promise<{ categories: CategoryAccess[] }> {
  if (categories.length === 0) return { categories: [] };
  let views: Record<"mine" | "all", ViewAccess>;
  try {
    const scopes = await listVisibleScopes(token);
    views = {
      mine: { available: true },
      all: scopes.length > 0 ? { available: true } : { available: false, code: "forbidden", message: NO_VISIBLE_SCOPES_MESSAGE },
    };
  } catch (error) {
    if (error instanceof ArmHttpError && error.claimsChallenge) throw mapArmError(error);
    if (!(error instanceof ArmHttpError) || (error.status !== 401 && error.status !== 403)) {
      views = { mine: { available: true }, all: { available: true } };
    } else {
      // ARM refused the token itself (401), or the subscription list (403, which ARM shows to anyone it accepts).
      const refused = mapArmError(error);
      const answer: ViewAccess = { available: false, code: refused.code, message: refused.message };
      views = { mine: error.status === 401 ? answer : { available: true }, all: answer };
    }
  }
  return { categories: categories.map((category) => ({ category: category.summary.slug, views: { ...views } })) };
}
